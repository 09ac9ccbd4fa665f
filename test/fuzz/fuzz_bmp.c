// SPDX-License-Identifier: MIT
/* fuzz_bmp.c - libFuzzer target for the BMP decoder
 * (drivers/video/bmp.c): the input is a splash file (-fw_cfg
 * name=opt/virtboot/splash,file=logo.bmp); every pixel it describes is
 * read, and it is drawn on a small screen, clipped at each edge. */
#include <fb.h>
#include <stdint.h>

#define SCREEN_W 48
#define SCREEN_H 32

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint32_t pixels[SCREEN_W * SCREEN_H];
	const struct fb_surface s = {
		.pixels = pixels, .width = SCREEN_W, .height = SCREEN_H,
		.stride = SCREEN_W * 4,
	};
	/* A copy of exactly size bytes: a read past the file is caught. */
	uint8_t *buf = malloc(size ? size : 1);
	struct bmp_image img;
	const char *why = NULL;
	uint32_t sum = 0;
	unsigned int x, y;

	memcpy(buf, data, size);
	if (bmp_parse(buf, size, &img, &why)) {
		if (!why || !*why)
			abort();	/* a refusal always says why */
		free(buf);
		return 0;
	}
	if (!img.width || !img.height || (img.bpp != 24 && img.bpp != 32) ||
	    img.pixels < buf || img.pixels > buf + size)
		abort();
	for (y = 0; y < img.height; y++)
		for (x = 0; x < img.width; x++)
			sum += bmp_pixel(&img, x, y);
	if (bmp_pixel(&img, img.width, 0) || bmp_pixel(&img, 0, img.height))
		abort();	/* outside the image: 0 */
	fb_draw_bmp(&s, 0, 0, &img);
	fb_draw_bmp(&s, SCREEN_W - (int)img.width / 2,
		    SCREEN_H - (int)img.height / 2, &img);
	fb_draw_bmp(&s, -(int)img.width / 2, -(int)img.height / 2, &img);
	pixels[0] ^= sum;	/* keep the reads */
	free(buf);
	return 0;
}
