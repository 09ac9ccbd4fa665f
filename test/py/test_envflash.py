# SPDX-License-Identifier: MIT
"""The saved environment on QEMU's CFI flash (bank 1) in U-Boot's
qemu_arm64 layout: saveenv and a cold restart, Debian's fw_printenv /
fw_setenv and mkenvimage on the same file, a corrupt or read-only copy,
no flash, env export/import in U-Boot's three formats, and the loader's
own bank never written."""
import os
import re
import shutil
import struct
import subprocess
import time
import zlib

import pytest

from conftest import BIN, CONFIG, QEMU
from test_system import bootstage_table, compile_dts, qemu_dtb

pytestmark = pytest.mark.requires("ENV_IS_IN_FLASH")

ENV_SIZE = 0x40000
BAD_CRC = "*** Warning - bad CRC, using default environment"
SAVED = ["Saving Environment to Flash... Erasing Flash...",
         ". done",
         "Erased 1 sectors",
         "Writing to Flash... done",
         "OK"]


def envstore(tmp_path, name="envstore.img"):
    """A fresh flash bank file: 64 MiB, as `truncate -s 64M` makes it."""
    path = tmp_path / name
    with open(path, "wb") as f:
        f.truncate(64 << 20)
    return path


def pflash(path, *opts):
    return ("-drive", ",".join(["if=pflash", "format=raw", "index=1",
                                "file=%s" % path] + list(opts)))


def fw_config(tmp_path, store):
    """libubootenv's configuration: the file, offset, env size, sector."""
    cfg = tmp_path / "fw_env.config"
    cfg.write_text("%s 0x0 0x%x 0x%x\n" % (store, ENV_SIZE, ENV_SIZE))
    return str(cfg)


def tool(name):
    if not shutil.which(name):
        pytest.skip("no %s (scripts/deps.sh installs it)" % name)
    return name


def fw_printenv(tmp_path, store, *names):
    out = subprocess.run([tool("fw_printenv"), "-c", fw_config(tmp_path, store)]
                         + list(names), capture_output=True, text=True)
    return out.returncode, out.stdout.splitlines(), out.stderr


def saved_blob(store):
    with open(store, "rb") as f:
        return f.read(ENV_SIZE)


def test_save_and_cold_restart(boot, tmp_path):
    store = envstore(tmp_path)
    c = boot(*pflash(store))
    assert "CRC" not in c.output         # a blank bank: the defaults, quietly
    assert c.run_ok("env info") == ["env_valid = invalid", "env_ready = true",
                                    "env_use_default = true"]
    c.run_ok("setenv greeting hello world")
    c.run_ok("setenv bootcmd echo from flash")
    assert c.run_ok("saveenv") == SAVED
    # Timed by the loader's own counter (bootstage's "now"), one line.
    lines = c.run_ok("bootstage; saveenv; bootstage")
    nows = [float(l.split()[0]) for l in lines if l.endswith("  now")]
    print("saveenv: %.1f ms" % (nows[1] - nows[0]))
    assert c.run_ok("env info")[0] == "env_valid = valid"
    assert c.run_ok("env save") == SAVED
    c.close()
    # The file holds U-Boot's layout: CRC-32 of the rest, then strings.
    blob = saved_blob(store)
    assert struct.unpack("<I", blob[:4])[0] == zlib.crc32(blob[4:])
    assert b"\0greeting=hello world\0" in blob
    # A new QEMU on the same file: the saved copy, no warning.
    c = boot(*pflash(store))
    assert BAD_CRC not in c.output
    assert c.run_ok("printenv greeting bootcmd") == \
        ["greeting=hello world", "bootcmd=echo from flash"]
    assert c.run_ok("env info") == ["env_valid = valid", "env_ready = true",
                                    "env_use_default = false"]
    # The running loader's version, not the saved one.
    assert c.run_ok("printenv ver")[0].startswith("ver=virtboot ")
    rows = bootstage_table(c.run_ok("bootstage"))
    load = [d for _, d, name in rows if name == "env flash"]
    print("env load at start-up: %.3f ms" % load[0])


def test_start_up_order(boot, tmp_path):
    """Defaults, then the saved copy, then opt/virtboot/env on top, then
    the script."""
    store = envstore(tmp_path)
    c = boot(*pflash(store))
    c.run_ok("setenv a saved; setenv b saved; setenv c saved; saveenv")
    c.close()
    c = boot(*pflash(store), env=["b=fwcfg", "c=fwcfg"],
             script=["setenv c script"])
    assert c.run_ok("printenv a b c") == ["a=saved", "b=fwcfg", "c=script"]
    assert c.run_ok("printenv arch") == ["arch=arm64"]  # saved with it


