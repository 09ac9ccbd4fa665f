/* SPDX-License-Identifier: MIT */
/*
 * image.h - the arm64 Linux Image header (Linux
 * Documentation/arch/arm64/booting.rst, "Call the kernel image"): where
 * the kernel wants to be placed and how much room it needs.
 */
#ifndef IMAGE_H
#define IMAGE_H

#include <stddef.h>
#include <stdint.h>

#define IMAGE_HEADER_SIZE	64
#define IMAGE_MAGIC		0x644d5241	/* "ARM\x64" at offset 56 */

/* flags */
#define IMAGE_FLAG_BE		(1 << 0)	/* kernel is big-endian */
#define IMAGE_FLAG_PAGE_SHIFT	1		/* bits 1-2: page size */
#define IMAGE_FLAG_PHYS_ANY	(1 << 3)	/* may go anywhere in RAM */

/* Old kernels (image_size 0) get this much room, as booting.rst asks
 * for text_offset 0x80000 and "at least" the file plus its BSS. */
#define IMAGE_LEGACY_TEXT_OFFSET 0x80000
#define IMAGE_LEGACY_SLACK	(16UL << 20)
/* No arm64 kernel needs more room than this (Debian's is 33 MiB with
 * its BSS); a larger image_size is a damaged or hostile header, and the
 * bound keeps text_offset + image_size far from wrapping. */
#define IMAGE_SIZE_MAX		(4ULL << 30)

struct image_info {
	uint64_t text_offset;	/* from a 2 MiB-aligned base, < 2 MiB */
	uint64_t image_size;	/* bytes from the load address: at least the
				 * file, at most IMAGE_SIZE_MAX, never 0 */
	uint64_t flags;
};

/*
 * Parse the first len bytes of a kernel (at least IMAGE_HEADER_SIZE for
 * a real header). file_size is the whole file's size, used when the
 * header's image_size is 0. Returns 0, or -ENOEXEC when it is not a
 * little-endian arm64 Image: then *why names what it is instead
 * ("gzip data", "a 32-bit ARM zImage", "an ELF file", "a big-endian
 * Image", "a truncated header", "unknown data"), or when its sizes are
 * impossible (text_offset, image_size or the file over their bounds).
 */
int image_parse(const void *buf, size_t len, uint64_t file_size,
		struct image_info *info, const char **why);

#endif
