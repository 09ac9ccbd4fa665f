# SPDX-License-Identifier: MIT
"""Kernel headers and command lines that must be refused before anything
is written: sizes that wrap, and command lines Linux would cut."""
import pytest

from test_linux import fake_image


def kernel_file(tmp_path, **kw):
    path = tmp_path / "Image"
    path.write_bytes(fake_image(**kw))
    return str(path)


@pytest.mark.parametrize("size", [0xfffffffffffff000, (4 << 30) + 1])
def test_wrapping_image_size_refused(boot, tmp_path, size):
    c = boot("-kernel", kernel_file(tmp_path, image_size=size,
                                    text_offset=0x1000))
    for cmd in ("bootfw -n", "bootfw"):
        out = c.run_fail(cmd)
        assert any("impossible size" in l for l in out), out
    # The loader is intact: its data, stack and the allocator.
    assert c.run_ok("echo alive") == ["alive"]
    c.run_ok("fwcfg load kernel 50000000")


def test_long_append_refused_not_cut(boot, tmp_path):
    args = "console=ttyAMA0 " + "x" * 65000
    c = boot("-kernel", kernel_file(tmp_path, image_size=0x10000),
             "-append", args)
    assert "-append is %d bytes; arm64 Linux keeps 2047" % len(args) \
        in c.output
    out = c.run_fail("bootfw -n")
    assert any("bootargs are %d bytes" % len(args) in l and
               "not booting" in l for l in out), out
    # What the user gave is kept whole, to be shortened by hand.
    assert len(c.run_ok("printenv bootargs")[0]) == len("bootargs=") + len(args)
    c.run_ok("setenv bootargs console=ttyAMA0")
    assert "   Bootargs: console=ttyAMA0" in c.run_ok("bootfw -n")


def test_append_that_does_not_fit_is_not_dropped(boot, tmp_path):
    # An environment nearly full leaves no room for a 70000-byte -append:
    # the boot is refused instead of running with no command line.
    env = ["fill%03d=%s" % (i, "f" * 1000) for i in range(200)]
    c = boot("-kernel", kernel_file(tmp_path, image_size=0x10000),
             "-append", "y" * 70000, env=env)
    assert "-append (70001 bytes) does not fit in the environment" \
        in c.output
    out = c.run_fail("bootfw -n")
    assert any("did not reach bootargs" in l for l in out), out


@pytest.mark.parametrize("var", ["kernel_addr_r", "ramdisk_addr_r",
                                 "fdt_addr_r"])
def test_placement_variable_not_a_number(boot, tmp_path, var):
    initrd = tmp_path / "initrd"
    initrd.write_bytes(b"i" * 4096)
    c = boot("-kernel", kernel_file(tmp_path, image_size=0x10000),
             "-initrd", str(initrd))
    c.run_ok("setenv %s zzz" % var)
    out = c.run_fail("bootfw -n")
    assert "boot: %s 'zzz' is not a number" % var in out
    c.run_ok("setenv %s" % var)
    c.run_ok("bootfw -n")
