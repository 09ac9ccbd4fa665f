// SPDX-License-Identifier: MIT
/* test_image.c - host tests of the arm64 Image header parser (arch/arm64/image.c). */
#include <errno.h>
#include <image.h>
#include <stdint.h>

static void put_le(uint8_t *p, uint64_t v, int n)
{
	while (n--) {
		*p++ = v & 0xff;
		v >>= 8;
	}
}

static void make_header(uint8_t *h, uint64_t text_offset, uint64_t size,
			uint64_t flags)
{
	memset(h, 0, IMAGE_HEADER_SIZE);
	put_le(h + 8, text_offset, 8);
	put_le(h + 16, size, 8);
	put_le(h + 24, flags, 8);
	memcpy(h + 56, "ARM\x64", 4);
}

static void test_good(void)
{
	uint8_t h[IMAGE_HEADER_SIZE];
	struct image_info info;
	const char *why;

	make_header(h, 0, 0x2000000, 0xa);	/* 4K pages, phys anywhere */
	CHECK(image_parse(h, sizeof(h), 0x1000000, &info, &why) == 0);
	CHECK(why == NULL);
	CHECK(info.text_offset == 0);
	CHECK(info.image_size == 0x2000000);
	CHECK(info.flags == 0xa);

	/* image_size smaller than the file: the file wins. */
	make_header(h, 0x80000, 0x1000, 0);
	CHECK(image_parse(h, sizeof(h), 0x5000, &info, &why) == 0);
	CHECK(info.text_offset == 0x80000);
	CHECK(info.image_size == 0x5000);
}

static void test_legacy(void)
{
	uint8_t h[IMAGE_HEADER_SIZE];
	struct image_info info;
	const char *why;

	make_header(h, 0, 0, 0);
	CHECK(image_parse(h, sizeof(h), 0x800000, &info, &why) == 0);
	CHECK(info.text_offset == IMAGE_LEGACY_TEXT_OFFSET);
	CHECK(info.image_size == 0x800000 + IMAGE_LEGACY_SLACK);
}

static void check_refused(const uint8_t *b, size_t len, const char *word)
{
	struct image_info info;
	const char *why = NULL;

	CHECK(image_parse(b, len, len, &info, &why) == -ENOEXEC);
	CHECK(why != NULL);
	if (why && !strstr(why, word)) {
		fprintf(stderr, "\"%s\" does not mention \"%s\"\n", why, word);
		unit_failures++;
	}
}

static void test_refused(void)
{
	uint8_t b[256];

	memset(b, 0, sizeof(b));
	b[0] = 0x1f;
	b[1] = 0x8b;
	check_refused(b, sizeof(b), "gzip");

	memset(b, 0, sizeof(b));
	memcpy(b, "\x7f" "ELF", 4);
	check_refused(b, sizeof(b), "ELF");

	memset(b, 0, sizeof(b));
	put_le(b + 0x24, 0x016f2818, 4);
	check_refused(b, sizeof(b), "zImage");

	make_header(b, 0, 0x100000, 1);
	check_refused(b, sizeof(b), "big-endian");

	make_header(b, 0x1234, 0x100000, 0);
	check_refused(b, sizeof(b), "text_offset");

	make_header(b, 0, 0x100000, 0);
	check_refused(b, 40, "truncated");	/* magic cut off */

	/* text_offset + image_size would wrap: refused, not placed. */
	make_header(b, 0x1000, 0xfffffffffffff000ULL, 0);
	check_refused(b, sizeof(b), "impossible size");
	make_header(b, 0, IMAGE_SIZE_MAX + 1, 0);
	check_refused(b, sizeof(b), "impossible size");
	make_header(b, 0, IMAGE_SIZE_MAX, 0);
	{
		struct image_info info;
		const char *why;

		CHECK(image_parse(b, sizeof(b), sizeof(b), &info, &why) == 0);
		CHECK(info.image_size == IMAGE_SIZE_MAX);
		/* a file bigger than any image is refused too */
		CHECK(image_parse(b, sizeof(b), IMAGE_SIZE_MAX + 1, &info,
				  &why) == -ENOEXEC);
	}

	memset(b, 0x5a, sizeof(b));
	check_refused(b, sizeof(b), "unknown");
	check_refused(b, 0, "truncated");
}

UNIT_MAIN(test_good(); test_legacy(); test_refused())
