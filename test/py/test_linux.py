# SPDX-License-Identifier: MIT
"""Booting Linux: bootfw (-kernel/-initrd/-append through fw_cfg), booti,
placement, refusals, and a real Linux (Debian's arm64 kernel) whose /init
reports what it sees: its command line, the initrd, RAM, CPUs and the
exception level it was entered at (Linux booting.rst)."""
import glob
import gzip
import os
import re
import shutil
import struct
import subprocess

import pytest

from conftest import BAD_PATTERNS, BANNER_RE, BIN, QEMU, ROOT, normalize

pytestmark = pytest.mark.requires("CMD_BOOTI", "CMD_BOOTFW")

LINUX_TIMEOUT = 150	# TCG: a few seconds usually, much more on a busy host

# What the test initramfs's /init prints, one "VB-NAME: value" a line.
TEST_INIT = r"""#!/bin/sh
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
echo "VB-CMDLINE: $(cat /proc/cmdline)"
echo "VB-MEMTOTAL: $(awk '/MemTotal/ {print $2}' /proc/meminfo)"
echo "VB-CPUS: $(cat /sys/devices/system/cpu/online)"
echo "VB-EL: $(dmesg | grep -o 'CPU(s) started at EL[0-9]' | tail -n1)"
echo "VB-INITRD: $([ -e /proc/device-tree/chosen/linux,initrd-start ] && echo dt)"
echo "VB-DTVER: $(cat /proc/device-tree/chosen/virtboot,version)"
echo "VB-PAD: $([ -f /pad ] && wc -c < /pad)"
echo "VB-KASLR: $(dmesg | grep -c 'KASLR enabled')"
echo "VB-CRNG: $(dmesg | grep -c '\[ *0\.000000\] random: crng init done')"
echo "VB-FB: $(cat /proc/fb)"
echo "VB-DTMARK: $(tr -d '\000' < /proc/device-tree/virtboot-test 2>/dev/null)"
echo "VB-DONE"
poweroff -f
"""


