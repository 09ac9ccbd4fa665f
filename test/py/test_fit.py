# SPDX-License-Identifier: MIT
"""FIT images and verified boot: hash, iminfo, bootm and source of FIT
images made here by Debian's mkimage (u-boot-tools) from .its files, with
keys made by openssl and written to a public-key tree by mkimage -K;
damaged, unsigned, foreign-signed and mixed-up images refused."""
import hashlib
import os
import shutil
import subprocess
import zlib

import pytest

from conftest import run

pytestmark = pytest.mark.requires("CMD_HASH")

ALGOS = ("crc32", "sha1", "sha256", "sha384", "sha512")


def digest(algo, data):
    if algo == "crc32":
        return "%08x" % zlib.crc32(data)
    return hashlib.new(algo, data).hexdigest()


def fwcfg(boot, tmp_path, files, *args, **kw):
    """A machine with each name: bytes as the fw_cfg file opt/<name>."""
    qargs = list(args)
    for name, data in files.items():
        path = tmp_path / ("fw-" + name.replace("/", "_"))
        path.write_bytes(data)
        qargs += ["-fw_cfg", "name=opt/%s,file=%s" % (name, path)]
    return boot(*qargs, **kw)


@pytest.mark.parametrize("ce", ["on", "off"])
def test_hash_matches_hashlib(boot, tmp_path, ce):
    data = os.urandom(100003)
    c = fwcfg(boot, tmp_path, {"blob": data})
    c.run_ok("fwcfg load opt/blob 48000000")
    mode = c.run_ok("hash ce " + ce)[0]
    assert mode == ("sha256: ARMv8 SHA-2 instructions" if ce == "on"
                    else "sha256: portable code"), mode
    for algo in ALGOS:
        for n in (0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 129, len(data)):
            out = c.run_ok("hash %s 48000000 %x" % (algo, n))
            want = "%s for 48000000 ... %08x ==> %s" % (
                algo, 0x48000000 + n - (1 if n else 0), digest(algo, data[:n]))
            assert out == [want], (algo, n, out)


def test_hash_store_and_verify(console):
    c = console
    c.run_ok("mw.b 48000000 61 3")
    abc = hashlib.sha256(b"aaa").hexdigest()
    c.run_ok("hash sha256 48000000 3 h")
    assert c.run_ok("printenv h") == ["h=" + abc]
    c.run_ok("hash sha256 48000000 3 *49000000")
    out = c.run_ok("md.b 49000000 20")
    got = "".join("".join(line.split(":")[1].split()[:16]) for line in out)
    assert got == abc
    c.run_ok("hash -v sha256 48000000 3 *49000000")
    c.run_ok("hash -v sha256 48000000 3 h")
    c.run_ok("hash -v sha256 48000000 3 " + abc)
    out = c.run_fail("hash -v sha256 48000000 2 h")
    assert out == ["sha256 for 48000000 ... 48000001 ==> %s != %s ** ERROR **"
                   % (hashlib.sha256(b"aa").hexdigest(), abc)], out
    assert c.run_fail("hash md5 48000000 3") == ["Unknown hash algorithm 'md5'"]
    # The store is checked as every memory command's writes are.
    from test_memory_guard import loader_ram
    start, _ = loader_ram(c)
    assert "overlaps virtboot" in c.run_fail(
        "hash sha256 48000000 3 *%x" % start)[0]
