# SPDX-License-Identifier: MIT
"""FIT images and verified boot: hash, iminfo, bootm and source of FIT
images made here by Debian's mkimage (u-boot-tools) from .its files, with
keys made by openssl and written to a public-key tree by mkimage -K;
damaged, unsigned, foreign-signed and mixed-up images refused."""
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import time
import zlib

import pytest

from conftest import normalize, run
from test_linux import linux  # noqa: F401 (fixture)

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


# --- FIT images made here -------------------------------------------------

def need_tools():
    for tool in ("mkimage", "openssl", "dtc", "fdtput"):
        if not shutil.which(tool):
            pytest.skip("no %s: run scripts/deps.sh" % tool)


def spin_kernel(length=8192):
    """An arm64 Image header whose code is "b .": boots and just spins."""
    from test_linux import fake_image
    return fake_image(0x10000, code0=0x14000000, length=length)


def image_node(name, path, kind, comp="none", hashes=("sha256",),
               load=None, extra=""):
    h = "".join('\t\t\thash-%d { algo = "%s"; };\n' % (i + 1, a)
                for i, a in enumerate(hashes))
    ld = ("\t\t\tload = <0x%x>; entry = <0x%x>;\n" % (load, load)
          if load is not None else "")
    return ('\t\t%s {\n\t\t\tdescription = "%s";\n'
            '\t\t\tdata = /incbin/("%s");\n\t\t\ttype = "%s";\n'
            '\t\t\tarch = "arm64";\n\t\t\tos = "linux";\n'
            '\t\t\tcompression = "%s";\n%s%s%s\t\t};\n'
            % (name, name, path, kind, comp, ld, extra, h))


def conf_node(name, kernel=None, ramdisk=None, fdt=None, script=None,
              key=None):
    props = "".join('\t\t\t%s = "%s";\n' % (p, v) for p, v in
                    (("kernel", kernel), ("ramdisk", ramdisk),
                     ("fdt", fdt), ("script", script)) if v)
    sig = ""
    if key:
        signed = ", ".join('"%s"' % p for p, v in
                           (("kernel", kernel), ("fdt", fdt),
                            ("ramdisk", ramdisk)) if v)
        sig = ('\t\t\tsignature-1 {\n\t\t\t\talgo = "sha256,%s";\n'
               '\t\t\t\tkey-name-hint = "%s";\n'
               '\t\t\t\tsign-images = %s;\n\t\t\t};\n'
               % (key[1], key[0], signed))
    return ('\t\t%s {\n\t\t\tdescription = "%s";\n%s%s\t\t};\n'
            % (name, name, props, sig))


def make_fit(tmp_path, name, images, confs, default="conf-1", keydir=None,
             keys_dtb=None, required=True, external=False):
    """mkimage -f over an .its of the given nodes; signed with the keys
    in keydir (public keys added to keys_dtb) when given."""
    its = tmp_path / (name + ".its")
    its.write_text('/dts-v1/;\n/ {\n\tdescription = "%s";\n'
                   '\t#address-cells = <1>;\n\timages {\n%s\t};\n'
                   '\tconfigurations {\n\t\tdefault = "%s";\n%s\t};\n};\n'
                   % (name, "".join(images), default, "".join(confs)))
    out = tmp_path / (name + ".fit")
    cmd = ["mkimage", "-f", str(its)]
    if external:
        cmd += ["-E"]
    if keydir:
        cmd += ["-k", str(keydir), "-K", str(keys_dtb)]
        if required:
            cmd += ["-r"]
    run(cmd + [str(out)], cwd=str(tmp_path))
    return out


def make_key(tmp_path, name, bits=2048):
    keydir = tmp_path / ("keys-" + name)
    keydir.mkdir(exist_ok=True)
    key = keydir / (name + ".key")
    run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
         "rsa_keygen_bits:%d" % bits, "-out", str(key)])
    run(["openssl", "req", "-batch", "-new", "-x509", "-key", str(key),
         "-out", str(keydir / (name + ".crt")), "-subj", "/CN=" + name])
    return keydir


