# SPDX-License-Identifier: MIT
"""The environment under names that share prefixes, a full environment,
and env/script files with bytes a text editor would not write."""
import pytest

from test_linux import fake_image


def values(c, name):
    """Every printenv line for name (there must be at most one)."""
    return [l for l in c.run("printenv") if l.startswith(name + "=")]


def test_prefix_names_keep_their_values(boot, tmp_path):
    kernel = tmp_path / "Image"
    kernel.write_bytes(fake_image(0x10000))
    console = boot("-kernel", str(kernel),
                   "-append", "console=ttyAMA0 root=/dev/vda")
    console.run_ok("setenv bootargs2 quiet")
    assert console.run_ok("printenv bootargs") == \
        ["bootargs=console=ttyAMA0 root=/dev/vda"]
    assert console.run_ok("printenv bootargs2") == ["bootargs2=quiet"]
    console.run_ok("setenv bootargs new")
    assert values(console, "bootargs") == ["bootargs=new"]
    console.run_ok("setenv bootdelay0 x")
    console.run_ok("setenv bootdelay 5")
    assert values(console, "bootdelay") == ["bootdelay=5"]
    assert console.run_ok("printenv bootdelay0") == ["bootdelay0=x"]
    console.run_ok("setenv bootdelay0")
    assert console.run_ok("printenv bootdelay") == ["bootdelay=5"]
    out = console.run_ok("bootfw -n")
    assert "   Bootargs: new" in out


def test_a_name_never_holds_equals(console):
    console.run_ok("setenv q 1")
    assert console.run_fail("printenv q=") == ['## Error: "q=" not defined']
    assert console.run_ok("echo [${q=}]") == ["[]"]


def test_long_names_print_whole(console):
    name = "n" * 200
    console.run_ok("setenv %s v" % name)
    assert name + "=v" in console.run_ok("printenv")
    assert console.run_ok("printenv " + name) == [name + "=v"]


BIG = "v" * 900


@pytest.mark.env(*["var%04d=%s" % (i, BIG) for i in range(400)])
def test_full_environment_stays_usable(console):
    out = console.output
    assert "the environment is full" in out
    size = [l for l in console.run_ok("printenv") if
            l.startswith("Environment size: ")]
    used, avail = size[0].split()[2].split("/")
    assert int(used) <= int(avail) == 0x40000 - 5
    # One insert refused with U-Boot's words, then everything works.
    assert console.run_fail("setenv big " + BIG) == \
        ['## Error inserting "big" variable, errno=12']
    console.run_ok("setenv var0000")
    console.run_ok("setenv big " + BIG)
    assert console.run_ok("printenv big") == ["big=" + BIG]
    console.run_ok("echo still; echo here")
    console.run_ok("env default -a")
    assert console.run_fail("printenv var0001")


def test_env_file_with_nul_and_bom(boot):
    c = boot(env=b"\xef\xbb\xbf" b"first=1\nbad=x\0y\nafter=2\n")
    assert "opt/virtboot/env:2: holds a NUL byte, skipped" in c.output
    assert c.run_ok("printenv first after") == ["first=1", "after=2"]
    assert c.run_fail("printenv bad")


def test_script_with_nul_runs_the_other_lines(boot):
    c = boot(script=b"echo one\necho t\0wo\necho three\n")
    out = c.output
    assert "opt/virtboot/script:2: holds a NUL byte, not run" in out
    assert "one" in out and "three" in out


@pytest.mark.env("bootdelay=123456")
def test_huge_bootdelay_counts_down_cleanly(console):
    out = console.output.split("Hit any key to stop autoboot: ")[1]
    assert out.startswith("123456 " + "\b" * 7 + "     0 ")


@pytest.mark.env("bootdelay=soon")
def test_bootdelay_not_a_number(console):
    assert "bootdelay 'soon' is not a number of seconds: using 2" \
        in console.output
