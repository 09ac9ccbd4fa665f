// SPDX-License-Identifier: MIT
/*
 * ramfb.c - QEMU's ramfb display (QEMU hw/display/ramfb.c) as a back end
 * of the framebuffer core (fb.c): the framebuffer is ordinary RAM the
 * core reserves, announced with a DMA write of a packed big-endian
 * {addr, fourcc, flags, width, height, stride} record to the fw_cfg file
 * "etc/ramfb". The format is XRGB8888 (DRM fourcc "XR24").
 */
#define pr_fmt(fmt) "fb: " fmt
#include <errno.h>
#include <fb.h>
#include <fw_cfg.h>
#include <io.h>
#include <virtboot.h>

#define RAMFB_FILE	"etc/ramfb"
#define FOURCC_XR24	0x34325258	/* 'X' 'R' '2' '4' */

struct ramfb_cfg {
	uint64_t addr;
	uint32_t fourcc;
	uint32_t flags;
	uint32_t width;
	uint32_t height;
	uint32_t stride;
} __attribute__((packed));

static bool ramfb_present(void)
{
	return fw_cfg_find(RAMFB_FILE) != NULL;
}

static int ramfb_configure(uint64_t addr, unsigned int width,
			   unsigned int height, unsigned int stride)
{
	static struct ramfb_cfg cfg __attribute__((aligned(16)));

	cfg.addr = cpu_to_be64(addr);
	cfg.fourcc = cpu_to_be32(FOURCC_XR24);
	cfg.flags = 0;
	cfg.width = cpu_to_be32(width);
	cfg.height = cpu_to_be32(height);
	cfg.stride = cpu_to_be32(stride);
	return fw_cfg_write_file(RAMFB_FILE, &cfg, sizeof(cfg));
}

const struct fb_backend ramfb_backend = {
	.name = "ramfb",
	.present = ramfb_present,
	.configure = ramfb_configure,
	/* What QEMU's ramfb takes (VBE_DISPI_MAX_XRES/YRES). */
	.max_width = 16000,
	.max_height = 12000,
	.missing = "start QEMU with -device ramfb for the splash screen",
};