def test_fw_printenv_and_fw_setenv(boot, tmp_path):
    store = envstore(tmp_path)
    c = boot(*pflash(store))
    c.run_ok("setenv fromloader 1; setenv spaced 'a b  c'")
    c.run_ok("saveenv")
    c.close()
    rc, lines, err = fw_printenv(tmp_path, store)
    assert rc == 0, err
    assert "fromloader=1" in lines and "spaced=a b  c" in lines
    assert "arch=arm64" in lines
    cfg = fw_config(tmp_path, store)
    subprocess.run([tool("fw_setenv"), "-c", cfg, "fromhost", "x=y z"],
                   check=True)
    subprocess.run(["fw_setenv", "-c", cfg, "fromloader"], check=True)
    c = boot(*pflash(store))
    assert BAD_CRC not in c.output
    assert c.run_ok("printenv fromhost spaced") == ["fromhost=x=y z",
                                                    "spaced=a b  c"]
    assert c.run_fail("printenv fromloader") == \
        ['## Error: "fromloader" not defined']


def mkenvimage(tmp_path, text, name="env.bin"):
    src, out = tmp_path / (name + ".txt"), tmp_path / name
    src.write_text(text)
    subprocess.run([tool("mkenvimage"), "-s", hex(ENV_SIZE), "-o", str(out),
                    str(src)], check=True)
    return out


def test_mkenvimage_image_on_flash(boot, tmp_path):
    store = envstore(tmp_path)
    image = mkenvimage(tmp_path, "bootdelay=-1\nmade=by mkenvimage\n")
    with open(store, "r+b") as f:
        f.write(image.read_bytes())
    c = boot(*pflash(store), prompt=False)
    c.child.expect("=> ")               # bootdelay=-1: straight to the prompt
    c.banners = 1
    assert c.run_ok("printenv made bootdelay") == ["made=by mkenvimage",
                                                   "bootdelay=-1"]
    assert c.run_fail("printenv arch")   # the saved copy replaces defaults


def test_corrupt_saved_copy_uses_defaults(boot, tmp_path):
    store = envstore(tmp_path)
    c = boot(*pflash(store))
    c.run_ok("setenv mine 1; saveenv")
    c.close()
    with open(store, "r+b") as f:
        f.seek(12)
        byte = f.read(1)
        f.seek(12)
        f.write(bytes([byte[0] ^ 0x01]))
    c = boot(*pflash(store))
    assert BAD_CRC in c.output
    assert c.output.count("bad CRC") == 1
    assert c.run_fail("printenv mine")
    assert c.run_ok("printenv arch") == ["arch=arm64"]
    assert c.run_ok("env info")[0] == "env_valid = invalid"
    # env load refuses it too, and leaves the environment alone.
    c.run_ok("setenv kept yes")
    out = c.run_fail("env load")
    assert out[0].startswith("Loading Environment from Flash... bad CRC")
    assert c.run_ok("printenv kept") == ["kept=yes"]


def test_failed_save_keeps_the_old_copy(boot, tmp_path):
    """A drive QEMU may not write (readonly=on): the erase fails with the
    chip's reason, saveenv fails, the file keeps the old copy."""
    store = envstore(tmp_path)
    c = boot(*pflash(store))
    c.run_ok("setenv generation old; saveenv")
    c.close()
    before = saved_blob(store)
    c = boot(*pflash(store, "readonly=on"))
    assert c.run_ok("printenv generation") == ["generation=old"]
    c.run_ok("setenv generation new")
    out = c.run_fail("saveenv")
    assert out[0] == "Saving Environment to Flash... Erasing Flash..."
    assert re.search(r"flash: erase at 0x4000000 failed: erase error .*status",
                     "\n".join(out)), out
    assert out[-1].startswith("Failed (")
    c.close()
    assert saved_blob(store) == before
    rc, lines, _ = fw_printenv(tmp_path, store, "generation")
    assert rc == 0 and lines == ["generation=old"]


BIG = "v" * 900


