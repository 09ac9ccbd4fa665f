// SPDX-License-Identifier: MIT
/* fuzz_legacy_image.c - libFuzzer target for boot/legacy_image.c: the
 * input is an image; when its first byte is odd both CRCs are made right
 * first, so that mutations reach the type and the length table. */
#include <crc32.h>
#include <legacy_image.h>
#include <stdlib.h>

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static void fix_crcs(uint8_t *b, size_t size)
{
	uint32_t n;

	if (size < LEGACY_HDR_SIZE)
		return;
	n = get_be32(b + 12);
	if (n <= size - LEGACY_HDR_SIZE)
		put_be32(b + 24, crc32(0, b + LEGACY_HDR_SIZE, n));
	put_be32(b + 4, 0);
	put_be32(b + 4, crc32(0, b, LEGACY_HDR_SIZE));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct legacy_image img;
	const char *why, *script;
	uint8_t *b;
	size_t len;

	if (!size)
		return 0;
	/* An exact-size copy: a read past the end is caught. */
	b = malloc(size - 1 ? size - 1 : 1);
	if (!b)
		return 0;
	memcpy(b, data + 1, size - 1);
	if (data[0] & 1)
		fix_crcs(b, size - 1);
	if (!legacy_image_parse(b, size - 1, &img, &why) &&
	    !legacy_image_script(&img, &script, &len, &why)) {
		/* The script lies inside the buffer. */
		if (len && (script[0] == 1 || script[len - 1] == 1))
			why = NULL;
	}
	free(b);
	return 0;
}
