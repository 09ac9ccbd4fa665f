// SPDX-License-Identifier: MIT
/*
 * bmp.c - BMP files (Microsoft's BITMAPFILEHEADER + BITMAPINFOHEADER or a
 * later V4/V5 header), uncompressed 24 or 32 bits per pixel (32 also as
 * BI_BITFIELDS with the usual masks). Every size from the file is checked
 * against the buffer before a pixel is read.
 */
#include <errno.h>
#include <fb.h>

#define BMP_MAX_SIDE	16384
#define FILE_HDR	14
#define INFO_HDR	40	/* BITMAPINFOHEADER */
#define BI_RGB		0
#define BI_BITFIELDS	3

static uint32_t le16(const uint8_t *p)
{
	return p[0] | p[1] << 8;
}

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static int fail(const char **why, const char *reason, int err)
{
	if (why)
		*why = reason;
	return err;
}

int bmp_parse(const void *buf, size_t len, struct bmp_image *img,
	      const char **why)
{
	const uint8_t *p = buf;
	uint32_t offset, hdr, compression, bpp;
	int32_t w, h;
	uint64_t stride, need;

	if (len < FILE_HDR + 4 || p[0] != 'B' || p[1] != 'M')
		return fail(why, "not a BMP file", -EINVAL);
	offset = le32(p + 10);
	hdr = le32(p + 14);
	if (hdr < INFO_HDR)
		return fail(why, "unsupported BMP header (OS/2 or unknown)",
			    -ENOTSUP);
	if (len < FILE_HDR + INFO_HDR || hdr > len - FILE_HDR)
		return fail(why, "truncated BMP header", -EINVAL);
	w = (int32_t)le32(p + 18);
	h = (int32_t)le32(p + 22);
	bpp = le16(p + 28);
	compression = le32(p + 30);
	if (le16(p + 26) != 1)
		return fail(why, "BMP planes is not 1", -EINVAL);
	if (w <= 0 || h == 0 || h == INT32_MIN)
		return fail(why, "bad BMP width or height", -EINVAL);
	if (w > BMP_MAX_SIDE || h > BMP_MAX_SIDE || h < -BMP_MAX_SIDE)
		return fail(why, "BMP larger than 16384 pixels a side", -EFBIG);
	if (bpp != 24 && bpp != 32)
		return fail(why, "BMP is not 24 or 32 bits per pixel", -ENOTSUP);
	if (compression == BI_BITFIELDS && bpp == 32) {
		/* The masks follow a 40-byte header, or sit inside V4/V5. */
		if (len < FILE_HDR + INFO_HDR + 12)
			return fail(why, "truncated BMP header", -EINVAL);
		if (le32(p + 54) != 0x00ff0000 || le32(p + 58) != 0x0000ff00 ||
		    le32(p + 62) != 0x000000ff)
			return fail(why, "unsupported BMP colour masks",
				    -ENOTSUP);
	} else if (compression != BI_RGB) {
		return fail(why, "compressed BMP", -ENOTSUP);
	}
	/* Rows are padded to 4 bytes; 64-bit sums cannot overflow here. */
	stride = ((uint64_t)w * bpp + 31) / 32 * 4;
	need = stride * (uint64_t)(h < 0 ? -h : h);
	if (offset < FILE_HDR + hdr || offset > len || need > len - offset)
		return fail(why, "truncated BMP pixel data", -EINVAL);

	img->width = w;
	img->height = h < 0 ? -h : h;
	img->bpp = bpp;
	img->top_down = h < 0;
	img->row_stride = stride;
	img->pixels = p + offset;
	return 0;
}

uint32_t bmp_pixel(const struct bmp_image *img, unsigned int x, unsigned int y)
{
	unsigned int r = img->top_down ? y : img->height - 1 - y;
	const uint8_t *px;

	if (x >= img->width || y >= img->height)
		return 0;
	px = img->pixels + (size_t)r * img->row_stride +
	     (size_t)x * (img->bpp / 8);
	return FB_RGB(px[2], px[1], px[0]);	/* stored B, G, R */
}

void fb_draw_bmp(const struct fb_surface *s, int x, int y,
		 const struct bmp_image *img)
{
	unsigned int i, j;
	uint32_t *dst;

	for (j = 0; j < img->height; j++) {
		if (y + (int)j < 0 || y + (int)j >= (int)s->height)
			continue;
		dst = (uint32_t *)((uint8_t *)s->pixels +
				   (size_t)(y + j) * s->stride);
		for (i = 0; i < img->width; i++)
			if (x + (int)i >= 0 && x + (int)i < (int)s->width)
				dst[x + i] = bmp_pixel(img, i, j);
	}
}
