# SPDX-License-Identifier: MIT
"""Bring-up under different machines: exception levels, RAM sizes, device
trees; bdinfo, fdt, sleep, reset and poweroff."""
import os
import re
import struct
import subprocess
import time

import pytest

from conftest import QEMU, ROOT


def bdinfo(console):
    info, banks = {}, []
    for line in console.run_ok("bdinfo"):
        key, _, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if key == "-> start":
            banks.append([int(value, 16), None])
        elif key == "-> size":
            banks[-1][1] = int(value, 16)
        else:
            info[key] = value
    return info, banks


@pytest.mark.requires("CMD_BDINFO")
@pytest.mark.parametrize("machine,el", [
    ("virt", 1), ("virt,virtualization=on", 2), ("virt,secure=on", 3)])
def test_entry_exception_levels(boot, machine, el):
    con = boot("-smp", "2", machine=machine)
    assert con.output.count("virtboot 20") == 1       # banner printed once
    info, banks = bdinfo(con)
    assert info["current el"].startswith("EL%d" % el)
    assert banks == [[0x40000000, 1 << 30]]
    assert con.run_ok("md.l 40000000 1")[0].startswith("40000000: edfe0dd0")


@pytest.mark.requires("CMD_BDINFO")
@pytest.mark.parametrize("memory,size", [
    ("128M", 128 << 20), ("2G", 2 << 30), ("5G", 5 << 30)])
def test_ram_sizes(boot, memory, size):
    con = boot(memory=memory)
    info, banks = bdinfo(con)
    assert banks == [[0x40000000, size]]
    assert int(info["memsize"], 16) == size
    top = 0x40000000 + size - 0x10       # the last bytes of RAM are mapped
    con.run_ok("mw.q %x 0123456789abcdef" % top)
    assert con.run_ok("md.q %x 1" % top)[0].split()[1] == "0123456789abcdef"


@pytest.mark.requires("CMD_BDINFO")
def test_numa_banks(boot):
    con = boot("-smp", "2",
               "-object", "memory-backend-ram,id=m0,size=512M",
               "-object", "memory-backend-ram,id=m1,size=768M",
               "-numa", "node,memdev=m0,cpus=0",
               "-numa", "node,memdev=m1,cpus=1", memory="1280M")
    _, banks = bdinfo(con)
    assert banks == [[0x40000000, 512 << 20], [0x60000000, 768 << 20]]


def qemu_dtb(tmp_path, *mutations, machine="virt"):
    """QEMU's own DTB for virt, as dts text with replacements applied."""
    dtb = tmp_path / "virt.dtb"
    subprocess.run([QEMU, "-M", "%s,dumpdtb=%s" % (machine, dtb), "-cpu", "cortex-a57",
                    "-m", "1G", "-nic", "none", "-display", "none"],
                   check=True, capture_output=True)
    dts = subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dts", str(dtb)],
                         check=True, capture_output=True, text=True).stdout
    for old, new in mutations:
        assert old in dts
        dts = dts.replace(old, new)
    return dts


def compile_dts(tmp_path, dts, *dtc_args):
    src, out = tmp_path / "t.dts", tmp_path / "t.dtb"
    src.write_text(dts)
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", str(out),
                    *dtc_args, str(src)], check=True)
    return str(out)


def big_dtb(tmp_path, filler_bytes):
    """QEMU's tree with a filler property of that many bytes."""
    blob = tmp_path / "filler.bin"
    blob.write_bytes(bytes(filler_bytes))
    dts = qemu_dtb(tmp_path).replace(
        "#size-cells = <0x02>;",
        '#size-cells = <0x02>;\n\tfiller = /incbin/("%s");' % blob, 1)
    return compile_dts(tmp_path, dts)


def test_oversized_dtb_falls_back(boot, tmp_path):
    # QEMU hands over whatever it is given; a tree using over 2 MiB is
    # refused.
    con = boot("-dtb", big_dtb(tmp_path, 3 << 20))
    assert re.search(r"dt: device tree at 0x40000000 uses \d+ bytes, more than 2 MiB", con.banner_text + con.output)
    assert "no usable device tree" in con.output
    assert "using the PL011 at 0x9000000" in con.output
    assert con.run_ok("echo shell works") == ["shell works"]
    assert "no device tree" in con.run_fail("fdt print /chosen")[0]


