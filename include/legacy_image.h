/* SPDX-License-Identifier: MIT */
/*
 * legacy_image.h - U-Boot's legacy image format (mkimage's default, as
 * "mkimage -A arm64 -T script -C none -d script.txt boot.scr" makes): a
 * 64-byte big-endian header with a CRC-32 of itself and of the data,
 * then, for multi-file and script images, a zero-terminated table of
 * big-endian file lengths and the files, each padded to 4 bytes.
 */
#ifndef LEGACY_IMAGE_H
#define LEGACY_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LEGACY_MAGIC		0x27051956
#define LEGACY_HDR_SIZE		64
#define LEGACY_NAME_LEN		32

/* ih_type values used here */
#define LEGACY_TYPE_KERNEL	2
#define LEGACY_TYPE_RAMDISK	3
#define LEGACY_TYPE_MULTI	4
#define LEGACY_TYPE_SCRIPT	6
/* ih_comp */
#define LEGACY_TYPE_FLATDT	8
#define LEGACY_TYPE_KERNEL_NOLOAD	14
#define LEGACY_COMP_NONE	0
#define LEGACY_COMP_GZIP	1
#define LEGACY_OS_LINUX		5
#define LEGACY_ARCH_ARM64	22

struct legacy_image {
	uint32_t size;		/* bytes of data after the header */
	uint32_t load, ep;
	uint8_t os, arch, type, comp;
	char name[LEGACY_NAME_LEN + 1];
	const uint8_t *data;
};

/* The magic number at buf (len bytes available). */
bool legacy_is_image(const void *buf, size_t len);

/*
 * Check the image in the len bytes at buf: the magic (-ENOEXEC, "Bad
 * magic number"), the header CRC (-EBADMSG, "Bad header crc"), the data
 * inside len (-ENODATA) and its CRC (-EBADMSG, "Bad data crc"). *why is
 * U-Boot's words for the failure.
 */
int legacy_image_parse(const void *buf, size_t len, struct legacy_image *img,
		       const char **why);

/*
 * The script in a checked image: its type must be script (-ENOEXEC,
 * "Bad image type"), uncompressed (-ENOTSUP), its length table
 * terminated inside the data and every file inside it (-EBADMSG), the
 * first file not empty (-ENODATA, "Empty Script"). *script and *len
 * give the first file.
 */
int legacy_image_script(const struct legacy_image *img, const char **script,
			size_t *len, const char **why);

/* U-Boot's listing of a checked header: name, type, size, addresses. */
void legacy_image_print(const struct legacy_image *img);

#endif