def sysroot():
    return subprocess.run([os.path.join(ROOT, "scripts", "deps.sh"),
                           "--print"], capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.fixture(scope="module")
def linux(tmp_path_factory):
    """The kernel Image and the test initramfs (plus a 64 MiB one)."""
    root = sysroot()
    if not glob.glob(os.path.join(root, "boot", "vmlinuz-*-arm64")):
        pytest.skip("no Debian arm64 kernel: run scripts/deps.sh")
    d = tmp_path_factory.mktemp("linux")
    subprocess.run([os.path.join(ROOT, "scripts", "mkdemo.sh"), str(d)],
                   check=True, capture_output=True)
    init = d / "test-init"
    init.write_text(TEST_INIT)
    files = {"image": str(d / "Image"), "dir": d}
    for name, pad in (("initrd", 0), ("big_initrd", 64)):
        files[name] = str(d / (name + ".cpio.gz"))
        subprocess.run(["python3", os.path.join(ROOT, "scripts",
                                                "mkinitramfs.py"),
                        files[name], "--busybox",
                        os.path.join(root, "bin", "busybox"),
                        "--init", str(init), "--pad", str(pad)],
                       check=True)
    return files


def guest_report(c, exits=True):
    """Wait for the hand-off and the guest's report; returns {NAME: value}."""
    c.expect(r"Starting kernel \.\.\. \(\d+\.\d{3} s after reset\)",
             timeout=60)
    before = c.expect(r"VB-DONE", timeout=LINUX_TIMEOUT)
    report = dict(re.findall(r"(?m)^VB-(\w+): ?(.*?)\r?$", before))
    if exits:
        assert c.wait_exit(timeout=60) == 0
    out = normalize(c.output)
    # Nothing bad from the loader after its banner line; "Starting
    # kernel" is its last line.
    loader = out[:out.index("Starting kernel")]
    loader = loader[re.search(BANNER_RE, loader).end():]
    for name, pat in BAD_PATTERNS.items():
        assert not re.search(pat, loader), (name, loader)
    assert re.search(r"Starting kernel \.\.\. \([\d.]+ s after reset\)\n"
                     r"\[ *0\.000000\] Booting Linux", out)
    return report


def check_mem(report, mib):
    """MemTotal is RAM less the kernel (~40 MiB with its BSS and the
    early page tables) and the page structures (1.6% of RAM)."""
    kib = int(report["MEMTOTAL"])
    assert mib * 1024 * 0.97 - 48 * 1024 < kib <= mib * 1024, (kib, mib)


@pytest.mark.linux
def test_linux_el2_smp4_cpu_max(boot, linux):
    """virtualization=on: Linux entered at EL2; 4 CPUs; -append verbatim."""
    append = "console=ttyAMA0 vbtest=el2 quoted=\"a b\""
    c = boot("-smp", "4", "-kernel", linux["image"], "-initrd",
             linux["initrd"], "-append", append, "-device", "ramfb",
             machine="virt,virtualization=on", cpu="max", prompt=False,
             env=["bootdelay=0"], timeout=LINUX_TIMEOUT)
    r = guest_report(c)
    # The ramfb display is handed over as a simple-framebuffer.
    assert r["FB"] == "0 simple"
    assert r["CMDLINE"] == append
    assert r["CPUS"] == "0-3"
    assert r["EL"] == "CPU(s) started at EL2"
    assert r["INITRD"] == "dt"
    assert r["DTVER"].startswith("virtboot ")
    check_mem(r, 1024)


@pytest.mark.linux
def test_linux_el1_a53_128m_bootargs_from_env(boot, linux):
    """No -append: bootargs from the environment; EL1; -m 128M."""
    c = boot("-kernel", linux["image"], "-initrd", linux["initrd"],
             cpu="cortex-a53", memory="128M", prompt=False,
             env=["bootdelay=0", "bootargs=console=ttyAMA0 vbtest=env"],
             timeout=LINUX_TIMEOUT)
    r = guest_report(c)
    assert r["FB"] == ""        # no display, no framebuffer for Linux
    assert r["CMDLINE"] == "console=ttyAMA0 vbtest=env"
    assert r["EL"] == "CPU(s) started at EL1"
    assert r["CPUS"] == "0"
    check_mem(r, 128)


@pytest.mark.linux
def test_linux_gicv3_4g_big_initrd(boot, linux):
    """gic-version=3, -m 4G, 2 CPUs, a 64 MiB initrd; autoboot counts
    down from the default bootdelay."""
    c = boot("-smp", "2", "-kernel", linux["image"], "-initrd",
             linux["big_initrd"], "-append", "console=ttyAMA0",
             machine="virt,gic-version=3", memory="4G", prompt=False,
             timeout=LINUX_TIMEOUT)
    c.expect("Hit any key to stop autoboot")
    r = guest_report(c)
    assert r["PAD"] == str(64 << 20)
    assert r["CPUS"] == "0-1"
    check_mem(r, 4096)
    # QEMU's kaslr-seed and rng-seed reached Linux (cortex-a57 has no
    # RNDR): KASLR on, the CRNG seeded before the first tick.
    assert r["KASLR"] == "1"
    assert r["CRNG"] == "1"


@pytest.mark.linux
@pytest.mark.parametrize("machine,cpu,el,smp,cpus", [
    ("virt,secure=on,virtualization=on", "max", "EL2", "2", "0-1"),
    ("virt,secure=on,gic-version=3", "cortex-a57", "EL1", "4", "0-3"),
])
def test_linux_from_el3(boot, linux, machine, cpu, el, smp, cpus):
    """secure=on: dropped to non-secure EL2 when the CPU has EL2, else
    EL1; the GIC (v2 or v3) handed over; the parked secondaries started by
    Linux through the spin-table. No PSCI below Linux then: it cannot
    power off, so no exit."""
    c = boot("-smp", smp, "-kernel", linux["image"], "-initrd",
             linux["initrd"], "-append", "console=ttyAMA0 vbtest=el3",
             machine=machine, cpu=cpu,
             prompt=False, env=["bootdelay=0"], timeout=LINUX_TIMEOUT)
    r = guest_report(c, exits=False)
    assert r["CMDLINE"] == "console=ttyAMA0 vbtest=el3"
    assert r["EL"] == "CPU(s) started at " + el
    assert r["CPUS"] == cpus


def marked_dtb(tmp_path, mark, memory="1G"):
    """QEMU's own tree for -M virt -cpu cortex-a57 -m memory with our
    -bios (with firmware, QEMU leaves the PL061 and gpio-keys out), with
    a root property virtboot-test = mark (the guest's /init reports it)."""
    if not shutil.which("fdtput"):
        pytest.skip("no fdtput (device-tree-compiler)")
    dtb = str(tmp_path / "marked.dtb")
    subprocess.run([QEMU, "-M", "virt,dumpdtb=" + dtb, "-cpu", "cortex-a57",
                    "-m", memory, "-display", "none", "-nic", "none",
                    "-bios", BIN], check=True, capture_output=True)
    subprocess.run(["fdtput", "-t", "s", dtb, "/", "virtboot-test", mark],
                   check=True)
    return dtb


@pytest.mark.linux
def test_booti_by_hand(boot, linux, tmp_path):
    """fwcfg load, then booti: a dry run moving a misplaced Image, then a
    real boot in place with an edited bootargs and booti's fdt_addr: a
    tree of our own (QEMU's, with a mark), which Linux must get."""
    dtb = marked_dtb(tmp_path, "from booti's fdt_addr")
    c = boot("-kernel", linux["image"], "-initrd", linux["initrd"],
             "-append", "console=ttyAMA0 from_append",
             "-fw_cfg", "name=opt/test/dtb,file=" + dtb, timeout=60)
    assert c.run_ok("printenv bootargs") == ["bootargs=console=ttyAMA0 from_append"]
    c.run_ok("fwcfg load kernel 44100000")
    out = "\n".join(c.run_ok("booti -n 44100000 -"))
    assert "Moving the Image from 0x44100000 to 0x40400000" in out
    assert "Initrd:   none" in out and "Dry run" in out
    c.run_ok("fwcfg load kernel 40400000")
    c.run_ok("fwcfg load opt/test/dtb 5f000000")
    c.run_ok("fwcfg load initrd 48000000")
    out = "\n".join(c.run_ok("booti -n 40400000 48000000:${filesize} 5f000000"))
    assert "Moving" not in out
    assert re.search(r"Kernel: +0x40400000-", out)
    assert re.search(r"Initrd: +0x48000000-", out)
    c.run_ok("setenv bootargs console=ttyAMA0 vbtest=booti")
    c.send("booti 40400000 48000000:${filesize} 5f000000\r")
    r = guest_report(c)
    assert r["CMDLINE"] == "console=ttyAMA0 vbtest=booti"
    assert r["INITRD"] == "dt"
    assert r["DTMARK"] == "from booti's fdt_addr"
    assert r["DTVER"].startswith("virtboot ")       # and fixed up


# --- without a real boot ------------------------------------------------

@pytest.mark.autoboot
@pytest.mark.env("bootdelay=0")
def test_no_kernel_gives_shell(console):
    """No -kernel and no disk: the scan says where it looked; bootfw says
    how to give a kernel."""
    where = ("distroboot: nothing to boot in fwcfg (no -kernel), "
             "dhcp (no network card), pxe (no network card)")
    assert where in console.output
    assert console.run_ok("echo alive") == ["alive"]
    assert console.run_fail("boot") == [where]
    lines = console.run_fail("bootfw")
    assert lines[0].startswith("No kernel in fw_cfg")


def fake_image(image_size, flags=0, text_offset=0, length=4096,
               code0=0x14000010):
    hdr = struct.pack("<II QQQ QQQ I I", code0, 0, text_offset,
                      image_size, flags, 0, 0, 0, 0x644d5241, 0)
    return hdr + bytes(length - len(hdr))


def spinning_image(tmp_path, length=4096):
    """A valid arm64 Image header whose code is "b ." (0x14000000): it can
    be booted for real and just spins."""
    path = tmp_path / "spin.Image"
    path.write_bytes(fake_image(0x10000, code0=0x14000000, length=length))
    return str(path)


def bad_kernels(tmp_path):
    elf = os.path.join(sysroot(), "bin", "busybox")
    with open(elf, "rb") as f:
        elf_head = f.read(4096)
    return {
        # QEMU gunzips a gzip -kernel once: gzip inside gzip stays gzip.
        "gzip": (gzip.compress(gzip.compress(os.urandom(4096))), "gzip data"),
        "random": (os.urandom(65536), "unknown data"),
        "truncated": (fake_image(0x10000)[:48], "truncated header"),
        "elf": (elf_head, "an ELF file"),
        "big-endian": (fake_image(0x10000, flags=1), "big-endian"),
        "too-big": (fake_image(2 << 30), "from kernel_addr_r is not inside RAM"),
    }


@pytest.mark.parametrize("kind", ["gzip", "random", "truncated", "elf",
                                  "big-endian", "too-big"])
def test_bad_kernel_refused(boot, tmp_path, kind):
    data, words = bad_kernels(tmp_path)[kind]
    path = tmp_path / kind
    path.write_bytes(data)
    c = boot("-kernel", str(path), memory="1G")
    lines = c.run_fail("bootfw")
    assert words in "\n".join(lines), lines
    assert "Starting kernel" not in c.output
    assert c.run_ok("echo still here") == ["still here"]


def test_placement_variables_and_dry_run(boot, linux, tmp_path):
    """bootfw -n, kernel_addr_r/ramdisk_addr_r/fdt_addr_r honoured and
    checked against the allocator; a dry run leaves nothing reserved."""
    gz = tmp_path / "k.gz"
    gz.write_bytes(gzip.compress(b"\0" * 4096))
    c = boot("-kernel", linux["image"], "-initrd", linux["initrd"],
             "-fw_cfg", "name=opt/k.gz,file=%s" % gz, timeout=60)
    first = c.run_ok("bootfw -n")
    assert re.search(r"Kernel: +0x40400000-", "\n".join(first))
    assert "Dry run: not booting" in first
    assert c.run_ok("bootfw -n") == first		# nothing stayed reserved

    c.run_ok("setenv kernel_addr_r 40200000")
    out = "\n".join(c.run_fail("bootfw -n"))
    assert "from kernel_addr_r overlaps virtboot" in out, out
    c.run_ok("setenv kernel_addr_r 50100000")
    assert "not a 2 MiB boundary" in "\n".join(c.run_fail("bootfw -n"))
    c.run_ok("setenv kernel_addr_r 50000000")
    c.run_ok("setenv ramdisk_addr_r 58000000")
    c.run_ok("setenv fdt_addr_r 5c000004")
    assert "not 8-byte aligned" in "\n".join(c.run_fail("bootfw -n"))
    c.run_ok("setenv fdt_addr_r 5c000000")
    out = "\n".join(c.run_ok("bootfw -n"))
    assert re.search(r"Kernel: +0x50000000-", out)
    assert re.search(r"Initrd: +0x58000000-", out)
    assert re.search(r"FDT: +0x5c000000-", out)
    c.run_ok("setenv ramdisk_addr_r 7ffff000")
    assert "from ramdisk_addr_r is not inside RAM" in "\n".join(
        c.run_fail("bootfw -n"))

    # booti: what is in memory is checked too.
    c.run_ok("fwcfg load opt/k.gz 48000000")
    assert "gzip data" in "\n".join(c.run_fail("booti 48000000"))
    assert "give the initrd's size" in "\n".join(
        c.run_fail("booti 48000000 49000000"))
    assert "not in RAM" in "\n".join(c.run_fail("booti 10000000"))


def dry_run_fdt(c, cmd):
    """The FDT line of a booti/bootfw dry run: (start, end)."""
    out = "\n".join(c.run_ok(cmd))
    m = re.search(r"FDT: +0x([0-9a-f]+)-0x([0-9a-f]+)", out)
    assert m and "Dry run: not booting" in out, out
    return int(m.group(1), 16), int(m.group(2), 16)


def test_booti_fdt_argument(boot, tmp_path):
    """booti's third argument: the tree at that address, not the live one,
    is what the kernel's DTB is made from (the dry run's FDT range grows
    with it), it is kept safe while the rest is placed, and anything that
    is not a tree is refused. The tree: QEMU's own with a 256 KiB filler
    property, loaded from fw_cfg next to a copy of the live tree."""
    filler = 256 << 10
    blob = tmp_path / "filler.bin"
    blob.write_bytes(bytes(filler))
    dts = subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dts",
                          marked_dtb(tmp_path, "filler")],
                         check=True, capture_output=True, text=True).stdout
    dts = dts.replace("virtboot-test = \"filler\";",
                      'virtboot-test = "filler";\n\tfiller = /incbin/("%s");' % blob, 1)
    (tmp_path / "big.dts").write_text(dts)
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o",
                    str(tmp_path / "big.dtb"), str(tmp_path / "big.dts")],
                   check=True)
    c = boot("-kernel", spinning_image(tmp_path),
             "-fw_cfg", "name=opt/test/dtb,file=%s" % (tmp_path / "big.dtb"))
    c.run_ok("fwcfg load kernel 50000000")
    c.run_ok("fwcfg load opt/test/dtb 60000000")
    c.run_ok("setenv bootargs")
    live = int(re.match(r"The address of the fdt is 0x([0-9a-f]+)$",
                        c.run_ok("fdt addr")[0]).group(1), 16)
    c.run_ok("fdt addr 60000000")
    c.run_ok("fdt get size n / filler")
    assert int(c.run_ok("echo $n")[0], 16) == filler
    c.run_ok("fdt addr %x" % live)

    start, end = dry_run_fdt(c, "booti -n 50000000 -")
    assert end - start < filler                 # the live tree
    own = end - start
    start, end = dry_run_fdt(c, "booti -n 50000000 - 60000000")
    assert end - start >= filler + 4096         # the tree, /chosen room
    assert end - start > own + filler // 2
    # A copy of the live tree elsewhere is as good as the live tree.
    header = dict(l.split(":", 1) for l in c.run_ok("fdt header"))
    c.run_ok("cp.b %x 68000000 %s" % (live, header["totalsize"].split()[0]))
    start, end = dry_run_fdt(c, "booti -n 50000000 - 68000000")
    assert end - start <= own

    # While placing, the source tree is taken.
    c.run_ok("setenv fdt_addr_r 60000000")
    out = c.run_fail("booti -n 50000000 - 60000000")
    assert re.match(r"boot: fdt 0x60000000-0x[0-9a-f]+ from fdt_addr_r overlaps "
                    r"fdt source at 0x60000000-", out[0]), out
    # Nothing stayed reserved: the source tree's place is free again.
    assert dry_run_fdt(c, "booti -n 50000000 -")[0] == 0x60000000
    c.run_ok("setenv fdt_addr_r")
    # Not a tree, not RAM: refused, and said so.
    assert c.run_fail("booti -n 50000000 - 60000004") == \
        ["booti: no device tree at 0x60000004"]
    assert c.run_fail("booti -n 50000000 - 9000000") == \
        ["booti: no device tree at 0x9000000"]


