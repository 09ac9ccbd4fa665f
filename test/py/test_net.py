# SPDX-License-Identifier: MIT
"""Network boot against QEMU's user-mode network (its own DHCP and TFTP
servers): virtio-net on PCI and virtio-mmio, dhcp, ping, tftpboot (files
compared bit for bit by crc32), pxe, and what goes wrong: a missing file,
a dead server, a file too large for its destination, Ctrl-C, no NIC."""
import os
import re
import shutil
import zlib

import pytest

from conftest import BUILD
from test_linux import LINUX_TIMEOUT, guest_report, linux  # noqa: F401

pytestmark = pytest.mark.requires("CMD_NET")

PCI = "virtio-net-pci,netdev=n0,romfile="
MMIO = "virtio-net-device,netdev=n0"
RAND_SIZE = 5 * 1024 * 1024 + 123	# not a whole number of blocks


@pytest.fixture(scope="module")
def tftp_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("tftp")
    data = os.urandom(RAND_SIZE)
    (d / "rand.bin").write_bytes(data)
    (d / "sub").mkdir()
    (d / "sub" / "small.txt").write_bytes(b"x" * 1428)	# one full block
    return d


def crc(path):
    with open(path, "rb") as f:
        return zlib.crc32(f.read())


def net(tftp_dir, device=PCI, bootfile="rand.bin"):
    return ["-netdev", "user,id=n0,tftp=%s,bootfile=%s" % (tftp_dir, bootfile),
            "-device", device]


def dhcp(c):
    c.run_ok("setenv autoload no")
    out = c.run_ok("dhcp")
    assert re.match(r"DHCP client bound to address 10\.0\.2\.15 \(\d+ ms\)",
                    out[-1]), out


def tftp_crc(c, addr, name, expect, timeout=120):
    out = c.run_ok("tftpboot %x %s" % (addr, name), timeout=timeout)
    assert out[0] == "Using virtio-net#0 device"
    assert out[1] == "TFTP from server 10.0.2.2; our IP address is 10.0.2.15"
    assert out[2] == "Filename '%s'." % name
    assert out[3] == "Load address: 0x%x" % addr
    assert out[4].startswith("Loading: #")
    assert re.match(r"\t [\d.]+ MiB/s$", out[-3]), out[-3:]
    assert out[-2] == "done"
    size = os.path.getsize(expect)
    assert out[-1] == "Bytes transferred = %d (%x hex)" % (size, size)
    assert c.run_ok("printenv filesize")[0] == "filesize=%x" % size
    assert c.run_ok("printenv fileaddr")[0] == "fileaddr=%x" % addr
    line = c.run_ok("crc32 %x %x" % (addr, size))[0]
    assert line.endswith("==> %08x" % crc(expect)), line


def test_net_list_ethaddr(boot, tftp_dir):
    c = boot(*net(tftp_dir))
    out = c.run_ok("net list")
    assert out == ["eth0 : virtio-net#0 52:54:00:12:34:56 active"]
    assert c.run_ok("printenv ethaddr") == ["ethaddr=52:54:00:12:34:56"]


def test_two_nics(boot, tftp_dir):
    """Each NIC its own ethaddr variable, MAC from the device."""
    c = boot(*net(tftp_dir), "-netdev", "user,id=n1", "-device",
             "virtio-net-pci,netdev=n1,romfile=,mac=52:54:00:aa:bb:cc")
    assert c.run_ok("printenv eth1addr") == ["eth1addr=52:54:00:aa:bb:cc"]
    assert len(c.run_ok("net list")) == 2


def test_dhcp_sets_env(boot, tftp_dir):
    c = boot(*net(tftp_dir, bootfile="sub/small.txt"))
    dhcp(c)
    env = dict(line.split("=", 1) for line in c.run_ok("printenv")
               if "=" in line)
    assert env["ipaddr"] == "10.0.2.15"
    assert env["netmask"] == "255.255.255.0"
    assert env["gatewayip"] == "10.0.2.2"
    assert env["serverip"] == "10.0.2.2"
    assert env["dnsip"] == "10.0.2.3"
    assert env["bootfile"] == "sub/small.txt"
    assert "filesize" not in env		# autoload=no: nothing loaded


