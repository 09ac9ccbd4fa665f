# SPDX-License-Identifier: MIT
"""The shell's language as U-Boot's hush has it: if/elif/else, for, while,
until, exit, $?, name=value, constructs typed over several lines with the
"> " prompt, scripts from fw_cfg and source, run; and the commands that
scripts test with: test/[, setexpr (arithmetic, *addr, sub/gsub), itest,
true, false. Ctrl-C stops a loop; run recursion stops at a fixed depth."""
import re

import pytest

from conftest import PROMPT_RE
from test_source import machine, mkimage

BUF = 0x48000000        # free RAM with -m 1G
UNMAPPED = 0x10000000000


def typed(console, *lines, allow=()):
    """Type lines one after another, each after the "> " prompt asking for
    more; return the output after the last line."""
    for line in lines[:-1]:
        console.send(line + "\r")
        console.expect(r"\r*\n> ")
    console.send(lines[-1] + "\r")
    out = console.read_prompt().split("\n")[1:]
    console.check("\n".join(out), allow)
    return out


def test_if_elif_else(console):
    assert console.run_ok("if true; then echo yes; fi") == ["yes"]
    assert console.run_ok("if false; then echo yes; fi") == []
    assert console.run_ok("if false; then echo 1; else echo 2; fi") == ["2"]
    assert console.run_ok("if false; then echo 1; elif true; then echo 2; "
                          "else echo 3; fi") == ["2"]
    assert console.run_ok("if test a = b; then echo 1; elif [ 1 -gt 2 ]; "
                          "then echo 2; else echo 3; fi") == ["3"]
    assert console.run_ok("if true; then if false; then echo a; else "
                          "echo b; fi; fi; echo c") == ["b", "c"]
    assert console.run_ok("echo if then fi") == ["if then fi"]


def test_if_typed_over_lines(console):
    out = typed(console, "if itest 10 -gt 9", "then", "  echo bigger",
                "else", "  echo smaller", "fi")
    assert out == ["bigger"]
    assert console.status() == 0


def test_for(console):
    assert console.run_ok("for i in a b c; do echo $i; done") == ["a", "b", "c"]
    console.run_ok("setenv list 'x y  z'")
    assert console.run_ok("for i in $list; do echo [$i]; done") == ["[x]", "[y]", "[z]"]
    assert console.run_ok('for i in "$list"; do echo "[$i]"; done') == ["[x y  z]"]
    assert console.run_ok("for i in 1 2; do for j in a b; do echo $i$j; "
                          "done; done") == ["1a", "1b", "2a", "2b"]
    # The loop variable is the shell's, not the environment's.
    assert console.run_fail("printenv i") == ['## Error: "i" not defined']
    out = typed(console, "for t in virtio fwcfg", "do", "echo target $t",
                "done")
    assert out == ["target virtio", "target fwcfg"]


def test_while_until_with_setexpr(console):
    console.run_ok("setenv n 0")
    out = console.run_ok("while itest $n -lt 3; do echo n=$n; "
                         "setexpr n $n + 1; done")
    assert out == ["n=0", "n=1", "n=2"]
    assert console.run_ok("printenv n") == ["n=3"]
    out = typed(console, "until itest $n == 0", "do", "setexpr n $n - 1",
                "echo $n", "done")
    assert out == ["2", "1", "0"]
    assert console.run_ok("while false; do echo never; done") == []


def test_status_through_constructs(console):
    assert console.run("false; echo $?") == ["1"]
    assert console.run("if false; then true; fi; echo $?") == ["0"]
    assert console.run("if true; then false; fi; echo $?") == ["1"]
    assert console.run("for i in 1; do false; done; echo $?") == ["1"]
    assert console.run("while false; do true; done; echo $?") == ["0"]
    assert console.run("if false; then true; fi && echo and") == ["and"]
    assert console.run("test 1 -eq 2 || echo or") == ["or"]


def test_shell_variables(console):
    assert console.run_ok("v=hello; echo $v ${v}!") == ["hello hello!"]
    console.run_fail("printenv v")
    # The environment is looked at after the shell's variables.
    console.run_ok("setenv w env")
    assert console.run_ok("echo $w") == ["env"]


def test_exit(console):
    console.run_ok("setenv s 'echo a; exit; echo b'")
    assert console.run_ok("run s && echo ok") == ["a", "ok"]
    console.run_ok("setenv s 'echo a; if true; then exit 3; fi; echo b'")
    assert console.run("run s; echo $?") == ["a", "1"]
    # Only the run that holds it is left: the caller goes on.
    console.run_ok("setenv t 'for i in 1 2; do run s; done; echo after'")
    assert console.run("run t") == ["a", "a", "after"]
    assert console.run("exit 4; echo no") == []
    assert console.status() == 4


def test_continuation_prompt(console):
    console.send("echo 'two\r")
    console.expect(r"\r*\n> ")
    console.send("lines'\r")
    assert console.read_prompt().split("\n")[1:] == ["two", "lines"]
    # Ctrl-C drops the unfinished construct: nothing of it runs.
    console.send("if true; then\r")
    console.expect(r"\r*\n> ")
    console.send("echo should-not-run\r")
    console.expect(r"\r*\n> ")
    console.send("\x03")
    assert console.read_prompt().strip() == "^C"
    assert console.run_ok("echo alive") == ["alive"]


