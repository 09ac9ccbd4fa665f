// SPDX-License-Identifier: MIT
/*
 * splash.c - the splash screen: the built-in logo (or a BMP from the
 * fw_cfg file "opt/virtboot/splash", centred), virtboot's version, the
 * RAM size and CPU count, and a progress bar for kernel and initrd loads;
 * the text console gets the rest of the screen.
 *
 *   +----------------------------------------------------------+
 *   | [logo]  virtboot 2026.11                                 |
 *   | 96x96   Nov 21 2026 - 12:00:00                           |
 *   |         1024 MiB RAM, 1 CPU                              |
 *   | [=================progress=====                        ] |
 *   |----------------------------------------------------------|
 *   | console text ...                                         |
 */
#define pr_fmt(fmt) "splash: " fmt
#include <dt.h>
#include <errno.h>
#include <fb.h>
#include <fw_cfg.h>
#include <libfdt.h>
#include <mem.h>
#include <region.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define SPLASH_FILE	"opt/virtboot/splash"
#define SPLASH_MAX_FILE	(64UL << 20)
#define MARGIN		16
#define LOGO_SCALE	3
#define BAR_HEIGHT	10
#define CONSOLE_MIN	(4 * 18)	/* four console lines */

#define COLOR_BG	FB_SPLASH_BG
#define COLOR_TEXT	FB_RGB(0xe8, 0xe8, 0xe8)
#define COLOR_DIM	FB_RGB(0x90, 0x98, 0xa8)
#define COLOR_BAR	FB_RGB(0xff, 0x9f, 0x1f)
#define COLOR_FRAME	FB_RGB(0x50, 0x58, 0x68)

static struct {
	int x, y, w;		/* the bar's inside */
	int filled;		/* pixels drawn so far */
	bool shown;
} bar;
static uint64_t splash_us;

uint64_t fb_splash_us(void)
{
	return splash_us;
}

void fb_takeover(void)
{
	bar.shown = false;
	fbcon_pause();
}

void fb_clear(uint32_t color)
{
	const struct fb_surface *s = fb_screen();

	if (!s)
		return;
	fb_fill(s, 0, 0, s->width, s->height, color);
	bar.shown = false;
	fbcon_resume(0, color);
}

void fb_draw_logo(const struct fb_surface *s, int x, int y,
		  const struct fb_logo *logo, int scale)
{
	unsigned int i, n, pos = 0, color;

	for (i = 0; i < logo->nruns; i++) {
		color = logo->runs[i] >> 6;
		for (n = (logo->runs[i] & 63) + 1; n; n--, pos++)
			if (color && pos < logo->width * logo->height)
				fb_fill(s, x + pos % logo->width * scale,
					y + pos / logo->width * scale, scale,
					scale, logo->palette[color]);
	}
}

static int cpu_count(void)
{
	const void *fdt = dt_blob();
	int node, n = 0;

	if (!fdt)
		return 1;
	fdt_for_each_subnode(node, fdt, fdt_path_offset(fdt, "/cpus")) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		n += type && !strcmp(type, "cpu");
	}
	return n ? n : 1;
}

/* The BMP from fw_cfg, read into a scratch reservation that the caller
 * frees; NULL without one, or with a message when it is refused. */
static void *load_bmp(struct bmp_image *img, uint64_t *scratch,
		      const struct fb_surface *s)
{
	const struct fw_cfg_file *f = fw_cfg_find(SPLASH_FILE);
	const char *why = NULL;
	uint64_t base;
	void *buf;

	if (!f)
		return NULL;
	if (f->size > SPLASH_MAX_FILE) {
		pr_err("%s: %u bytes is too big: using the built-in logo\n",
		       SPLASH_FILE, f->size);
		return NULL;
	}
	if (region_alloc(ALIGN_UP(f->size + 1, 4096), 4096, 0, UINT64_MAX,
			 "splash", &base)) {
		pr_err("%s: no room for %u bytes: using the built-in logo\n",
		       SPLASH_FILE, f->size);
		return NULL;
	}
	buf = (void *)(uintptr_t)base;
	if (fw_cfg_read(f->select, 0, buf, f->size)) {
		why = "cannot be read";
	} else if (bmp_parse(buf, f->size, img, &why)) {
		/* why says what is wrong */
	} else if ((int)img->width > (int)s->width - 2 * MARGIN ||
		   (int)img->height > (int)s->height - 3 * MARGIN -
		   2 * FONT_HEIGHT - BAR_HEIGHT - CONSOLE_MIN) {
		why = "larger than the screen";
	} else {
		*scratch = base;
		return buf;
	}
	pr_err("%s: %s: using the built-in logo\n", SPLASH_FILE, why);
	region_free(base);
	return NULL;
}

