// SPDX-License-Identifier: MIT
/* fb - the ramfb display: mode and address, test pictures, clear, splash,
 * mode switch, progress bar (drivers/video; QEMU hw/display/ramfb.c). */
#include <command.h>
#include <fb.h>
#include <stdlib.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

/* Full-intensity bars, left to right, as on a colour-bar test card. */
static const uint32_t bars[8] = {
	0xffffff, 0xffff00, 0x00ffff, 0x00ff00,
	0xff00ff, 0xff0000, 0x0000ff, 0x000000,
};

static void test_bars(const struct fb_surface *s)
{
	unsigned int i;

	for (i = 0; i < 8; i++) {
		int x0 = s->width * i / 8, x1 = s->width * (i + 1) / 8;

		fb_fill(s, x0, 0, x1 - x0, s->height, bars[i]);
	}
}

/* Red across, green down, blue along the diagonal. */
static void test_gradient(const struct fb_surface *s)
{
	unsigned int x, y, w = MAX(s->width - 1, 1), h = MAX(s->height - 1, 1);

	for (y = 0; y < s->height; y++) {
		uint32_t *p = (uint32_t *)((uint8_t *)s->pixels + y * s->stride);

		for (x = 0; x < s->width; x++)
			p[x] = FB_RGB(x * 255 / w, y * 255 / h,
				      (x + y) * 255 / (w + h));
	}
}

/* White lines every 32 pixels on black, a red frame, a centre cross. */
static void test_grid(const struct fb_surface *s)
{
	unsigned int i;

	fb_fill(s, 0, 0, s->width, s->height, 0x000000);
	for (i = 0; i < s->width; i += 32)
		fb_fill(s, i, 0, 1, s->height, 0xffffff);
	for (i = 0; i < s->height; i += 32)
		fb_fill(s, 0, i, s->width, 1, 0xffffff);
	fb_rect(s, 0, 0, s->width, s->height, 0xff0000);
	fb_fill(s, s->width / 2 - 8, s->height / 2, 17, 1, 0x00ff00);
	fb_fill(s, s->width / 2, s->height / 2 - 8, 1, 17, 0x00ff00);
}

static int do_fb(int argc, char *argv[])
{
	const struct fb_info *info = fb_get_info();
	const struct fb_surface *s = fb_screen();
	unsigned int w, h;
	uint64_t v, total;
	int err;

	if (argc < 2)
		return -EINVAL;
	if (!info) {
		printf("fb: no display (start QEMU with -device ramfb)\n");
		return -ENODEV;
	}
	if (!strcmp(argv[1], "info") && argc == 2) {
		printf("mode:    %ux%u\n", info->width, info->height);
		printf("format:  XRGB8888 (XR24), 32 bits per pixel\n");
		printf("stride:  %u bytes\n", info->stride);
		printf("address: 0x%llx\n", (unsigned long long)info->base);
		printf("size:    0x%llx (%llu KiB reserved)\n",
		       (unsigned long long)info->size,
		       (unsigned long long)(info->size >> 10));
		printf("splash:  %llu us after power-on\n",
		       (unsigned long long)fb_splash_us());
		return 0;
	}
	if (!strcmp(argv[1], "test") && argc <= 3) {
		const char *pat = argc == 3 ? argv[2] : "bars";

		if (strcmp(pat, "bars") && strcmp(pat, "gradient") &&
		    strcmp(pat, "grid"))
			return -EINVAL;
		fb_takeover();
		if (!strcmp(pat, "bars"))
			test_bars(s);
		else if (!strcmp(pat, "gradient"))
			test_gradient(s);
		else
			test_grid(s);
		return 0;
	}
	if (!strcmp(argv[1], "clear") && argc <= 3) {
		if (argc == 3 && (parse_hex(argv[2], &v) || v > 0xffffff))
			return cmd_bad_number("fb clear", argv[2]);
		fb_clear(argc == 3 ? v : 0);
		return 0;
	}
	if (!strcmp(argv[1], "splash") && argc == 2)
		return fb_splash(true);
	if (!strcmp(argv[1], "mode") && argc == 3) {
		if (fb_parse_mode(argv[2], &w, &h)) {
			printf("fb: bad mode '%s' (WIDTHxHEIGHT, 16x16 to 16000x12000)\n",
			       argv[2]);
			return -ERANGE;
		}
		err = fb_set_mode(w, h, FB_SPLASH_BG);
		if (err) {
			printf("fb: cannot switch to %ux%u (%d)\n", w, h, err);
			return err;
		}
		return fb_splash(false);
	}
	if (!strcmp(argv[1], "progress") && argc == 4) {
		if (parse_hex(argv[2], &v))
			return cmd_bad_number("fb progress", argv[2]);
		if (parse_hex(argv[3], &total))
			return cmd_bad_number("fb progress", argv[3]);
		fb_progress(v, total);
		return 0;
	}
	return -EINVAL;
}

COMMAND(fb, .run = do_fb, .summary = "ramfb display",
	.usage = "fb info                      - mode, stride, format, address, size\n"
		 "fb test [bars|gradient|grid] - a test picture (default: eight bars)\n"
		 "fb clear [rrggbb]            - fill the screen; text then uses all of it\n"
		 "fb splash                    - draw the splash again, text below it\n"
		 "fb mode WIDTHxHEIGHT         - switch mode (decimal), e.g. 1280x720\n"
		 "fb progress done total       - set the splash's progress bar (hex)");
