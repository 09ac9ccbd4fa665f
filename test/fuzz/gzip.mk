# SPDX-License-Identifier: MIT
# The gzip and legacy-image fuzz targets, for test/fuzz/Makefile to
# include. Seeds: corpus/{gunzip,legacy_image}/, made by mkcorpus_gzip.sh.
SRCS_gunzip       := lib/gunzip.c
LIBS_gunzip       := -lz
SRCS_legacy_image := boot/legacy_image.c lib/crc32.c
