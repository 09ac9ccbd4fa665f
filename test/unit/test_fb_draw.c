// SPDX-License-Identifier: MIT
/* test_fb_draw.c - the drawing layer on a small host surface: clipping
 * at every edge, outlines, inversion, blits, text. */
#include <fb.h>

#define W 40
#define H 30
#define PAD 8	/* guard words after the surface: nothing may write there */

static uint32_t mem[W * H + PAD];
static const struct fb_surface s = { mem, W, H, W * 4 };

static uint32_t px(int x, int y)
{
	return mem[y * W + x];
}

static int count(uint32_t color)
{
	int i, n = 0;

	for (i = 0; i < W * H; i++)
		n += mem[i] == color;
	return n;
}

static void reset(void)
{
	memset(mem, 0, sizeof(mem));
}

static bool guard_ok(void)
{
	int i;

	for (i = 0; i < PAD; i++)
		if (mem[W * H + i])
			return false;
	return true;
}

static void test_fill(void)
{
	reset();
	fb_fill(&s, 2, 3, 4, 5, 0xabcdef);
	CHECK(count(0xabcdef) == 20);
	CHECK(px(2, 3) == 0xabcdef && px(5, 7) == 0xabcdef);
	CHECK(px(6, 7) == 0 && px(2, 8) == 0 && px(1, 3) == 0);

	reset();
	fb_fill(&s, -10, -10, 1000, 1000, 1);	/* whole screen, clipped */
	CHECK(count(1) == W * H);
	CHECK(guard_ok());

	reset();
	fb_fill(&s, W - 2, H - 2, 10, 10, 2);	/* bottom-right corner */
	CHECK(count(2) == 4);
	fb_fill(&s, W, 0, 5, 5, 3);		/* right of the surface */
	fb_fill(&s, 0, H, 5, 5, 3);		/* below it */
	fb_fill(&s, -5, 0, 5, 5, 3);		/* left of it */
	fb_fill(&s, 0, 0, 0, 5, 3);		/* empty */
	fb_fill(&s, 0, 0, -3, 5, 3);		/* negative */
	fb_fill(&s, 0x7ffffff0, 0x7ffffff0, 0x7fffffff, 0x7fffffff, 3);
	CHECK(count(3) == 0);
	CHECK(guard_ok());
}

static void test_rect_invert(void)
{
	reset();
	fb_rect(&s, 1, 1, 5, 4, 7);
	CHECK(count(7) == 2 * 5 + 2 * 2);
	CHECK(px(1, 1) == 7 && px(5, 4) == 7 && px(3, 2) == 0);
	fb_rect(&s, 0, 0, 0, 0, 9);
	CHECK(count(9) == 0);

	reset();
	fb_invert(&s, 0, 0, 2, 1);
	CHECK(px(0, 0) == 0xffffff && px(1, 0) == 0xffffff && px(2, 0) == 0);
	fb_invert(&s, 0, 0, 2, 1);
	CHECK(count(0) == W * H);
	fb_invert(&s, -1, -1, W + 2, H + 2);
	CHECK(count(0xffffff) == W * H && guard_ok());
}

static void test_blit(void)
{
	uint32_t src[3 * 2] = { 1, 2, 3, 4, 5, 6 };

	reset();
	fb_blit(&s, 5, 5, src, 3, 2, 3 * 4);
	CHECK(px(5, 5) == 1 && px(7, 5) == 3 && px(5, 6) == 4 && px(7, 6) == 6);
	reset();
	fb_blit(&s, -1, -1, src, 3, 2, 3 * 4);	/* only 5 and 6 land */
	CHECK(px(0, 0) == 5 && px(1, 0) == 6 && count(0) == W * H - 2);
	reset();
	fb_blit(&s, W - 1, H - 1, src, 3, 2, 3 * 4);
	CHECK(px(W - 1, H - 1) == 1 && count(0) == W * H - 1 && guard_ok());
}

static void test_text(void)
{
	const uint8_t *a = font_glyph('A');
	int x, y, set = 0, end;

	for (y = 0; y < FONT_HEIGHT; y++)
		for (x = 0; x < 5; x++)
			set += a[y] >> (4 - x) & 1;
	CHECK(set > 5);
	CHECK(font_glyph('\x01') == font_glyph('\x7f'));	/* the box */
	CHECK(font_glyph(' ')[3] == 0);

	reset();
	fb_char(&s, 0, 0, 'A', 2, 0xff, 0x11);
	for (y = 0; y < FONT_HEIGHT * 2; y++)
		for (x = 0; x < FONT_WIDTH * 2; x++) {
			bool on = x / 2 < 5 && (a[y / 2] >> (4 - x / 2) & 1);

			CHECK(px(x, y) == (on ? 0xffu : 0x11u));
		}
	CHECK(count(0xff) == set * 4);

	reset();
	fb_char(&s, 0, 0, 'A', 1, 0xff, FB_TRANSPARENT);
	CHECK(count(0xff) == set && count(0) == W * H - set);

	reset();
	end = fb_text(&s, 30, 25, "AAAA", 1, 0xff, 0x11);	/* clipped */
	CHECK(end == 30 + 4 * FONT_WIDTH);
	CHECK(guard_ok());
	CHECK(count(0x11) + count(0xff) == (W - 30) * (H - 25));

	/* Clipped at the top-left at scale 3: the pixels left are exactly
	 * the ones an unclipped glyph has there, and nothing else moves. */
	reset();
	fb_char(&s, -4, -5, 'A', 3, 0xff, 0x11);
	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++) {
			int gx = (x + 4) / 3, gy = (y + 5) / 3;
			uint32_t want = 0;

			if (gx < FONT_WIDTH && gy < FONT_HEIGHT)
				want = gx < 5 && (a[gy] >> (4 - gx) & 1) ?
				       0xff : 0x11;
			CHECK(px(x, y) == want);
		}
	CHECK(guard_ok());

	/* Off the surface on every side, or scale 0: nothing drawn. */
	reset();
	fb_char(&s, -FONT_WIDTH * 2, 0, 'A', 2, 0xff, 0x11);
	fb_char(&s, W, 0, 'A', 2, 0xff, 0x11);
	fb_char(&s, 0, -FONT_HEIGHT * 2, 'A', 2, 0xff, 0x11);
	fb_char(&s, 0, H, 'A', 2, 0xff, 0x11);
	fb_char(&s, 0, 0, 'A', 0, 0xff, 0x11);
	CHECK(count(0) == W * H && guard_ok());
}

UNIT_MAIN(
	test_fill();
	test_rect_invert();
	test_blit();
	test_text();
)
