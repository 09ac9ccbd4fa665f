#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""sizes.py - what each part of virtboot costs in the image: the bytes of
code, constants and initialised data every subsystem (and library) puts in
virtboot.bin, and its zeroed RAM, summed from the linker map. Code the
link-time optimizer produced (its "ltrans" objects mix every file) is
given to parts symbol by symbol, through the source file the debug
information names; what no symbol covers there (string literals, literal
pools) is "strings, constants (LTO)".

  sizes.py BUILD_DIR
"""
import collections
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NM = os.environ.get("NM", "aarch64-linux-gnu-nm")

# Most specific first: the first prefix that matches names the part.
PARTS = [
    ("drivers/pci", "PCI"), ("drivers/virtio", "virtio"),
    ("drivers/block", "block devices"), ("drivers/video", "display"),
    ("drivers/firmware", "fw_cfg, PSCI"), ("drivers/serial", "serial"),
    ("drivers/gpio", "GPIO, power"), ("drivers/power", "GPIO, power"),
    ("drivers/mtd", "CFI flash"), ("boot/env_flash", "saved environment"),
    ("lib/env_store", "saved environment"),
    ("drivers/net", "network (drivers, net/)"), ("net", "network (drivers, net/)"),
    ("lwip", "lwIP"),
    ("drivers", "driver model"), ("fs/fat", "FAT"), ("fs/ext4", "ext4"),
    ("fs/part", "partitions"), ("fs", "fs core"),
    ("boot/fit", "FIT, verified boot"), ("cmd/bootm", "FIT, verified boot"),
    ("cmd/iminfo", "FIT, verified boot"), ("lib/hash", "hashes"),
    ("cmd/hash", "hashes"), ("arch/arm64/sha256_ce", "hashes"),
    ("boot", "boot flows"),
    ("cmd", "commands"), ("lib/cli", "shell (hush, line editor, regex)"),
    ("lib/regex", "shell (hush, line editor, regex)"),
    ("lib", "lib (env, allocator...)"),
    ("arch", "arch/arm64"), ("board", "board"),
    ("zlib", "zlib"), ("libfdt.a", "libfdt"), ("libc.a", "picolibc"),
    ("libgcc", "libgcc"),
]
ENTRY = re.compile(r"^ (\.[\w.$]+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+)$")


def part_of(path, build):
    rel = path
    for b in (build, os.path.relpath(build)):
        if path.startswith(b + "/"):
            rel = path[len(b) + 1:]
    for prefix, name in PARTS:
        if prefix.endswith(".a") or prefix == "libgcc":
            if prefix in os.path.basename(path):
                return name
        elif rel.startswith(prefix) and rel[len(prefix):][:1] in ("/", ".", "_"):
            return name
    return "other"


def lto_parts(build, ranges, image, ram):
    """Give the bytes of the LTO ranges [(start, size, is_ram)] to parts by
    the symbols in them and their source files."""
    out = subprocess.run([NM, "-S", "-l", "--defined-only",
                          os.path.join(build, "virtboot.elf")],
                         capture_output=True, text=True, check=True).stdout
    covered = [0] * len(ranges)
    for line in out.splitlines():
        fields, _, where = line.partition("\t")
        f = fields.split()
        if len(f) < 4 or not where:
            continue
        addr, size = int(f[0], 16), int(f[1], 16)
        for i, (start, length, is_ram) in enumerate(ranges):
            if start <= addr < start + length:
                src = where.rsplit(":", 1)[0]
                if "/lwip/" in src:
                    part = "lwIP"
                elif "/bearssl/" in src:
                    part = "BearSSL"
                else:
                    part = part_of(os.path.relpath(src, ROOT), ".")
                (ram if is_ram else image)[part] += size
                covered[i] += size
                break
    for (start, length, is_ram), n in zip(ranges, covered):
        if not is_ram and length > n:
            image["strings, constants (LTO)"] += length - n


def sizes(build):
    build = os.path.normpath(build)
    image = collections.Counter()
    ram = collections.Counter()
    lto = []
    pending = None
    started = False
    with open(os.path.join(build, "virtboot.map")) as f:
        for line in f:
            if line.startswith("Linker script and memory map"):
                started = True
                continue
            if not started:
                continue
            if re.match(r"^ \.[\w.$]+$", line.rstrip()):
                pending = line.strip()        # name on a line of its own
                continue
            m = ENTRY.match(line.rstrip())
            if not m:
                pending = None
                continue
            section = m.group(1) or pending
            pending = None
            size = int(m.group(3), 16)
            if not section or not size:
                continue
            is_ram = section.startswith((".bss", ".tbss", ".sbss")) or \
                section == "COMMON"
            in_image = section.startswith((".text", ".rodata", ".data", ".got",
                                           ".tdata", ".sdata", ".commands",
                                           ".drivers"))
            if ".ltrans" in m.group(4):
                if is_ram or in_image:
                    lto.append((int(m.group(2), 16), size, is_ram))
                continue
            part = part_of(m.group(4), build)
            if is_ram:
                ram[part] += size
            elif in_image:
                image[part] += size
    if lto:
        lto_parts(build, lto, image, ram)
    return image, ram


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    image, ram = sizes(build)
    total = os.path.getsize(os.path.join(build, "virtboot.bin"))
    print("%-32s %9s %9s" % ("part", "image", "RAM (bss)"))
    for part, n in image.most_common():
        print("%-32s %9d %9d" % (part, n, ram[part]))
    print("%-32s %9d  (virtboot.bin; the rest is alignment)" % ("total", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
