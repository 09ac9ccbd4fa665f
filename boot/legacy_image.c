// SPDX-License-Identifier: MIT
/*
 * legacy_image.c - check U-Boot's legacy image format (the 64-byte
 * big-endian header mkimage writes by default, and the file-length
 * table of multi-file and script images) and find a script in it;
 * every length is checked against the bytes there.
 */
#include <crc32.h>
#include <errno.h>
#include <legacy_image.h>
#include <stdio.h>
#include <string.h>

/* Byte offsets in the header */
#define IH_MAGIC	0
#define IH_HCRC		4
#define IH_SIZE		12
#define IH_LOAD		16
#define IH_EP		20
#define IH_DCRC		24
#define IH_OS		28
#define IH_ARCH		29
#define IH_TYPE		30
#define IH_COMP		31
#define IH_NAME		32

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

bool legacy_is_image(const void *buf, size_t len)
{
	return len >= 4 && get_be32(buf) == LEGACY_MAGIC;
}

int legacy_image_parse(const void *buf, size_t len, struct legacy_image *img,
		       const char **why)
{
	uint8_t hdr[LEGACY_HDR_SIZE];
	const uint8_t *b = buf;

	memset(img, 0, sizeof(*img));
	*why = NULL;
	if (!legacy_is_image(buf, len)) {
		*why = "Bad magic number";
		return -ENOEXEC;
	}
	if (len < LEGACY_HDR_SIZE) {
		*why = "Truncated header";
		return -ENODATA;
	}
	/* The header CRC is taken with its own field zeroed. */
	memcpy(hdr, b, sizeof(hdr));
	memset(hdr + IH_HCRC, 0, 4);
	if (crc32(0, hdr, sizeof(hdr)) != get_be32(b + IH_HCRC)) {
		*why = "Bad header crc";
		return -EBADMSG;
	}
	img->size = get_be32(b + IH_SIZE);
	img->load = get_be32(b + IH_LOAD);
	img->ep = get_be32(b + IH_EP);
	img->os = b[IH_OS];
	img->arch = b[IH_ARCH];
	img->type = b[IH_TYPE];
	img->comp = b[IH_COMP];
	memcpy(img->name, b + IH_NAME, LEGACY_NAME_LEN);
	img->name[LEGACY_NAME_LEN] = '\0';
	if (img->size > len - LEGACY_HDR_SIZE) {
		*why = "Truncated image: the data runs past the end";
		return -ENODATA;
	}
	img->data = b + LEGACY_HDR_SIZE;
	if (crc32(0, img->data, img->size) != get_be32(b + IH_DCRC)) {
		*why = "Bad data crc";
		return -EBADMSG;
	}
	return 0;
}

int legacy_image_script(const struct legacy_image *img, const char **script,
			size_t *len, const char **why)
{
	uint64_t table, files = 0, n;
	uint32_t i, count;

	*script = NULL;
	*len = 0;
	if (img->type != LEGACY_TYPE_SCRIPT) {
		*why = "Bad image type";
		return -ENOEXEC;
	}
	if (img->comp != LEGACY_COMP_NONE) {
		*why = "Compressed scripts are not supported";
		return -ENOTSUP;
	}
	/* The table: be32 lengths up to a zero, all inside the data. */
	for (count = 0;; count++) {
		if ((uint64_t)(count + 1) * 4 > img->size) {
			*why = "Bad script: the length table has no end";
			return -EBADMSG;
		}
		if (!get_be32(img->data + count * 4))
			break;
	}
	if (!count) {
		*why = "Empty Script";
		return -ENODATA;
	}
	table = (uint64_t)(count + 1) * 4;
	/* Every file padded to 4 bytes but the last. */
	for (i = 0; i < count; i++) {
		n = get_be32(img->data + i * 4);
		files += i + 1 < count ? (n + 3) & ~3ULL : n;
	}
	if (files > img->size - table) {
		*why = "Bad script: a file runs past the image data";
		return -EBADMSG;
	}
	*script = (const char *)img->data + table;
	*len = get_be32(img->data);
	return 0;
}

static const char *type_name(uint8_t type)
{
	switch (type) {
	case LEGACY_TYPE_KERNEL: return "Kernel Image";
	case LEGACY_TYPE_RAMDISK: return "RAMDisk Image";
	case LEGACY_TYPE_MULTI: return "Multi-File Image";
	case LEGACY_TYPE_SCRIPT: return "Script File";
	case LEGACY_TYPE_FLATDT: return "Flat Device Tree";
	case LEGACY_TYPE_KERNEL_NOLOAD: return "Kernel Image (no loading done)";
	default: return "Unknown Image";
	}
}

void legacy_image_print(const struct legacy_image *img)
{
	printf("   Image Name:   %s\n", img->name);
	printf("   Image Type:   %s %s %s (%s)\n",
	       img->arch == LEGACY_ARCH_ARM64 ? "AArch64" : "Unknown Architecture",
	       img->os == LEGACY_OS_LINUX ? "Linux" : "Unknown OS",
	       type_name(img->type),
	       img->comp == LEGACY_COMP_NONE ? "uncompressed" :
	       img->comp == LEGACY_COMP_GZIP ? "gzip compressed" :
	       "unknown compression");
	printf("   Data Size:    %u Bytes = %u KiB\n", img->size,
	       img->size >> 10);
	printf("   Load Address: %08x\n", img->load);
	printf("   Entry Point:  %08x\n", img->ep);
}