def test_syntax_errors(console):
    assert console.run_fail("fi") == ["syntax error: unexpected keyword"]
    assert console.run_fail("if true; then echo a; fi fi") == [
        "syntax error: unexpected word"]
    assert console.run_fail("echo ${x") == ["syntax error: bad ${...}"]
    assert console.run_fail("for 1 in a; do echo; done") == [
        "syntax error: for: a variable name expected"]
    # Nothing of a command with an error runs, the commands before do.
    assert console.run("echo before; if true; then echo x; done") == [
        "before", "syntax error: unexpected keyword"]
    deep = "if true; then " * 40 + "echo deep; " + "fi; " * 40
    assert console.run_fail(deep) == ["syntax error: nested too deep"]


def test_ctrl_c_stops_a_loop(console):
    console.send("while true; do true; done; echo not-after\r")
    console.expect(r"echo not-after\r*\n")
    console.send("\x03")
    out = console.read_prompt()
    assert "<INTERRUPT>" in out and "not-after" not in out
    assert console.status() == 1
    # From inside run, every level stops.
    console.run_ok("setenv l 'while true; do true; done'")
    console.send("for i in 1 2 3; do run l; done; echo not-after\r")
    console.expect(r"echo not-after\r*\n")
    console.send("\x03")
    out = console.read_prompt()
    assert out.count("<INTERRUPT>") == 1 and "not-after" not in out
    # A command in the loop that takes the Ctrl-C itself stops it too.
    console.send("while true; do sleep 0.1; done; echo not-after\r")
    console.expect(r"echo not-after\r*\n")
    console.send("\x03")
    out = console.read_prompt()
    assert "<INTERRUPT>" in out and "not-after" not in out
    assert console.run_ok("echo alive") == ["alive"]


def test_run_recursion_stops(console):
    console.run_ok("setenv a 'run a'")
    out = console.run_fail("run a")
    assert out == ["run: nested more than 16 deep"]
    # Constructs count against one bound over every run level.
    console.run_ok("setenv b 'for i in 1; do if true; then while true; do "
                   "run b; exit; done; fi; done'")
    assert console.run("run b") == ["syntax error: nested too deep"]
    console.run_ok("setenv c 'if true; then run c; fi'")
    assert console.run_fail("run c") == ["run: nested more than 16 deep"]
    assert console.run_ok("echo alive") == ["alive"]


def test_test_command(console):
    yes = lambda cond: console.run("%s && echo T || echo F" % cond) == ["T"]
    assert yes("test abc = abc") and not yes("test abc = abd")
    assert yes("test abc != abd") and yes("test abc '<' abd")
    assert yes("test 10 -eq 10") and yes("test 9 -lt 10")
    assert yes("test 0x10 -eq 16") and not yes("test 9 -gt 10")
    assert yes("test -z ''") and yes("test -n x") and yes("test ! -z x")
    assert yes("test 1 -eq 1 -a 2 -le 2") and yes("test 1 -eq 2 -o 2 -ge 2")
    assert yes("[ a = a ]") and not yes("[ a = b ]")
    assert not yes("test") and not yes("test x")
    assert console.run_fail("[ a = a") == ["[: missing ']'"]
    assert yes("true") and not yes("false")


def test_setexpr(console):
    def value(cmd):
        console.run_ok(cmd)
        return console.run_ok("echo $r")[0]
    assert value("setexpr r 5 + 5") == "a"
    assert value("setexpr r 10 - 1") == "f"
    assert value("setexpr r 1 - 2") == "ffffffffffffffff"
    assert value("setexpr r 10 '*' 10") == "100"
    assert value("setexpr r 100 / 3") == "55"
    assert value("setexpr r 100 % 3") == "1"
    assert value("setexpr r f0 '&' 3c") == "30"
    assert value("setexpr r f0 '|' f") == "ff"
    assert value("setexpr r ff ^ f") == "f0"
    assert value("setexpr r 1 '<<' 10") == "10000"
    assert value("setexpr r 100 '>>' 4") == "10"
    assert value("setexpr r 0x1234") == "1234"
    assert console.run_fail("setexpr r 1 / 0") == ["setexpr: division by zero"]
    assert console.run_fail("setexpr r 1 x 2") == ["invalid op"]
    assert console.run_fail("setexpr r zz + 1") == ["setexpr: bad number 'zz'"]
    assert console.run_fail("setexpr r")[0] == "Usage:"


