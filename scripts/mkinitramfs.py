#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""mkinitramfs.py - write a gzipped initramfs (the kernel's "newc" cpio,
Linux Documentation/driver-api/early-userspace/buffer-format.rst) holding
a static busybox, an /init script and /dev/console, without needing root.

  mkinitramfs.py OUT.cpio.gz --busybox PATH --init FILE [--pad MiB]
"""
import argparse
import gzip
import os

S_IFDIR, S_IFREG, S_IFLNK, S_IFCHR = 0o040000, 0o100000, 0o120000, 0o020000


class Cpio:
    def __init__(self, out):
        self.out = out
        self.ino = 1

    def entry(self, name, mode, data=b"", rdev=(0, 0)):
        name_b = name.encode() + b"\0"
        fields = [self.ino, mode, 0, 0, 1, 0, len(data), 0, 0,
                  rdev[0], rdev[1], len(name_b), 0]
        self.ino += 1
        hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
        self.out.write(hdr + name_b)
        self.out.write(b"\0" * (-(len(hdr) + len(name_b)) % 4))
        self.out.write(data)
        self.out.write(b"\0" * (-len(data) % 4))

    def finish(self):
        self.ino = 0
        self.entry("TRAILER!!!", 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--busybox", required=True)
    ap.add_argument("--init", required=True, help="the /init script")
    ap.add_argument("--pad", type=int, default=0,
                    help="add /pad of this many MiB (a large initrd)")
    args = ap.parse_args()

    with open(args.busybox, "rb") as f:
        busybox = f.read()
    with open(args.init, "rb") as f:
        init = f.read()
    tmp = args.out + ".tmp"
    # mtime 0: the same inputs give the same bytes.
    with open(tmp, "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                          compresslevel=6) as out:
        c = Cpio(out)
        for d in ("bin", "dev", "proc", "sys", "sbin", "usr", "usr/bin",
                  "usr/sbin", "tmp", "root"):
            c.entry(d, S_IFDIR | 0o755)
        c.entry("dev/console", S_IFCHR | 0o600, rdev=(5, 1))
        c.entry("bin/busybox", S_IFREG | 0o755, busybox)
        c.entry("bin/sh", S_IFLNK | 0o777, b"busybox")
        c.entry("init", S_IFREG | 0o755, init)
        if args.pad:
            # Incompressible-enough padding so the initrd really is big.
            block = os.urandom(1 << 20)
            c.entry("pad", S_IFREG | 0o644, block * args.pad)
        c.finish()
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
