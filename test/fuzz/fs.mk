# SPDX-License-Identifier: MIT
# The partition and filesystem fuzz targets, for test/fuzz/Makefile to
# include. Seeds: corpus/{part,fat,ext4}/, made by mkcorpus_fs.sh.
FS_FUZZ_SRCS := fs/blk.c fs/unicode.c fs/part.c fs/part_dos.c \
	fs/part_efi.c fs/fs.c fs/fat.c fs/ext4.c lib/crc32.c
SRCS_part := $(FS_FUZZ_SRCS)
SRCS_fat  := $(FS_FUZZ_SRCS)
SRCS_ext4 := $(FS_FUZZ_SRCS)
