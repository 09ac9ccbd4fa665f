# SPDX-License-Identifier: MIT
"""md, mw, cp, cmp, crc32: U-Boot's syntax and output shapes."""
import re
import zlib

import pytest

pytestmark = pytest.mark.requires("CMD_MEMORY")

BUF = 0x48000000        # free RAM with -m 1G


def test_mw_md_words(console):
    console.run_ok("mw.l %x 12345678 4" % BUF)
    lines = console.run_ok("md.l %x 4" % BUF)
    assert lines == ["%08x: 12345678 12345678 12345678 12345678    xV4.xV4.xV4.xV4." % BUF]


def test_md_sizes_and_ascii(console):
    console.run_ok("mw.q %x 6867666564636261 2" % BUF)
    assert console.run_ok("md.b %x 10" % BUF) == [
        "%08x: 61 62 63 64 65 66 67 68 61 62 63 64 65 66 67 68    abcdefghabcdefgh" % BUF]
    assert console.run_ok("md.w %x 2" % BUF)[0].startswith("%08x: 6261 6463 " % BUF)
    assert console.run_ok("md.q %x 2" % BUF) == [
        "%08x: 6867666564636261 6867666564636261    abcdefghabcdefgh" % BUF]


def test_md_default_count_and_repeat(console):
    console.run_ok("mw.l %x 0 100" % BUF)
    lines = console.run("md %x" % BUF)
    assert len(lines) == 0x40 * 4 // 16          # 0x40 objects by default
    assert lines[-1].startswith("%08x:" % (BUF + 0xf0))
    # An empty line goes on from the next block
    lines = console.run("")
    assert lines[0].startswith("%08x:" % (BUF + 0x100))
    assert len(lines) == 16
    # ... but not after another command
    console.run_ok("echo x")
    assert console.run("") == []


def test_md_reads_the_dtb(console):
    # QEMU's DTB at the start of RAM: the big-endian magic d00dfeed
    assert console.run_ok("md.b 40000000 4")[0].startswith("40000000: d0 0d fe ed")


def test_md_bad_input(console):
    assert console.run_fail("md zz") == ["md: bad number 'zz'"]
    assert console.run_fail("md.x 0")[0] == "Usage:"
    assert console.run_fail("md")[0] == "Usage:"
    assert console.run_fail("mw 0x48000000 nothex") == ["mw: bad number 'nothex'"]


def test_md_unmapped_address_returns_to_prompt(console):
    lines = console.run("md 10000000000", allow=("exception",))
    text = "\n".join(lines)
    assert '"Synchronous Abort" handler' in text
    assert re.search(r"esr 0x[0-9a-f]{8}: data abort", text)
    assert re.search(r"far: 0*10000000000", text)
    assert "x0 :" in text and "sp :" in text
    assert console.status() == 1
    assert console.run_ok("echo alive") == ["alive"]


def test_cp_and_cmp(console):
    console.run_ok("mw.l %x deadbeef 40" % BUF)
    console.run_ok("cp.l %x %x 40" % (BUF, BUF + 0x1000))
    assert console.run_ok("cmp.l %x %x 40" % (BUF, BUF + 0x1000)) == [
        "Total of 64 word(s) were the same"]
    console.run_ok("mw.b %x 11" % (BUF + 0x1000 + 0x10))
    out = console.run_fail("cmp.b %x %x 100" % (BUF, BUF + 0x1000))
    assert out == ["byte at 0x%08x (0xef) != byte at 0x%08x (0x11)" % (BUF + 0x10, BUF + 0x1010),
                   "Total of 16 byte(s) were the same"]


def test_cp_overlapping(console):
    console.run_ok("mw.l %x 0 10" % BUF)
    console.run_ok("mw.b %x 1; mw.b %x 2; mw.b %x 3" % (BUF, BUF + 1, BUF + 2))
    console.run_ok("cp.b %x %x 3" % (BUF, BUF + 1))
    assert console.run_ok("md.b %x 4" % BUF)[0].startswith("%08x: 01 01 02 03" % BUF)


def test_crc32_matches_zlib(console):
    data = bytes(range(256)) * 4
    for i in range(0, len(data), 8):
        word = int.from_bytes(data[i:i + 8], "little")
        console.run_ok("mw.q %x %x" % (BUF + i, word))
    lines = console.run_ok("crc32 %x %x" % (BUF, len(data)))
    assert lines == ["crc32 for %08x ... %08x ==> %08x" % (BUF, BUF + len(data) - 1, zlib.crc32(data))]
    console.run_ok("crc32 %x %x %x" % (BUF, len(data), BUF + 0x2000))
    stored = console.run_ok("md.b %x 4" % (BUF + 0x2000))[0].split()[1:5]
    assert "".join(stored) == "%08x" % zlib.crc32(data)


def test_md_ctrl_c_stops_a_long_display(console):
    """md of 16 M words (a quarter of an hour of output) stops at Ctrl-C:
    <INTERRUPT>, the prompt back, $? set, far fewer lines than asked, and
    an empty line does not go on with it."""
    count = 0x1000000
    console.send("md.l %x %x\r" % (BUF, count))
    console.expect(r"%08x: " % (BUF + 0x100), timeout=10)    # well under way
    console.send("\x03")
    text = console.read_prompt(timeout=20)
    lines = [l for l in text.split("\n") if re.match(r"[0-9a-f]{8}: ", l)]
    assert lines and text.rstrip().endswith("<INTERRUPT>"), text[-500:]
    assert len(lines) < count // 4 // 2
    # The lines printed are consecutive, up to where it stopped.
    addrs = [int(l.split(":")[0], 16) for l in lines]
    assert addrs == list(range(addrs[0], addrs[0] + 16 * len(addrs), 16))
    assert addrs[0] == BUF + 0x110
    assert console.status() != 0
    assert console.run("") == []
    assert console.run_ok("echo alive") == ["alive"]
