# SPDX-License-Identifier: MIT
# The extlinux.conf parser's fuzz target, for test/fuzz/Makefile to
# include. Seeds: corpus/extlinux/.
SRCS_extlinux := boot/extlinux.c
