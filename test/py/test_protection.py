# SPDX-License-Identifier: MIT
"""Hardening of the arm64 core: exact time, recovery from a fault on every
command path (repeats, driver probes, a kernel that faults at once), the
stack canary, guard pages and page 0, W^X."""
import os
import re
import subprocess
import time

import pytest

from conftest import BUILD, dump_dtb, QEMU

ELF = os.path.join(BUILD, "virtboot.elf")
CROSS = os.environ.get("CROSS_COMPILE", "aarch64-linux-gnu-")
FAULT = r'"Synchronous Abort" handler'


def symbol(name):
    """The address of a symbol of virtboot.elf."""
    out = subprocess.run([CROSS + "nm", ELF], check=True, capture_output=True,
                         text=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and f[2] == name:
            return int(f[0], 16)
    raise AssertionError("no symbol " + name)


def faults(console, cmd, what):
    """cmd gives an exception report naming what, then the prompt, and
    fails; the shell still works after it."""
    out = "\n".join(console.run(cmd, allow=("exception",)))
    assert re.search(FAULT, out), out
    assert what in out, out
    assert "Command aborted: back to the prompt." in out
    assert console.status() == 1
    assert console.run_ok("echo still here") == ["still here"]
    return out


# --- 1. time -----------------------------------------------------------------

def test_sleep_lasts_at_least_its_time(console):
    """At QEMU's 62.5 MHz a /62 conversion made sleep 5 last 4.96 s. The
    clock starts once the command has reached QEMU (send() returns after
    the write) and stops at the prompt: a lower bound only."""
    console.send("sleep 5\r")
    start = time.monotonic()
    console.read_prompt(timeout=30)
    assert time.monotonic() - start >= 5.0
    assert console.status() == 0


def test_sleep_refuses_overflow(console):
    out = console.run_fail("sleep 99999999999999999999")
    assert out == ["sleep: 99999999999999999999 seconds is too long (at most 100000000)"]
    out = console.run_fail("sleep 100000001.5")
    assert out == ["sleep: 100000001.5 seconds is too long (at most 100000000)"]
    assert console.run_fail("sleep 1.x") == ["sleep: bad number '1.x'"]


# --- 2. every command path recovers ------------------------------------------

def test_md_repeat_past_ram_recovers(console):
    """The repeat of md on an empty line runs guarded like the command: on
    a 1 GiB machine the next block, 0x80000000, is past RAM."""
    out = console.run("md 7fffffc0 10")     # not run_ok: no echo $? between
    assert out[0].startswith("7fffffc0:")
    out = "\n".join(console.run("", allow=("exception",)))
    assert re.search(FAULT, out), out
    assert "far: 0000000080000000" in out
    assert "Command aborted: back to the prompt." in out
    # A failed repeat is not repeated again.
    assert console.run("") == []
    assert console.status() == 1
    assert console.run_ok("md.b 40000000 4")[0].startswith("40000000: d0 0d fe ed")


# --- 3. a faulting probe disables its device -----------------------------------

def test_probe_fault_disables_device(boot, tmp_path):
    """fw_cfg's reg pointing at nothing (0x9120000): the probe's external
    abort costs that device only; one line says so, the boot goes on."""
    dtb = dump_dtb(tmp_path)
    subprocess.run(["fdtput", "-t", "x", dtb, "/fw-cfg@9020000", "reg",
                    "0", "9120000", "0", "18"], check=True)
    c = boot("-dtb", dtb)
    text = c.banner_text + c.output
    lines = [l for l in text.splitlines() if "probe faulted" in l]
    assert len(lines) == 1, text
    assert re.match(r"dm: fw-cfg@9020000: fw_cfg probe faulted \(data abort, "
                    r"external abort.* at 0x9120\w+, pc 0x\w+\): device disabled",
                    lines[0].strip()), lines[0]
    c.check(c.output, allow=("banner",))   # no exception dump, no panic
    assert "no fw_cfg device" in "\n".join(c.run_fail("fwcfg ls"))
    assert c.run_ok("echo ok") == ["ok"]


# --- 4. a kernel that faults gives back what it was given ----------------------

# An arm64 Image header whose first instruction (code0) is UDF #0:
# text_offset 0, image_size 64 KiB, little-endian, magic "ARM\x64".
GARBAGE = 0x48000000


def write_garbage_kernel(console):
    console.run_ok("mw.l %x 0 4000" % GARBAGE)              # 64 KiB of UDF
    console.run_ok("mw.l %x 10000" % (GARBAGE + 16))        # image_size
    console.run_ok("mw.l %x 644d5241" % (GARBAGE + 56))     # magic


# From EL3 the kernel runs at non-secure EL1 (no EL2) or EL2, and its
# exception comes back to EL3 through the vectors linux.S gave it.
@pytest.mark.parametrize("machine", ["virt", "virt,virtualization=on",
                                     "virt,secure=on",
                                     "virt,secure=on,virtualization=on"])
def test_faulting_kernel_returns_reservations(boot, machine):
    console = boot(machine=machine)
    write_garbage_kernel(console)
    for i in range(32):
        out = "\n".join(console.run("booti %x - " % GARBAGE, allow=("exception",)))
        assert "Starting kernel" in out, (i, out)
        assert re.search(FAULT + r" \(current EL\), esr 0x02000000: unknown reason at EL[12]", out), (i, out)
        assert "elr: %016x" % GARBAGE in out, (i, out)
        assert "Command aborted: back to the prompt." in out
    # The allocator is as it was: the same placement still works.
    out = "\n".join(console.run_ok("booti -n %x -" % GARBAGE))
    assert "Dry run: not booting" in out
    assert "does not fit" not in out
    # The MMU is back on: page 0 is unmapped again, RAM is cached.
    faults(console, "md 0 4", "translation fault")
    console.run_ok("md.b %x 4" % GARBAGE)


@pytest.mark.parametrize("machine", ["virt", "virt,secure=on"])
def test_exception_entry_survives_bad_sp(boot, machine):
    """A kernel that zeroes its stack pointer (mov sp, x1; x1 is 0 at the
    entry) and faults: the exception entry finds SP_ELx outside the
    exception stack, starts again from its top, and the loader recovers.
    (From EL3 the SMC back needs no stack: the report shows sp 0.)"""
    console = boot(machine=machine)
    write_garbage_kernel(console)
    console.run_ok("mw.l %x 9100003f" % GARBAGE)             # mov sp, x1
    for _ in range(3):
        out = "\n".join(console.run("booti %x - " % GARBAGE, allow=("exception",)))
        assert re.search(FAULT, out), out
        assert "elr: %016x" % (GARBAGE + 4) in out, out
        assert ("sp : lost (outside the exception stack at the entry)" in out
                or "sp : 0000000000000000" in out), out
        assert "Command aborted: back to the prompt." in out
    assert console.run_ok("echo ok") == ["ok"]
    faults(console, "md 0 4", "translation fault")


# --- 5. the stack canary --------------------------------------------------------

def test_stack_guard_is_seeded(boot):
    addr = symbol("__stack_chk_guard")
    values = []
    for _ in range(2):
        c = boot()
        out = c.run_ok("md.q %x 1" % addr)
        values.append(int(out[0].split()[1], 16))
        c.close()
    assert values[0] != 0 and values[1] != 0
    assert values[0] != values[1]


# --- 6. page 0 and the guard pages ----------------------------------------------

MACHINES = ["virt", "virt,virtualization=on", "virt,secure=on"]  # EL1, 2, 3


@pytest.mark.parametrize("machine", MACHINES)
def test_page0_unmapped(boot, machine):
    """Page 0 (the MMU-off code) is unmapped once the MMU is on: a null
    pointer or a jump to 0 faults instead of restarting the loader."""
    console = boot(machine=machine)
    faults(console, "md 0 4", "translation fault level 3, read")
    faults(console, "md.b ff8 10", "translation fault level 3, read")
    # Past page 0 the code is readable (the vectors are there).
    assert console.run_ok("md.l 1000 4")[0].startswith("00001000:")


@pytest.mark.parametrize("machine", MACHINES)
def test_stack_guard_page_faults(boot, machine):
    console = boot(machine=machine)
    for name in ("__stack_guard", "__exc_stack_guard"):
        addr = symbol(name)
        out = faults(console, "md.q %x 2" % addr, "translation fault level 3, read")
        assert "far: %016x" % addr in out
        # Writes never get that far: the memory commands refuse the
        # loader's own RAM before the first byte moves.
        addr += 0x1000 - 8
        out = console.run_fail("mw.q %x 0" % addr)
        assert len(out) == 1 and "overlaps virtboot" in out[0], out


# --- 7. W^X ---------------------------------------------------------------------

@pytest.mark.parametrize("machine", MACHINES)
def test_rodata_readable_code_readonly(boot, machine):
    console = boot(machine=machine)
    addr = symbol("__commands_start")
    assert console.run_ok("md.l %x 4" % addr)[0].startswith("%08x:" % addr)
    code = symbol("exception_vectors")
    faults(console, "mw.l %x 0" % code, "permission fault")


def pte(console, table, index):
    out = console.run_ok("md.q %x 1" % (symbol(table) + 8 * index))
    return int(out[0].split()[1], 16)


@pytest.mark.parametrize("machine,el", [("virt", 1), ("virt,virtualization=on", 2),
                                        ("virt,secure=on", 3)])
def test_page_attributes(boot, machine, el):
    """The translation tables, read back: page 0 and the guard pages
    invalid; code read-only executable, to the page where it ends (the
    constants begin there); the read-only data after it read-only
    execute-never; RAM execute-never; PXN only in the EL1&0 regime, AP[1]
    (RES1) only at EL2/EL3."""
    console = boot(machine=machine)
    ro, xn, pxn, ap1 = 1 << 7, 1 << 54, 1 << 53, 1 << 6
    text_end = symbol("__text_end")
    assert pte(console, "l3_flash", 0) == 0
    code = pte(console, "l3_flash", 1)
    assert pte(console, "l3_flash", (text_end - 1) // 4096) == code + \
        ((text_end - 1) // 4096 - 1) * 4096
    data = pte(console, "l3_flash", (text_end + 4095) // 4096)
    assert code & 3 == 3 and data & 3 == 3
    assert code & ro and data & ro
    assert not code & pxn
    assert bool(code & xn) == (el == 1)          # UXN at EL1, XN above
    assert data & xn
    assert bool(data & pxn) == (el == 1)
    ram_start = symbol("__ram_start")
    for name in ("__stack_guard", "__exc_stack_guard"):
        assert pte(console, "l3_ram", (symbol(name) - ram_start) // 4096) == 0
    stack = pte(console, "l3_ram", (symbol("__stack_bottom") - ram_start) // 4096)
    assert stack & 3 == 3 and not stack & ro and stack & xn
    assert bool(stack & pxn) == (el == 1)
    for e in (code, data, stack):
        assert bool(e & ap1) == (el != 1)


def test_elf_has_no_rwx_segment():
    out = subprocess.run([CROSS + "readelf", "-lW", ELF], check=True,
                         capture_output=True, text=True).stdout
    loads = [l.split() for l in out.splitlines() if l.strip().startswith("LOAD")]
    assert loads
    for f in loads:
        flags = "".join(f[7:-1])
        assert not ("W" in flags and "E" in flags), f
    text = [f for f in loads if "E" in "".join(f[7:-1])]
    assert len(text) == 1 and int(text[0][2], 16) == 0
