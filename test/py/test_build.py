# SPDX-License-Identifier: MIT
"""The build: make O=dir with a defconfig, savedefconfig, the size budget."""
import os
import re
import subprocess

import pytest

from conftest import BUILD, ROOT, link_table


def make(*args, check=True):
    return subprocess.run(["make", "--no-print-directory", "-C", ROOT, *args],
                          capture_output=True, text=True, check=check)


def size_limit():
    """The image size the build allows (SIZE_LIMIT in the Makefile)."""
    with open(os.path.join(ROOT, "Makefile")) as f:
        m = re.search(r"(?m)^SIZE_LIMIT\s*:?=\s*(\d+)\s*$", f.read())
    assert m, "no SIZE_LIMIT in the Makefile"
    return int(m.group(1))


BUDGET = 256 * 1024     # the image with every default feature


def test_size_limit_is_the_budget():
    assert size_limit() == BUDGET


@pytest.fixture(scope="module")
def outdir(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("build"))
    make("O=" + out, "qemu_virt_defconfig")
    make("O=" + out, "-j2")
    return out


def test_out_of_tree_build(outdir):
    for name in ("virtboot.bin", "virtboot.elf", ".config",
                 "include/generated/autoconf.h"):
        assert os.path.getsize(os.path.join(outdir, name)) > 0
    size = os.path.getsize(os.path.join(outdir, "virtboot.bin"))
    assert size <= size_limit()
    with open(os.path.join(outdir, "virtboot.bin"), "rb") as f:
        first, second = (int.from_bytes(f.read(4), "little") for _ in range(2))
    assert first >> 24 == 0xea      # A64 ands / A32 b: the reset vector
    assert second == 0xd5034fdf     # msr daifset, #0xf


def test_savedefconfig_round_trip(outdir):
    make("O=" + outdir, "savedefconfig")
    saved = os.path.join(outdir, "defconfig")
    with open(os.path.join(outdir, ".config")) as f:
        before = f.read()
    other = outdir + "-again"
    os.makedirs(other, exist_ok=True)
    subprocess.run(["cp", saved, os.path.join(ROOT, "configs", "roundtrip_test_defconfig")], check=True)
    try:
        make("O=" + other, "roundtrip_test_defconfig")
    finally:
        os.unlink(os.path.join(ROOT, "configs", "roundtrip_test_defconfig"))
    with open(os.path.join(other, ".config")) as f:
        assert f.read() == before


def test_size_budget_fails_the_build(outdir):
    os.utime(os.path.join(outdir, "virtboot.elf"))
    r = make("O=" + outdir, "SIZE_LIMIT=4096", check=False)
    assert r.returncode != 0
    assert "over the 4096-byte budget" in r.stderr
    assert not os.path.exists(os.path.join(outdir, "virtboot.bin"))
    make("O=" + outdir)          # and back within budget
    assert os.path.exists(os.path.join(outdir, "virtboot.bin"))


def test_features_can_be_left_out(tmp_path):
    # Kconfig picks whole files: a build without these must still link.
    name = "features_off_test_defconfig"
    path = os.path.join(ROOT, "configs", name)
    with open(path, "w") as f:
        for opt in ("FW_CFG", "VIDEO_RAMFB", "GPIO", "CMD_FDT", "CMD_MEMORY",
                    "CMD_BOOTI", "CMD_BOOTFW", "CMD_POWER", "SERIAL_PL011"):
            f.write("# CONFIG_%s is not set\n" % opt)
    try:
        make("O=%s" % tmp_path, name)
    finally:
        os.unlink(path)
    make("O=%s" % tmp_path, "-j2")
    with open(tmp_path / ".config") as f:
        config = f.read()
    assert "# CONFIG_FW_CFG is not set" in config
    symbols = open(tmp_path / "virtboot.map").read()
    assert "fw_cfg_read" not in symbols and "do_md" not in symbols


def test_image_within_the_makefile_limit():
    """The image under test is within the limit the build enforces."""
    size = os.path.getsize(os.path.join(BUILD, "virtboot.bin"))
    assert 0 < size <= size_limit()


@pytest.mark.parametrize("kind", ["commands", "drivers"])
def test_registration_tables_in_the_link(kind):
    """COMMAND()/DRIVER() entries, as the linker laid them out in the
    binary under test: every one between __<kind>_start and __<kind>_end,
    back to back (the core walks them as one array), sorted by name."""
    start, end, entries = link_table(kind)
    assert entries, "no .%s.* sections in the map" % kind
    assert start % 8 == 0
    assert start == entries[0][1]
    size = entries[0][2]            # sizeof(struct command/driver)
    assert size % 8 == 0
    for (_, addr, n), (name, nxt, _) in zip(entries, entries[1:]):
        assert n == size and addr + n == nxt, (name, hex(addr), hex(nxt))
    assert entries[-1][1] + entries[-1][2] == end
    assert (end - start) // size == len(entries)
    names = [name for name, _, _ in entries]
    assert names == sorted(names) and len(set(names)) == len(names)