def empty_dtb(path):
    src = str(path) + ".dts"
    with open(src, "w") as f:
        f.write("/dts-v1/;\n/ { };\n")
    run(["dtc", "-I", "dts", "-O", "dtb", "-o", str(path), src])
    return path


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    """The pieces the FITs are made of: a spinning kernel and its gzip,
    a ramdisk, a small device tree, a script."""
    need_tools()
    d = tmp_path_factory.mktemp("fitparts")
    (d / "k.img").write_bytes(spin_kernel())
    (d / "k.img.gz").write_bytes(gzip.compress(spin_kernel(), 9))
    (d / "rd.img").write_bytes(os.urandom(5000))
    (d / "other.img").write_bytes(spin_kernel(12288))
    empty_dtb(d / "t.dtb")
    run(["fdtput", "-t", "s", str(d / "t.dtb"), "/", "virtboot-test",
         "from the FIT"])
    (d / "s.txt").write_text("echo script from the FIT\nsetenv fitscript yes\n")
    return d


def standard_fit(tmp_path, parts, name="std", key=None, keydir=None,
                 keys_dtb=None, required=True, external=False):
    """kernel-1 (gzip), kernel-2 (plain, unsigned by conf-1), ramdisk-1,
    fdt-1, script-1; conf-1 = kernel-1 + ramdisk-1 + fdt-1 (signed with
    key when given), conf-2 = kernel-2 without ramdisk."""
    p = str(parts)
    images = [image_node("kernel-1", p + "/k.img.gz", "kernel", "gzip",
                         ("sha256", "crc32"), load=0x40400000),
              image_node("kernel-2", p + "/other.img", "kernel", "none",
                         ("sha1",), load=0x40600000),
              image_node("ramdisk-1", p + "/rd.img", "ramdisk", "none",
                         ("sha384",)),
              image_node("fdt-1", p + "/t.dtb", "flat_dt", "none",
                         ("sha512",)),
              image_node("script-1", p + "/s.txt", "script", "none",
                         ("sha256",))]
    confs = [conf_node("conf-1", "kernel-1", "ramdisk-1", "fdt-1",
                       "script-1", key=key),
             conf_node("conf-2", "kernel-2", key=key and (key[0], key[1]))]
    return make_fit(tmp_path, name, images, confs, keydir=keydir,
                    keys_dtb=keys_dtb, required=required, external=external)


def fdt_prop(fit, path, prop, fmt="x"):
    out = run(["fdtget", "-t", fmt, str(fit), path, prop]).stdout.split()
    return out


def data_offset(fit, image):
    """Where an embedded image's data starts in the FIT file."""
    data = open(str(fit), "rb").read()
    want = open(image, "rb").read()
    return data.index(want)


def loaded(boot, tmp_path, fits, *args, **kw):
    """A machine with each FIT loaded: {address: path}."""
    files = {"f%x" % a: open(str(p), "rb").read() for a, p in fits.items()}
    c = fwcfg(boot, tmp_path, files, *args, **kw)
    for a in fits:
        c.run_ok("fwcfg load opt/f%x %x" % (a, a))
    return c


def boots(c, cmd):
    """Run a bootm that must reach the hand-off; returns the output."""
    c.send(cmd + "\r")
    return c.expect(r"Starting kernel \.\.\. \(\d+\.\d{3} s after reset\)",
                    timeout=60)


def refused(c, cmd, reason):
    """A bootm that must fail with reason, having placed nothing."""
    out = c.run_fail(cmd)
    text = "\n".join(out)
    assert any(reason in line for line in out), text
    for word in ("Uncompressing", "Loading Kernel", "Kernel:", "Starting"):
        assert word not in text, text
    return out


FIT = 0x48000000