def test_dhcp_autoload(boot, tftp_dir):
    """dhcp loads the boot file the server names, to $loadaddr."""
    c = boot(*net(tftp_dir))
    c.run_ok("setenv loadaddr 0x48000000")
    out = c.run_ok("dhcp", timeout=120)
    assert "Load address: 0x48000000" in out
    assert out[-1] == "Bytes transferred = %d (%x hex)" % (RAND_SIZE, RAND_SIZE)
    line = c.run_ok("crc32 48000000 %x" % RAND_SIZE)[0]
    assert line.endswith("==> %08x" % crc(tftp_dir / "rand.bin"))


def test_ping(boot, tftp_dir):
    c = boot(*net(tftp_dir, device=MMIO))
    dhcp(c)
    assert c.run_ok("ping 10.0.2.2") == ["Using virtio-net#0 device",
                                         "host 10.0.2.2 is alive"]
    assert c.run_fail("ping 10.0.2.99", timeout=60)[-1] == \
        "ping failed; host 10.0.2.99 is not alive"
    assert c.run_fail("ping nohost") == ["ping: bad address 'nohost'"]


@pytest.mark.parametrize("device,machine", [
    (PCI, "virt"),
    (MMIO, "virt"),				# legacy virtio-mmio
    (MMIO + " -global virtio-mmio.force-legacy=false", "virt"),
], ids=["pci", "mmio-legacy", "mmio-modern"])
def test_tftpboot_random(boot, tftp_dir, device, machine):
    dev = device.split(" ")
    args = net(tftp_dir, device=dev[0]) + dev[1:]
    c = boot(*args, machine=machine)
    dhcp(c)
    tftp_crc(c, 0x50000000, "rand.bin", tftp_dir / "rand.bin")
    # host:file names the server; a whole-block file ends with an
    # empty block.
    out = c.run_ok("tftpboot 0x60000000 10.0.2.2:sub/small.txt")
    assert out[-1] == "Bytes transferred = 1428 (594 hex)"


def test_tftpboot_default_names(boot, tftp_dir):
    """No address: $loadaddr, else the largest free RAM on a 2 MiB
    boundary; no file: $bootfile."""
    c = boot(*net(tftp_dir))
    dhcp(c)
    out = c.run_ok("tftpboot", timeout=120)
    m = re.search(r"Load address: 0x([0-9a-f]+)", "\n".join(out))
    assert m and int(m.group(1), 16) % (2 << 20) == 0
    assert out[-1] == "Bytes transferred = %d (%x hex)" % (RAND_SIZE, RAND_SIZE)
    c.run_ok("setenv loadaddr 0x44000000")
    out = c.run_ok("tftpboot sub/small.txt")
    assert "Load address: 0x44000000" in out


def test_tftpboot_kernel(boot, tftp_dir):
    """The demo kernel (33 MB), bit-exact."""
    image = os.path.join(BUILD, "demo", "Image")
    if not os.path.exists(image):
        pytest.skip("no demo kernel (make %s)" % image)
    shutil.copy(image, tftp_dir / "Image")
    c = boot(*net(tftp_dir))
    dhcp(c)
    tftp_crc(c, 0x48000000, "Image", image, timeout=300)


def test_tftp_missing_file(boot, tftp_dir):
    c = boot(*net(tftp_dir))
    dhcp(c)
    out = c.run_fail("tftpboot 0x50000000 nosuchfile")
    assert out[-1] == "TFTP error: 'File not found' (1)"
    assert c.run("printenv filesize") == ['## Error: "filesize" not defined']


def test_tftp_dead_server(boot, tftp_dir):
    """Nobody answers: a bounded number of timeouts, then the prompt."""
    c = boot(*net(tftp_dir))
    dhcp(c)
    c.run_ok("setenv serverip 10.0.2.99")
    c.run_ok("setenv tftptimeout 500")
    out = c.run_fail("tftpboot 0x50000000 rand.bin", timeout=60)
    assert out[-1] == "TFTP: no answer from 10.0.2.99 after 8 tries, giving up"
    assert out[-2].count("T ") == 7


def test_tftp_too_large(boot, tftp_dir):
    """The server's tsize is checked against the free RAM at the
    destination before anything is written; nothing past it changes."""
    c = boot(*net(tftp_dir))
    dhcp(c)
    # The last 2 MiB of RAM (1 GiB, no framebuffer): too small.
    c.run_ok("mw.l 0x7fe00000 0x5a5a5a5a 0x80000")
    out = c.run_fail("tftpboot 0x7fe00000 rand.bin")
    assert "tftp: 0x7fe00000..0x%x is not inside RAM" % \
        (0x7fe00000 + RAND_SIZE) in out
    assert "crc32" not in out
    line = c.run_ok("crc32 0x7fe00000 0x200000")[0]
    assert line.endswith("==> %08x" % zlib.crc32(b"\x5a" * 0x200000))
    # Over the loader's own memory.
    out = c.run_fail("tftpboot 0x40300000 rand.bin")
    assert re.search(r"tftp: 0x40300000\.\.0x[0-9a-f]+ overlaps virtboot",
                     "\n".join(out)), out