/* A line of splash text at scale 2 (12x16 cells). */
static int text_line(const struct fb_surface *s, int x, int y,
		     const char *str, uint32_t color)
{
	return fb_text(s, x, y, str, 2, color, FB_TRANSPARENT);
}

int fb_splash(bool clear)
{
	const struct fb_surface *s = fb_screen();
	struct bmp_image img;
	uint64_t scratch = 0;
	char line[64], date[32];
	int y, cpus;

	if (!s)
		return -ENODEV;
	cpus = cpu_count();
	snprintf(line, sizeof(line), "%llu MiB RAM, %d CPU%s",
		 (unsigned long long)(mem_total() >> 20), cpus,
		 cpus == 1 ? "" : "s");
	snprintf(date, sizeof(date), "%s", VIRTBOOT_BUILD_DATE);
	if (clear)
		fb_fill(s, 0, 0, s->width, s->height, COLOR_BG);

	if (load_bmp(&img, &scratch, s)) {
		char title[96];

		fb_draw_bmp(s, (s->width - img.width) / 2, MARGIN, &img);
		region_free(scratch);
		y = MARGIN + img.height + MARGIN / 2;
		snprintf(title, sizeof(title), "virtboot %s - %s",
			 VIRTBOOT_VERSION, line);
		text_line(s, ((int)s->width - (int)strlen(title) * 12) / 2, y,
			  title, COLOR_TEXT);
		y += 2 * FONT_HEIGHT + MARGIN / 2;
	} else {
		int x = MARGIN + fb_logo.width * LOGO_SCALE + MARGIN + 8;

		fb_draw_logo(s, MARGIN, MARGIN, &fb_logo, LOGO_SCALE);
		fb_text(s, x, MARGIN + 4, "virtboot " VIRTBOOT_VERSION, 4,
			COLOR_TEXT, FB_TRANSPARENT);
		text_line(s, x, MARGIN + 44, date, COLOR_DIM);
		text_line(s, x, MARGIN + 68, line, COLOR_TEXT);
		y = MARGIN + fb_logo.height * LOGO_SCALE + MARGIN / 2;
	}

	/* The progress bar: a frame, its inside filled by fb_progress(). */
	fb_rect(s, MARGIN, y, s->width - 2 * MARGIN, BAR_HEIGHT, COLOR_FRAME);
	bar.x = MARGIN + 2;
	bar.y = y + 2;
	bar.w = (int)s->width - 2 * MARGIN - 4;
	bar.filled = 0;
	bar.shown = true;
	y += BAR_HEIGHT + MARGIN / 2;
	fb_fill(s, 0, y, s->width, 1, COLOR_FRAME);
	if (!splash_us)
		splash_us = timer_us();
	fbcon_resume(y + MARGIN / 2, COLOR_BG);
	return 0;
}

void fb_progress(uint64_t done, uint64_t total)
{
	const struct fb_surface *s = fb_screen();
	int want;

	if (!s || !bar.shown || bar.w <= 0)
		return;
	if (!total) {
		want = 0;
	} else {
		done = MIN(done, total);
		want = total > (UINT64_MAX >> 16) ?
		       (int)(done / (total / bar.w)) :
		       (int)(done * bar.w / total);
		want = MIN(want, bar.w);
	}
	if (want < bar.filled) {
		fb_fill(s, bar.x, bar.y, bar.filled, BAR_HEIGHT - 4, COLOR_BG);
		bar.filled = 0;
	}
	fb_fill(s, bar.x + bar.filled, bar.y, want - bar.filled,
		BAR_HEIGHT - 4, COLOR_BAR);
	bar.filled = want;
}