@pytest.mark.requires("FIT")
def test_iminfo_lists_and_verifies(boot, tmp_path, parts):
    fit = standard_fit(tmp_path, parts)
    c = loaded(boot, tmp_path, {FIT: fit})
    out = c.run_ok("iminfo %x" % FIT)
    assert out[:2] == ["", "## Checking Image at %08x ..." % FIT], out
    assert "   FIT image found" in out
    assert "   FIT description: std" in out
    assert "    Image 0 (kernel-1)" in out
    assert "     Compression:  gzip compressed" in out
    assert "     Load Address: 0x40400000" in out
    kgz = (parts / "k.img.gz").read_bytes()
    assert "     Hash value:   " + hashlib.sha256(kgz).hexdigest() in out
    assert "     Hash value:   %08x" % zlib.crc32(kgz) in out
    assert "    Default Configuration: 'conf-1'" in out
    assert "     Init Ramdisk: ramdisk-1" in out
    assert "   Hash(es) for Image 0 (kernel-1): sha256+ crc32+ OK" in out
    assert "   Hash(es) for Image 2 (ramdisk-1): sha384+ OK" in out
    assert "   Hash(es) for Image 3 (fdt-1): sha512+ OK" in out
    # One flipped byte of the ramdisk: named, and iminfo fails.
    off = FIT + data_offset(fit, str(parts / "rd.img")) + 100
    c.run_ok("mw.b %x 5a" % off)
    out = c.run_fail("iminfo %x" % FIT)
    assert "   Hash(es) for Image 2 (ramdisk-1): sha384- error!" in out
    assert "   Bad hash value for 'hash-1' hash node in 'ramdisk-1' image node" in out


@pytest.mark.requires("FIT")
def test_iminfo_legacy_and_garbage(boot, tmp_path, parts):
    leg = tmp_path / "k.uimg"
    run(["mkimage", "-A", "arm64", "-O", "linux", "-T", "kernel", "-C",
         "none", "-a", "0x40400000", "-e", "0x40400000", "-n", "spin",
         "-d", str(parts / "k.img"), str(leg)])
    c = loaded(boot, tmp_path, {FIT: leg})
    out = c.run_ok("iminfo %x" % FIT)
    assert out[2:] == ["   Legacy image found", "   Image Name:   spin",
                       "   Image Type:   AArch64 Linux Kernel Image (uncompressed)",
                       "   Data Size:    8192 Bytes = 8 KiB",
                       "   Load Address: 40400000",
                       "   Entry Point:  40400000",
                       "   Verifying Checksum ... OK"], out
    c.run_ok("mw.b %x 1" % (FIT + 64 + 100))
    assert c.run_fail("iminfo %x" % FIT)[-1] == "   Bad data crc"
    c.run_ok("mw.l 49000000 12345678")
    assert c.run_fail("iminfo 49000000")[-1] == "   Unknown image format!"
    # Legacy kernels boot too, copied to their load address.
    c.run_ok("fwcfg load opt/f%x %x" % (FIT, FIT))
    out = boots(c, "bootm %x" % FIT)
    assert "   Loading Kernel Image to 40400000" in out, out
    assert re.search(r"Kernel: +0x40400000-", out), out


@pytest.mark.requires("FIT")
@pytest.mark.parametrize("cmd", [
    "bootm {a:x}", "bootm {a:x}#conf-1", "bootm {a:x}#conf-1 {a:x}#conf-1",
    "setenv loadaddr {a:x}; bootm", "bootm {a:x}:kernel-1 {a:x}:ramdisk-1 {a:x}:fdt-1",
    "bootm {a:x}#conf-1 -", "bootm {a:x}#conf-2"])