def test_oversized_initrd_refused(boot, tmp_path):
    """-m 128M and a 130 MiB -initrd: bootfw (by autoboot, by hand, or
    dry) says why and the prompt comes back; nothing is loaded."""
    initrd = tmp_path / "huge.initrd"
    with open(initrd, "wb") as f:
        f.truncate(130 << 20)               # sparse on the host
    c = boot("-kernel", spinning_image(tmp_path), "-initrd", str(initrd),
             memory="128M", env=["bootdelay=0"], prompt=False)
    c.expect("from ramdisk_addr_r is not inside RAM")
    c.read_prompt()
    reason = re.search(r"boot: initrd 0x[0-9a-f]+-0x[0-9a-f]+ from "
                       r"ramdisk_addr_r is not inside RAM", c.output).group(0)
    for cmd in ("bootfw -n", "bootfw", "boot"):
        out = c.run_fail(cmd)
        assert reason in out, (cmd, out)
    # Without ramdisk_addr_r: the allocator's words.
    c.run_ok("setenv ramdisk_addr_r")
    reason = "boot: the initrd (133120 KiB) does not fit in free RAM"
    for cmd in ("bootfw -n", "bootfw"):
        out = c.run_fail(cmd)
        assert out[0].startswith(reason), (cmd, out)
    assert "Starting kernel" not in c.output
    assert c.run_ok("echo still here") == ["still here"]


