# SPDX-License-Identifier: MIT
"""Disks: PCI enumeration, virtio-blk on PCI and on virtio-mmio (legacy and
modern), DOS and GPT partitions, ext4 and FAT, U-Boot's disk commands, and
damaged images refused with one line and the prompt back."""
import os
import re
import zlib

import pytest

import disks
from disks import MiB
from test_linux import LINUX_TIMEOUT, guest_report, linux  # noqa: F401

pytestmark = pytest.mark.requires("CMD_FS")

ADDR = 0x50000000
BIG = os.urandom(3 * 1000 * 1000 + 123)


def crc_of(console, addr, size):
    line = console.run_ok("crc32 %x %x" % (addr, size))[-1]
    return int(line.split("==>")[1], 16)


def load(console, spec, path, addr=ADDR):
    out = console.run_ok("load virtio %s %x '%s'" % (spec, addr, path))
    assert re.match(r"\d+ bytes read in \d+\.\d{3} ms", out[-1]), out
    size = int(console.run_ok("printenv filesize")[0].split("=")[1], 16)
    return size, crc_of(console, addr, size)


@pytest.fixture(scope="module")
def images(tmp_path_factory):
    d = tmp_path_factory.mktemp("disks")
    root = disks.ext4(d / "root.ext4", {
        "boot/big.bin": BIG, "boot/hello.txt": b"hello\n",
        "boot/link": "->big.bin", "deep/a/b/c/d/e.txt": b"deep\n"}, 24)
    boot = disks.fat(d / "boot.fat", {
        "A Long File Name.bin": BIG, "HELLO.TXT": b"hi\n",
        "sub/inner.txt": b"inner\n"}, 8)
    return {
        "dos": disks.disk(d / "dos.img", [(boot, 8, "c", True),
                                          (root, 24, "83", False)]),
        "gpt": disks.disk(d / "gpt.img", [(boot, 8, "0700", False),
                                          (root, 24, "8300", True)], "gpt"),
        "raw": root,
        "dir": d,
    }


def drive(path, dev="virtio-blk-pci", n=0, readonly=False):
    return ["-drive", "if=none,id=d%d,format=raw,file=%s%s"
            % (n, path, ",readonly=on" if readonly else ""),
            "-device", "%s,drive=d%d" % (dev, n)]


@pytest.mark.requires("CMD_PCI")
def test_pci_lists_the_disk(boot, images):
    c = boot(*drive(images["dos"]))
    lines = c.run_ok("pci")
    assert lines[0].startswith("BusDevFun  VendorId   DeviceId   Device Class")
    assert "00.00.00   0x1b36     0x0008     Bridge device           0x00" in lines
    disk = [l for l in lines if "Mass storage controller" in l]
    assert disk and disk[0].split()[1:3] == ["0x1af4", "0x1001"]
    hdr = c.run_ok("pci header 00.01.00")
    assert "  vendor ID =                   0x1af4" in hdr
    assert "  command register ID =         0x0007" in hdr
    bar4 = [l for l in hdr if l.startswith("  base address 4")][0]
    assert int(bar4.split("=")[1], 16) & ~0xf >= 0x10000000
    assert c.run_fail("pci header 00.1f.00") == ["pci: no device at 00.1f.00"]


@pytest.mark.parametrize("transport", [
    ["virtio-blk-pci"], ["virtio-blk-device"],
    ["virtio-blk-device", "-global", "virtio-mmio.force-legacy=false"]],
    ids=["pci", "mmio-legacy", "mmio-modern"])
def test_load_from_ext4_and_fat(boot, images, transport):
    args = drive(images["dos"], transport[0]) + transport[1:]
    c = boot(*args)
    info = c.run_ok("virtio info")
    assert info[0].startswith("Device 0: ")
    assert info[2] == "            Capacity: 34.0 MB = 0.0 GB (69632 x 512)"
    assert load(c, "0:2", "/boot/big.bin") == (len(BIG), zlib.crc32(BIG))
    assert load(c, "0:2", "/boot/link") == (len(BIG), zlib.crc32(BIG))
    assert load(c, "0:1", "/A Long File Name.bin") == (len(BIG), zlib.crc32(BIG))
    # FAT names without case; the bootable partition when none is named
    assert load(c, "0", "hello.txt") == (3, zlib.crc32(b"hi\n"))


