#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# mkcorpus.py - write the fuzz targets' seed inputs into test/fuzz/corpus/
# (a few small, valid or nearly valid inputs per target, so that the
# fuzzers start past the parsers' first checks). The device trees come from
# dtc (device-tree-compiler), one from QEMU's own virt machine trimmed of
# its 32 virtio-mmio nodes; everything else is built here byte by byte.
#
#   test/fuzz/mkcorpus.py [corpus-dir]
import os
import struct
import subprocess
import sys
import tempfile

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "corpus")


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def dtc(source):
    return subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-"],
                          input=source.encode(), check=True,
                          capture_output=True).stdout


def qemu_virt_dtb():
    """QEMU's virt tree (-m 256M, no devices), without the virtio-mmio
    transports (32 alike nodes), fixed seeds, packed: about 4 KB."""
    with tempfile.TemporaryDirectory() as tmp:
        f = os.path.join(tmp, "virt.dtb")
        subprocess.run(["qemu-system-aarch64", "-M", "virt,dumpdtb=" + f,
                        "-cpu", "cortex-a57", "-m", "256M", "-nodefaults",
                        "-nographic"], check=True, capture_output=True)
        nodes = subprocess.run(["fdtget", "-l", f, "/"], check=True,
                               capture_output=True, text=True).stdout.split()
        for n in nodes:
            if n.startswith("virtio_mmio@"):
                subprocess.run(["fdtput", "-r", f, "/" + n], check=True)
        # The same seeds every time (QEMU draws new ones at each start).
        subprocess.run(["fdtput", "-t", "x", f, "/chosen", "rng-seed"] +
                       ["12345678"] * 8, check=True)
        subprocess.run(["fdtput", "-t", "x", f, "/chosen", "kaslr-seed",
                        "1234567", "89abcdef"], check=True)
        return subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dtb", f],
                              check=True, capture_output=True).stdout


# Two RAM banks (NUMA), /memreserve/ entries overlapping a node, and
# /reserved-memory nodes of every kind the allocator meets.
RESERVED = """/dts-v1/;
/memreserve/ 0x40000000 0x10000;
/memreserve/ 0x48000000 0x200000;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	chosen { bootargs = "old"; stdout-path = "/pl011@9000000"; };
	memory@40000000 { device_type = "memory"; reg = <0 0x40000000 0 0x8000000>; };
	memory@50000000 { device_type = "memory"; reg = <0 0x50000000 0 0x8000000>; };
	pl011@9000000 { compatible = "arm,pl011"; reg = <0 0x9000000 0 0x1000>; };
	reserved-memory {
		#address-cells = <2>;
		#size-cells = <2>;
		ranges;
		fb@47000000 { no-map; reg = <0 0x47000000 0 0x300000>; };
		two@48100000 { reg = <0 0x48100000 0 0x1000 0 0x50000000 0 0x1000>; };
		off@49000000 { status = "disabled"; reg = <0 0x49000000 0 0x1000>; };
		pool { compatible = "shared-dma-pool"; size = <0 0x400000>; };
		past@ff000000 { reg = <0 0xff000000 0 0x2000000>; };
	};
};
"""

# The smallest tree the loader accepts: no /chosen, one-cell sizes.
MINIMAL = """/dts-v1/;
/ {
	#address-cells = <1>;
	#size-cells = <1>;
	memory@40000000 { device_type = "memory"; reg = <0x40000000 0x4000000>; };
	reserved-memory {
		#address-cells = <1>;
		#size-cells = <1>;
		r@40000000 { reg = <0x40000000 0x1000>; };
	};
};
"""

# RAM that ends at 2^64, overlapping banks, reservations running past
# the top of the address space.
TOP = """/dts-v1/;
/memreserve/ 0xfffffffffffff000 0x2000;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	memory@0 { device_type = "memory"; reg = <0xffffffff 0xffff0000 0 0x10000>; };
	memory@1 { device_type = "memory"; reg = <0xffffffff 0xfff00000 0 0x80000>; };
	reserved-memory {
		#address-cells = <2>;
		#size-cells = <2>;
		top { reg = <0xffffffff 0xffff8000 0 0x8000>; };
		across { reg = <0xffffffff 0xfff7f000 0 0x2000>; };
	};
};
"""

virt = qemu_virt_dtb()
reserved = dtc(RESERVED)
minimal = dtc(MINIMAL)

