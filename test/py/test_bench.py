# SPDX-License-Identifier: MIT
"""make bench, once with one round: it runs and prints its table (the
figures themselves are never pass/fail)."""
import os
import subprocess
import sys

import pytest

from conftest import BUILD, ROOT

pytestmark = pytest.mark.linux


def test_bench_smoke():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench.py"),
                        "--build", BUILD, "--rounds", "1"],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout
    for row in ("direct -kernel", "virtboot / direct (paired)",
                "QEMU start to the => prompt", "null firmware",
                "kernel load from fw_cfg", "virtboot.bin:"):
        assert row in out, out
