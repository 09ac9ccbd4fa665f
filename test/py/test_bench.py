# SPDX-License-Identifier: MIT
"""make bench, once with one round: it runs, and every figure it prints is
a number in a sane range that agrees with the others and with the files on
disk (the figures' size is never pass/fail: the budget is for humans)."""
import math
import os
import re
import subprocess
import sys

import pytest

from conftest import BUILD, ROOT

pytestmark = pytest.mark.linux

NUM = r"(-?\d+\.\d+)"


def row(out, label, pattern):
    """The numbers on the line that starts (after blanks) with label."""
    m = re.search(r"(?m)^ *" + re.escape(label) + r" +" + pattern + r"$", out)
    assert m, "no '%s' row in:\n%s" % (label, out)
    return [g if not re.fullmatch(r"-?\d+(\.\d+)?", g) else
            float(g) if "." in g else int(g) for g in m.groups()]


def test_bench_smoke():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench.py"),
                        "--build", BUILD, "--rounds", "1"],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout

    # Every median/min/max row, whatever it measures: min <= median <=
    # max, and times (in s) positive and finite.
    rows = re.findall(r"(?m)^ *(\S.*?) +(-?\d+\.\d+) +(-?\d+\.\d+) +(-?\d+\.\d+)( s)?$", out)
    assert len(rows) >= 5, out
    for label, med, lo, hi, unit in rows:
        med, lo, hi = float(med), float(lo), float(hi)
        assert lo <= med <= hi, label
        assert all(math.isfinite(v) and v > 0 for v in (med, lo, hi)), label

    kernel = os.path.join(BUILD, "demo", "Image")
    ksize, isize, rounds = row(out, "kernel", r"\S+ \((\d+) bytes\), initramfs (\d+) bytes, "
                               r"(\d+) rounds, .*")
    assert ksize == os.path.getsize(kernel)
    assert isize > 0 and rounds == 1

    # median, min, max of one round: the same figure thrice, in seconds
    # QEMU takes to boot Linux to a powered-off /init (well under the
    # bench's own 180 s time-out).
    times = {}
    for label in ("direct -kernel", "virtboot"):
        med, lo, hi = row(out, label, " +".join([NUM] * 3) + " s")
        assert lo <= med <= hi and lo == hi
        assert 0.05 < med < 180, (label, med)
        times[label] = med
    med, lo, hi = row(out, "virtboot / direct (paired)", " +".join([NUM] * 3))
    assert lo <= med <= hi
    assert math.isfinite(med) and med > 0
    # One round: the paired ratio is the ratio of the two times (each
    # printed to the millisecond).
    assert med == pytest.approx(times["virtboot"] / times["direct -kernel"], abs=0.002)

    prompt = row(out, "QEMU start to the => prompt (bootdelay=-1)", " +".join([NUM] * 3) + " s")
    null = row(out, "QEMU start to exit, null firmware (QEMU alone)", " +".join([NUM] * 3) + " s")
    for med, lo, hi in (prompt, null):
        assert 0 < lo <= med <= hi < 60
    # The prompt comes before Linux would.
    assert prompt[0] < times["virtboot"]
    above, = row(out, "prompt above QEMU's own start-up (median)", NUM + " s")
    assert above == pytest.approx(prompt[0] - null[0], abs=0.0015)

    # The kernel load, from virtboot's boot-stage table: the whole Image.
    ms, loaded, mbs = row(out, "kernel load from fw_cfg (boot-stage table)",
                          r"(\d+\.\d) ms for (\d+) bytes, (\d+) MB/s \(median\)")
    assert loaded == ksize
    assert ms > 0 and mbs > 0
    # MB/s is bytes per microsecond of the loader's own timing.
    assert mbs == pytest.approx(loaded / (ms * 1000), rel=0.02, abs=1)

    # The image: the file on disk, and the sections it is made of.
    total, kib, sections = row(out, "virtboot.bin:", r"(\d+) bytes \((\d+\.\d) KiB of the "
                               r"\d+ KiB budget\): (.*)")
    binary = os.path.join(BUILD, "virtboot.bin")
    assert total == os.path.getsize(binary)
    assert kib == pytest.approx(total / 1024, abs=0.051)
    sizes = dict((name, int(n)) for name, n in re.findall(r"(\.\w+) (\d+)", sections))
    assert set(sizes) == {".text", ".rodata", ".data", ".bss"}
    assert all(n > 0 for n in sizes.values())
    # The flat image is .text, .rodata and .data (.bss is zeroed in RAM),
    # with at most alignment padding between them.
    loaded_size = sizes[".text"] + sizes[".rodata"] + sizes[".data"]
    assert loaded_size <= total <= loaded_size + 256
