# SPDX-License-Identifier: MIT
"""source: U-Boot legacy script images made by Debian's mkimage
(u-boot-tools), run line by line through the shell; damaged, truncated
and foreign images refused with U-Boot's words."""
import shutil
import struct
import zlib

import pytest

from conftest import run

pytestmark = pytest.mark.requires("CMD_SOURCE", "CMD_FWCFG")

SCRIPT = """# a boot script, as mkimage -T script takes it
setenv greeting hello
echo "${greeting} from the script"
setenv n 1; echo n=$n   # a comment after a command

printenv nosuchvar
echo after a failing line
"""


def mkimage(tmp_path, text, name="boot.scr"):
    if not shutil.which("mkimage"):
        pytest.skip("no mkimage: run scripts/deps.sh (u-boot-tools)")
    src = tmp_path / (name + ".txt")
    src.write_text(text)
    out = tmp_path / name
    run(["mkimage", "-A", "arm64", "-T", "script", "-C", "none", "-n",
         "test", "-d", str(src), str(out)])
    return out.read_bytes()


def flip(data, off):
    b = bytearray(data)
    b[off] ^= 0x01
    return bytes(b)


def with_size(data, size):
    """The header with another data size and its CRC made right again."""
    hdr = bytearray(data[:64])
    struct.pack_into(">I", hdr, 12, size)
    struct.pack_into(">I", hdr, 4, 0)
    struct.pack_into(">I", hdr, 4, zlib.crc32(bytes(hdr)))
    return bytes(hdr) + data[64:]


def machine(boot, tmp_path, files):
    args = []
    for name, data in files.items():
        path = tmp_path / ("fw-" + name)
        path.write_bytes(data)
        args += ["-fw_cfg", "name=opt/%s,file=%s" % (name, path)]
    return boot(*args)


def test_source_runs_a_script(boot, tmp_path):
    scr = mkimage(tmp_path, SCRIPT)
    fails = mkimage(tmp_path, "echo one\nprintenv nosuchvar\n", "f.scr")
    c = machine(boot, tmp_path, {"boot.scr": scr, "f.scr": fails})
    c.run_ok("fwcfg load opt/boot.scr 48000000")
    out = c.run_ok("source 48000000")
    assert out == ["## Executing script at 48000000",
                   "hello from the script", "n=1",
                   '## Error: "nosuchvar" not defined',
                   "after a failing line"], out
    assert c.run_ok("printenv greeting") == ["greeting=hello"]
    # $loadaddr by default, and a FIT-style ":name" is ignored.
    c.run_ok("setenv loadaddr")
    assert "no loadaddr" in c.run_fail("source")[0]
    c.run_ok("setenv loadaddr 48000000")
    assert c.run_ok("source")[1] == "hello from the script"
    assert c.run_ok("source :script-1")[1] == "hello from the script"
    # The status is the last line's.
    c.run_ok("fwcfg load opt/f.scr 49000000")
    out = c.run_fail("source 49000000")
    assert out[1:] == ["one", '## Error: "nosuchvar" not defined'], out
    c.run_ok("source 49000000 || echo failed")
    assert c.run("source 49000000 || echo failed")[-1] == "failed"


def test_source_nested_and_loads_over_itself(boot, tmp_path):
    """A script that sources another and then overwrites its own image:
    it runs from a copy."""
    inner = mkimage(tmp_path, "echo inner\n", "inner.scr")
    outer = mkimage(tmp_path, "source 49000000\nmw.b 48000000 0 100\n"
                    "echo outer done\n", "outer.scr")
    c = machine(boot, tmp_path, {"inner.scr": inner, "outer.scr": outer})
    c.run_ok("fwcfg load opt/inner.scr 49000000")
    c.run_ok("fwcfg load opt/outer.scr 48000000")
    out = c.run_ok("source 48000000")
    assert out == ["## Executing script at 48000000",
                   "## Executing script at 49000000", "inner",
                   "outer done"], out


@pytest.mark.parametrize("kind", ["data", "header", "truncated", "past-ram",
                                  "text", "type", "empty-table"])
def test_source_refuses(boot, tmp_path, kind):
    scr = mkimage(tmp_path, SCRIPT)
    addr = "48000000"
    if kind == "data":
        data, words = flip(scr, len(scr) - 5), "Bad data crc"
    elif kind == "header":
        data, words = flip(scr, 40), "Bad header crc"
    elif kind == "truncated":
        data, words = scr[:len(scr) - 20], "Bad data crc"
    elif kind == "past-ram":
        # Loaded near the end of RAM, the header claims more than is left.
        data, words = with_size(scr, 0x10000), "Truncated image"
        addr = "7ffff000"
    elif kind == "text":
        data, words = SCRIPT.encode(), \
            'Wrong image format for "source" command'
    elif kind == "type":
        # A kernel image (type 2), not a script.
        hdr = bytearray(scr[:64])
        hdr[30] = 2
        struct.pack_into(">I", hdr, 4, 0)
        struct.pack_into(">I", hdr, 4, zlib.crc32(bytes(hdr)))
        data, words = bytes(hdr) + scr[64:], "Bad image type"
    else:
        # The length table never ends inside the data.
        body = b"\xff" * 16
        hdr = bytearray(scr[:64])
        struct.pack_into(">I", hdr, 12, len(body))
        struct.pack_into(">I", hdr, 24, zlib.crc32(body))
        struct.pack_into(">I", hdr, 4, 0)
        struct.pack_into(">I", hdr, 4, zlib.crc32(bytes(hdr)))
        data, words = bytes(hdr) + body, "length table has no end"
    c = machine(boot, tmp_path, {"x": data})
    c.run_ok("fwcfg load opt/x %s" % addr)
    out = c.run_fail("source %s" % addr)
    assert out[0] == "## Executing script at %s" % addr
    assert len(out) == 2 and words in out[1], out
    assert "hello" not in c.output
    assert c.run_ok("echo still here") == ["still here"]