@pytest.mark.parametrize("filler", [1 << 20, 1900 << 10])
def test_big_dtb_is_used(boot, tmp_path, filler):
    # QEMU pads a -dtb to twice its size: a 1 MiB tree arrives with a
    # totalsize over 2 MiB, and one too big for the heap is used in place.
    con = boot("-dtb", big_dtb(tmp_path, filler), "-m", "2G")
    assert "no usable device tree" not in con.output
    assert ("used in place" in con.output) == (filler > 1 << 20)
    assert int(bdinfo(con)[0]["memsize"], 16) == 2 << 30
    size = [l for l in con.run_ok("fdt get size s / filler; echo $s")][-1]
    assert int(size, 16) == filler
    con.run_ok("fwcfg ls")


def test_dtb_without_console_falls_back(boot, tmp_path):
    dts = qemu_dtb(tmp_path, ('stdout-path = "/pl011@9000000"', 'stdout-path = "/nowhere"'))
    con = boot("-dtb", compile_dts(tmp_path, dts))
    assert "no console from /chosen/stdout-path" in con.output
    assert con.run_ok("echo hello") == ["hello"]


def test_dtb_with_broken_reg(boot, tmp_path):
    # The console node's reg is one cell short: the driver says so and the
    # board's fallback UART takes over.
    dts = qemu_dtb(tmp_path, ("reg = <0x00 0x9000000 0x00 0x1000>;", "reg = <0x00 0x9000000 0x00>;"))
    con = boot("-dtb", compile_dts(tmp_path, dts))
    assert "pl011@9000000: pl011 probe failed" in con.output
    assert con.run_ok("echo hello") == ["hello"]


@pytest.mark.requires("CMD_FDT")
def test_fdt_print_list_get(console):
    lines = console.run_ok("fdt print /chosen")
    assert lines[0] == "chosen {"
    assert '\tstdout-path = "/pl011@9000000";' in lines
    assert lines[-1] == "};"
    lines = console.run_ok("fdt list /")
    assert lines[0] == "/ {"
    assert '\tcompatible = "linux,dummy-virt";' in lines
    assert "\tchosen {" in lines and "\t};" in lines
    assert not any(l.startswith("\t\t") for l in lines)     # one level only
    # '#' starts a comment, as in hush: quote the name
    assert console.run_ok("fdt print / '#address-cells'") == ["#address-cells = <0x00000002>"]
    console.run_ok("fdt get value cons /chosen stdout-path")
    assert console.run_ok("echo $cons") == ["/pl011@9000000"]
    console.run_ok("fdt get value reg /pl011@9000000 reg 1")
    assert console.run_ok("echo $reg") == ["0x9000000"]
    assert "FDT_ERR_NOTFOUND" in console.run_fail("fdt print /nonexistent")[0]
    addr = console.run_ok("fdt addr")[0]
    assert re.match(r"The address of the fdt is 0x40[23][0-9a-f]{5}$", addr)
    assert console.run_ok("fdt header")[0] == "magic:\t\t\t0xd00dfeed"


@pytest.mark.requires("CMD_FDT")
def test_fdt_addr_switches_tree(console):
    console.run_ok("fdt addr 40000000")        # QEMU's original
    assert console.run_ok("fdt addr") == ["The address of the fdt is 0x40000000"]
    assert "dummy-virt" in "\n".join(console.run_ok("fdt list /"))
    assert "no valid device tree" in console.run_fail("fdt addr 48000000")[0]


def fdt_bytes(version, strings_size, prop_len):
    """A tree of a root node holding one property named "x" (the smallest
    trees the fuzzer's finds were cut down to)."""
    struct_block = struct.pack(">IIIII", 1, 0, 3, prop_len, 0) + \
        struct.pack(">II", 2, 9)
    hdr = struct.pack(">10I", 0xd00dfeed, 86, 56, 84, 40, version,
                      min(version, 16), 0, strings_size, len(struct_block))
    return hdr + bytes(16) + struct_block + b"x\0"


