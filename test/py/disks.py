# SPDX-License-Identifier: MIT
"""Disk images for the tests, made with the real tools and no root: ext4
from a directory (mkfs.ext4 -d), FAT with mtools, DOS tables with sfdisk
and GPT with sgdisk, partitions written in at their offsets."""
import os
import subprocess

MiB = 1 << 20


def sh(*cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, **kw)


def ext4(path, tree, size_mib, *opts):
    """An ext4 image of size_mib holding the files of tree {path: bytes}."""
    root = str(path) + ".d"
    for name, data in tree.items():
        p = os.path.join(root, name.lstrip("/"))
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if isinstance(data, str) and data.startswith("->"):
            os.symlink(data[2:], p)
        else:
            with open(p, "wb") as f:
                f.write(data)
    os.makedirs(root, exist_ok=True)
    sh("mkfs.ext4", "-q", "-F", *opts, "-d", root, str(path),
       "%dM" % size_mib)
    return str(path)


def fat(path, tree, size_mib, bits=None):
    """A FAT image (mtools: long names kept) holding tree."""
    sh("mkfs.vfat", *(["-F", str(bits)] if bits else []), "-C", str(path),
       str(size_mib * 1024))
    dirs = set()
    for name in tree:
        parts = name.strip("/").split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add("/".join(parts[:i]))
    for d in sorted(dirs):
        sh("mmd", "-i", str(path), "::/" + d)
    for name, data in tree.items():
        src = str(path) + ".src"
        with open(src, "wb") as f:
            f.write(data)
        sh("mcopy", "-i", str(path), src, "::/" + name.strip("/"))
    return str(path)


def disk(path, parts, table="dos"):
    """A disk with a partition table; parts is a list of (image path or
    None, size in MiB, type, bootable). Partitions start at 1 MiB and
    follow each other."""
    total = 1 + sum(p[1] for p in parts) + 1
    with open(path, "wb") as f:
        f.truncate(total * MiB)
    if table == "dos":
        script = "label: dos\n" + "".join(
            ",%dM,%s%s\n" % (size, ptype, ",*" if boot else "")
            for _, size, ptype, boot in parts)
        sh("sfdisk", "-q", str(path), input=script.encode())
    else:
        args = []
        for i, (_, size, ptype, boot) in enumerate(parts, 1):
            args += ["-n", "%d:0:+%dM" % (i, size), "-t", "%d:%s" % (i, ptype),
                     "-c", "%d:part%d" % (i, i)]
            if boot:
                args += ["-A", "%d:set:2" % i]
        sh("sgdisk", *args, str(path))
    offset = 1
    with open(path, "r+b") as f:
        for img, size, _, _ in parts:
            if img:
                with open(img, "rb") as src:
                    f.seek(offset * MiB)
                    f.write(src.read())
            offset += size
    return str(path)
