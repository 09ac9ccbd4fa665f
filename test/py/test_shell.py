# SPDX-License-Identifier: MIT
"""The shell: prompt, line editing, parsing, $?, the environment."""
import re

import pytest

from conftest import BANNER_RE, CONFIG, link_table


def test_banner_and_prompt(console):
    assert re.search(BANNER_RE, console.output)
    assert console.output.rstrip().endswith("=>")


def test_unknown_command(console):
    out = console.run("frobnicate", allow=("unknown",))
    assert out == ["Unknown command 'frobnicate' - try 'help'"]
    assert console.status() == 1


def test_help_lists_sorted_commands(console):
    lines = console.run_ok("help")
    names = [l.split()[0] for l in lines if l]
    assert names[0] == "?"
    assert names == sorted(names)
    for required in ("help", "version", "echo", "printenv", "setenv", "run"):
        assert required in names
    for l in lines:
        assert re.match(r"^\S+ +- ", l) and (l[10:12] == "- " or
                                             l.index(" - ") > 9), l
    # Exactly the commands the linker put in the table, in its order.
    assert names == [name for name, _, _ in link_table("commands")[2]]


def test_help_one_command(console):
    lines = console.run_ok("help echo")
    assert lines[0] == "echo - echo args to console"
    assert "Usage:" in lines
    assert console.run_ok("? echo") == lines


def test_version(console):
    lines = console.run_ok("version", allow=("banner",))
    assert re.match(BANNER_RE, lines[0])


def test_echo_and_quotes(console):
    assert console.run_ok("echo a  b") == ["a b"]
    assert console.run_ok("echo 'a  b'") == ["a  b"]
    assert console.run_ok('echo "x  y"z') == ["x  yz"]
    assert console.run_ok("echo -n no; echo line") == ["noline"]
    assert console.run_ok(r"echo a\;b") == ["a;b"]
    assert console.run_ok("echo a # comment") == ["a"]


def test_variables_expand_when_each_command_runs(console):
    console.run_ok("setenv foo bar baz")
    assert console.run_ok("echo $foo ${foo}!") == ["bar baz bar baz!"]
    assert console.run_ok("echo '$foo'") == ["$foo"]
    assert console.run_ok('echo "$foo"') == ["bar baz"]
    assert console.run_ok("setenv v 1; echo $v; setenv v 2; echo $v") == ["1", "2"]
    assert console.run_ok("echo [$undefined]") == ["[]"]


def test_status_and_operators(console):
    assert console.run("false_cmd || echo failed", allow=("unknown",))[-1] == "failed"
    assert console.run_ok("echo a && echo b") == ["a", "b"]
    out = console.run("nosuch && echo no; echo $?", allow=("unknown",))
    assert out[-1] == "1"
    assert console.run_ok("echo x; echo $?") == ["x", "0"]
    out = console.run("printenv nosuch || echo fallback")
    assert out == ['## Error: "nosuch" not defined', "fallback"]


def test_unterminated_quote(console):
    out = console.run_fail("echo 'abc")
    assert "syntax error" in out[0]


def test_printenv_setenv(console):
    lines = console.run_ok("printenv")
    assert "bootdelay=" + CONFIG["BOOTDELAY"] in lines
    assert any(l.startswith("Environment size: ") for l in lines)
    names = [l.split("=")[0] for l in lines if "=" in l]
    assert names == sorted(names)
    console.run_ok("setenv greeting hello world")
    assert console.run_ok("printenv greeting") == ["greeting=hello world"]
    console.run_ok("setenv greeting")
    assert console.run_fail("printenv greeting") == ['## Error: "greeting" not defined']


def test_env_default(console):
    console.run_ok("setenv bootdelay 7; setenv extra 1")
    assert console.run_ok("env default -a") == ["## Resetting to default environment"]
    assert console.run_ok("printenv bootdelay") == ["bootdelay=" + CONFIG["BOOTDELAY"]]
    console.run_fail("printenv extra")


def test_env_print_and_set(console):
    """U-Boot's spellings: env print = printenv, env set = setenv."""
    assert "env default -a | print [name ...] | set name [value ...]" in \
        console.run_ok("help env")
    assert console.run_ok("env print") == console.run_ok("printenv")
    assert console.run_ok("env print bootdelay") == ["bootdelay=" + CONFIG["BOOTDELAY"]]
    console.run_ok("env set greeting hello  'big world'")
    assert console.run_ok("printenv greeting") == ["greeting=hello big world"]
    assert console.run_ok("env print greeting bootdelay") == [
        "greeting=hello big world", "bootdelay=" + CONFIG["BOOTDELAY"]]
    console.run_ok("env set greeting")
    assert console.run_fail("env print greeting") == ['## Error: "greeting" not defined']
    assert console.run_fail("printenv greeting") == ['## Error: "greeting" not defined']
    assert console.run_fail("env")[0] == "Usage:"
    assert console.run_fail("env frob")[0] == "Usage:"


def test_run(console):
    console.run_ok("setenv a 'echo one; echo two'")
    assert console.run_ok("run a") == ["one", "two"]
    console.run_ok("setenv loop 'run loop'")
    out = console.run_fail("run loop")
    assert any("nested" in l for l in out)
    assert "not defined" in console.run_fail("run nothing")[0]


def test_backspace_and_ctrl_u(console):
    console.send("echo abx\x08c\r")
    assert console.read_prompt().endswith("\nabc")
    console.send("echo junk\x15echo clean\r")
    assert console.read_prompt().endswith("\nclean")


def test_ctrl_c_cancels_line(console):
    console.send("echo never\x03")
    assert console.read_prompt().endswith("^C")
    assert console.run_ok("echo after") == ["after"]


def test_history(console):
    console.run("echo first")
    console.run("echo second")
    console.send("\x1b[A\x1b[A\r")          # up twice: "echo first"
    assert console.read_prompt().split("\n")[-1] == "first"


def test_tab_completes_command(console):
    console.send("vers\t\r")
    assert re.search(BANNER_RE, console.read_prompt())


def test_lf_and_crlf_end_lines(console):
    console.send("echo lf\n")
    assert console.read_prompt().endswith("\nlf")
    console.send("echo crlf\r\n")
    assert console.read_prompt().endswith("\ncrlf")
    # the LF of CR LF is not an empty line (which would repeat nothing here)
    assert console.run_ok("echo ok") == ["ok"]


def test_overlong_line_refused(console):
    size = int(CONFIG["SYS_CBSIZE"])
    out = console.run("echo " + "x" * (size + 10))
    assert any("Line too long" in l for l in out)
    assert console.status() == 1
    assert console.run_ok("echo fine") == ["fine"]


def test_too_many_arguments(console):
    n = int(CONFIG["SYS_MAXARGS"]) + 5
    out = console.run_fail("echo" + " a" * n)
    assert "too many" in out[0]


def test_help_of_every_command(console):
    names = [l.split()[0] for l in console.run_ok("help")]
    for name in names:
        lines = console.run_ok("help " + name, timeout=5)
        assert lines[0].startswith(name + " - ")
        assert "Usage:" in lines
