# SPDX-License-Identifier: MIT
"""Memory commands never write over what the loader must keep, and refuse
counts that overflow before the first byte moves."""
import re

import pytest

pytestmark = pytest.mark.requires("CMD_MEMORY")

BUF = 0x48000000        # free RAM with -m 1G


def loader_ram(console):
    info = {}
    for line in console.run_ok("bdinfo"):
        m = re.match(r"(\S.*?)\s*= (0x[0-9a-f]+)", line)
        if m:
            info[m.group(1)] = int(m.group(2), 16)
    return info["ram start"], info["ram end"]


def refused(lines, start, end=None):
    assert len(lines) == 1, lines
    assert "overlaps virtboot at 0x%x.." % start in lines[0], lines


@pytest.mark.parametrize("cmd", ["mw.q {a} 0", "mw.l {a} 0 100000",
                                 "cp.l %x {a} 10" % BUF,
                                 "crc32 %x 10 {a}" % BUF])
def test_writes_over_the_loader_refused(console, cmd):
    start, end = loader_ram(console)
    for a in (start, end - 8, (start + end) // 2 & ~7):
        refused(console.run_fail(cmd.format(a="%x" % a)), start)
    # Still alive, environment and stack intact.
    assert console.run_ok("echo alive") == ["alive"]
    assert loader_ram(console) == (start, end)


def test_writes_elsewhere_still_work(console):
    console.run_ok("mw.l %x 11223344 4" % BUF)
    console.run_ok("cp.l %x %x 4" % (BUF, BUF + 0x100))
    console.run_ok("cmp.l %x %x 4" % (BUF, BUF + 0x100))
    console.run_ok("crc32 %x 10 %x" % (BUF, BUF + 0x200))
    # A device register is the user's business: the UART data register.
    console.send("mw.b 9000000 21\r")
    console.expect(r"!(\r*\n)?=> ")
    assert console.status() == 0


def test_write_over_the_device_tree_refused(console):
    fdt = [int(l.split("=")[1], 16) for l in console.run_ok("bdinfo")
           if l.startswith("fdt_blob")][0]
    lines = console.run_fail("mw.l %x 0 1" % fdt)
    assert len(lines) == 1 and "overlaps" in lines[0], lines
    # A copy moved by "fdt addr" is protected where it now is.
    console.run_ok("cp.b %x %x 100000" % (fdt, BUF))
    console.run_ok("fdt addr %x" % BUF)
    lines = console.run_fail("mw.l %x 0 1" % (BUF + 0x40))
    assert lines == ["mw.l: 0x%x..0x%x overlaps the device tree at 0x%x"
                     % (BUF + 0x40, BUF + 0x44, BUF)]


@pytest.mark.parametrize("cmd", [
    "cp.l 40100000 40100004 4000000000000001",   # count * 4 wraps
    "cp 50000000 40000000 ffffffffffffffff",
    "cmp.q 40000000 50000000 2000000000000001",
    "mw.q %x 0 2000000000000000" % BUF,
    "md.l fffffffffffffff0 10",
    "crc32 ffffffffffffff00 1000",
])
def test_counts_that_wrap_refused(console, cmd):
    lines = console.run_fail(cmd, timeout=10)
    assert len(lines) == 1 and "past the end of memory" in lines[0] or \
        "not inside RAM" in lines[0], lines
    assert console.run_ok("echo alive") == ["alive"]


def test_write_straddling_the_end_of_ram_refused(console):
    # 1 GiB at 0x40000000: the range starts in RAM and leaves it.
    lines = console.run_fail("mw.l 7ffffff0 0 10")
    assert lines == ["mw.l: 0x7ffffff0..0x80000030 is not inside RAM"]


@pytest.mark.requires("CMD_FWCFG")
@pytest.mark.qemu_args("-device", "ramfb")
def test_fwcfg_write_names_a_bad_source(console):
    lines = console.run_fail("fwcfg write etc/ramfb 7ffffff0 1c")
    assert lines == ["fwcfg: source 0x7ffffff0..0x8000000c is not inside RAM"]


def test_whole_range_readers_check_the_mapping(console):
    """crc32 and hash read a whole range: one with a page that nothing is
    mapped at (page 0 is unmapped on purpose) is refused with one line,
    not an exception report; the flash right after it reads."""
    assert console.run_fail("crc32 0 10") == [
        "crc32: nothing is mapped at 0x0"]
    assert console.run_fail("crc32 ff0 20") == [
        "crc32: nothing is mapped at 0xff0"]
    assert console.run_ok("crc32 1000 10")[0].startswith(
        "crc32 for 00001000 ... 0000100f ==> ")
    if "hash" in " ".join(console.run_ok("help")):
        assert console.run_fail("hash sha256 0 100") == [
            "hash: nothing is mapped at 0x0"]