def test_bootm_fit_spellings(boot, tmp_path, parts, cmd):
    fit = standard_fit(tmp_path, parts)
    c = loaded(boot, tmp_path, {FIT: fit})
    cmd = cmd.format(a=FIT)
    out = boots(c, cmd)
    rd = FIT + data_offset(fit, str(parts / "rd.img"))
    if "conf-2" in cmd:
        assert "Trying 'kernel-2' kernel subimage" in out
        assert "   Loading Kernel Image to 40600000" in out, out
        assert "Initrd:   none" in out
    else:
        assert "   Trying 'kernel-1' kernel subimage" in out
        assert "   Verifying Hash Integrity ... sha256+ crc32+ OK" in out
        # Inflated at the image's load address, as U-Boot does.
        assert "Uncompressing Kernel Image to 0x40400000: " in out, out
        if cmd.endswith(" -"):
            assert "Initrd:   none" in out
        else:
            assert "   Verifying Hash Integrity ... sha384+ OK" in out
            assert re.search(r"Initrd: +0x%08x-0x%08x" % (rd, rd + 5000), out), out
        assert "   Booting using the fdt blob at 0x%x" % (
            FIT + data_offset(fit, str(parts / "t.dtb"))) in out, out
    if "#conf" in cmd or cmd.startswith("setenv") or cmd == "bootm %x" % FIT:
        assert "   Using '%s' configuration" % (
            "conf-2" if "conf-2" in cmd else "conf-1") in out


@pytest.mark.requires("FIT")
@pytest.mark.parametrize("load,why", [
    (0x40500000, "is not a 2 MiB boundary + text_offset"),
    (FIT, "is not free RAM")])
def test_bootm_gzip_kernel_load_unusable(boot, tmp_path, parts, load, why):
    """A gzip kernel whose load address cannot take it (misaligned, or
    where the FIT itself lies) is inflated where booti would put it,
    with a line saying so."""
    images = [image_node("kernel-1", str(parts / "k.img.gz"), "kernel",
                         "gzip", load=load)]
    fit = make_fit(tmp_path, "gzload", images, [conf_node("conf-1", "kernel-1")])
    c = loaded(boot, tmp_path, {FIT: fit})
    out = boots(c, "bootm %x" % FIT)
    assert "   Load address 0x%x %s: placing the kernel elsewhere" % (
        load, why) in out, out
    m = re.search(r"Uncompressing Kernel Image to 0x([0-9a-f]+): ", out)
    assert m and int(m.group(1), 16) != load, out


def pmemsave(c, addr, size, path):
    """Guest memory to a file, through the QEMU monitor."""
    # Quoted: unquoted, the size expression would take in the "/".
    reply = c.monitor('pmemsave 0x%x 0x%x "%s"' % (addr, size, path))
    deadline = time.time() + 10
    while not os.path.exists(str(path)) or os.path.getsize(str(path)) < size:
        assert time.time() < deadline, "pmemsave wrote nothing: " + reply
        time.sleep(0.05)
    return open(str(path), "rb").read()


def overlay_dtbo(path, target, prop):
    src = str(path) + ".dts"
    with open(src, "w") as f:
        f.write('/dts-v1/;\n/plugin/;\n/ {\n\tfragment@0 {\n'
                '\t\ttarget-path = "%s";\n\t\t__overlay__ {\n'
                '\t\t\t%s;\n\t\t};\n\t};\n};\n' % (target, prop))
    run(["dtc", "-I", "dts", "-O", "dtb", "-o", str(path), src])
    return path