def test_bootstage_load_rows(boot, tmp_path):
    """bootstage_report=1: the table before "Starting kernel" has the
    kernel and initrd loads (their sizes in bytes, a rate that is bytes
    per microsecond) in time order between bootcmd and the hand-off. A
    dry run before loads nothing and adds no load row."""
    kernel = spinning_image(tmp_path, length=3 << 20)
    idata = os.urandom(777777)
    initrd = tmp_path / "i"
    initrd.write_bytes(idata)
    c = boot("-kernel", kernel, "-initrd", str(initrd), env=["bootdelay=-1"])
    c.run_ok("bootfw -n")
    assert not any("loaded" in l for l in c.run_ok("bootstage"))
    c.run_ok("setenv bootstage_report 1")
    c.send("bootfw\r")
    text = c.expect(r"Starting kernel \.\.\. \(\d+\.\d{3} s after reset\)")
    table = text[text.index("Boot stages (ms since reset, delta):"):].split("\n")
    rows = []
    for line in table[1:]:
        m = re.match(r"^ *(\d+\.\d{3})  +(?:\d+\.\d{3}  )?(\S.*)$", line)
        if m:
            rows.append((float(m.group(1)), m.group(2)))
    names = [n.split(":")[0] for _, n in rows]
    assert names[-5:] == ["kernel loaded", "initrd loaded", "dtb fixed up",
                          "start kernel", "now"], names
    ms = [t for t, _ in rows]
    assert ms == sorted(ms), rows
    for (_, row), size in zip(rows[-5:-3], (3 << 20, len(idata))):
        m = re.search(r": (\d+) bytes in (\d+) us \((\d+) MB/s\)$", row)
        assert m, row
        n, us, mbs = (int(g) for g in m.groups())
        assert n == size
        assert us > 0 and mbs == n // us
