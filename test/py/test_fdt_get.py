# SPDX-License-Identifier: MIT
"""fdt get value: whole cell arrays, and indexes U-Boot would refuse."""
import pytest

pytestmark = pytest.mark.requires("CMD_FDT")


@pytest.mark.qemu_args("-smp", "4")
def test_long_cell_array_whole(console):
    # /cpus/cpu-map or the GIC's interrupts: pick a long property.
    console.run_ok("fdt get size n /intc reg")
    console.run_ok("fdt get value v /intc reg")
    cells = console.run_ok("echo $v")[0].split()
    size = int(console.run_ok("echo $n")[0], 16)
    assert len(cells) == size // 4
    # /timer interrupts: 12 cells; a cell array longer than 256 bytes
    # of text is kept whole (the PCI interrupt-map has hundreds).
    console.run_ok("fdt get size n /pcie@10000000 interrupt-map")
    n = int(console.run_ok("echo $n")[0], 16) // 4
    console.run_ok("fdt get value v /pcie@10000000 interrupt-map")
    cells = console.run_ok("echo $v")[0].split()
    assert len(cells) == n > 100
    console.run_ok("fdt get value last /pcie@10000000 interrupt-map %d"
                   % (n - 1))
    assert console.run_ok("echo $last") == [cells[-1]]


@pytest.mark.parametrize("index", ["4294967297", "-1", "x", "1x"])
def test_bad_index_refused(console, index):
    lines = console.run_fail("fdt get value v /timer interrupts " + index)
    assert len(lines) == 1 and lines[0].startswith("fdt: "), lines
    assert console.run_fail("printenv v")


def test_index_past_the_end(console):
    lines = console.run_fail("fdt get value v /timer interrupts 12")
    assert lines == ["fdt: interrupts has 12 cells, no cell 12"]
    console.run_ok("fdt get value v /timer interrupts 11")
