# SPDX-License-Identifier: MIT
"""The default boot: the distro scan over boot_targets (fw_cfg, then every
virtio disk, bootable partitions first; extlinux.conf, then boot.scr),
with disks whose extlinux.conf the real u-boot-update wrote and whose
boot.scr the real mkimage made from a script for U-Boot's qemu_arm64; the
default load addresses; the menu on the screen."""
import gzip
import os
import re
import shutil
import subprocess
import time

import pytest

import disks
from disks import MiB
from test_linux import LINUX_TIMEOUT, guest_report, linux  # noqa: F401
from test_storage import drive


def blank(path, mib=8):
    with open(path, "wb") as f:
        f.truncate(mib * MiB)
    return str(path)


def u_boot_update(boot_dir, env):
    """Run Debian's u-boot-update over boot_dir as /boot, in a private
    mount namespace (the host's /boot is untouched): a tmpfs is /boot, so
    the config is written as for a /boot partition of its own."""
    if not shutil.which("u-boot-update") or not shutil.which("unshare"):
        pytest.skip("u-boot-menu is not installed: run scripts/deps.sh")
    unshare = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    script = ('mount -t tmpfs none /boot && cp -a "$SRC"/. /boot/ && '
              'u-boot-update >/dev/null && cp -a /boot/. "$SRC"/')
    subprocess.run(unshare + ["sh", "-c", script], check=True,
                   capture_output=True,
                   env=dict(os.environ, SRC=str(boot_dir), **env))
    with open(os.path.join(boot_dir, "extlinux", "extlinux.conf")) as f:
        return f.read()


def mkscript(path, text):
    """A legacy script image, as U-Boot users make boot.scr."""
    src = str(path) + ".txt"
    with open(src, "w") as f:
        f.write(text)
    subprocess.run(["mkimage", "-A", "arm64", "-T", "script", "-C", "none",
                    "-d", src, str(path)], check=True, capture_output=True)
    with open(path, "rb") as f:
        return f.read()


def linux_files(linux):
    with open(linux["image"], "rb") as f:
        image = f.read()
    with open(linux["initrd"], "rb") as f:
        initrd = f.read()
    return image, initrd


# A boot.scr written for U-Boot's qemu_arm64 (its variables, its commands).
UBOOT_SCRIPT = """\
echo "boot.scr on ${devtype} ${devnum}:${distro_bootpart} in ${prefix}"
setenv bootargs "console=ttyAMA0 vbtest=bootscr"
load ${devtype} ${devnum}:${distro_bootpart} ${kernel_addr_r} ${prefix}Image
load ${devtype} ${devnum}:${distro_bootpart} ${ramdisk_addr_r} ${prefix}initrd.img
booti ${kernel_addr_r} ${ramdisk_addr_r}:${filesize} ${fdtcontroladdr}
"""


@pytest.mark.linux
def test_distro_u_boot_update_gpt_second_disk(boot, linux, tmp_path):
    """A blank disk, then a GPT disk: an empty FAT partition, and the
    ext4 /boot partition (legacy BIOS bootable, so scanned first) with a
    gzip kernel and the extlinux.conf u-boot-update wrote. No -kernel, no
    typing: the scan finds it and Linux gets its append line."""
    image, initrd = linux_files(linux)
    bootdir = tmp_path / "boot"
    bootdir.mkdir()
    version = "6.1.0-98-arm64"
    (bootdir / ("vmlinuz-" + version)).write_bytes(
        gzip.compress(image, compresslevel=1))
    (bootdir / ("initrd.img-" + version)).write_bytes(initrd)
    conf = u_boot_update(bootdir, {
        "U_BOOT_ROOT": "root=/dev/vdb2",
        "U_BOOT_PARAMETERS": "console=ttyAMA0 vbtest=ubu"})
    assert "linux /vmlinuz-" + version in conf      # a /boot of its own
    tree = {}
    for root, _, files in os.walk(bootdir):
        for name in files:
            p = os.path.join(root, name)
            with open(p, "rb") as f:
                tree[os.path.relpath(p, bootdir)] = f.read()
    size = (len(image) + len(initrd)) // MiB + 16
    esp = disks.fat(str(tmp_path / "esp.img"), {"readme.txt": b"x"}, 8)
    root = disks.ext4(str(tmp_path / "boot.ext4"), tree, size)
    disk = disks.disk(str(tmp_path / "d.img"),
                      [(esp, 8, "ef00", False), (root, size, "8300", True)],
                      table="gpt")
    c = boot(*drive(blank(tmp_path / "blank.img")), *drive(disk, n=1),
             prompt=False, env=["bootdelay=0"], timeout=LINUX_TIMEOUT)
    before = c.expect("Found /extlinux/extlinux.conf")
    assert before.split("Scanning")[1:] == [" virtio 1:2...\n"]
    c.expect("Retrieving file: /vmlinuz-" + version)
    r = guest_report(c)
    assert r["CMDLINE"] == "root=/dev/vdb2 console=ttyAMA0 vbtest=ubu"
    assert "U-Boot menu" not in c.output    # prompt 0: no menu, no wait


