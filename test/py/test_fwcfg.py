# SPDX-License-Identifier: MIT
"""QEMU fw_cfg: the fwcfg and qfw commands, DMA against the data register,
the environment and script from opt/virtboot/*."""
import glob
import os
import re
import statistics
import subprocess
import zlib

import pytest

from conftest import CONFIG, dump_dtb, QEMU, ROOT

pytestmark = pytest.mark.requires("CMD_FWCFG")

# RAM with -m 1G is 0x40000000..0x80000000; the loader lives in
# 0x40200000..0x40400000.
LOAD_A = 0x48000000
LOAD_B = 0x50000000


def host_file(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def ls(console):
    """fwcfg ls as {name: (selector, size)} plus the count line's number."""
    lines = [l for l in console.run_ok("fwcfg ls") if l]
    assert lines[0].split() == ["sel", "size", "name"]
    files = {}
    for l in lines[1:-1]:
        sel, size, name = l.split()
        files[name] = (int(sel, 16), int(size))
    m = re.match(r"(\d+) files?$", lines[-1])
    assert m, lines[-1]
    return files, int(m.group(1))


def crc_of(console, addr, size):
    out = console.run_ok("crc32 %x %x" % (addr, size))
    return int(out[-2 if out[-1] == "" else -1].split()[-1], 16)


def load(console, what, addr, length=None):
    """fwcfg load; returns (bytes, ms, MiB/s or None) from its report
    ("N bytes read in T ms (R MiB/s)"), after checking that filesize
    is N."""
    cmd = "fwcfg load %s %x" % (what, addr)
    if length is not None:
        cmd += " %x" % length
    out = [l for l in console.run_ok(cmd, timeout=120) if l]
    m = re.match(r"(\d+) bytes read in (\d+\.\d{3}) ms(?: \((\d+\.\d) MiB/s\))?$",
                 out[-1])
    assert m, out
    size = int(m.group(1))
    assert console.run_ok("printenv filesize") == ["filesize=%x" % size]
    return size, float(m.group(2)), m.group(3) and float(m.group(3))


def debian_kernel():
    try:
        sysroot = subprocess.run([os.path.join(ROOT, "scripts", "deps.sh"),
                                  "--print"], capture_output=True, text=True,
                                 check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    found = sorted(glob.glob(os.path.join(sysroot, "boot", "vmlinuz-*")))
    return found[-1] if found else None


def test_fwcfg_ls_matches_what_qemu_was_given(boot, tmp_path):
    a = host_file(tmp_path, "a", os.urandom(12345))
    b = host_file(tmp_path, "b", b"x" * 7)
    c = boot("-device", "ramfb",
             "-fw_cfg", "name=opt/test/a,file=" + a,
             "-fw_cfg", "name=opt/test/b,file=" + b)
    files, count = ls(c)
    assert files["opt/test/a"][1] == 12345
    assert files["opt/test/b"][1] == 7
    assert files["etc/ramfb"][1] == 28
    assert count == len([n for n in files if not n.startswith("(")])
    # Selectors are unique and in the file range.
    sels = [s for n, (s, _) in files.items() if not n.startswith("(")]
    assert len(set(sels)) == len(sels) and min(sels) >= 0x20
    # qfw list shows the same directory, in U-Boot's layout (hex sizes).
    qfw = [l.split() for l in c.run_ok("qfw list")[2:] if l]
    assert {l[3]: (int(l[2], 16), int(l[1], 16)) for l in qfw} == \
        {n: v for n, v in files.items() if not n.startswith("(")}


def test_fwcfg_ls_legacy_items(boot, tmp_path):
    k = host_file(tmp_path, "k", os.urandom(4096))
    i = host_file(tmp_path, "i", os.urandom(1000))
    c = boot("-kernel", k, "-initrd", i, "-append", "console=ttyAMA0 quiet")
    files, _ = ls(c)
    assert files["(kernel)"] == (0x11, 4096)
    assert files["(initrd)"] == (0x12, 1000)
    assert files["(cmdline)"] == (0x15, len("console=ttyAMA0 quiet") + 1)
    assert c.run_ok("fwcfg cat cmdline") == ["console=ttyAMA0 quiet"]


def test_fwcfg_without_kernel(console):
    files, _ = ls(console)
    assert "(kernel)" not in files
    out = console.run_fail("fwcfg load kernel %x" % LOAD_A)
    assert out[0] == "fwcfg: QEMU has no kernel (no -kernel)"


@pytest.mark.qemu_args("-fw_cfg", "name=opt/test/s,string=hello,, world\\x")
def test_fwcfg_cat_string(console):
    assert console.run_ok("fwcfg cat opt/test/s") == ["hello, world\\\\x"]


def test_fwcfg_cat_escapes_binary(boot, tmp_path):
    f = host_file(tmp_path, "bin", b"a\x01b\n\xffc")
    c = boot("-fw_cfg", "name=opt/test/bin,file=" + f)
    assert c.run_ok("fwcfg cat opt/test/bin") == ["a\\x01b", "\\xffc"]


def test_fwcfg_dump(boot, tmp_path):
    f = host_file(tmp_path, "d", bytes(range(0x41, 0x41 + 20)))
    c = boot("-fw_cfg", "name=opt/test/d,file=" + f)
    out = c.run_ok("fwcfg dump opt/test/d")
    assert out[0] == "00000000: " + " ".join("%02x" % b for b in range(0x41, 0x51)) + \
        "    ABCDEFGHIJKLMNOP"
    assert out[1].startswith("00000010: 51 52 53 54   ")
    assert out[1].endswith("    QRST")
    assert c.run_ok("fwcfg dump opt/test/d 2") == ["00000000: 41 42" + " " * 42 + "    AB"]


def test_fwcfg_dump_and_cat_large(boot, tmp_path):
    """Past the first chunk (64 KiB), by DMA and by the data register."""
    data = os.urandom(0x12345)
    text = b"".join(b"line %d\n" % i for i in range(12000)) + b"end"
    c = boot("-fw_cfg", "name=opt/test/big,file=" + host_file(tmp_path, "b", data),
             "-fw_cfg", "name=opt/test/txt,file=" + host_file(tmp_path, "t", text),
             timeout=60)
    for mode in ("on", "off"):
        c.run_ok("fwcfg dma " + mode)
        out = c.run_ok("fwcfg dump opt/test/big")
        assert len(out) == (len(data) + 15) // 16
        for i in (0, 0xfff, 0x1000, len(out) - 1):
            chunk = data[i * 16:i * 16 + 16]
            assert out[i].startswith("%08x: %s" % (i * 16, " ".join("%02x" % b for b in chunk)))
        out = c.run_ok("fwcfg cat opt/test/txt")
        assert out == text.decode().split("\n")


def test_fwcfg_load_crc_dma_and_data_register(boot, tmp_path):
    data = os.urandom(3 * 1024 * 1024 + 5)	# odd length: the tail path
    f = host_file(tmp_path, "r", data)
    c = boot("-fw_cfg", "name=opt/test/r,file=" + f)
    assert c.run_ok("fwcfg dma") == ["on"]
    assert load(c, "opt/test/r", LOAD_A)[0] == len(data)
    assert crc_of(c, LOAD_A, len(data)) == zlib.crc32(data)
    c.run_ok("fwcfg dma off")
    assert c.run_ok("fwcfg info")[0] == "interface: data register (DMA turned off)"
    # An unaligned destination exercises the byte-wise head.
    assert load(c, "opt/test/r", LOAD_B + 3)[0] == len(data)
    c.run_ok("cmp.b %x %x %x" % (LOAD_A, LOAD_B + 3, len(data)))
    # A prefix, and the directory read through the data register too.
    c.run_ok("mw.b %x 0 100" % LOAD_B)
    assert load(c, "opt/test/r", LOAD_B, 0x10)[0] == 0x10
    assert crc_of(c, LOAD_B, 0x10) == zlib.crc32(data[:0x10])
    assert c.run_ok("fwcfg dump opt/test/r 8")[0].startswith(
        "00000000: " + " ".join("%02x" % b for b in data[:8]))
    c.run_ok("fwcfg dma on")
    assert c.run_ok("fwcfg info")[0] == "interface: DMA"


def test_fwcfg_device_without_dma(boot, tmp_path):
    """A device that offers no DMA: everything, the directory and the
    environment included, goes through the data register, and matches."""
    data = os.urandom(200001)
    f = host_file(tmp_path, "x", data)
    args = ("-fw_cfg", "name=opt/test/x,file=" + f)
    env = ["bootdelay=-1", "came=through the data register"]
    dma = ls(boot(*args, env=env))
    c = boot("-global", "fw_cfg_mem.dma_enabled=false", *args, env=env)
    assert ls(c) == dma
    assert c.run_ok("printenv came") == ["came=through the data register"]
    out = c.run_ok("fwcfg info")
    assert out[0] == "interface: data register"
    assert out[3] == "features:  0x1 traditional"
    assert c.run_fail("fwcfg dma on")[0] == "fwcfg: this device has no DMA"
    assert c.run_fail("fwcfg write opt/test/x %x 1" % LOAD_A)[0] == \
        "fwcfg: writes need DMA, which this device lacks"
    assert load(c, "opt/test/x", LOAD_A + 1)[0] == len(data)
    assert crc_of(c, LOAD_A + 1, len(data)) == zlib.crc32(data)


def test_fwcfg_load_refuses_bad_destinations(boot, tmp_path):
    f = host_file(tmp_path, "r", os.urandom(0x10000))
    c = boot("-fw_cfg", "name=opt/test/r,file=" + f)
    out = c.run_fail("fwcfg load opt/test/r 40300000")
    assert re.match(r"fwcfg: 0x40300000\.\.0x40310000 overlaps virtboot at ", out[0])
    out = c.run_fail("fwcfg load opt/test/r 401f8000")	# runs into it
    assert "overlaps virtboot" in out[0]
    out = c.run_fail("fwcfg load opt/test/r 7fff8000")	# past RAM's end
    assert out[0] == "fwcfg: 0x7fff8000..0x80008000 is not inside RAM"
    out = c.run_fail("fwcfg load opt/test/r 9000000")	# a device
    assert "is not inside RAM" in out[0]
    out = c.run_fail("fwcfg load opt/test/r ffffffffffffff00")
    assert "is not inside RAM" in out[0]
    # A tree "fdt addr" moved out of the loader's heap is protected too.
    c.run_ok("cp.b 40000000 60000000 100000")
    c.run_ok("fdt addr 60000000")
    out = c.run_fail("fwcfg load opt/test/r 600f8000")
    assert re.match(r"fwcfg: 0x600f8000\.\.0x60108000 overlaps the device tree at 0x60000000$", out[0])
    # The end of RAM exactly is fine; so is the RAM QEMU's DTB was in.
    assert load(c, "opt/test/r", 0x7fff0000)[0] == 0x10000
    assert load(c, "opt/test/r", 0x40000000)[0] == 0x10000


def test_fwcfg_errors(boot, tmp_path):
    f = host_file(tmp_path, "r", b"abc")
    c = boot("-fw_cfg", "name=opt/test/r,file=" + f)
    assert c.run_fail("fwcfg cat opt/nope")[0] == "fwcfg: no file 'opt/nope'"
    assert c.run_fail("fwcfg load opt/nope 50000000")[0] == "fwcfg: no file 'opt/nope'"
    out = c.run_fail("fwcfg write opt/test/r %x 3" % LOAD_A)
    assert out[0] == "fwcfg: QEMU refused the write: 'opt/test/r' is read-only"
    assert c.run_fail("fwcfg load opt/test/r xyz")[0] == "fwcfg: bad number 'xyz'"
    out = c.run_fail("fwcfg frob")
    assert any(l.startswith("fwcfg ls|info|") for l in out)


def qemu_dtb(tmp_path, edit):
    """QEMU's own device tree for our machine, changed by edit(dtb, node)
    (node: the fw-cfg node's path); for -dtb."""
    dtb = dump_dtb(tmp_path)
    node = [n for n in subprocess.run(["fdtget", "-l", dtb, "/"], check=True,
                                      capture_output=True, text=True).stdout.split()
            if n.startswith("fw-cfg@")][0]
    edit(dtb, "/" + node)
    return dtb


def test_no_fw_cfg_node(boot, tmp_path):
    """QEMU's own tree without the fw-cfg node (-dtb): a clear error."""
    dtb = qemu_dtb(tmp_path, lambda dtb, node: subprocess.run(
        ["fdtput", "-r", dtb, node], check=True))
    c = boot("-dtb", dtb)
    msg = 'no fw_cfg device (no "qemu,fw-cfg-mmio" node)'
    assert c.run_fail("fwcfg ls") == ["fwcfg: " + msg]
    assert c.run_fail("fwcfg load kernel 50000000") == ["fwcfg: " + msg]
    if CONFIG.get("CMD_QFW") == "y":
        assert c.run_fail("qfw list") == ["qfw: " + msg]
        assert c.run_ok("qfw cpus") == ["1 cpu(s) online"]


def test_fwcfg_not_dma_coherent(boot, tmp_path):
    """Without "dma-coherent" the driver maintains the caches and bounces
    partial cache lines; the data must be the same (odd sizes, odd
    addresses, the directory, the environment, the legacy items)."""
    dtb = qemu_dtb(tmp_path, lambda dtb, node: subprocess.run(
        ["fdtput", "-d", dtb, node, "dma-coherent"], check=True))
    data = os.urandom(1000003)
    kdata = os.urandom(4097)
    c = boot("-dtb", dtb, "-kernel", host_file(tmp_path, "k", kdata),
             "-fw_cfg", "name=opt/test/r,file=" + host_file(tmp_path, "r", data),
             env=["bootdelay=-1", "from=env"])
    assert c.run_ok("fwcfg info")[4] == "coherent:  no"
    assert c.run_ok("printenv from") == ["from=env"]
    assert ls(c)[0]["opt/test/r"][1] == len(data)
    for addr in (LOAD_A, LOAD_B + 0x7f, LOAD_B + 0x1001):
        c.run_ok("mw.b %x 5a %x" % (addr + len(data), 0x200))
        assert load(c, "opt/test/r", addr)[0] == len(data)
        assert crc_of(c, addr, len(data)) == zlib.crc32(data)
        # Nothing past the end was touched.
        assert crc_of(c, addr + len(data), 0x200) == zlib.crc32(b"\x5a" * 0x200)
    assert load(c, "kernel", LOAD_A + 3)[0] == len(kdata)
    assert crc_of(c, LOAD_A + 3, len(kdata)) == zlib.crc32(kdata)


def test_fwcfg_write_ramfb(boot):
    """etc/ramfb is writable: a 28-byte record (all zero: display off)."""
    c = boot("-device", "ramfb")
    c.run_ok("mw.b %x 0 1c" % LOAD_A)
    c.run_ok("fwcfg write etc/ramfb %x 1c" % LOAD_A)
    assert c.run_fail("fwcfg write etc/ramfb %x 1d" % LOAD_A)[0] == \
        "fwcfg: 0x1d bytes do not fit 'etc/ramfb'"


def test_fwcfg_info(console):
    out = console.run_ok("fwcfg info")
    assert out[0] == "interface: DMA"
    assert re.match(r"base:      0x[0-9a-f]{8} \(0x18 bytes\)$", out[1])
    assert out[2] == "signature: QEMU"
    assert out[3] == "features:  0x3 traditional dma"
    assert out[4] == "coherent:  yes"
    assert re.match(r"files:     \d+$", out[5])


def test_fwcfg_load_kernel_and_initrd(boot, tmp_path):
    kernel = debian_kernel()
    if kernel:
        kdata = open(kernel, "rb").read()
    else:
        kdata = os.urandom(2 * 1024 * 1024)
        kernel = host_file(tmp_path, "k", kdata)
    idata = os.urandom(777777)
    initrd = host_file(tmp_path, "i", idata)
    c = boot("-kernel", kernel, "-initrd", initrd)
    assert load(c, "kernel", LOAD_A)[0] == len(kdata)
    assert crc_of(c, LOAD_A, len(kdata)) == zlib.crc32(kdata)
    assert load(c, "initrd", 0x70000000)[0] == len(idata)
    assert crc_of(c, 0x70000000, len(idata)) == zlib.crc32(idata)


@pytest.mark.requires("CMD_QFW")
def test_qfw_load(boot, tmp_path):
    kdata = os.urandom(300000)
    idata = os.urandom(200000)
    c = boot("-kernel", host_file(tmp_path, "k", kdata),
             "-initrd", host_file(tmp_path, "i", idata),
             "-append", "root=/dev/vda rw",
             env=["kernel_addr_r=0x48000000", "ramdisk_addr_r=0x50000000"])
    out = c.run_ok("qfw load")
    assert out[0] == "loading kernel to address 0x48000000"
    assert out[2] == "loading initrd to address 0x50000000"
    assert c.run_ok("printenv filesize") == ["filesize=%x" % len(idata)]
    assert c.run_ok("printenv bootargs") == ["bootargs=root=/dev/vda rw"]
    assert crc_of(c, 0x48000000, len(kdata)) == zlib.crc32(kdata)
    assert crc_of(c, 0x50000000, len(idata)) == zlib.crc32(idata)
    # Explicit addresses win over the environment.
    c.run_ok("qfw load 60000000 68000000")
    assert crc_of(c, 0x60000000, len(kdata)) == zlib.crc32(kdata)
    assert crc_of(c, 0x68000000, len(idata)) == zlib.crc32(idata)
    assert "overlaps virtboot" in c.run_fail("qfw load 40200000")[1]


@pytest.mark.requires("CMD_QFW")
def test_qfw_load_needs_an_address(boot, tmp_path):
    c = boot("-kernel", host_file(tmp_path, "k", b"k" * 100))
    c.run("setenv kernel_addr_r")
    assert c.run_fail("qfw load")[0] == \
        "qfw: no address given and kernel_addr_r is not set"


@pytest.mark.requires("CMD_QFW")
@pytest.mark.parametrize("smp", [1, 4])
def test_qfw_cpus(boot, smp):
    c = boot("-smp", str(smp))
    assert c.run_ok("qfw cpus") == ["%d cpu(s) online" % smp]


@pytest.mark.env("bootdelay=-1", "", "# a comment", "  greeting=hello world",
                 "not a pair", "=novalue", "bad name=1", "url=a=b\r",
                 "last=1")
def test_env_import(console):
    boot_text = console.output
    assert "env: opt/virtboot/env:5: not a name=value line, skipped" in boot_text
    assert "env: opt/virtboot/env:6: not a name=value line, skipped" in boot_text
    assert "env: opt/virtboot/env:7: not a name=value line, skipped" in boot_text
    assert "Hit any key" not in boot_text
    assert console.run_ok("printenv greeting") == ["greeting=hello world"]
    assert console.run_ok("printenv url") == ["url=a=b"]
    assert console.run_ok("printenv last") == ["last=1"]
    assert console.run_ok("printenv bootdelay") == ["bootdelay=-1"]


def test_env_overrides_defaults_before_autoboot(boot):
    c = boot(env=["bootdelay=0", "bootcmd=echo booted by env; echo $ver"],
             prompt=False)
    c.expect("booted by env")
    c.read_prompt()


@pytest.mark.env("bootdelay=-1", "who=script")
@pytest.mark.script("echo first line", "", "# comment",
                    "echo hello from $who; setenv fromscript 1",
                    "false_command_xyz", "echo after a failure\r")
def test_script(console):
    """The script runs line by line; the first failing line stops it."""
    text = console.output
    assert "first line\n" in text.replace("\r", "")
    assert "hello from script" in text
    assert "opt/virtboot/script:5: failed: script stopped" in text
    assert "after a failure" not in text
    assert text.index("first line") < text.index("hello from script") < \
        text.index("script stopped")
    assert console.run_ok("printenv fromscript") == ["fromscript=1"]


def test_env_and_script_with_string(boot):
    """QEMU's string= works for one-line files (no newline possible)."""
    c = boot("-fw_cfg", "name=opt/virtboot/env,string=bootdelay=-1",
             "-fw_cfg", "name=opt/virtboot/script,string=setenv s ok")
    assert c.run_ok("printenv s") == ["s=ok"]


def test_fwcfg_throughput(boot, tmp_path, capsys):
    """32 MiB by DMA and by the data register, medians of several loads
    (VIRTBOOT_BENCH_RUNS, default 3), timed by the loader's generic timer.
    Reports with -s. Time is never pass/fail; what is: every load moves
    the whole file (its size in the report and in filesize), the data's
    CRC-32 is the host's, and the rate line parses as a positive rate that
    agrees with the bytes and time it reports."""
    nruns = int(os.environ.get("VIRTBOOT_BENCH_RUNS", "3"))
    data = os.urandom(32 * 1024 * 1024)
    crc = zlib.crc32(data)
    c = boot("-fw_cfg", "name=opt/test/big,file=" + host_file(tmp_path, "big", data),
             timeout=300)
    rates = {}
    for mode in ("on", "off"):
        c.run_ok("fwcfg dma " + mode)
        runs = []
        for _ in range(nruns):
            # Spoil the destination's ends: a load that moved nothing,
            # or not all of it, fails the CRC.
            c.run_ok("mw.l %x 0 40; mw.l %x 0 40" % (LOAD_A, LOAD_A + len(data) - 0x100))
            size, ms, mibs = load(c, "opt/test/big", LOAD_A)
            assert size == len(data)
            assert crc_of(c, LOAD_A, len(data)) == crc
            assert ms > 0 and mibs is not None and mibs > 0, (ms, mibs)
            # R = N / T, truncated to a tenth; T is to the microsecond.
            expect = size / (ms / 1000) / (1 << 20)
            assert expect - 0.1 - 1e-6 <= mibs <= expect + 1e-6, (size, ms, mibs)
            runs.append(ms)
        times = sorted(runs)
        ms = statistics.median(times)
        rates[mode] = (ms, len(data) / (ms / 1000) / 1e6, times)
    with capsys.disabled():
        for mode, (ms, mbs, times) in rates.items():
            print("\n32 MiB fwcfg load, %s: median %.1f ms, %.0f MB/s (runs: %s ms)" %
                  ("DMA" if mode == "on" else "data register", ms, mbs,
                   " ".join("%.1f" % t for t in times)))
