// SPDX-License-Identifier: MIT
/*
 * fb_draw.c - drawing on XRGB8888 surfaces (the DRM "XR24" format: one
 * little-endian 32-bit word per pixel, 0x00RRGGBB): fills, outlines,
 * blits and text in the built-in font. Everything clips.
 */
#include <fb.h>
#include <string.h>
#include <virtboot.h>

static uint32_t *row(const struct fb_surface *s, int y)
{
	return (uint32_t *)((uint8_t *)s->pixels + (size_t)y * s->stride);
}

/* Clip x, y, w, h to the surface; false if nothing is left. */
static bool clip(const struct fb_surface *s, int *x, int *y, int *w, int *h)
{
	long x0 = *x, y0 = *y, x1 = x0 + *w, y1 = y0 + *h;

	if (x0 < 0)
		x0 = 0;
	if (y0 < 0)
		y0 = 0;
	if (x1 > (long)s->width)
		x1 = s->width;
	if (y1 > (long)s->height)
		y1 = s->height;
	if (x0 >= x1 || y0 >= y1)
		return false;
	*x = x0;
	*y = y0;
	*w = x1 - x0;
	*h = y1 - y0;
	return true;
}

void fb_fill(const struct fb_surface *s, int x, int y, int w, int h,
	     uint32_t color)
{
	int i, j;

	if (!clip(s, &x, &y, &w, &h))
		return;
	for (j = 0; j < h; j++) {
		uint32_t *p = row(s, y + j) + x;

		for (i = 0; i < w; i++)
			p[i] = color;
	}
}

void fb_rect(const struct fb_surface *s, int x, int y, int w, int h,
	     uint32_t color)
{
	if (w <= 0 || h <= 0)
		return;
	fb_fill(s, x, y, w, 1, color);
	fb_fill(s, x, y + h - 1, w, 1, color);
	fb_fill(s, x, y, 1, h, color);
	fb_fill(s, x + w - 1, y, 1, h, color);
}

void fb_invert(const struct fb_surface *s, int x, int y, int w, int h)
{
	int i, j;

	if (!clip(s, &x, &y, &w, &h))
		return;
	for (j = 0; j < h; j++) {
		uint32_t *p = row(s, y + j) + x;

		for (i = 0; i < w; i++)
			p[i] ^= 0x00ffffff;
	}
}

void fb_blit(const struct fb_surface *s, int x, int y, const uint32_t *src,
	     int w, int h, unsigned int src_stride)
{
	int cx = x, cy = y, cw = w, ch = h, j;

	if (!clip(s, &cx, &cy, &cw, &ch))
		return;
	src = (const uint32_t *)((const uint8_t *)src +
				 (size_t)(cy - y) * src_stride) + (cx - x);
	for (j = 0; j < ch; j++)
		memcpy(row(s, cy + j) + cx,
		       (const uint8_t *)src + (size_t)j * src_stride,
		       (size_t)cw * 4);
}

/* Row by row: each pixel row of the cell is worked out from its glyph
 * row and written left to right, clipped once; no per-pixel calls. */
void fb_char(const struct fb_surface *s, int x, int y, char c, int scale,
	     uint32_t fg, uint32_t bg)
{
	const uint8_t *g = font_glyph(c);
	int cx = x, cy = y, cw, ch, px, py, gx, x0, x1;
	bool opaque = bg != FB_TRANSPARENT;

	if (scale <= 0)
		return;
	cw = FONT_WIDTH * scale;
	ch = FONT_HEIGHT * scale;
	if (!clip(s, &cx, &cy, &cw, &ch))
		return;
	for (py = cy; py < cy + ch; py++) {
		unsigned int bits = g[(py - y) / scale];
		uint32_t *p = row(s, py);

		for (gx = 0; gx < FONT_WIDTH; gx++) {
			bool on = gx < 5 && (bits >> (4 - gx) & 1);
			uint32_t color = on ? fg : bg;

			if (!on && !opaque)
				continue;
			x0 = MAX(x + gx * scale, cx);
			x1 = MIN(x + (gx + 1) * scale, cx + cw);
			for (px = x0; px < x1; px++)
				p[px] = color;
		}
	}
}

int fb_text(const struct fb_surface *s, int x, int y, const char *str,
	    int scale, uint32_t fg, uint32_t bg)
{
	for (; *str; str++, x += FONT_WIDTH * scale)
		fb_char(s, x, y, *str, scale, fg, bg);
	return x;
}