@pytest.mark.linux
def test_distro_bad_candidates_then_fat_boot_scr(boot, linux, tmp_path):
    """MBR: partition 1 (bootable, ext4) has a corrupt extlinux.conf and a
    boot.scr with a bad CRC: each fails with its error and the scan goes
    on; partition 2 (FAT) has /boot/boot.scr from mkimage, written for
    U-Boot's qemu_arm64, which runs unchanged."""
    image, initrd = linux_files(linux)
    good = mkscript(tmp_path / "good.scr", UBOOT_SCRIPT)
    bad = bytearray(good)
    bad[-2] ^= 0xff                          # the data CRC no longer holds
    p1 = disks.ext4(str(tmp_path / "p1.ext4"), {
        "extlinux/extlinux.conf": b"label x\n\tkernel /a\0b\n",
        "boot.scr": bytes(bad)}, 8)
    fat_mib = (len(image) + len(initrd)) // MiB + 8
    p2 = disks.fat(str(tmp_path / "p2.fat"), {
        "boot/Image": image, "boot/initrd.img": initrd,
        "boot/boot.scr": good}, fat_mib, bits=32)
    disk = disks.disk(str(tmp_path / "d.img"),
                      [(p1, 8, "83", True), (p2, fat_mib, "c", False)])
    c = boot(*drive(disk), prompt=False, env=["bootdelay=0"],
             timeout=LINUX_TIMEOUT)
    c.expect("Scanning virtio 0:1...")
    c.expect("Found /extlinux/extlinux.conf")
    c.expect("not a usable extlinux.conf")
    c.expect("EXTLINUX FAILED: continuing...")
    c.expect("Found U-Boot script /boot.scr")
    c.expect("(?i)bad data crc")
    c.expect("SCRIPT FAILED: continuing...")
    c.expect("Scanning virtio 0:2...")
    c.expect("Found U-Boot script /boot/boot.scr")
    c.expect("boot.scr on virtio 0:2 in /boot/")
    r = guest_report(c)
    assert r["CMDLINE"] == "console=ttyAMA0 vbtest=bootscr"


@pytest.mark.linux
def test_distro_fwcfg_before_disk(boot, linux, tmp_path):
    """-kernel and a bootable disk: fw_cfg comes first, as U-Boot's qfw."""
    image, initrd = linux_files(linux)
    script = mkscript(tmp_path / "s.scr", UBOOT_SCRIPT)
    p = disks.ext4(str(tmp_path / "p.ext4"), {"boot.scr": script}, 8)
    disk = disks.disk(str(tmp_path / "d.img"), [(p, 8, "83", True)])
    c = boot("-kernel", linux["image"], "-initrd", linux["initrd"],
             "-append", "console=ttyAMA0 vbtest=fwcfg", *drive(disk),
             prompt=False, env=["bootdelay=0"], timeout=LINUX_TIMEOUT)
    c.expect("Found QEMU's -kernel in fw_cfg")
    r = guest_report(c)
    assert r["CMDLINE"] == "console=ttyAMA0 vbtest=fwcfg"
    assert "Scanning virtio" not in c.output


def test_distro_nothing_found(boot, tmp_path):
    """Disks with nothing to boot: one line saying where the scan looked,
    and the prompt; a target list given on the command line; an unknown
    target."""
    p = disks.ext4(str(tmp_path / "p.ext4"), {"hello.txt": b"hi"}, 8)
    disk = disks.disk(str(tmp_path / "d.img"),
                      [(p, 8, "83", False), (None, 4, "82", False)])
    c = boot(*drive(blank(tmp_path / "b.img")), *drive(disk, n=1))
    out = c.run_fail("boot")
    assert out == ["Scanning virtio 1:1...",
                   "distroboot: nothing to boot in fwcfg (no -kernel), "
                   "virtio 1:1, dhcp (no network card), pxe (no network card)"]
    assert c.run_fail("distroboot virtio1 floppy") == [
        "Scanning virtio 1:1...",
        "distroboot: unknown boot target 'floppy'",
        "distroboot: nothing to boot in virtio 1:1"]
    c.run_ok("setenv boot_targets virtio0")
    assert c.run_fail("run distro_bootcmd") == [
        "distroboot: nothing to boot in no target"]


