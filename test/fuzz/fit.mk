# SPDX-License-Identifier: MIT
# The FIT fuzz target, for test/fuzz/Makefile to include. Seeds:
# corpus/fit/, FITs made by Debian's mkimage (test/unit/mkfit.sh).
SRCS_fit := boot/fit.c boot/fit_sig.c lib/hash.c lib/crc32.c lib/dt.c \
	test/unit/stub_fit.c
LIBS_fit := -lfdt -lbearssl -DCONFIG_FW_CFG=1
