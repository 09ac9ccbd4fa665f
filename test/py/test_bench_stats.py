# SPDX-License-Identifier: MIT
"""The statistics of scripts/bench.py (no QEMU)."""
import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
import bench  # noqa: E402


def test_median():
    assert bench.median([3]) == 3
    assert bench.median([5, 1, 3]) == 3
    assert bench.median([4, 1, 3, 2]) == 2.5
    with pytest.raises(ValueError):
        bench.median([])


def test_paired_ratios():
    assert bench.paired_ratios([2.0, 3.0], [1.0, 2.0]) == [2.0, 1.5]
    with pytest.raises(ValueError):
        bench.paired_ratios([1.0], [1.0, 2.0])
    # the median of paired ratios is not the ratio of medians
    a, b = [1.0, 10.0, 10.0], [1.0, 5.0, 20.0]
    assert bench.median(bench.paired_ratios(a, b)) == 1.0
    assert bench.median(a) / bench.median(b) == 2.0


def test_summary():
    assert bench.summary([2, 9, 4]) == (4, 2, 9)