def test_full_environment_saves_whole(boot, tmp_path):
    """The environment can never outgrow its saved form: setenv refuses
    first (env_store_pack's own refusal is a unit test). Filled to the
    brim, it saves and fw_printenv reads every variable back."""
    store = envstore(tmp_path)
    c = boot(*pflash(store), env=["var%04d=%s" % (i, BIG) for i in range(400)])
    assert "the environment is full" in c.output
    used = int(c.run_ok("printenv")[-1].split()[2].split("/")[0])
    assert used > ENV_SIZE - 1000
    assert c.run_fail("setenv big " + BIG) == \
        ['## Error inserting "big" variable, errno=12']
    assert c.run_ok("saveenv") == SAVED
    c.close()
    rc, lines, _ = fw_printenv(tmp_path, store)
    assert rc == 0
    names = {l.split("=")[0] for l in lines}
    assert len([n for n in names if n.startswith("var")]) == \
        len([l for l in lines if l.startswith("var")]) > 280
    assert "var0000=" + BIG in lines


def test_no_flash_drive(boot, tmp_path):
    """QEMU 7.2 maps bank 1 even without a -drive: a zeroed flash that
    forgets on exit. Blank: the defaults, with no warning (U-Boot warns of
    a bad CRC on every such boot); a save lasts until QEMU stops."""
    c = boot()
    assert "CRC" not in c.output
    assert c.run_fail("env load")[0] == \
        "Loading Environment from Flash... nothing saved, environment unchanged"
    assert c.run_ok("saveenv") == SAVED
    assert c.run_ok("env load") == ["Loading Environment from Flash... OK"]


def test_no_flash_in_the_device_tree(boot, tmp_path):
    """No second bank at all: saveenv says why and changes nothing."""
    dts = qemu_dtb(tmp_path, ("reg = <0x00 0x00 0x00 0x4000000 0x00 0x4000000 0x00 0x4000000>;",
                              "reg = <0x00 0x00 0x00 0x4000000>;"))
    c = boot("-dtb", compile_dts(tmp_path, dts))
    assert BAD_CRC not in c.output
    c.run_ok("setenv x 1")
    out = c.run_fail("saveenv")
    assert out[0].startswith("Saving Environment to Flash... no flash bank besides the loader's")
    assert "-drive if=pflash,format=raw,index=1" in out[0]
    assert c.run_ok("printenv x") == ["x=1"]
    assert c.run_fail("env info -p") == ["Environment cannot be persisted"]
    assert c.run_ok("env info -d -q") == []


def test_loader_bank_never_written(boot, tmp_path):
    """Bank 0 (the loader, executed in place) reads back byte for byte
    after saves and erases."""
    store = envstore(tmp_path)
    c = boot(*pflash(store))
    image = open(BIN, "rb").read()
    c.run_ok("setenv a 1; saveenv; env erase; saveenv")
    dump = os.path.join(c.tmp, "bank0.bin")
    c.monitor("pmemsave 0 %d \"%s\"" % (len(image), dump))
    deadline = time.time() + 10
    while (not os.path.exists(dump) or os.path.getsize(dump) < len(image)) \
            and time.time() < deadline:
        time.sleep(0.05)
    assert open(dump, "rb").read() == image
    assert c.run_ok("echo alive") == ["alive"]


def test_env_erase(boot, tmp_path):
    store = envstore(tmp_path)
    c = boot(*pflash(store))
    c.run_ok("saveenv")
    assert c.run_ok("env erase") == ["Erasing Environment on Flash... . done",
                                     "Erased 1 sectors", "OK"]
    assert c.run_ok("env info")[0] == "env_valid = invalid"
    c.close()
    assert saved_blob(store) == b"\xff" * ENV_SIZE
    c = boot(*pflash(store))
    assert "CRC" not in c.output       # erased: nothing saved


# --- export / import ---------------------------------------------------------