# Trees: the bytes after the tree are the bootargs for boot_fdt (an odd
# count of them adds an initrd); region ignores them.
# Overlays for overlay: one that applies to its fixed tree, one whose
# target is missing, one with a phandle fix-up.
put("overlay", "chosen.dtbo", dtc('/dts-v1/;\n/plugin/;\n/ { fragment@0 { target-path = "/chosen"; __overlay__ { vb = "x"; n { m = <1>; }; }; }; };\n'))
put("overlay", "nowhere.dtbo", dtc('/dts-v1/;\n/plugin/;\n/ { fragment@0 { target-path = "/nowhere"; __overlay__ { vb; }; }; };\n'))
put("overlay", "label.dtbo", dtc('/dts-v1/;\n/plugin/;\n/ { fragment@0 { target-path = "/"; __overlay__ { l: a { }; b { p = <&l>; }; }; }; };\n'))
put("boot_fdt", "qemu-virt.dtb", virt + b"console=ttyAMA0 quiet")
put("boot_fdt", "reserved.dtb", reserved)
put("boot_fdt", "minimal.dtb", minimal + b"root=/dev/vda1")
put("region", "qemu-virt.dtb", virt)
put("region", "reserved.dtb", reserved)
put("region", "minimal.dtb", minimal)
put("region", "top.dtb", dtc(TOP))

# The shell: lines as typed or held in variables.
put("cli_parse", "basic", "echo hello world; setenv a 'b c' && run a || echo failed")
put("cli_parse", "quotes", "echo \"$a ${big} \\\"x\\\" \\$y\" 'lit $a' \\; $? # c")
put("cli_parse", "seps", "a;b&&c||d;;&&||;e f\tg\r\nh ${ } $")

# The line editor: the first byte picks the line buffer's size, then
# keystrokes (Tab, backspace, DEL, Ctrl-U, Ctrl-C, arrows, CR LF).
put("readline", "edit", b"\x10" + b"md 40000000\r\nmw\x08\x7fx\x15ech\t hi\r")
put("readline", "history", b"\x20" + b"one\rtwo\r\x1b[A\x1b[A\x1b[B\x1bOA\r")
put("readline", "complete", b"\x03" + b"b\tbo\tm\tmd\t\r\x03a\tlong\r")

# The environment file (-fw_cfg name=opt/virtboot/env).
put("env", "user", "bootdelay=-1\n\n# a comment\n  greeting=hello world\n"
    "not a pair\n=novalue\nbad name=1\nurl=a=b\r\n\t# indented\n"
    "bootcmd=echo a; echo b\nlast=1")
put("env", "defaults", "bootcmd=bootfw\nbootdelay=2\nfb_mode=1024x768\n"
    "stdout=serial,fb\nbootargs=console=ttyAMA0\nbootdelay=0\nfb_mode=")


def bmp(w, h, bpp, bitfields=False, v5=False):
    """A BMP file of w x abs(h) pixels (h < 0: top-down), a gradient."""
    stride = (w * bpp + 31) // 32 * 4
    pixels = bytearray()
    for y in range(abs(h)):
        row = bytearray()
        for x in range(w):
            row += bytes((x * 40 & 255, y * 40 & 255, 128))
            if bpp == 32:
                row += b"\0"
        pixels += row + bytes(stride - len(row))
    hdr = 124 if v5 else 40
    masks = struct.pack("<3I", 0xff0000, 0xff00, 0xff) if bitfields else b""
    info = struct.pack("<IiiHHIIiiII", hdr, w, h, 1, bpp,
                       3 if bitfields else 0, len(pixels), 2835, 2835, 0, 0)
    if v5:
        info += masks + bytes(hdr - 40 - len(masks))
    else:
        info += masks
    offset = 14 + len(info)
    return b"BM" + struct.pack("<IHHI", offset + len(pixels), 0, 0,
                               offset) + info + bytes(pixels)


put("bmp", "rgb24.bmp", bmp(5, 3, 24))
put("bmp", "top-down32.bmp", bmp(4, -4, 32))
put("bmp", "bitfields.bmp", bmp(3, 2, 32, bitfields=True))
put("bmp", "v5.bmp", bmp(2, 2, 32, bitfields=True, v5=True))


def image(text_offset, image_size, flags, file_size):
    """An arm64 Image header (booting.rst), then the file's size as the
    target reads it (the last 8 bytes)."""
    hdr = struct.pack("<II QQQ QQQ I I", 0x91005a4d, 0x14000000,
                      text_offset, image_size, flags, 0, 0, 0,
                      0x644d5241, 0x40)
    return hdr + struct.pack("<Q", file_size)


put("image", "linux", image(0, 0x2000000, 0xa, 0x1f6e000))
put("image", "legacy", image(0x80000, 0, 0, 0x800000))
put("image", "gzip", b"\x1f\x8b\x08\x00" + bytes(60))
put("image", "zimage", bytes(0x24) + struct.pack("<I", 0x016f2818) + bytes(32))


def fw_cfg_dir(files):
    """The fw_cfg file directory: be32 count, then {be32 size, be16
    select, u16 reserved, char name[56]} entries."""
    out = struct.pack(">I", len(files))
    for size, select, name in files:
        out += struct.pack(">IHH56s", size, select, 0, name.encode())
    return out


put("fw_cfg_dir", "qemu", fw_cfg_dir([
    (0x2c, 0x20, "bios-geometry"), (28, 0x21, "etc/ramfb"),
    (6, 0x22, "opt/virtboot/env")]))
put("fw_cfg_dir", "empty", fw_cfg_dir([]))
