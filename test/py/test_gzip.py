# SPDX-License-Identifier: MIT
"""gzip (RFC 1952) through Debian's zlib: booti of an Image.gz inflated
straight to the kernel's place, damaged streams refused, and unzip."""
import gzip
import random
import re
import zlib

import pytest

from test_linux import fake_image, guest_report, linux  # noqa: F401 (fixture)

pytestmark = pytest.mark.requires("GZIP", "CMD_BOOTI")


def flip(data, off):
    b = bytearray(data)
    b[off] ^= 0x40
    return bytes(b)


@pytest.mark.linux
def test_booti_image_gz(boot, linux, tmp_path):
    """Debian's kernel gzipped, loaded at 0x50000000 and booted: the
    header is read first, the kernel lands at the lowest place, the rate
    is printed, Linux runs."""
    with open(linux["image"], "rb") as f:
        image = f.read()
    gz = tmp_path / "Image.gz"
    gz.write_bytes(gzip.compress(image, 6))
    c = boot("-fw_cfg", "name=opt/Image.gz,file=%s" % gz, "-fw_cfg",
             "name=opt/initrd,file=%s" % linux["initrd"], timeout=60)
    c.run_ok("fwcfg load opt/Image.gz 50000000")
    c.run_ok("fwcfg load opt/initrd 48000000")
    out = "\n".join(c.run_ok("booti -n 50000000 48000000:${filesize}"))
    assert re.search(r"Kernel: +0x40400000-", out), out
    assert "Uncompressing" not in out
    c.run_ok("setenv bootargs console=ttyAMA0 vbtest=gzip")
    c.send("booti 50000000 48000000:${filesize}\r")
    c.expect(r"Uncompressing Kernel Image to 0x40400000: (\d+) bytes "
                 r"\(from (\d+)\) in [\d.]+ ms \(([\d.]+) MiB/s\)")
    m = c.child.match
    assert int(m.group(1)) == len(image)
    assert int(m.group(2)) == gz.stat().st_size
    print("\n" + m.group(0))
    r = guest_report(c)
    assert r["CMDLINE"] == "console=ttyAMA0 vbtest=gzip"
    assert r["INITRD"] == "dt"


def kernel_like(image_size, length):
    """A fake Image whose body compresses as code does, so that a flipped
    byte changes what comes out."""
    rnd = random.Random(length)
    words = [bytes(rnd.randrange(256) for _ in range(8)) for _ in range(64)]
    body = b"".join(rnd.choice(words) for _ in range(length // 8))
    return fake_image(image_size, length=64) + body[:length - 64]


def gz_kernels():
    img = kernel_like(0x100000, 0x40000)
    good = gzip.compress(img)
    return {
        # The trailer: CRC-32 then the length, little-endian.
        "crc": (flip(good, len(good) - 8), "bad CRC"),
        "length": (flip(good, len(good) - 2), "bad length"),
        "data": (flip(good, len(good) // 2), "cannot inflate the kernel"),
        "too-big": (gzip.compress(fake_image(0x10000, length=0x20000)),
                    "larger than the room for it"),
        "not-image": (gzip.compress(bytes(0x1000)), "unknown data"),
        "truncated": (good[:len(good) // 2], "cannot inflate the kernel"),
    }


@pytest.mark.parametrize("kind", ["crc", "length", "data", "too-big",
                                  "not-image", "truncated"])
def test_booti_bad_gzip_refused(boot, tmp_path, kind):
    data, words = gz_kernels()[kind]
    path = tmp_path / kind
    path.write_bytes(data)
    c = boot("-fw_cfg", "name=opt/k,file=%s" % path)
    c.run_ok("fwcfg load opt/k 50000000")
    lines = c.run_fail("booti 50000000 - ")
    assert words in "\n".join(lines), lines
    assert len(lines) == 1, lines
    assert "Starting kernel" not in c.output
    # Nothing stayed reserved: a good one places at the same address.
    assert c.run_ok("echo still here") == ["still here"]


def test_booti_gzip_above_and_kernel_addr_r(boot, tmp_path):
    """The file loaded at kernel_addr_r (as scripts do): the compressed
    data moves to kernel_comp_addr_r first, as U-Boot's; without
    kernel_comp_addr_r to free RAM; a kernel_comp_size too small for it:
    the inflation fails and says so.
    Without kernel_addr_r, with no room below the compressed data the
    kernel goes above it."""
    path = tmp_path / "k.gz"
    data = gzip.compress(fake_image(0x400000, length=0x40000))
    path.write_bytes(data)
    c = boot("-fw_cfg", "name=opt/k,file=%s" % path)
    comp = c.run_ok("printenv kernel_comp_addr_r")[0].split("=")[1]
    c.run_ok("fwcfg load opt/k ${kernel_addr_r}")
    out = "\n".join(c.run_ok("booti -n ${kernel_addr_r} -"))
    assert "Moving the compressed kernel to %s" % comp in out, out
    assert re.search(r"Kernel: +0x40400000-", out), out
    c.run_ok("setenv kernel_comp_addr_r")
    out = "\n".join(c.run_ok("booti -n ${kernel_addr_r} -"))
    assert "Moving the compressed kernel to 0x" in out, out
    c.run_ok("setenv kernel_comp_addr_r %s" % comp)
    c.run_ok("setenv kernel_comp_size %x" % (len(data) - 16))
    c.run_ok("fwcfg load opt/k ${kernel_addr_r}")
    out = c.run_fail("booti ${kernel_addr_r} -")
    assert "Moving the compressed kernel to %s" % comp in out, out
    assert "Starting kernel" not in c.output
    c.run_ok("setenv kernel_addr_r")
    c.run_ok("fwcfg load opt/k 40400000")
    out = "\n".join(c.run_ok("booti -n 40400000 -"))
    assert re.search(r"Kernel: +0x40600000-", out), out
    assert "Moving" not in out


@pytest.mark.requires("CMD_UNZIP")
def test_unzip(boot, tmp_path):
    data = bytes(range(256)) * 4096 + b"tail"
    path = tmp_path / "d.gz"
    path.write_bytes(gzip.compress(data))
    bad = tmp_path / "bad.gz"
    bad.write_bytes(flip(path.read_bytes(), path.stat().st_size - 6))
    c = boot("-fw_cfg", "name=opt/d.gz,file=%s" % path,
             "-fw_cfg", "name=opt/bad.gz,file=%s" % bad)
    c.run_ok("fwcfg load opt/d.gz 48000000")
    out = c.run_ok("unzip 48000000 50000000")
    assert out[0] == "Uncompressed size: %d = 0x%X" % (len(data), len(data))
    assert re.match(r"\d+ bytes read in [\d.]+ ms", out[1])
    assert c.run_ok("printenv filesize") == ["filesize=%x" % len(data)]
    crc = c.run_ok("crc32 50000000 ${filesize}")[0]
    assert crc.endswith("%08x" % zlib.crc32(data)), crc
    # Too small a room: refused, nothing past it written.
    c.run_ok("mw.b 50100000 5a 10")
    out = c.run_fail("unzip 48000000 50000000 100000")
    assert "larger than the room" in "\n".join(out), out
    assert c.run_ok("md.b 50100000 1")[0].split()[1] == "5a"
    # The loader's own memory and a damaged stream.
    assert "overlaps virtboot" in "\n".join(
        c.run_fail("unzip 48000000 40200000"))
    c.run_ok("fwcfg load opt/bad.gz 48000000")
    assert "bad CRC" in "\n".join(c.run_fail("unzip 48000000 50000000"))
    assert "not gzip data" in "\n".join(c.run_fail("unzip 50000000 58000000"))