def test_export_import_round_trips(console):
    c = console
    c.run_ok("setenv one 1; setenv two 'a b'; setenv three x=y")
    # Text: name=value lines then a NUL, filesize counting it.
    c.run_ok("env export -t 50000000")
    size = int(c.run_ok("printenv filesize")[0].split("=")[1], 16)
    data = b"".join(bytes.fromhex(l[10:58]) for l in
                    c.run_ok("md.b 50000000 %x" % size))
    assert data.endswith(b"\n\0") and len(data) == size
    assert b"\none=1\n" in data and b"\nthree=x=y\n" in data
    c.run_ok("env delete one two three")
    assert c.run_fail("env exists one") == []
    c.run_ok("env import -t 50000000 ${filesize}")
    assert c.run_ok("printenv one two three") == ["one=1", "two=a b",
                                                  "three=x=y"]
    # Binary, chosen names: NUL-separated, a double NUL last.
    c.run_ok("env export -b 50100000 one three")
    assert c.run_ok("printenv filesize") == ["filesize=11"]
    assert c.run_ok("md.b 50100000 11")[0].startswith(
        "50100000: 6f 6e 65 3d 31 00 74 68 72 65 65 3d 78 3d 79")
    c.run_ok("env delete one three")
    out = c.run_ok("env import -b 50100000")
    assert out == ["## Info: input data size = 17 = 0x11"]
    assert c.run_ok("printenv one three") == ["one=1", "three=x=y"]
    # -c: the saved form, CRC-checked on import, ENV_SIZE bytes.
    c.run_ok("env export -c 50200000")
    assert c.run_ok("printenv filesize") == ["filesize=40000"]
    c.run_ok("setenv one changed; env delete two")
    c.run_ok("env import -c 50200000 40000")
    assert c.run_ok("printenv one two") == ["one=1", "two=a b"]
    c.run_ok("mw.b 50200010 0 1")
    assert c.run_fail("env import -c 50200000 40000") == \
        ["## Error: bad CRC, import failed"]
    assert c.run_fail("env import -c 50200000") == \
        ["## Error: external checksum format must pass size"]
    # -d with names: a named variable missing from the data goes.
    c.run_ok("setenv gone yes")
    c.run_ok("env import -d -b 50100000 - one gone")
    assert c.run_fail("env exists gone") == []
    assert c.run_ok("printenv one") == ["one=1"]
    # -d alone: the data is the whole environment.
    c.run_ok("env import -d -b 50100000")
    assert c.run_fail("printenv arch")
    assert c.run_ok("printenv three") == ["three=x=y"]


def test_export_checks_memory(console):
    c = console
    out = c.run_fail("env export -c 0")
    assert out == ["env export: 0x0..0x40000 is not inside RAM"]
    out = c.run_fail("env export -t 4000000")
    assert "is not inside RAM" in out[0]
    assert c.run_fail("env export -t -s 4 50000000")[0].startswith(
        "## Error: cannot export environment")
    assert c.run_fail("env export -t -b 50000000") == \
        ['## export: only one of "-b", "-c" or "-t" allowed']
    assert c.run_fail("env export")[0] == "Usage:"


@pytest.mark.requires("CMD_FWCFG")
def test_import_u_boot_blobs(boot, tmp_path):
    """What Debian's U-Boot tools make: mkenvimage's saved form (-c) and a
    text file with comments and CRLF line ends (-t -r)."""
    image = mkenvimage(tmp_path, "# comment\nfrom=mkenvimage\nbootdelay=7\n")
    text = tmp_path / "uEnv.txt"
    text.write_bytes(b"# U-Boot text\r\nfromtext=yes\r\nother=1 2\r\n")
    c = boot("-fw_cfg", "name=opt/env.bin,file=%s" % image,
             "-fw_cfg", "name=opt/uEnv.txt,file=%s" % text)
    c.run_ok("fwcfg load opt/env.bin 50000000")
    c.run_ok("env import -c 50000000 ${filesize}")
    assert c.run_ok("printenv from bootdelay") == ["from=mkenvimage",
                                                   "bootdelay=7"]
    c.run_ok("fwcfg load opt/uEnv.txt 50100000")
    c.run_ok("env import -t -r 50100000 ${filesize}")
    assert c.run_ok("printenv fromtext other") == ["fromtext=yes",
                                                   "other=1 2"]
    # Without a format: U-Boot's warning, then text.
    out = c.run_ok("env import 50100000 ${filesize}")
    assert out == ["## Warning: defaulting to text format"]


def test_export_c_reads_with_fw_printenv(console, tmp_path):
    """env export -c is the saved form: libubootenv reads a dump of it."""
    c = console
    c.run_ok("setenv exported yes; env export -c 50000000")
    dump = tmp_path / "export.bin"
    c.monitor("pmemsave 0x50000000 0x40000 \"%s\"" % dump)
    deadline = time.time() + 10
    while (not dump.exists() or dump.stat().st_size < ENV_SIZE) \
            and time.time() < deadline:
        time.sleep(0.05)
    rc, lines, err = fw_printenv(tmp_path, dump, "exported")
    assert rc == 0, err
    assert lines == ["exported=yes"]


# --- the rest of U-Boot's env command -----------------------------------------

