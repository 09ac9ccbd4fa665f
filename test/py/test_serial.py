# SPDX-License-Identifier: MIT
"""The serial console when the tree's stdout-path UART is not usable: the
loader says so, once, on the board's fallback PL011 and carries on there.
QEMU's own tree is dumped (-machine dumpdtb), edited with fdtput and given
back with -dtb."""
import re
import subprocess

import pytest

from conftest import dump_dtb, QEMU

UART = "/pl011@9000000"


def edited_dtb(tmp_path, options, *args):
    """QEMU's tree for our machine after fdtput OPTIONS DTB ARGS..."""
    dtb = dump_dtb(tmp_path)
    subprocess.run(["fdtput", *options, dtb, *args], check=True)
    return dtb


def test_console_uart_not_there(boot, tmp_path):
    """reg moved to an address in the PCIe window where no device answers
    (reads give all ones, writes vanish without a fault): everything used
    to go nowhere."""
    dtb = edited_dtb(tmp_path, ["-t", "x"], UART, "reg", "0", "1c090000", "0",
                     "1000")
    c = boot("-dtb", dtb, env=["bootdelay=-1"])
    text = c.banner_text + c.output
    msg = ("pl011: pl011@9000000: no PL011 at 0x1c090000 (PrimeCell ID "
           "0xffffffff, peripheral ID 0xffffffff)")
    assert text.count(msg) == 1
    assert "board: no console from /chosen/stdout-path: using the PL011 at 0x9000000" in text
    assert c.run_ok("echo still here") == ["still here"]


def test_console_probe_failure_said_once(boot, tmp_path):
    """The console's node is probed first; a failure there is not tried,
    and reported, a second time in the walk over the whole tree."""
    dtb = edited_dtb(tmp_path, ["-d"], UART, "reg")
    c = boot("-dtb", dtb, env=["bootdelay=-1"])
    text = c.banner_text + c.output
    assert len(re.findall(r"pl011@9000000: pl011 probe failed", text)) == 1
    assert "using the PL011 at 0x9000000" in text
    assert c.run_ok("echo still here") == ["still here"]
