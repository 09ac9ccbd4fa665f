/* SPDX-License-Identifier: MIT */
/*
 * fb.h - the framebuffer: QEMU's ramfb display (QEMU hw/display/ramfb.c,
 * set up through the fw_cfg file "etc/ramfb"), a small drawing layer on
 * XRGB8888 surfaces, the built-in 6x8 font, BMP images (Microsoft
 * BITMAPINFOHEADER, 24/32 bits per pixel), the splash screen with its
 * progress bar, and the "fb" text console.
 */
#ifndef FB_H
#define FB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 0x00RRGGBB, the in-memory layout of XRGB8888 on a little-endian CPU. */
#define FB_RGB(r, g, b)	((uint32_t)(r) << 16 | (uint32_t)(g) << 8 | (b))

/* A rectangle of XRGB8888 pixels; stride in bytes. */
struct fb_surface {
	uint32_t *pixels;
	unsigned int width;
	unsigned int height;
	unsigned int stride;
};

/* --- drawing (every call clips to the surface) ------------------------- */
void fb_fill(const struct fb_surface *s, int x, int y, int w, int h,
	     uint32_t color);
/* A one-pixel outline of the rectangle. */
void fb_rect(const struct fb_surface *s, int x, int y, int w, int h,
	     uint32_t color);
/* Invert the colours of a rectangle (the text cursor). */
void fb_invert(const struct fb_surface *s, int x, int y, int w, int h);
/* Copy w x h pixels from src (stride src_stride bytes) to x, y. */
void fb_blit(const struct fb_surface *s, int x, int y, const uint32_t *src,
	     int w, int h, unsigned int src_stride);
/* A character of the built-in font, each font pixel scale x scale;
 * bg is drawn unless it is FB_TRANSPARENT. */
#define FB_TRANSPARENT	0xff000000u
void fb_char(const struct fb_surface *s, int x, int y, char c, int scale,
	     uint32_t fg, uint32_t bg);
/* A string (no control characters are interpreted); returns the x after
 * its last character. */
int fb_text(const struct fb_surface *s, int x, int y, const char *str,
	    int scale, uint32_t fg, uint32_t bg);

/* --- the font ------------------------------------------------------------ */
#define FONT_WIDTH	6	/* a 5x7 glyph, a descender row, one column of space */
#define FONT_HEIGHT	8
/* The glyph of c: FONT_HEIGHT rows, bit 4 the leftmost pixel. Characters
 * outside ' '..'~' get a box. */
const uint8_t *font_glyph(char c);

/* --- the built-in logo (drivers/video/logo.txt, by scripts/logo2c.py) -- */
struct fb_logo {
	unsigned int width;
	unsigned int height;
	uint32_t palette[4];		/* palette[0] is transparent */
	unsigned int nruns;
	const unsigned char *runs;	/* colour << 6 | (run length - 1) */
};
extern const struct fb_logo fb_logo;
/* Draw the logo with each pixel scale x scale at x, y. */
void fb_draw_logo(const struct fb_surface *s, int x, int y,
		  const struct fb_logo *logo, int scale);

/* --- BMP images ------------------------------------------------------------ */
struct bmp_image {
	unsigned int width;
	unsigned int height;
	unsigned int bpp;		/* 24 or 32 */
	bool top_down;
	unsigned int row_stride;	/* bytes */
	const uint8_t *pixels;		/* the first row in the file */
};
/* Check and describe a BMP file held in memory: -EINVAL for a malformed
 * or truncated one, -ENOTSUP for a valid one we do not draw (bits per
 * pixel other than 24/32, compression), -EFBIG beyond 16384 pixels a
 * side. Sets *why to a short reason on error. */
int bmp_parse(const void *buf, size_t len, struct bmp_image *img,
	      const char **why);
/* Pixel x, y (from the top) of a parsed image as 0x00RRGGBB. */
uint32_t bmp_pixel(const struct bmp_image *img, unsigned int x, unsigned int y);
/* Draw a parsed image with its top-left corner at x, y (clipped). */
void fb_draw_bmp(const struct fb_surface *s, int x, int y,
		 const struct bmp_image *img);

