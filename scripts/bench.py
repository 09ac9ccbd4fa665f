#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench.py - virtboot's boot-time figures against QEMU's direct kernel boot.

Boots the same kernel and initramfs (whose /init powers off at once) both
ways, in alternating rounds, and prints medians, the paired ratio
virtboot/direct, the time to virtboot's prompt, the kernel load rate from
the boot-stage table, the time the shell takes to print a screenful of
lines many times over (with and without the ramfb screen console), the
rate of a kernel load from ext4 on a virtio disk (cold and warm, for every
firmware), the SHA-256 rate of iminfo over a FIT holding the kernel (for
every firmware with U-Boot's iminfo) and the time bootm of that FIT adds
over booti of the same kernel, and the image's size. Plain Python, QEMU
and mkimage.

  bench.py --build DIR [--rounds N] [--fw OTHER.bin ...]
"""
import argparse
import datetime
import os
import platform
import re
import select
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sizes  # noqa: E402  (scripts/sizes.py, beside this file)
QEMU = os.environ.get("QEMU", "qemu-system-aarch64")
NO_SCREEN = ["-M", "virt", "-cpu", "cortex-a57", "-m", "1G", "-nic", "none",
             "-display", "none", "-serial", "stdio", "-monitor", "none"]
MACHINE = NO_SCREEN + ["-device", "ramfb"]
APPEND = "console=ttyAMA0 panic=-1"
# Output for the console figure: md lines (4 words each) of the DTB, at the
# default 1024x768 about 18 screenfuls, every line a scroll.
SCROLL_LINES = 768
INIT_MARK = "virtboot-bench: init reached"


# --- statistics (unit-tested in test/py/test_bench_stats.py) -------------
def median(values):
    """The median of a non-empty list."""
    s = sorted(values)
    n = len(s)
    if n == 0:
        raise ValueError("median of nothing")
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def paired_ratios(numerators, denominators):
    """Round-by-round ratios a[i]/b[i] of two equally long series."""
    if len(numerators) != len(denominators):
        raise ValueError("series of different lengths")
    return [a / b for a, b in zip(numerators, denominators)]


def summary(values):
    return median(values), min(values), max(values)


# --- one QEMU run ---------------------------------------------------------
def run_qemu(args, until=None, timeout=180):
    """Start QEMU; return (seconds until it exits, or until `until` appears
    on its serial output, and the output)."""
    start = time.monotonic()
    proc = subprocess.Popen([QEMU] + args, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = b""
    try:
        while True:
            left = timeout - (time.monotonic() - start)
            if left <= 0:
                raise RuntimeError("QEMU did not finish in %d s:\n%s" %
                                   (timeout, out.decode(errors="replace")[-2000:]))
            ready, _, _ = select.select([proc.stdout], [], [], left)
            if not ready:
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                proc.wait()
                return time.monotonic() - start, out.decode(errors="replace")
            out += chunk
            if until and until.encode() in out:
                elapsed = time.monotonic() - start
                return elapsed, out.decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def shell_session(args, commands, timeout=120):
    """Boot to the => prompt (a key stops any autoboot countdown), run each
    command and return their outputs and the seconds each took, from the
    command sent to the next prompt (which waits until the screen console
    has caught up)."""
    proc = subprocess.Popen([QEMU] + args, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = b""

    def wait_for(pattern, since):
        nonlocal out
        end = time.monotonic() + timeout
        while pattern not in out[since:]:
            if b"Hit any key" in out[since:] and b"=> " not in out[since:]:
                proc.stdin.write(b" ")
                proc.stdin.flush()
                since = len(out)
            left = end - time.monotonic()
            ready, _, _ = select.select([proc.stdout], [], [], max(min(left, 0.2), 0))
            if not ready:
                if left <= 0:
                    raise RuntimeError("no %r in %d s:\n%s" % (
                        pattern, timeout, out.decode(errors="replace")[-2000:]))
                continue
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError("QEMU exited:\n%s" % out.decode(errors="replace")[-2000:])
            out += chunk

    try:
        wait_for(b"=> ", 0)
        results, times = [], []
        for cmd in commands:
            mark = len(out)
            start = time.monotonic()
            proc.stdin.write(cmd.encode() + b"\r")
            proc.stdin.flush()
            wait_for(b"\n=> ", mark)
            times.append(time.monotonic() - start)
            results.append(out[mark:].decode(errors="replace"))
        return results, times
    finally:
        proc.kill()
        proc.wait()


def without_nic(args):
    """QEMU arguments without their "-nic none"."""
    out = list(args)
    i = out.index("-nic")
    del out[i:i + 2]
    return out


def load_rate(output):
    """Bytes and seconds from U-Boot's "N bytes read in T ms" line."""
    m = re.search(r"(\d+) bytes read in (\d+(?:\.\d+)?) ms", output)
    if not m:
        raise RuntimeError("no load figure in:\n" + output)
    return int(m.group(1)), float(m.group(2)) / 1000


def check_booted(name, out):
    if INIT_MARK not in out:
        raise RuntimeError("%s: the guest's /init never ran:\n%s" % (name, out[-3000:]))


# --- inputs ---------------------------------------------------------------
def prepare(build, tmp):
    demo = os.path.join(build, "demo")
    kernel = os.path.join(demo, "Image")
    if not os.path.exists(kernel):
        subprocess.run([os.path.join(HERE, "mkdemo.sh"), demo], check=True)
    sysroot = subprocess.run([os.path.join(HERE, "deps.sh"), "--print"],
                             check=True, capture_output=True, text=True).stdout.strip()
    init = os.path.join(tmp, "init")
    with open(init, "w") as f:
        f.write("#!/bin/busybox sh\necho '%s'\n/bin/busybox poweroff -f\n" % INIT_MARK)
    initrd = os.path.join(tmp, "initramfs.cpio.gz")
    subprocess.run([sys.executable, os.path.join(HERE, "mkinitramfs.py"), initrd,
                    "--busybox", os.path.join(sysroot, "bin", "busybox"),
                    "--init", init], check=True)
    # A firmware that powers off at once: QEMU's own start-up and exit.
    null_fw = os.path.join(tmp, "null.bin")
    with open(null_fw, "wb") as f:
        for insn in (0xd2800100,    # movz x0, #0x0008
                     0xf2b08000,    # movk x0, #0x8400, lsl #16: SYSTEM_OFF
                     0xd4000002,    # hvc #0
                     0x14000000):   # b .
            f.write(insn.to_bytes(4, "little"))
    env = os.path.join(tmp, "env.txt")
    with open(env, "w") as f:
        f.write("bootdelay=0\nbootstage_report=1\n")
    prompt_env = os.path.join(tmp, "prompt-env.txt")
    with open(prompt_env, "w") as f:
        f.write("bootdelay=-1\n")
    return kernel, initrd, null_fw, env, prompt_env


# /boot/extlinux/extlinux.conf on the bench disk, in u-boot-update's shape
# (prompt 0 and timeout 50 are its defaults).
EXTLINUX = """default l0
menu title U-Boot menu
prompt 0
timeout 50

label l0
\tmenu label bench
\tlinux /boot/Image
\tinitrd /boot/initramfs.cpio.gz
\tappend %s
""" % APPEND


def make_disk(kernel, initrd, tmp):
    """A DOS-partitioned disk whose ext4 partition (bootable) holds the
    kernel at /boot/Image, the initramfs and an extlinux.conf that boots
    them, with the features older U-Boots read (no orphan_file or
    metadata_csum_seed), so that every firmware reads the same disk."""
    root = os.path.join(tmp, "root")
    os.makedirs(os.path.join(root, "boot", "extlinux"))
    os.link(kernel, os.path.join(root, "boot", "Image")) \
        if os.stat(kernel).st_dev == os.stat(tmp).st_dev else \
        subprocess.run(["cp", kernel, os.path.join(root, "boot", "Image")], check=True)
    subprocess.run(["cp", initrd, os.path.join(root, "boot")], check=True)
    with open(os.path.join(root, "boot", "extlinux", "extlinux.conf"), "w") as f:
        f.write(EXTLINUX)
    size = ((os.path.getsize(kernel) + os.path.getsize(initrd)) >> 20) + 16
    disk = os.path.join(tmp, "disk.img")
    with open(disk, "wb") as f:
        f.truncate((size + 2) << 20)
    subprocess.run(["sfdisk", "-q", disk], input=b"label: dos\n,,83,*\n", check=True)
    subprocess.run(["mkfs.ext4", "-q", "-F", "-O", "^metadata_csum_seed,^orphan_file",
                    "-E", "offset=%d" % (1 << 20), "-d", root, disk, "%dM" % size],
                   check=True)
    return disk


# --- FIT: SHA-256 rate and what bootm adds over booti ------------------------
def make_fit(kernel, initrd, tmp):
    """The kernel and initramfs in a FIT, each with a sha256 hash."""
    its = os.path.join(tmp, "bench.its")
    with open(its, "w") as f:
        f.write('/dts-v1/;\n/ {\n description = "bench";\n #address-cells = <1>;\n'
                ' images {\n'
                '  kernel-1 { data = /incbin/("%s"); type = "kernel"; arch = "arm64";'
                ' os = "linux"; compression = "none"; load = <0x50000000>;'
                ' entry = <0x50000000>; hash-1 { algo = "sha256"; }; };\n'
                '  ramdisk-1 { data = /incbin/("%s"); type = "ramdisk"; arch = "arm64";'
                ' os = "linux"; compression = "none"; hash-1 { algo = "sha256"; }; };\n'
                ' };\n configurations { default = "conf-1";'
                ' conf-1 { kernel = "kernel-1"; ramdisk = "ramdisk-1"; }; };\n};\n'
                % (kernel, initrd))
    fit = os.path.join(tmp, "bench.fit")
    subprocess.run(["mkimage", "-f", its, fit], check=True, capture_output=True)
    return fit


def fit_env(tmp, name, bootcmd):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write("bootdelay=0\nbootargs=%s\nbootcmd=%s\n" % (APPEND, bootcmd))
    return path


def iminfo_rate(qargs, fit, pre=()):
    """MB/s of iminfo over the FIT given as -kernel (both images' hashes
    checked), or None for a firmware without iminfo."""
    outs, took = shell_session(qargs + ["-kernel", fit], list(pre) + [
        "qfw load 50000000 48000000", "iminfo 50000000"], timeout=120)
    if outs[-1].count("sha256+") != 2:
        return None
    return os.path.getsize(fit) / took[-1] / 1e6


def image_sizes(build):
    elf = os.path.join(build, "virtboot.elf")
    out = subprocess.run(["aarch64-linux-gnu-size", "-A", elf], check=True,
                         capture_output=True, text=True).stdout
    sizes = {}
    for line in out.splitlines():
        m = re.match(r"(\.\w+)\s+(\d+)\s+\d+", line)
        if m and m.group(1) in (".text", ".rodata", ".data", ".bss"):
            sizes[m.group(1)] = int(m.group(2))
    return os.path.getsize(os.path.join(build, "virtboot.bin")), sizes


def qemu_version():
    out = subprocess.run([QEMU, "--version"], capture_output=True, text=True).stdout
    return out.split("\n")[0].replace("QEMU emulator version ", "")


# --- the bench ------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--fw", action="append", default=[],
                    help="another -bios firmware to add to the same rounds")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    bios = os.path.join(build, "virtboot.bin")

    with tempfile.TemporaryDirectory(prefix="virtboot-bench-") as tmp:
        kernel, initrd, null_fw, env, prompt_env = prepare(build, tmp)
        disk = make_disk(kernel, initrd, tmp)
        disk_args = ["-drive", "if=virtio,format=raw,file=" + disk]
        loaders = [("virtboot", MACHINE + ["-bios", bios, "-fw_cfg",
                                           "name=opt/virtboot/env,file=" + prompt_env])]
        loaders += [(os.path.basename(fw), MACHINE + ["-bios", fw]) for fw in args.fw]
        disk_loads = {name: {"cold": [], "warm": []} for name, _ in loaders}
        # TFTP: the kernel from QEMU's own server (user-mode network).
        tftp_dir = os.path.join(tmp, "tftp")
        os.makedirs(tftp_dir)
        os.symlink(os.path.realpath(kernel), os.path.join(tftp_dir, "Image"))
        net_args = ["-netdev", "user,id=n0,tftp=%s" % tftp_dir, "-device",
                    "virtio-net-pci,netdev=n0,romfile="]
        tftp_rates = {name: [] for name, _ in loaders}
        no_shell = set()
        initrd_size = os.path.getsize(initrd)
        linux = ["-kernel", kernel, "-initrd", initrd, "-append", APPEND]
        systems = [("direct -kernel", MACHINE + linux),
                   ("virtboot", MACHINE + ["-bios", bios, "-fw_cfg",
                                           "name=opt/virtboot/env,file=" + env] + linux)]
        systems += [(os.path.basename(fw), MACHINE + ["-bios", fw] + linux)
                    for fw in args.fw]
        # The same kernel and initramfs from the disk's extlinux.conf, no
        # -kernel: virtboot's distro scan, and each other firmware that
        # boots the disk on its own (U-Boot's distro boot, with its
        # countdown; EDK2 does not read extlinux.conf).
        systems.append(("virtboot, disk (extlinux.conf)", MACHINE + [
            "-bios", bios, "-fw_cfg", "name=opt/virtboot/env,file=" + env] + disk_args))
        for fw in args.fw:
            qargs = MACHINE + ["-bios", fw] + disk_args
            try:
                check_booted(fw, run_qemu(qargs, timeout=60)[1])
            except RuntimeError:
                print("  %s does not boot the disk on its own: left out"
                      % os.path.basename(fw), file=sys.stderr)
                continue
            systems.append((os.path.basename(fw) + ", disk", qargs))
        # bootm of the kernel and initramfs in a FIT (hashes checked, the
        # kernel copied to its load address) against booti of the same.
        fit = make_fit(kernel, initrd, tmp)
        systems += [
            ("virtboot booti", MACHINE + ["-bios", bios, "-kernel", kernel,
                                          "-initrd", initrd, "-fw_cfg",
                                          "name=opt/virtboot/env,file=" + fit_env(
                                              tmp, "booti.env",
                                              "qfw load 50000000 48000000 && "
                                              "booti 50000000 48000000:%x" % initrd_size)]),
            ("virtboot bootm FIT", MACHINE + ["-bios", bios, "-kernel", fit, "-fw_cfg",
                                              "name=opt/virtboot/env,file=" + fit_env(
                                                  tmp, "bootm.env",
                                                  "qfw load 60000000 48000000 && "
                                                  "bootm 60000000")])]
        sha = {name: [] for name, _ in loaders}
        sha["virtboot, portable code"] = []
        times = {name: [] for name, _ in systems}
        loads, prompt, null = [], [], []
        scroll = {"ramfb": [], "serial": []}
        for r in range(args.rounds):
            # Alternate the order so that neither side always goes first.
            order = systems if r % 2 == 0 else systems[::-1]
            for name, qargs in order:
                t, out = run_qemu(qargs)
                check_booted(name, out)
                times[name].append(t)
                m = re.search(r"kernel loaded: (\d+) bytes in (\d+) us", out)
                if name == "virtboot" and m:
                    loads.append((int(m.group(1)), int(m.group(2))))
            t, out = run_qemu(MACHINE + ["-bios", bios, "-fw_cfg",
                                         "name=opt/virtboot/env,file=" + prompt_env],
                              until="=> ")
            prompt.append(t)
            t, _ = run_qemu(MACHINE + ["-bios", null_fw])
            null.append(t)
            for name, base in (("ramfb", MACHINE), ("serial", NO_SCREEN)):
                _, took = shell_session(
                    base + ["-bios", bios, "-fw_cfg",
                            "name=opt/virtboot/env,file=" + prompt_env],
                    ["md 40000000 %x" % (SCROLL_LINES * 4)])
                scroll[name].append(took[0])
            for name, qargs in (loaders if r % 2 == 0 else loaders[::-1]):
                if name in no_shell:
                    continue
                load = "load virtio 0:1 0x50000000 /boot/Image"
                try:
                    outs, _ = shell_session(qargs + disk_args,
                                            ["virtio scan", load, load],
                                            timeout=30)
                except RuntimeError:
                    if name == "virtboot":
                        raise
                    no_shell.add(name)  # a firmware without U-Boot's shell
                    continue
                for kind, o in zip(("cold", "warm"), outs[1:]):
                    disk_loads[name][kind].append(load_rate(o))
                # The whole tftpboot command, timed from outside: the
                # same clock for every firmware.
                outs, took = shell_session(
                    without_nic(qargs) + net_args,
                    ["setenv autoload no", "dhcp", "tftpboot 0x48000000 Image"],
                    timeout=120)
                m = re.search(r"Bytes transferred = (\d+)", outs[2])
                if not m:
                    raise RuntimeError("%s: tftpboot failed:\n%s" % (name, outs[2]))
                tftp_rates[name].append(int(m.group(1)) / took[2] / (1 << 20))
            for name, qargs in (loaders if r % 2 == 0 else loaders[::-1]):
                if name in no_shell:
                    continue
                rate = iminfo_rate(qargs, fit)
                if rate:
                    sha[name].append(rate)
                if name == "virtboot":
                    sha["virtboot, portable code"].append(
                        iminfo_rate(qargs, fit, ["hash ce off"]))
            print("  round %d/%d: %s" % (r + 1, args.rounds, ", ".join(
                "%s %.3f s" % (n, times[n][-1]) for n, _ in systems)), file=sys.stderr)

    total, sections = image_sizes(build)
    print()
    print("virtboot bench, %s, %s (%d CPUs), QEMU %s" % (
        datetime.date.today().isoformat(), platform.machine(), os.cpu_count(),
        qemu_version()))
    print("kernel %s (%d bytes), initramfs %d bytes, %d rounds, -M virt -cpu cortex-a57 -m 1G -device ramfb"
          % (os.path.basename(os.path.realpath(kernel)), os.path.getsize(kernel),
             initrd_size, args.rounds))
    print()
    print("QEMU start to exit (the guest's /init powers off)   median    min      max")
    for name, _ in systems:
        print("  %-45s %7.3f  %7.3f  %7.3f s" % ((name,) + summary(times[name])))
    direct = times["direct -kernel"]
    for name, _ in systems[1:]:
        ratios = paired_ratios(times[name], direct)
        print("  %-45s %7.3f  %7.3f  %7.3f" % (("%s / direct (paired)" % name,) + summary(ratios)))
    print()
    print("QEMU start to the => prompt (bootdelay=-1)        %7.3f  %7.3f  %7.3f s" % summary(prompt))
    print("QEMU start to exit, null firmware (QEMU alone)    %7.3f  %7.3f  %7.3f s" % summary(null))
    print("  prompt above QEMU's own start-up (median)       %7.3f s" % (median(prompt) - median(null)))
    if loads:
        mbs = [b / us for b, us in loads if us]
        print("kernel load from fw_cfg (boot-stage table)        %7.1f ms for %d bytes, %.0f MB/s (median)"
              % (median([us for _, us in loads]) / 1000, loads[0][0], median(mbs)))
    print("%-50s%7.3f  %7.3f  %7.3f s" % (("%d lines of md output, serial only" % SCROLL_LINES,)
                                          + summary(scroll["serial"])))
    print("%-50s%7.3f  %7.3f  %7.3f s" % (("  serial and ramfb console (1024x768)",)
                                          + summary(scroll["ramfb"])))
    print()
    print("load of the kernel from ext4 on virtio-blk (PCI)   median    min      max MiB/s")
    for name, _ in loaders:
        for kind in ("cold", "warm"):
            rates = [b / t / (1 << 20) for b, t in disk_loads[name][kind] if t]
            label = "%s, %s" % (name, "first touch of guest RAM" if kind == "cold"
                                else "again, same place")
            if rates:
                print("  %-45s %7.0f  %7.0f  %7.0f" % ((label,) + summary(rates)))
    print()
    print("SHA-256 of the kernel in a FIT (iminfo)            median    min      max MB/s")
    for name, rates in sha.items():
        if rates:
            print("  %-45s %7.1f  %7.1f  %7.1f" % ((name,) + summary(rates)))
    added = [m - b for m, b in zip(times["virtboot bootm FIT"], times["virtboot booti"])]
    print("bootm of the FIT over booti of the same kernel     %7.3f  %7.3f  %7.3f s (paired)"
          % summary(added))
    print("tftpboot of the kernel from QEMU's TFTP server     median    min      max MiB/s")
    for name, _ in loaders:
        if tftp_rates[name]:
            print("  %-45s %7.1f  %7.1f  %7.1f" % ((name,) + summary(tftp_rates[name])))
    if len(loaders) > 1 and tftp_rates[loaders[1][0]]:
        ratios = paired_ratios(tftp_rates["virtboot"], tftp_rates[loaders[1][0]])
        print("  %-45s %7.2f  %7.2f  %7.2f" % (("virtboot / %s (paired)" % loaders[1][0],)
                                               + summary(ratios)))
    print()
    print("virtboot.bin: %d bytes (%.1f KiB of the 256 KiB budget): %s" % (
        total, total / 1024, ", ".join("%s %d" % kv for kv in sorted(sections.items()))))
    image, _ = sizes.sizes(build)
    print("  by part: " + ", ".join("%s %.1f KiB" % (part, n / 1024)
                                   for part, n in image.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
