// SPDX-License-Identifier: MIT
/*
 * fb.c - the framebuffer core: the display's mode (XRGB8888 in RAM
 * reserved high up, out of the kernel's way), set through a back end
 * (ramfb.c: QEMU's ramfb); the init step (fb_mode, the splash, the
 * screen console), and the display handed to Linux as a
 * simple-framebuffer.
 */
#define pr_fmt(fmt) "fb: " fmt
#include <dt.h>
#include <boot_hooks.h>
#include <env.h>
#include <errno.h>
#include <fb.h>
#include <libfdt.h>
#include <region.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

#define MIN_SIDE	16
#define FB_ALIGN	0x10000UL	/* 64 KiB: any page size */

/* The back ends, in the order they are tried: the first one present
 * drives the display. */
static const struct fb_backend *const backends[] = {
	&ramfb_backend,
};

static const struct fb_backend *backend;
static struct fb_info info;
static struct fb_surface screen;
static bool present;

const struct fb_info *fb_get_info(void)
{
	return present ? &info : NULL;
}

const struct fb_surface *fb_screen(void)
{
	return present ? &screen : NULL;
}

int fb_parse_mode(const char *s, unsigned int *width, unsigned int *height)
{
	char *end;
	unsigned long w, h;

	if (!s || *s < '0' || *s > '9')
		return -EINVAL;
	w = strtoul(s, &end, 10);
	if (*end != 'x' || end[1] < '0' || end[1] > '9')
		return -EINVAL;
	h = strtoul(end + 1, &end, 10);
	if (*end || w < MIN_SIDE || h < MIN_SIDE ||
	    (backend && (w > backend->max_width || h > backend->max_height)))
		return -EINVAL;
	*width = w;
	*height = h;
	return 0;
}

/* The kernel and initrd go low, and a framebuffer in the middle would
 * split the free RAM. */
int fb_alloc_high(uint64_t size, const char *owner, uint64_t *base)
{
	const struct region *bank, *r;
	uint64_t cand;
	int i;

	for (i = region_ram_count() - 1; i >= 0; i--) {
		bank = region_ram_at(i);
		if (bank->size < size)
			continue;
		cand = ALIGN_DOWN(bank->base + bank->size - size, FB_ALIGN);
		while (cand >= bank->base) {
			r = region_overlap(cand, size);
			if (!r) {
				if (region_reserve(cand, size, owner))
					break;
				*base = cand;
				return 0;
			}
			/* Go below the reservation in the way. */
			if (r->base < bank->base + size)
				break;
			cand = ALIGN_DOWN(r->base - size, FB_ALIGN);
		}
	}
	return -ENOMEM;
}

int fb_set_mode(unsigned int width, unsigned int height, uint32_t color)
{
	uint64_t stride = (uint64_t)width * 4, size, base;
	int err;

	if (!backend)
		return -ENODEV;
	if (width < MIN_SIDE || width > backend->max_width ||
	    height < MIN_SIDE || height > backend->max_height)
		return -EINVAL;
	size = ALIGN_UP(stride * height, 4096);
	/* The new one while the old one is still reserved: never overlap
	 * the picture QEMU is showing. */
	err = fb_alloc_high(size, "framebuffer", &base);
	if (err)
		return err;
	/* Filled before QEMU shows it. A plain store loop: memset's DC ZVA
	 * is several times slower under QEMU's TCG (25 ms against 4 for
	 * 1024x768). */
	fb_fill(&(struct fb_surface){ (uint32_t *)(uintptr_t)base, width,
				      height, stride }, 0, 0, width, height, color);
	err = backend->configure(base, width, height, stride);
	if (err) {
		region_free(base);
		return err;
	}
	if (present)
		region_free(info.base);
	info.base = base;
	info.size = size;
	info.width = width;
	info.height = height;
	info.stride = stride;
	screen = (struct fb_surface){ (uint32_t *)(uintptr_t)base, width,
				      height, stride };
	present = true;
	return 0;
}