def test_part_list_dos_and_gpt(boot, images):
    c = boot(*drive(images["dos"]), *drive(images["gpt"], n=1))
    out = c.run_ok("part list virtio 0")
    assert out[1] == "Partition Map for VirtIO device 0  --   Partition Type: DOS"
    assert out[3] == "Part\tStart Sector\tNum Sectors\tUUID\t\tType"
    assert re.match(r"  1\t2048      \t16384     \t[0-9a-f]{8}-01\t0c Boot$", out[4])
    assert re.match(r"  2\t18432     \t49152     \t[0-9a-f]{8}-02\t83$", out[5])
    out = c.run_ok("part list virtio 1")
    assert out[1].endswith("Partition Type: EFI")
    assert out[7] == '  1\t0x00000800\t0x000047ff\t"part1"'
    assert out[11] == '  2\t0x00004800\t0x000107ff\t"part2"'
    assert out[12] == "\tattrs:\t0x0000000000000004"
    assert out[13] == "\ttype:\t0fc63daf-8483-4772-8e79-3d69d8477de4"
    c.run_ok("part list virtio 1 -bootable v")
    assert c.run_ok("printenv v") == ["v=2"]
    c.run_ok("part start virtio 0 2 s; part size virtio 0 2 z")
    assert c.run_ok("echo $s $z") == ["4800 c000"]
    c.run_ok("part number virtio 1 part1 n")
    assert c.run_ok("echo $n") == ["1"]
    uuid = c.run_ok("part uuid virtio 1:1")[0]
    assert re.match(r"[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$", uuid)
    # GPT: the legacy-BIOS-bootable partition is the default one
    assert c.run_ok("fstype virtio 1") == ["ext4"]
    assert load(c, "1#part2", "/boot/hello.txt")[0] == 6


def test_ls_shapes(boot, images):
    c = boot(*drive(images["dos"]))
    out = c.run_ok("ls virtio 0:2 /boot")
    assert "<DIR>       1024 ." in out or "<DIR>       4096 ." in out
    assert "%16d big.bin" % len(BIG) in out
    assert "               6 hello.txt" in out
    assert any(l.startswith("<SYM>") and l.endswith(" link") for l in out)
    out = c.run_ok("fatls virtio 0:1")
    assert "%9d   A Long File Name.bin" % len(BIG) in out
    assert "            sub/" in out
    assert out[-2:] == ["2 file(s), 1 dir(s)", ""]
    assert c.run_ok("ext4ls virtio 0:2 /deep/a/b/c/d") [-1].endswith(" e.txt")
    c.run_ok("size virtio 0:2 /boot/hello.txt")
    assert c.run_ok("printenv filesize") == ["filesize=6"]
    c.run_ok("fstype virtio 0:1 t")
    assert c.run_ok("echo $t") == ["fat"]


def test_unpartitioned_disk_and_two_disks(boot, images):
    c = boot(*drive(images["raw"], "virtio-blk-device"),
             *drive(images["dos"], n=1))
    assert len(c.run_ok("virtio info")) == 6
    assert c.run_ok("fstype virtio 0") == ["ext4"]
    assert load(c, "0:0", "/boot/hello.txt")[0] == 6
    assert load(c, "1:2", "/boot/hello.txt")[0] == 6


def test_bad_specs_and_paths(boot, images):
    c = boot(*drive(images["dos"]))
    assert c.run_fail("ls virtio 0:5") == ["** Invalid partition 5 **"]
    assert c.run_fail("ls virtio 7") == ["** Bad device specification virtio 7 **"]
    assert c.run_fail("ls nvme 0") == ["** Bad device specification nvme 0 **"]
    assert c.run_fail("load virtio 0:2 %x /nonexist" % ADDR) == \
        ["Failed to load '/nonexist'"]
    assert c.run_fail("ls virtio 0:2 /nonexist") == ["** Can not find directory. **"]
    assert c.run_fail("load virtio 0:2 %x /boot" % ADDR) == ["Failed to load '/boot'"]


def test_load_offset_length_and_guard(boot, images):
    c = boot(*drive(images["dos"]))
    c.run_ok("load virtio 0:2 %x /boot/big.bin 10 100" % ADDR)
    assert c.run_ok("printenv filesize") == ["filesize=10"]
    assert crc_of(c, ADDR, 0x10) == zlib.crc32(BIG[0x100:0x110])
    # The destination must be free RAM, as for fwcfg load.
    start = [int(l.split("=")[1], 16) for l in c.run_ok("bdinfo")
             if l.startswith("ram start")][0]
    out = c.run_fail("load virtio 0:2 %x /boot/big.bin" % start)
    assert "overlaps virtboot" in out[0]
    out = c.run_fail("load virtio 0:2 7ff00000 /boot/big.bin")
    assert "is not inside RAM" in out[0]
    assert c.run_ok("echo alive") == ["alive"]