def test_env_subcommands(console):
    c = console
    c.run_ok("setenv bootdelay 9; setenv extra 1")
    assert c.run_ok("env exists extra") == []
    assert c.run_fail("env exists nothing") == []
    c.run_ok("env default bootdelay extra")
    assert c.run_ok("printenv bootdelay") == \
        ["bootdelay=%s" % CONFIG.get("BOOTDELAY", "2")]
    assert c.run_fail("env exists extra") == []
    c.run_ok("setenv a 1; setenv b 2")
    c.run_ok("env delete a b")
    assert c.run_fail("printenv a b") == ['## Error: "a" not defined',
                                          '## Error: "b" not defined']
    assert c.run_fail("env delete a") == []
    assert c.run_ok("printenv arch board") == ["arch=arm64", "board=qemu-virt"]
    assert c.run_ok("env print arch") == ["arch=arm64"]
    assert "arch=arm64" in c.run_ok("env print -a")
    assert "arch=arm64" in c.run_ok("printenv -a")
    c.run_ok("setenv x 1")
    assert c.run_ok("env default -f -a") == \
        ["## Resetting to default environment"]
    assert c.run_fail("printenv x")
    assert c.run_ok("env info -d") == ["Default environment is used"]
    assert c.run_fail("env frob")[0] == "Usage:"
    assert c.run_fail("env default")[0] == "Usage:"


# --- the other loader: Debian's U-Boot (u-boot-qemu), when installed --------

UBOOT = "/usr/lib/u-boot/qemu_arm64/u-boot.bin"


def uboot(boot, *qemu_args):
    """Debian's U-Boot for qemu_arm64 at its prompt (autoboot stopped)."""
    if not os.path.exists(UBOOT):
        pytest.skip("no %s (Debian's u-boot-qemu)" % UBOOT)
    c = boot(*qemu_args, bios=UBOOT, prompt=False)
    c.expect("Hit any key to stop autoboot")
    c.send(" ")
    c.read_prompt()
    return c


def dump(c, addr, size, path):
    """Guest memory to a file, through the QEMU monitor."""
    c.monitor('pmemsave 0x%x 0x%x "%s"' % (addr, size, path))
    deadline = time.time() + 10
    while (not os.path.exists(path) or os.path.getsize(path) < size) \
            and time.time() < deadline:
        time.sleep(0.05)
    return path


def loaders(files):
    """QEMU arguments that put each (addr, file) in RAM before reset."""
    args = []
    for addr, path in files:
        args += ["-device", "loader,file=%s,addr=0x%x,force-raw=on" % (path, addr)]
    return args


def test_u_boot_reads_our_saved_copy(boot, tmp_path):
    store = envstore(tmp_path)
    c = boot(*pflash(store))
    c.run_ok("setenv fromvirtboot yes; setenv bootdelay 3; saveenv")
    c.close()
    u = uboot(boot, *pflash(store))
    assert "Loading Environment from Flash... OK" in u.output
    assert "Hit any key to stop autoboot:  3" in u.output
    assert u.run("printenv fromvirtboot") == ["fromvirtboot=yes"]


FORMATS = (("-t", 0x50000000), ("-b", 0x50100000), ("-c", 0x50200000))


def test_exports_cross_loaders(boot, tmp_path):
    """What U-Boot's env export writes, ours imports, in each format; and
    the other way round."""
    u = uboot(boot)
    u.run("setenv crossed 'from u-boot'")
    for flag, addr in FORMATS:
        u.run("env export %s 0x%x crossed" % (flag, addr) if flag != "-c"
              else "env export -c 0x%x" % addr)
        dump(u, addr, ENV_SIZE, str(tmp_path / ("ub%s.bin" % flag)))
    u.close()
    c = boot(*loaders((addr, tmp_path / ("ub%s.bin" % flag))
                      for flag, addr in FORMATS))
    for flag, addr in FORMATS:
        c.run_ok("setenv crossed")
        size = " 40000" if flag == "-c" else ""
        c.run_ok("env import %s %x%s" % (flag, addr, size))
        assert c.run_ok("printenv crossed") == ["crossed=from u-boot"], flag
    # Ours to U-Boot.
    c.run_ok("setenv crossed 'from virtboot'")
    for flag, addr in FORMATS:
        c.run_ok("env export %s %x" % (flag, addr))
        dump(c, addr, ENV_SIZE, str(tmp_path / ("vb%s.bin" % flag)))
    c.close()
    u = uboot(boot, *loaders((addr, tmp_path / ("vb%s.bin" % flag))
                             for flag, addr in FORMATS))
    for flag, addr in FORMATS:
        u.run("setenv crossed")
        size = " 40000" if flag == "-c" else ""
        u.run("env import %s 0x%x%s" % (flag, addr, size))
        assert u.run("printenv crossed") == ["crossed=from virtboot"], flag