@pytest.mark.requires("FIT")
def test_bootm_fit_overlays(boot, tmp_path, parts):
    """A configuration's fdt list is the base tree, then overlays applied
    in order to a copy (the FIT is left as it was); the tree Linux gets,
    read back from guest memory, has both overlays' properties and the
    base's. One that does not apply stops the boot before anything is
    placed."""
    one = overlay_dtbo(tmp_path / "one.dtbo", "/", 'vb-one = "first"')
    two = overlay_dtbo(tmp_path / "two.dtbo", "/", 'vb-one = "second"; vb-two = <2>')
    bad = overlay_dtbo(tmp_path / "bad.dtbo", "/nowhere", "vb-bad")
    images = [image_node("kernel-1", str(parts / "k.img"), "kernel",
                         load=0x40400000),
              image_node("fdt-1", str(parts / "t.dtb"), "flat_dt"),
              image_node("ovl-1", str(one), "flat_dt"),
              image_node("ovl-2", str(two), "flat_dt"),
              image_node("ovl-bad", str(bad), "flat_dt")]
    confs = [conf_node("conf-1", "kernel-1", fdt='fdt-1", "ovl-1", "ovl-2'),
             conf_node("conf-2", "kernel-1", fdt='fdt-1", "ovl-bad')]
    fit = make_fit(tmp_path, "ovl", images, confs)
    before = open(str(fit), "rb").read()
    c = loaded(boot, tmp_path, {FIT: fit})
    out = boots(c, "bootm %x" % FIT)
    for name in ("ovl-1", "ovl-2"):
        assert "   Trying '%s' fdt subimage" % name in out, out
        assert "   Applying overlay '%s'" % name in out, out
    m = re.search(r"FDT: +0x([0-9a-f]+)-0x([0-9a-f]+)", out)
    assert m, out
    lo, hi = int(m.group(1), 16), int(m.group(2), 16)
    dump = tmp_path / "linux.dtb"
    pmemsave(c, lo, hi - lo, dump)
    assert fdt_prop(dump, "/", "vb-one", "s") == ["second"]
    assert fdt_prop(dump, "/", "vb-two", "i") == ["2"]
    assert fdt_prop(dump, "/", "virtboot-test", "s") == ["from", "the", "FIT"]
    assert pmemsave(c, FIT, len(before), tmp_path / "fit.after") == before
    c = loaded(boot, tmp_path, {FIT: fit})
    refused(c, "bootm %x#conf-2" % FIT,
            "bootm: overlay 'ovl-bad' does not apply: FDT_ERR_NOTFOUND")


@pytest.mark.requires("FIT")
def test_bootm_refusals_without_keys(boot, tmp_path, parts):
    fit = standard_fit(tmp_path, parts)
    c = loaded(boot, tmp_path, {FIT: fit})
    refused(c, "bootm %x#conf-9" % FIT, "no such configuration")
    refused(c, "bootm %x:kernel-9" % FIT, "no such image")
    refused(c, "bootm %x:ramdisk-1" % FIT, "is not a kernel image")
    refused(c, "bootm %x#conf@1" % FIT, "'@'")
    refused(c, "bootm 49000000", "Wrong Image Format for bootm command")
    # A flipped byte in the gzip kernel: the hash says so first.
    off = FIT + data_offset(fit, str(parts / "k.img.gz")) + 20
    c.run_ok("mw.b %x 33" % off)
    out = refused(c, "bootm %x" % FIT,
                  "Bad hash value for 'hash-1' hash node in 'kernel-1' image node")
    assert "   Verifying Hash Integrity ... sha256- error!" in out
    # A truncated tree (its size past RAM) and a misaligned one.
    c.run_ok("fwcfg load opt/f%x %x" % (FIT, FIT))
    c.run_ok("mw.l %x 0000003f" % (FIT + 4))       # totalsize = 1008 MiB
    refused(c, "bootm %x" % FIT, "runs past the end of RAM")
    c.run_ok("fwcfg load opt/f%x %x" % (FIT, FIT + 4))
    refused(c, "bootm %x" % (FIT + 4), "8-byte aligned")


@pytest.mark.requires("FIT")
def test_external_data_fit(boot, tmp_path, parts):
    fit = standard_fit(tmp_path, parts, external=True)
    c = loaded(boot, tmp_path, {FIT: fit})
    out = c.run_ok("iminfo %x" % FIT)
    assert any(line.startswith("     Data Position:") for line in out), out
    assert "   Hash(es) for Image 0 (kernel-1): sha256+ crc32+ OK" in out
    boots(c, "bootm %x" % FIT)