def test_tftp_ctrlc(boot, tftp_dir):
    """Ctrl-C stops a transfer: the server is told, the prompt is back."""
    image = os.path.join(BUILD, "demo", "Image")
    name = "Image" if os.path.exists(image) else "rand.bin"
    if name == "Image":
        shutil.copy(image, tftp_dir / "Image")
    c = boot(*net(tftp_dir))
    dhcp(c)
    c.send("tftpboot 0x48000000 %s\r" % name)
    c.expect("Loading: #")
    c.send("\x03")
    out = c.read_prompt(timeout=60)
    assert "\nAbort" in out
    assert c.status() != 0
    # The network still works afterwards.
    out = c.run_ok("tftpboot 0x60000000 sub/small.txt")
    assert out[-1] == "Bytes transferred = 1428 (594 hex)"


def test_no_nic(console):
    """-nic none: one line, and the prompt."""
    assert console.run_fail("dhcp") == ["No ethernet found."]
    assert console.run_fail("tftpboot 0x50000000 x") == ["No ethernet found."]
    assert console.run_fail("ping 10.0.2.2") == ["No ethernet found."]
    assert console.run_ok("net list") == []


@pytest.mark.requires("CMD_PXE")
def test_pxe_get_order(boot, tftp_dir):
    """pxelinux's order: MAC, the address in hex shorter and shorter,
    default; next to the boot file."""
    d = tftp_dir / "pxe"
    (d / "pxelinux.cfg").mkdir(parents=True, exist_ok=True)
    (d / "pxelinux.cfg" / "0A0002").write_text("label x\n\tkernel k\n")
    c = boot(*net(tftp_dir, bootfile="pxe/pxelinux.0"))
    dhcp(c)
    c.run_ok("setenv pxefile_addr_r 0x50000000")
    out = c.run_ok("pxe get")
    tried = [line.split(": ", 1)[1] for line in out
             if line.startswith("Retrieving file: ")]
    assert tried == ["pxe/pxelinux.cfg/01-52-54-00-12-34-56",
                     "pxe/pxelinux.cfg/0A00020F", "pxe/pxelinux.cfg/0A00020",
                     "pxe/pxelinux.cfg/0A0002"]
    assert out[-1] == "Config file 'pxe/pxelinux.cfg/0A0002' found"
    assert c.run_ok("md.b 0x50000000 7")[0].startswith(
        "50000000: 6c 61 62 65 6c 20 78")
    (d / "pxelinux.cfg" / "0A0002").unlink()
    out = c.run_fail("pxe get")
    assert out[-1] == "Config file not found"
    assert out[-2] == "TFTP error: 'File not found' (1)"
    assert out[-3] == "Retrieving file: pxe/pxelinux.cfg/default"
    assert c.run_fail("pxe boot") == ["pxe: no config: run pxe get first"]


@pytest.mark.linux
@pytest.mark.requires("CMD_PXE")
def test_pxe_boot_linux(boot, linux, tmp_path):  # noqa: F811
    """pxelinux.cfg/default names a kernel and an initrd relative to the
    boot file's directory: Linux comes up with its append line."""
    d = tmp_path / "tftp"
    (d / "boot" / "pxelinux.cfg").mkdir(parents=True)
    shutil.copy(linux["image"], d / "boot" / "Image")
    shutil.copy(linux["initrd"], d / "boot" / "initrd.gz")
    (d / "boot" / "pxelinux.cfg" / "default").write_text(
        "default linux\nlabel linux\n\tkernel Image\n\tinitrd initrd.gz\n"
        "\tappend console=ttyAMA0 vbtest=pxe\n")
    c = boot(*net(d, device=MMIO, bootfile="boot/pxelinux.0"),
             timeout=LINUX_TIMEOUT)
    dhcp(c)
    out = c.run_ok("pxe get")
    assert out[-1] == "Config file 'boot/pxelinux.cfg/default' found"
    c.send("pxe boot\r")
    c.expect("Filename 'boot/Image'")
    c.expect("Filename 'boot/initrd.gz'")
    r = guest_report(c)
    assert r["CMDLINE"] == "console=ttyAMA0 vbtest=pxe"
    assert r["INITRD"] == "dt"