@pytest.mark.parametrize("damage", ["superblock", "bpb", "gpt-both", "truncated"])
def test_damaged_images_refused(boot, images, tmp_path, damage):
    src = {"superblock": images["raw"], "bpb": images["dos"],
           "gpt-both": images["gpt"], "truncated": images["dos"]}[damage]
    data = bytearray(open(src, "rb").read())
    if damage == "superblock":
        data[1024 + 0x18:1024 + 0x1c] = b"\xff\xff\xff\xff"  # log block size
    elif damage == "bpb":
        data[1 << 20 | 0x0b:(1 << 20) + 0x0d] = b"\x00\x00"     # bytes/sector
    elif damage == "gpt-both":
        data[512 + 0x58:512 + 0x5c] = b"\xff\xff\xff\x7f"       # entries
        data[-512 + 0x58:-512 + 0x5c] = b"\xff\xff\xff\x7f"
    else:
        data = data[:(1 << 20) + 4096]
    path = tmp_path / "bad.img"
    path.write_bytes(bytes(data))
    c = boot(*drive(path))
    spec = {"superblock": "0", "bpb": "0:1", "gpt-both": "0:2",
            "truncated": "0:2"}[damage]
    # A line for what is wrong (a damaged table names each bad entry),
    # then U-Boot's line for what could not be done.
    out = c.run_fail("ls virtio " + spec)
    assert 1 <= len(out) <= 3, out
    out = c.run_fail("load virtio %s %x /boot/big.bin" % (spec, ADDR))
    assert 1 <= len(out) <= 3, out
    assert c.run_ok("echo alive") == ["alive"]


@pytest.mark.linux
@pytest.mark.requires("CMD_BOOTI")
def test_linux_from_a_disk(boot, linux, tmp_path):
    """Debian's kernel and the test initramfs loaded from ext4 on a virtio
    disk, then booted with booti: Linux sees its initrd and bootargs."""
    with open(linux["image"], "rb") as f:
        image = f.read()
    with open(linux["initrd"], "rb") as f:
        initrd = f.read()
    root = disks.ext4(tmp_path / "boot.ext4", {"boot/Image": image,
                                               "boot/initrd.gz": initrd},
                      (len(image) + len(initrd)) // MiB + 16)
    c = boot(*drive(root), timeout=LINUX_TIMEOUT)
    assert load(c, "0", "/boot/Image", 0x40400000)[0] == len(image)
    assert load(c, "0", "/boot/initrd.gz", 0x48000000) == \
        (len(initrd), zlib.crc32(initrd))
    c.run_ok("setenv bootargs console=ttyAMA0 vbtest=disk")
    c.send("booti 40400000 48000000:${filesize}\r")
    r = guest_report(c)
    assert r["CMDLINE"] == "console=ttyAMA0 vbtest=disk"
    assert r["INITRD"] == "dt"


@pytest.mark.parametrize("machine", ["virt,virtualization=on", "virt,secure=on"])
def test_disks_at_el2_and_el3(boot, images, machine):
    c = boot(*drive(images["dos"]), *drive(images["raw"], "virtio-blk-device", 1),
             machine=machine)
    assert len(c.run_ok("virtio info")) == 6
    assert load(c, "1:2", "/boot/big.bin") == (len(BIG), zlib.crc32(BIG))
    assert load(c, "0", "/boot/hello.txt")[0] == 6


def test_virtio_read_write_blocks(boot, tmp_path):
    disk = tmp_path / "scratch.img"
    disk.write_bytes(bytes(1 << 20))
    ro = tmp_path / "ro.img"
    ro.write_bytes(bytes(1 << 20))
    c = boot(*drive(disk), *drive(ro, "virtio-blk-device", 1, readonly=True))
    assert c.run_ok("virtio device 1")[1] == "Device 1: 1af4 VirtIO Block Device"
    c.run_ok("mw.l %x 5a5aa5a5 400" % ADDR)
    out = c.run_ok("virtio write %x 10 8" % ADDR)
    assert out[-1] == "virtio write: device 1 block # 16, count 8 ... 8 blocks written: OK"
    c.run_ok("virtio read %x 10 8" % (ADDR + 0x10000))
    c.run_ok("cmp.l %x %x 400" % (ADDR, ADDR + 0x10000))
    out = c.run_fail("virtio read %x 800 1" % ADDR)
    assert out[-1].endswith("... -5 blocks read: ERROR")
    c.run_ok("virtio device 0")
    assert "(read-only)" in c.run_ok("virtio info")[1]
    out = c.run_fail("virtio write %x 0 1" % ADDR)
    assert out[-1].endswith("blocks written: ERROR")
    assert c.run_fail("virtio device 5") == ["", "Device 5: unknown device"]
    c.close()
    assert disk.read_bytes()[16 * 512:24 * 512] == bytes.fromhex("a5a55a5a") * 1024