int fb_init(void)
{
	const char *mode = env_get("fb_mode");
	unsigned int w = FB_DEFAULT_WIDTH, h = FB_DEFAULT_HEIGHT, i;
	int err;

	for (i = 0; i < ARRAY_SIZE(backends) && !backend; i++)
		if (backends[i]->present())
			backend = backends[i];
	if (!backend) {
		pr_info("no display (%s)\n", backends[0]->missing);
		return 0;
	}
	if (mode && fb_parse_mode(mode, &w, &h)) {
		pr_err("invalid fb_mode '%s' (WIDTHxHEIGHT, 16x16 to %ux%u): using %ux%u\n",
		       mode, backend->max_width, backend->max_height,
		       FB_DEFAULT_WIDTH, FB_DEFAULT_HEIGHT);
		w = FB_DEFAULT_WIDTH;
		h = FB_DEFAULT_HEIGHT;
	}
	err = fb_set_mode(w, h, FB_SPLASH_BG);
	if (err && (w != FB_DEFAULT_WIDTH || h != FB_DEFAULT_HEIGHT)) {
		pr_err("cannot set up %ux%u (%d): using %ux%u\n", w, h, err,
		       FB_DEFAULT_WIDTH, FB_DEFAULT_HEIGHT);
		err = fb_set_mode(FB_DEFAULT_WIDTH, FB_DEFAULT_HEIGHT,
				  FB_SPLASH_BG);
	}
	if (err) {
		pr_err("cannot set up the display: %d\n", err);
		return err;
	}
	err = fb_splash(false);
	fbcon_init();
	/* The boot flows move the progress bar and hand the display on. */
	boot_add_progress(fb_progress);
	boot_add_fixup(fb_fdt_fixup);
	return err;
}

/*
 * Hand the display to Linux (Documentation/devicetree/bindings/display/
 * simple-framebuffer.yaml): a /chosen/framebuffer node in XRGB8888 over
 * a no-map /reserved-memory range, so that the kernel's simplefb driver
 * keeps the screen (and its console) and never uses that RAM otherwise.
 */
int fb_fdt_fixup(void *fdt)
{
	fdt32_t phandle_be;
	uint32_t phandle;
	int rsv, node, chosen, err;
	char name[32];

	if (!present)
		return 0;
	snprintf(name, sizeof(name), "framebuffer@%llx",
		 (unsigned long long)info.base);
	rsv = fdt_path_offset(fdt, "/reserved-memory");
	if (rsv < 0) {
		rsv = fdt_add_subnode(fdt, 0, "reserved-memory");
		if (rsv < 0)
			return dt_errno(rsv);
		err = fdt_setprop_u32(fdt, rsv, "#address-cells", 2);
		err = err ?: fdt_setprop_u32(fdt, rsv, "#size-cells", 2);
		err = err ?: fdt_setprop_empty(fdt, rsv, "ranges");
		if (err)
			return dt_errno(err);
	}
	node = fdt_add_subnode(fdt, rsv, name);
	if (node < 0)
		return dt_errno(node);
	err = fdt_generate_phandle(fdt, &phandle);
	err = err ?: fdt_appendprop_addrrange(fdt, rsv, node, "reg", info.base,
					      info.size);
	err = err ?: fdt_setprop_empty(fdt, node, "no-map");
	err = err ?: fdt_setprop_u32(fdt, node, "phandle", phandle);
	if (err)
		return dt_errno(err);

	/* Linux translates "reg" through /chosen: it needs cells and ranges. */
	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen < 0)
		return dt_errno(chosen);
	if (!fdt_getprop(fdt, chosen, "ranges", NULL)) {
		err = fdt_setprop_u32(fdt, chosen, "#address-cells", 2);
		err = err ?: fdt_setprop_u32(fdt, chosen, "#size-cells", 2);
		err = err ?: fdt_setprop_empty(fdt, chosen, "ranges");
		if (err)
			return dt_errno(err);
	}
	node = fdt_add_subnode(fdt, chosen, name);
	if (node < 0)
		return dt_errno(node);
	phandle_be = cpu_to_fdt32(phandle);
	err = fdt_setprop_string(fdt, node, "compatible", "simple-framebuffer");
	err = err ?: fdt_appendprop_addrrange(fdt, chosen, node, "reg",
					      info.base, info.size);
	err = err ?: fdt_setprop_u32(fdt, node, "width", info.width);
	err = err ?: fdt_setprop_u32(fdt, node, "height", info.height);
	err = err ?: fdt_setprop_u32(fdt, node, "stride", info.stride);
	err = err ?: fdt_setprop_string(fdt, node, "format", "x8r8g8b8");
	err = err ?: fdt_setprop(fdt, node, "memory-region", &phandle_be,
				 sizeof(phandle_be));
	err = err ?: fdt_setprop_string(fdt, node, "status", "okay");
	return dt_errno(err);
}