@pytest.mark.requires("FIT")
def test_external_data_out_of_bounds_refused(boot, tmp_path, parts):
    fit = standard_fit(tmp_path, parts, external=True)
    size = int(fdt_prop(fit, "/images/kernel-1", "data-size")[0], 16)
    for prop, val, reason in (
            ("data-offset", "0x7fffffff", "past the end of RAM"),
            ("data-position", "0x10", "inside the tree itself"),
            ("data-size", "0x%x" % (size + 0x1000), "share external data")):
        bad = tmp_path / ("bad-%s.fit" % prop)
        shutil.copy(str(fit), str(bad))
        run(["fdtput", "-t", "x", str(bad), "/images/kernel-1", prop, val])
        c = loaded(boot, tmp_path, {FIT: bad})
        refused(c, "bootm %x" % FIT, reason)
        assert reason in c.run_fail("iminfo %x" % FIT)[-1]
        c.close()


@pytest.mark.requires("FIT", "CMD_SOURCE")
def test_source_runs_a_fit_script(boot, tmp_path, parts):
    fit = standard_fit(tmp_path, parts)
    c = loaded(boot, tmp_path, {FIT: fit})
    out = c.run_ok("source %x:script-1" % FIT)
    assert out[0] == "## Executing script at %x" % FIT
    assert "   Verifying Hash Integrity ... sha256+ OK" in out
    assert out[-1] == "script from the FIT", out
    assert c.run_ok("printenv fitscript") == ["fitscript=yes"]
    out = c.run_ok("source %x" % FIT)         # the default config's
    assert out[-1] == "script from the FIT", out
    assert "is not an uncompressed script" in c.run_fail(
        "source %x:kernel-1" % FIT)[-1]


# --- signatures -------------------------------------------------------------

@pytest.fixture(scope="module")
def signed(tmp_path_factory, parts):
    """Keys 'dev' (2048 bits, required "conf") and 'big' (4096), a
    foreign key nobody trusts; FITs signed by each and one unsigned."""
    d = tmp_path_factory.mktemp("signed")
    dev, big, foreign = (make_key(d, "dev"), make_key(d, "big", 4096),
                         make_key(d, "foreign"))
    keys = empty_dtb(d / "keys.dtb")
    big_keys = empty_dtb(d / "big-keys.dtb")
    other_keys = empty_dtb(d / "foreign-keys.dtb")
    fits = {
        "dev": standard_fit(d, parts, "dev", ("dev", "rsa2048"), dev, keys),
        "big": standard_fit(d, parts, "big", ("big", "rsa4096"), big,
                            big_keys),
        "foreign": standard_fit(d, parts, "foreign", ("foreign", "rsa2048"),
                                foreign, other_keys),
        "unsigned": standard_fit(d, parts, "unsigned"),
    }
    return {"dir": d, "keys": keys, "big-keys": big_keys, "fits": fits}


def with_keys(boot, tmp_path, signed, fit, keys="keys", **kw):
    return loaded(boot, tmp_path, {FIT: fit}, "-fw_cfg",
                  "name=opt/virtboot/keys,file=%s" % signed[keys], **kw)


@pytest.mark.requires("FIT", "FW_CFG")
@pytest.mark.parametrize("which,algo", [("dev", "rsa2048"), ("big", "rsa4096")])
def test_signed_fit_boots_with_fw_cfg_keys(boot, tmp_path, signed, which, algo):
    c = with_keys(boot, tmp_path, signed, signed["fits"][which],
                  "keys" if which == "dev" else "big-keys")
    out = c.run_ok("iminfo %x" % FIT)
    assert "     Sign algo:    sha256,%s:%s" % (algo, which) in out
    assert ("   Signature(s) for Configuration 0 (conf-1): sha256,%s:%s+ OK"
            % (algo, which)) in out, out
    out = boots(c, "bootm %x#conf-1" % FIT)
    assert "   Verifying Hash Integrity ... sha256,%s:%s+ OK" % (algo, which) in out


