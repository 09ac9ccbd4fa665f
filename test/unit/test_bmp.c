// SPDX-License-Identifier: MIT
/* test_bmp.c - the BMP parser: good 24/32-bit files, bottom-up and
 * top-down, and malformed ones (truncation at every length, sizes that
 * overflow, wrong fields). Each file sits at the end of its own heap
 * block, so a read past it trips AddressSanitizer. */
#include <errno.h>
#include <fb.h>

static uint8_t *file;
static size_t file_len;

static void put16(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v);
	put16(p + 2, v >> 16);
}

/* A w x h file (h < 0: top-down) whose pixel (x, y from the top) is
 * x << 16 | y << 8 | 0x5a. */
static void make(int32_t w, int32_t h, int bpp)
{
	unsigned int aw = w < 0 ? -w : w, ah = h < 0 ? -h : h, x, y;
	size_t stride = (aw * bpp + 31) / 32 * 4;

	free(file);
	file_len = 54 + stride * ah;
	file = calloc(1, file_len);
	file[0] = 'B';
	file[1] = 'M';
	put32(file + 2, file_len);
	put32(file + 10, 54);
	put32(file + 14, 40);
	put32(file + 18, w);
	put32(file + 22, h);
	put16(file + 26, 1);
	put16(file + 28, bpp);
	for (y = 0; y < ah; y++)
		for (x = 0; x < aw; x++) {
			unsigned int row = h < 0 ? y : ah - 1 - y;
			uint8_t *p = file + 54 + row * stride + x * (bpp / 8);

			p[0] = 0x5a;	/* blue */
			p[1] = y;	/* green */
			p[2] = x;	/* red */
		}
}

/* Parse a copy of the first len bytes, at the very end of a block. */
static int parse_len(size_t len, struct bmp_image *img)
{
	uint8_t *copy = malloc(len ? len : 1);
	const char *why = NULL;
	int err;

	memcpy(copy, file, len);
	err = bmp_parse(copy, len, img, &why);
	CHECK(err == 0 || (why && *why));
	if (!err) {	/* every pixel is readable */
		unsigned int x, y;
		uint32_t sum = 0;

		for (y = 0; y < img->height; y++)
			for (x = 0; x < img->width; x++)
				sum += bmp_pixel(img, x, y);
		(void)sum;
	}
	free(copy);
	return err;
}

static int parse(void)
{
	struct bmp_image img;

	return parse_len(file_len, &img);
}

static void test_good(void)
{
	struct bmp_image img;
	const char *why;

	make(5, 3, 24);		/* rows of 15 bytes padded to 16 */
	CHECK(bmp_parse(file, file_len, &img, &why) == 0);
	CHECK(img.width == 5 && img.height == 3 && img.bpp == 24);
	CHECK(!img.top_down && img.row_stride == 16);
	CHECK(bmp_pixel(&img, 0, 0) == 0x00005a);
	CHECK(bmp_pixel(&img, 4, 2) == 0x04025a);
	CHECK(bmp_pixel(&img, 5, 0) == 0);	/* outside */

	make(3, -4, 32);
	CHECK(bmp_parse(file, file_len, &img, &why) == 0);
	CHECK(img.top_down && img.height == 4 && img.row_stride == 12);
	CHECK(bmp_pixel(&img, 2, 3) == 0x02035a);

	/* Drawn centred on a surface, clipped where it does not fit. */
	{
		uint32_t mem[8 * 8] = { 0 };
		struct fb_surface s = { mem, 8, 8, 32 };

		fb_draw_bmp(&s, 2, 2, &img);
		CHECK(mem[2 * 8 + 2] == 0x00005a && mem[5 * 8 + 4] == 0x02035a);
		fb_draw_bmp(&s, 6, -2, &img);
		CHECK(mem[0 * 8 + 6] == 0x00025a && mem[1 * 8 + 7] == 0x01035a);
	}
}

static void test_truncated(void)
{
	struct bmp_image img;
	size_t len;

	make(7, 5, 24);
	for (len = 0; len < file_len; len++)
		CHECK(parse_len(len, &img) == -EINVAL);
	CHECK(parse_len(file_len, &img) == 0);
}

static void test_malformed(void)
{
	make(4, 4, 24);
	file[1] = 'X';
	CHECK(parse() == -EINVAL);

	make(4, 4, 24);
	put32(file + 14, 12);		/* OS/2 BITMAPCOREHEADER */
	CHECK(parse() == -ENOTSUP);

	make(4, 4, 24);
	put32(file + 14, 0xffffffff);	/* header larger than the file */
	CHECK(parse() == -EINVAL);

	make(4, 4, 24);
	put32(file + 10, 0xfffffff0);	/* pixels far beyond the end */
	CHECK(parse() == -EINVAL);

	make(4, 4, 24);
	put32(file + 10, 20);		/* pixels inside the header */
	CHECK(parse() == -EINVAL);

	make(4, 4, 24);
	put32(file + 18, 0);		/* no width */
	CHECK(parse() == -EINVAL);

	make(4, 4, 24);
	put32(file + 18, (uint32_t)-4);	/* negative width */
	CHECK(parse() == -EINVAL);

	make(4, 4, 24);
	put32(file + 22, 0x80000000);	/* INT32_MIN height */
	CHECK(parse() == -EINVAL);

	make(4, 4, 24);
	put32(file + 18, 0x7fffffff);	/* stride * height would overflow */
	put32(file + 22, 0x7fffffff);
	CHECK(parse() == -EFBIG);

	make(4, 4, 24);
	put32(file + 18, 16384);	/* in range, but the data is missing */
	put32(file + 22, 16384);
	CHECK(parse() == -EINVAL);

	make(4, 4, 24);
	put32(file + 22, (uint32_t)-16385);	/* top-down, too tall */
	CHECK(parse() == -EFBIG);

	make(4, 4, 24);
	put16(file + 26, 2);		/* planes */
	CHECK(parse() == -EINVAL);

	make(4, 4, 24);
	put16(file + 28, 8);		/* palette images */
	CHECK(parse() == -ENOTSUP);

	make(4, 4, 24);
	put32(file + 30, 1);		/* RLE8 */
	CHECK(parse() == -ENOTSUP);

	make(4, 4, 32);
	put32(file + 30, 3);		/* BI_BITFIELDS, masks unusual */
	CHECK(parse() == -ENOTSUP);

	make(1, 1, 32);			/* BI_BITFIELDS, masks cut off */
	put32(file + 30, 3);
	CHECK(parse() == -EINVAL);
}

UNIT_MAIN(
	test_good();
	test_truncated();
	test_malformed();
	free(file);
)