def test_distro_default_addresses(console):
    """The variables U-Boot's scripts use are set, in free RAM: not the
    loader's, not overlapping one another, each writable."""
    env = dict(l.split("=", 1) for l in console.run_ok("printenv")
               if "=" in l)
    names = ["kernel_addr_r", "fdt_addr_r", "scriptaddr", "pxefile_addr_r",
             "ramdisk_addr_r", "loadaddr", "kernel_comp_addr_r",
             "kernel_comp_size", "fdtcontroladdr"]
    addr = {n: int(env[n], 16) for n in names}
    assert addr["kernel_addr_r"] % (2 * MiB) == 0
    assert addr["kernel_addr_r"] + 64 * MiB <= addr["fdt_addr_r"]
    assert addr["fdt_addr_r"] + 2 * MiB <= addr["scriptaddr"]
    assert addr["pxefile_addr_r"] == addr["scriptaddr"] + MiB
    assert addr["pxefile_addr_r"] + MiB <= addr["ramdisk_addr_r"]
    assert addr["ramdisk_addr_r"] < addr["loadaddr"]
    assert addr["kernel_comp_addr_r"] == addr["loadaddr"]
    assert 0 < addr["kernel_comp_size"] <= 64 * MiB
    for n in names[:-2]:
        console.run_ok("mw.l ${%s} 12345678" % n)
    # fdtcontroladdr is the live tree.
    console.run_ok("fdt addr ${fdtcontroladdr}")
    assert console.run_ok("fdt print / compatible") == \
        ['compatible = "linux,dummy-virt"']


def light_rows(screen):
    """The pixel rows with a run of 60 light pixels (the menu's
    highlighted line is black on white; glyphs are never that wide)."""
    w, h, rgb = screen
    rows = set()
    for y in range(h):
        run = 0
        for x in range(w):
            if rgb[(y * w + x) * 3] > 150:
                run += 1
                if run >= 60:
                    rows.add(y)
                    break
            else:
                run = 0
    return rows


def test_distro_menu_on_screen(boot, tmp_path):
    """prompt 1: the menu is on the ramfb screen too; Down moves the
    highlighted band one text row down."""
    conf = b"menu title Screen\nprompt 1\nlabel one\n\tlinux /a\n" \
        b"label two\n\tlinux /b\n"
    p = disks.ext4(str(tmp_path / "p.ext4"),
                   {"extlinux/extlinux.conf": conf}, 8)
    disk = disks.disk(str(tmp_path / "d.img"), [(p, 8, "83", True)])
    c = boot(*drive(disk), "-device", "ramfb")
    c.send("boot\r")
    c.expect("Enter choice: ")
    deadline = time.time() + 10
    while not (first := light_rows(c.screendump())) and \
            time.time() < deadline:
        time.sleep(0.2)
    c.send("\x1b[B")
    c.expect(re.escape("\x1b[30;47m") + "2:\ttwo")
    # The screen is drawn after the serial line: look until it changes.
    deadline = time.time() + 10
    while True:
        second = light_rows(c.screendump())
        if second != first or time.time() > deadline:
            break
        time.sleep(0.2)
    old, new = sorted(first - second), sorted(second - first)
    # one text row (the font's cell) down
    assert old and len(old) == len(new) == old[-1] - old[0] + 1, (old, new)
    assert new[0] == old[-1] + 1
    c.send("\x03")
    c.expect("<INTERRUPT>")
    c.expect("distroboot: interrupted")
    c.read_prompt()


@pytest.mark.requires("NET")
def test_distro_dhcp_target(boot, tmp_path):
    """With a network card, the dhcp target asks QEMU's DHCP server and
    fetches the boot file it names; a missing one fails and the scan goes
    on to say where it looked."""
    (tmp_path / "tftp").mkdir()
    c = boot("-netdev", "user,id=n0,tftp=%s,bootfile=nothere" %
             (tmp_path / "tftp"),
             "-device", "virtio-net-pci,netdev=n0,romfile=")
    c.run_ok("setenv boot_targets dhcp")
    out = "\n".join(c.run_fail("boot", timeout=120))
    assert "nothere" in out, out
    assert "DHCP FAILED: continuing..." in out
    assert out.endswith("distroboot: nothing to boot in dhcp")