@pytest.mark.requires("CMD_FDT", "CMD_BOOTI", "CMD_FWCFG")
@pytest.mark.parametrize("kind,words", [
    ("looping", "a property length loops back"),
    ("v16", "is version 16, older than 17")])
def test_malformed_tree_refused(boot, tmp_path, kind, words):
    """Trees that hang or fool Debian's libfdt 1.6.1 are refused by fdt
    addr and booti at once, with the reason."""
    tree = fdt_bytes(17, 2, 0xfffffff4) if kind == "looping" else \
        fdt_bytes(16, 0, 0)
    path = tmp_path / kind
    path.write_bytes(tree)
    c = boot("-fw_cfg", "name=opt/tree,file=%s" % path)
    c.run_ok("fwcfg load opt/tree 48000000")
    assert words in "\n".join(c.run_fail("fdt addr 48000000"))
    assert words in "\n".join(c.run_fail("booti -n 44000000 - 48000000"))
    assert c.run_ok("fdt addr")[0].startswith("The address of the fdt is 0x402")


@pytest.mark.requires("CMD_SLEEP")
def test_sleep(console):
    # Host time from the command sent to the prompt back: a lower bound
    # only (a busy host can only make it longer).
    start = time.monotonic()
    console.run_ok("sleep 0.1")
    assert time.monotonic() - start >= 0.1
    assert console.run_fail("sleep x") == ["sleep: bad number 'x'"]
    assert console.run_fail("sleep 1.x") == ["sleep: bad number '1.x'"]
    console.send("sleep 100\r")
    console.send("\x03")
    console.read_prompt(timeout=10)
    assert console.status() != 0


def bootstage_table(lines):
    """bootstage output as [(ms, delta_ms or None, name)], "now" last."""
    assert lines[0] == "Boot stages (ms since reset, delta):", lines
    rows = []
    for line in lines[1:]:
        if not line:
            continue
        m = re.match(r"^ *(\d+\.\d{3})  +(?:(\d+\.\d{3})  )?(\S.*)$", line)
        assert m, line
        rows.append((float(m.group(1)),
                     float(m.group(2)) if m.group(2) else None, m.group(3)))
    return rows


def _timer_rounds_the_frequency():
    """The bug the next test exposes, recognised in arch/arm64/timer.c."""
    try:
        with open(os.path.join(ROOT, "arch", "arm64", "timer.c")) as f:
            return "timer_freq() / 1000000" in f.read()
    except OSError:
        return False


@pytest.mark.requires("CMD_SLEEP")
@pytest.mark.xfail(_timer_rounds_the_frequency(), strict=True,
                   reason="timer_us() divides CNTFRQ by 1000000 first: "
                   "62500000 / 1000000 is 62, not 62.5, so every microsecond "
                   "delay (sleep, the autoboot countdown, the fw_cfg DMA "
                   "timeout) is 0.8% short")
def test_sleep_keeps_time(console):
    """sleep 3, measured by the loader's own generic counter (bootstage's
    "now", ticks converted without rounding the frequency): at least
    3000 ms, whatever the host's load (it can only add)."""
    # One line: no round trip through the host between the readings.
    lines = console.run_ok("bootstage; sleep 3; bootstage", timeout=30)
    nows = [float(l.split()[0]) for l in lines if l.endswith("  now")]
    assert len(nows) == 2, lines
    assert nows[1] - nows[0] >= 3000.0, nows