/* --- the display ---------------------------------------------------------- */
struct fb_info {
	uint64_t base;		/* the framebuffer in RAM */
	uint64_t size;		/* bytes (reserved as "framebuffer") */
	unsigned int width;
	unsigned int height;
	unsigned int stride;	/* bytes per line */
};

/* A display the core can drive: set_mode() reserves and clears the
 * memory, then configure() shows it. */
struct fb_backend {
	const char *name;
	bool (*present)(void);
	int (*configure)(uint64_t addr, unsigned int width,
			 unsigned int height, unsigned int stride);
	unsigned int max_width, max_height;
	const char *missing;	/* how to get one, when there is none */
};

extern const struct fb_backend ramfb_backend;

#define FB_DEFAULT_WIDTH	1024
#define FB_DEFAULT_HEIGHT	768

/* The progress bar on the splash (declared above, next to fb_init):
 * fb_progress(done, total) shows done of total bytes, redrawn only where
 * it grew; call it as a load advances (total 0 empties the bar). A no-op
 * without a display or without CONFIG_VIDEO_RAMFB, so loaders call it
 * unconditionally.
 *
 * The init step: set the display up in the mode env "fb_mode" names
 * (WIDTHxHEIGHT, default 1024x768; an invalid one is refused with a
 * message and the default used), draw the splash, start the "fb"
 * console. Without -device ramfb it says so in one line; returns 0 then. */
/* fb_fdt_fixup(): give the display to Linux, in the tree it gets: a
 * /chosen simple-framebuffer node over a no-map /reserved-memory range
 * (nothing without a display). */
#ifdef CONFIG_VIDEO_RAMFB
int fb_init(void);
void fb_progress(uint64_t done, uint64_t total);
int fb_fdt_fixup(void *fdt);
#else
static inline int fb_init(void) { return 0; }
static inline void fb_progress(uint64_t done, uint64_t total) { }
static inline int fb_fdt_fixup(void *fdt) { return 0; }
#endif
/* The display, or NULL without one. */
const struct fb_info *fb_get_info(void);
/* The whole screen as a surface (NULL without a display). */
const struct fb_surface *fb_screen(void);
/* Switch to width x height, the new picture filled with color before the
 * display shows it: -EINVAL outside what ramfb accepts (16..16000 x
 * 16..12000), -ENOMEM without room; the old mode stays then. */
int fb_set_mode(unsigned int width, unsigned int height, uint32_t color);
/* Reserve size bytes (64 KiB aligned) as high in RAM as they fit, for
 * owner (the framebuffer, the console's text): -ENOMEM if nothing fits. */
int fb_alloc_high(uint64_t size, const char *owner, uint64_t *base);
/* Parse "WIDTHxHEIGHT"; -EINVAL if it is not one. */
int fb_parse_mode(const char *s, unsigned int *width, unsigned int *height);

/* The splash's background: a new mode made for the splash starts so. */
#define FB_SPLASH_BG	FB_RGB(0x10, 0x18, 0x28)

/* Draw the splash (built-in logo, or the BMP in fw_cfg file
 * "opt/virtboot/splash" centred) and clear the console area below it;
 * clear: fill the screen with FB_SPLASH_BG first (false when it is so
 * already, after fb_set_mode: 3 MB of stores spared at start-up). */
int fb_splash(bool clear);

/* timer_us() when the splash was first complete on screen; 0 if never. */
uint64_t fb_splash_us(void);
/* Another picture takes the screen (fb test): the console and the
 * progress bar stop drawing until fb_splash() or fb_clear(). */
void fb_takeover(void);
/* Fill the screen with color; the console then uses all of it. */
void fb_clear(uint32_t color);

/* The text console "fb": register it (fb_init does). It repeats the
 * banner as its first line, and takes stdout from env "stdout" if that
 * names fb, else adds itself there ("serial,fb"). */
int fbcon_init(void);
/* Hold its drawing (a test picture is on the
 * screen) or give it the region [y, height) of the screen, cleared. */
void fbcon_pause(void);
void fbcon_resume(unsigned int y, uint32_t bg);

#endif