@pytest.mark.requires("FIT", "FW_CFG")
def test_signed_fit_with_the_live_tree(boot, tmp_path, signed):
    """U-Boot's "bootm addr#conf addr#conf ${fdtcontroladdr}": the
    loader's own tree is trusted; another bare tree is not."""
    c = with_keys(boot, tmp_path, signed, signed["fits"]["dev"])
    live = int(c.run_ok("fdt addr")[0].split()[-1], 16)
    c.run_ok("cp.b %x 4f000000 1000" % live)
    refused(c, "bootm %x#conf-1 %x#conf-1 4f000000" % (FIT, FIT),
            "a bare device tree carries no signature")
    c.run_ok("setenv fdtcontroladdr %x" % live)
    out = boots(c, "bootm %x#conf-1 %x#conf-1 ${fdtcontroladdr}" % (FIT, FIT))
    assert "## Using the live device tree at %08x" % live in out, out


@pytest.mark.requires("FIT", "FW_CFG")
def test_signed_fit_refusals(boot, tmp_path, signed, parts):
    fits = signed["fits"]
    c = with_keys(boot, tmp_path, signed, fits["unsigned"])
    refused(c, "bootm %x" % FIT,
            "configuration 'conf-1' is not signed, and key 'dev' is required")
    c.close()
    c = with_keys(boot, tmp_path, signed, fits["foreign"])
    refused(c, "bootm %x" % FIT,
            "configuration 'conf-1' is not signed by required key 'dev' "
            "(signed by an unknown key)")
    # Picking an image by name would skip the configuration's signature.
    refused(c, "bootm %x:kernel-1" % FIT, "a key requires signed configurations")
    c.close()
    # One flipped byte in the signed kernel: its hash, signed, fails.
    c = with_keys(boot, tmp_path, signed, fits["dev"])
    off = FIT + data_offset(fits["dev"], str(parts / "k.img.gz")) + 20
    c.run_ok("mw.b %x 33" % off)
    refused(c, "bootm %x" % FIT,
            "Bad hash value for 'hash-1' hash node in 'kernel-1' image node")
    c.close()
    # Mix and match: conf-1 edited to boot conf-2's kernel (signed for
    # conf-2 only); and a hash value edited along with its data.
    mixed = tmp_path / "mixed.fit"
    shutil.copy(str(fits["dev"]), str(mixed))
    run(["fdtput", "-t", "s", str(mixed), "/configurations/conf-1",
         "kernel", "kernel-2"])
    c = with_keys(boot, tmp_path, signed, mixed)
    out = refused(c, "bootm %x#conf-1" % FIT,
                  "configuration 'conf-1': signature by key 'dev' is bad: "
                  "the signature does not verify")
    assert "   Verifying Hash Integrity ... sha256,rsa2048:dev- error!" in out
    c.close()
    rehashed = tmp_path / "rehashed.fit"
    shutil.copy(str(fits["dev"]), str(rehashed))
    run(["fdtput", "-t", "x", str(rehashed), "/images/ramdisk-1/hash-1",
         "value"] + ["0"] * 12)
    c = with_keys(boot, tmp_path, signed, rehashed)
    refused(c, "bootm %x" % FIT, "signature does not verify")
    # A legacy image carries no signature: refused when a key is required.
    leg = tmp_path / "k.uimg"
    run(["mkimage", "-A", "arm64", "-O", "linux", "-T", "kernel", "-C",
         "none", "-a", "0x40400000", "-e", "0x40400000", "-n", "spin",
         "-d", str(parts / "k.img"), str(leg)])
    c.close()
    c = with_keys(boot, tmp_path, signed, leg)
    refused(c, "bootm %x" % FIT, "legacy images carry no signature")