def test_bootstage_table(console):
    """The stages in the init list's order, ms since reset non-decreasing,
    each delta the difference from the row above; "now" last, later than
    all, and moving on between two calls."""
    rows = bootstage_table(console.run_ok("bootstage"))
    names = [name for _, _, name in rows]
    assert names[-1] == "now" and rows[-1][1] is None
    # Reset's two marks, then the init list's stages in its order, read
    # from board/qemu-virt/board.c; the driver core marks "console" just
    # before the probe step ends.
    with open(os.path.join(ROOT, "board", "qemu-virt", "board.c")) as f:
        board = f.read()
    table = board[board.index("init_sequence[] = {"):]
    stages = re.findall(r'\{\s*\w+,\s*"([^"]+)"\s*\}', table[:table.index("};")])
    assert "drivers probed" in stages and "autoboot stopped" in stages
    assert [n for n in names[:-1] if n != "console"] == ["entry", "mmu on"] + stages
    assert names[names.index("console") + 1] == "drivers probed"
    ms = [t for t, _, _ in rows]
    assert ms == sorted(ms), rows
    assert ms[0] > 0
    prev = 0.0
    for t, delta, name in rows[:-1]:
        assert abs(delta - (t - prev)) <= 0.0015, (name, t, delta, prev)
        prev = t
    # "bootstage report" is the same table; time has moved on since.
    again = bootstage_table(console.run_ok("bootstage report"))
    assert again[:-1] == rows[:-1]
    assert again[-1][0] >= rows[-1][0]
    assert console.run_fail("bootstage frob")[0] == "Usage:"


@pytest.mark.requires("CMD_FDT")
def test_fdt_get_size(console):
    """fdt get size VAR path: the number of subnodes; with a property: its
    length in bytes (U-Boot's meaning); hexadecimal, as U-Boot's numbers."""
    lines = console.run_ok("fdt list /")
    subnodes = [l for l in lines if re.match(r"^\t\S.* \{$", l)]
    console.run_ok("fdt get size n /")
    assert int(console.run_ok("echo $n")[0], 16) == len(subnodes) > 30
    console.run_ok("fdt get size n /psci")
    assert console.run_ok("echo $n") == ["0"]
    console.run_ok("fdt get value path /chosen stdout-path")
    path = console.run_ok("echo $path")[0]
    console.run_ok("fdt get size p /chosen stdout-path")
    assert int(console.run_ok("echo $p")[0], 16) == len(path) + 1   # its NUL
    console.run_ok("fdt get size r /memory@40000000 reg")
    assert console.run_ok("echo $r") == ["10"]          # 2 + 2 cells
    console.run_fail("fdt get size x /chosen no-such-property")
    console.run_fail("fdt get size x /no-such-node")


@pytest.mark.requires("CMD_POWER")
@pytest.mark.parametrize("machine", ["virt", "virt,virtualization=on"])
def test_reset(boot, machine):
    con = boot(machine=machine)
    con.send("reset\r")
    con.wait_prompt()                  # the banner again, then the prompt
    assert con.banners == 2
    assert con.run_ok("echo back") == ["back"]


@pytest.mark.requires("CMD_POWER")
def test_poweroff(console):
    console.send("poweroff\r")
    assert console.wait_exit(timeout=10) == 0


@pytest.mark.requires("CMD_POWER", "POWER_GPIO")
def test_el3_reset_and_poweroff_through_gpio(boot):
    # At EL3 there is no PSCI below the firmware: QEMU's secure GPIO lines
    # (secure-status = "okay") reset and power the machine off.
    con = boot("-smp", "2", machine="virt,secure=on")
    con.send("reset\r")
    con.wait_prompt()
    assert con.banners == 2
    con.send("poweroff\r")
    assert con.wait_exit(timeout=10) == 0


@pytest.mark.requires("CMD_POWER")
def test_poweroff_without_a_way(boot, tmp_path):
    # QEMU puts /psci back into any -dtb unless the firmware is at EL3:
    # there, take the gpio-poweroff line away.
    dts = qemu_dtb(tmp_path, ('compatible = "gpio-poweroff";', 'compatible = "none";'),
                   machine="virt,secure=on")
    con = boot("-dtb", compile_dts(tmp_path, dts), machine="virt,secure=on")
    out = con.run_fail("poweroff")
    assert out == ["poweroff: nothing can power this machine off (no /psci and no gpio-poweroff in the device tree)"]


def test_32bit_cpu_gets_a_message(boot):
    # QEMU's virt defaults to a 32-bit Cortex-A15 when -cpu is left out.
    con = boot(cpu="cortex-a15", prompt=False)
    con.expect(r"virtboot is 64-bit \(AArch64\) firmware .* -cpu cortex-a57", timeout=10)

