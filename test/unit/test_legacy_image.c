// SPDX-License-Identifier: MIT
/* Unit tests for boot/legacy_image.c: script images as mkimage makes
 * them, and every field damaged in turn. */
#include <crc32.h>
#include <errno.h>
#include <legacy_image.h>

static uint8_t img[4096];

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void fix_hcrc(void)
{
	put_be32(img + 4, 0);
	put_be32(img + 4, crc32(0, img, 64));
}

static void fix_dcrc(uint32_t size)
{
	put_be32(img + 24, crc32(0, img + 64, size));
	fix_hcrc();
}

/* A script image of n files (lengths lens), as mkimage -T script lays it
 * out; returns its total size. */
static size_t make(const uint32_t *lens, int n, uint8_t type)
{
	uint32_t off, size;
	int i;

	memset(img, 0, sizeof(img));
	put_be32(img, LEGACY_MAGIC);
	img[28] = 5;		/* Linux */
	img[29] = 22;		/* arm64 */
	img[30] = type;
	memcpy(img + 32, "test script", 11);
	off = 64;
	for (i = 0; i < n; i++, off += 4)
		put_be32(img + off, lens[i]);
	off += 4;		/* the terminating zero */
	for (i = 0; i < n; i++) {
		memset(img + off, 'a' + i, lens[i]);
		off += i + 1 < n ? (lens[i] + 3) & ~3u : lens[i];
	}
	size = off - 64;
	put_be32(img + 12, size);
	fix_dcrc(size);
	return off;
}

static int script(size_t len, const char **s, size_t *n, const char **why)
{
	struct legacy_image li;
	int err = legacy_image_parse(img, len, &li, why);

	return err ? err : legacy_image_script(&li, s, n, why);
}

static void test_good(void)
{
	const uint32_t lens[] = { 5, 3 };
	struct legacy_image li;
	const char *s, *why;
	size_t len, n;

	len = make(lens, 1, LEGACY_TYPE_SCRIPT);
	CHECK(!script(len, &s, &n, &why));
	CHECK(n == 5 && !memcmp(s, "aaaaa", 5) && s == (char *)img + 72);
	CHECK(!legacy_image_parse(img, len, &li, &why));
	CHECK_STR(li.name, "test script");
	CHECK(li.arch == 22 && li.os == 5);
	/* Two files: the script is the first. */
	len = make(lens, 2, LEGACY_TYPE_SCRIPT);
	CHECK(!script(len, &s, &n, &why));
	CHECK(n == 5 && s == (char *)img + 76);
	/* Bytes after the image do not matter. */
	CHECK(!script(sizeof(img), &s, &n, &why));
}

static void test_bad(void)
{
	const uint32_t lens[] = { 5, 3 }, empty[] = { 0 };
	const char *s, *why;
	size_t len, n;

	len = make(lens, 1, LEGACY_TYPE_SCRIPT);
	CHECK(script(3, &s, &n, &why) == -ENOEXEC);
	CHECK(script(63, &s, &n, &why) == -ENODATA);
	CHECK(script(len - 1, &s, &n, &why) == -ENODATA);
	img[70] ^= 1;
	CHECK(script(len, &s, &n, &why) == -EBADMSG);
	CHECK_STR(why, "Bad data crc");
	img[70] ^= 1;
	img[40] ^= 1;
	CHECK(script(len, &s, &n, &why) == -EBADMSG);
	CHECK_STR(why, "Bad header crc");
	img[40] ^= 1;
	img[0] ^= 1;
	CHECK(script(len, &s, &n, &why) == -ENOEXEC);
	CHECK_STR(why, "Bad magic number");

	/* A data size past the buffer, with a right header CRC. */
	len = make(lens, 1, LEGACY_TYPE_SCRIPT);
	put_be32(img + 12, 0xffffffff);
	fix_hcrc();
	CHECK(script(len, &s, &n, &why) == -ENODATA);

	len = make(lens, 1, 2);		/* a kernel */
	CHECK(script(len, &s, &n, &why) == -ENOEXEC);
	CHECK_STR(why, "Bad image type");
	len = make(lens, 1, LEGACY_TYPE_SCRIPT);
	img[31] = 1;			/* gzip */
	fix_hcrc();
	CHECK(script(len, &s, &n, &why) == -ENOTSUP);

	len = make(empty, 0, LEGACY_TYPE_SCRIPT);
	CHECK(script(len, &s, &n, &why) == -ENODATA);
	CHECK_STR(why, "Empty Script");

	/* A table without its zero. */
	len = make(lens, 1, LEGACY_TYPE_SCRIPT);
	memset(img + 64, 0xff, 8);
	fix_dcrc(8);
	CHECK(script(len, &s, &n, &why) == -EBADMSG);
	/* A length past the data, and lengths that would wrap. */
	len = make(lens, 2, LEGACY_TYPE_SCRIPT);
	put_be32(img + 68, 4);
	fix_dcrc(len - 64);
	CHECK(script(len, &s, &n, &why) == -EBADMSG);
	put_be32(img + 64, 0xfffffffe);
	put_be32(img + 68, 0xfffffffe);
	fix_dcrc(len - 64);
	CHECK(script(len, &s, &n, &why) == -EBADMSG);
	CHECK(s == NULL && n == 0);
}

UNIT_MAIN(
	test_good();
	test_bad();
)