@pytest.mark.requires("FIT")
def test_signed_fit_with_keys_built_in(boot, tmp_path, signed):
    """make KEYS=keys.dtb in its own build directory: the keys in the
    image's .rodata, the signed FIT boots, the foreign one does not."""
    out_dir = tmp_path / "build-keys"
    from conftest import ROOT
    run(["make", "-j2", "O=" + str(out_dir), "KEYS=" + str(signed["keys"])],
        cwd=ROOT)
    bios = str(out_dir / "virtboot.bin")
    c = loaded(boot, tmp_path, {FIT: signed["fits"]["dev"]}, bios=bios)
    out = boots(c, "bootm %x" % FIT)
    assert "   Verifying Hash Integrity ... sha256,rsa2048:dev+ OK" in out
    c = loaded(boot, tmp_path, {FIT: signed["fits"]["foreign"]}, bios=bios)
    refused(c, "bootm %x" % FIT, "not signed by required key 'dev'")
    # The keys file is in the image, byte for byte.
    assert open(str(signed["keys"]), "rb").read() in open(bios, "rb").read()


# --- a real Linux -------------------------------------------------------------

@pytest.mark.linux
@pytest.mark.requires("FIT", "GZIP")
@pytest.mark.parametrize("spelling", ["bootm {a:x}",
                                      "bootm {a:x}#conf-1 {a:x}#conf-1 ${{fdtcontroladdr}}"])
def test_bootm_fit_linux(boot, tmp_path, linux, spelling):
    """Debian's kernel gzipped in a FIT with the test initramfs, a marked
    device tree and an overlay that changes the mark, signed; Linux gets
    all of them."""
    from test_linux import guest_report, marked_dtb
    need_tools()
    image = open(linux["image"], "rb").read()
    (tmp_path / "Image.gz").write_bytes(gzip.compress(image, 6))
    dtb = marked_dtb(tmp_path, "from the FIT")
    keydir = make_key(tmp_path, "dev")
    keys = empty_dtb(tmp_path / "keys.dtb")
    images = [image_node("kernel-1", str(tmp_path / "Image.gz"), "kernel",
                         "gzip", load=0x40400000),
              image_node("ramdisk-1", linux["initrd"], "ramdisk"),
              image_node("fdt-1", dtb, "flat_dt"),
              image_node("ovl-1", str(overlay_dtbo(
                  tmp_path / "o.dtbo", "/",
                  'virtboot-test = "from the FIT overlay"')), "flat_dt")]
    confs = [conf_node("conf-1", "kernel-1", "ramdisk-1", 'fdt-1", "ovl-1',
                       key=("dev", "rsa2048"))]
    fit = make_fit(tmp_path, "linux", images, confs, keydir=keydir,
                   keys_dtb=keys)
    a = 0x50000000
    c = loaded(boot, tmp_path, {a: fit}, "-fw_cfg",
               "name=opt/virtboot/keys,file=%s" % keys, timeout=60)
    c.run_ok("setenv bootargs console=ttyAMA0 vbtest=fit")
    c.send(spelling.format(a=a) + "\r")
    r = guest_report(c)
    out = normalize(c.output)
    assert "   Verifying Hash Integrity ... sha256,rsa2048:dev+ OK" in out
    assert r["CMDLINE"] == "console=ttyAMA0 vbtest=fit"
    assert r["INITRD"] == "dt"
    if "fdtcontroladdr" in spelling:
        # The third argument is the loader's own (QEMU's) tree, as U-Boot.
        assert "   Trying 'fdt-1' fdt subimage" not in out
        assert r["DTMARK"] == ""
    else:
        assert "   Trying 'fdt-1' fdt subimage" in out
        assert "   Applying overlay 'ovl-1'" in out
        assert r["DTMARK"] == "from the FIT overlay"
    assert r["DTVER"].startswith("virtboot ")
