// SPDX-License-Identifier: MIT
/*
 * image.c - parse the arm64 Image header (Linux Documentation/arch/arm64/
 * booting.rst) and name the usual wrong files (gzip, zImage, ELF, uImage).
 */
#include <errno.h>
#include <image.h>
#include <string.h>

/* Byte offsets in the 64-byte header; all fields little-endian. */
#define HDR_TEXT_OFFSET	8
#define HDR_IMAGE_SIZE	16
#define HDR_FLAGS	24
#define HDR_MAGIC	56

#define ZIMAGE_MAGIC_OFF 0x24		/* 32-bit ARM zImage */
#define ZIMAGE_MAGIC	0x016f2818

static uint64_t get_le(const uint8_t *p, int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static const char *what_is(const uint8_t *b, size_t len)
{
	if (len >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		return "gzip data (gunzip it first)";
	if (len >= 4 && !memcmp(b, "\x7f" "ELF", 4))
		return "an ELF file (vmlinux? use the Image)";
	if (len >= 4 && get_le(b, 4) == 0x56190527)
		return "a U-Boot legacy uImage";
	if (len >= 4 && !memcmp(b, "\xd0\x0d\xfe\xed", 4))
		return "a device tree blob";
	if (len >= ZIMAGE_MAGIC_OFF + 4 &&
	    get_le(b + ZIMAGE_MAGIC_OFF, 4) == ZIMAGE_MAGIC)
		return "a 32-bit ARM zImage";
	if (len >= 4 && (!memcmp(b, "BZh", 3) || !memcmp(b, "\xfd" "7zX", 4) ||
			 get_le(b, 4) == 0x184c2102 ||
			 get_le(b, 4) == 0xfd2fb528))
		return "compressed data (bzip2/xz/lz4/zstd: decompress it first)";
	if (len >= 2 && b[0] == 'M' && b[1] == 'Z')
		return "a PE/EFI file without the arm64 Image header";
	if (len < IMAGE_HEADER_SIZE)
		return "a truncated header";
	return "unknown data";
}

int image_parse(const void *buf, size_t len, uint64_t file_size,
		struct image_info *info, const char **why)
{
	const uint8_t *b = buf;
	uint64_t size;

	*why = NULL;
	if (len < IMAGE_HEADER_SIZE ||
	    get_le(b + HDR_MAGIC, 4) != IMAGE_MAGIC) {
		*why = what_is(b, len);
		return -ENOEXEC;
	}
	info->text_offset = get_le(b + HDR_TEXT_OFFSET, 8);
	size = get_le(b + HDR_IMAGE_SIZE, 8);
	info->flags = get_le(b + HDR_FLAGS, 8);
	if (!size) {
		/* Before Linux 3.17: no image_size, and text_offset is
		 * 0x80000 in the kernel's endianness (booting.rst). */
		info->text_offset = IMAGE_LEGACY_TEXT_OFFSET;
		info->flags = 0;
		size = file_size + IMAGE_LEGACY_SLACK;
	}
	if (info->flags & IMAGE_FLAG_BE) {
		*why = "a big-endian Image (this loader boots little-endian)";
		return -ENOEXEC;
	}
	if (info->text_offset >= (2UL << 20) || info->text_offset & 0xfff) {
		*why = "an Image with a bad text_offset";
		return -ENOEXEC;
	}
	if (size > IMAGE_SIZE_MAX || file_size > IMAGE_SIZE_MAX) {
		*why = "an Image with an impossible size (over 4 GiB)";
		return -ENOEXEC;
	}
	if (size < file_size)
		size = file_size;	/* never less than what is loaded */
	info->image_size = size;
	return 0;
}