def test_setexpr_memory(console):
    console.run_ok("mw.l %x 12345678" % BUF)
    console.run_ok("setexpr.b r *%x" % BUF)
    assert console.run_ok("echo $r") == ["78"]
    console.run_ok("setexpr.w r *%x" % BUF)
    assert console.run_ok("echo $r") == ["5678"]
    console.run_ok("setexpr r *%x + 2" % BUF)
    assert console.run_ok("echo $r") == ["1234567a"]
    assert console.run_ok("itest.b *%x == 78 && echo eq" % BUF) == ["eq"]
    # An address with no memory: a message, no exception dump, the prompt.
    out = console.run_fail("setexpr r *%x" % UNMAPPED)
    assert len(out) == 1 and re.match(
        r"setexpr: cannot read %x: data abort" % UNMAPPED, out[0]), out
    out = console.run_fail("itest.q *%x == 0" % UNMAPPED)
    assert out[0].startswith("itest.q: cannot read %x" % UNMAPPED)
    assert console.run_ok("echo alive") == ["alive"]


def test_setexpr_sub_gsub(console):
    assert console.run_ok("setexpr r gsub a X banana") == ["r=bXnXnX"]
    assert console.run_ok("echo $r") == ["bXnXnX"]
    assert console.run_ok("setexpr r sub a X banana") == ["r=bXnana"]
    console.run_ok("setenv mac 52:54:00:12:34:56")
    assert console.run_ok("setexpr mac gsub : ''") == ["mac=525400123456"]
    assert console.run_ok(r"setexpr r sub '(\w+)@(\w+)' '\2 at \1' me@host") == [
        "r=host at me"]
    assert console.run_ok(r"setexpr r gsub '^[0-9]+' N 12ab34") == ["r=Nab34"]
    assert console.run_fail("setexpr r sub z X abc") == ["abc: No match"]
    assert console.run_fail("setexpr r sub '(' X abc") == [
        "Error compiling regex: unbalanced ("]
    assert console.run_fail("setexpr nosuch sub a b") == [
        '## Error: variable "nosuch" not defined']
    # A pattern that would backtrack for ever fails with a message.
    console.run_ok("setexpr r gsub . aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa x")
    out = console.run_fail("setexpr r sub '(a*)*b' X")
    assert out == ["setexpr: pattern too complex for this string"]


def test_itest(console):
    yes = lambda cond: console.run("itest%s && echo T || echo F" % cond) == ["T"]
    assert yes(" 10 -eq 0x10") and yes(" a == a") and not yes(" a != a")
    assert yes(" 1 <> 2") and yes(" 9 -lt a") and yes(" 9 '<' a")
    assert yes(" a -gt 9") and yes(" a '>=' a") and yes(" 9 -le 9")
    assert yes(".b 1ff == ff") and yes(".q ffffffffffffffff '<' 0")
    assert console.run_fail("itest 1 =~ 2") == ["Unknown operator '=~'"]
    assert console.run_fail("itest 1 ==")[0] == "Usage:"


def test_help_lists_script_commands(console):
    names = [l.split()[0] for l in console.run_ok("help")]
    for name in ("[", "exit", "false", "itest", "setexpr", "test", "true"):
        assert name in names


@pytest.mark.env("bootdelay=-1")
@pytest.mark.script("for i in 1 2", "do", "  if test $i -eq 2", "  then",
                    "    echo script says $i", "  fi", "done",
                    "setenv n 0",
                    "while itest $n -lt 2; do setexpr n $n + 1; done",
                    "echo n is $n", "exit 0", "echo not reached")
def test_script_from_fw_cfg(console):
    text = console.output.replace("\r", "")
    assert "script says 2\n" in text and "script says 1" not in text
    assert "n is 2\n" in text
    assert "not reached" not in text


@pytest.mark.env("bootdelay=-1")
@pytest.mark.script("echo one", "if true; then", "fi", "echo three")
def test_script_syntax_error_has_its_line(console):
    """A syntax error is said with its line and stops the script, as a
    failing command does."""
    text = console.output.replace("\r", "")
    assert "opt/virtboot/script:3: syntax error: a command expected\n" in text
    assert "one\n" in text and "three\n" not in text


@pytest.mark.requires("CMD_SOURCE", "CMD_FWCFG")
def test_source_control_flow(boot, tmp_path):
    scr = mkimage(tmp_path, "for f in a b\ndo\n  echo file $f\ndone\n"
                  "if itest 1 == 1; then exit 5; fi\necho not reached\n")
    c = machine(boot, tmp_path, {"boot.scr": scr})
    c.run_ok("fwcfg load opt/boot.scr %x" % BUF)
    out = c.run_fail("source %x" % BUF)
    assert out == ["## Executing script at %08x" % BUF, "file a", "file b"]


@pytest.mark.requires("CMD_FS")
def test_test_e_on_a_disk(boot, tmp_path):
    import disks
    from test_storage import drive
    root = disks.ext4(tmp_path / "root.ext4", {"boot/Image": b"x" * 100}, 8)
    c = boot(*drive(root))
    yes = lambda cond: c.run("%s && echo T || echo F" % cond)[-1] == "T"
    assert yes("test -e virtio 0 /boot/Image")
    assert not yes("test -e virtio 0 /boot/nothing")
    assert yes("test ! -e virtio 0 /nothing -a -n x")
    assert yes("if test -e virtio 0:0 /boot/Image; then true; fi")
