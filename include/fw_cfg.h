/* SPDX-License-Identifier: MIT */
/*
 * fw_cfg.h - QEMU's firmware configuration device (QEMU docs/specs/
 * fw_cfg.rst): named files and legacy items (kernel, initrd, command line)
 * read by DMA, or through the data register when DMA is absent; files
 * written by DMA (ramfb). Every function returns 0 or a negative errno:
 * -ENODEV without the device, -ENOENT for an unknown file, -EIO for a DMA
 * error or a transfer that never completes.
 */
#ifndef FW_CFG_H
#define FW_CFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Legacy selectors. The *_SIZE items are little-endian u32s. */
#define FW_CFG_SIGNATURE	0x0000
#define FW_CFG_ID		0x0001
#define FW_CFG_KERNEL_SIZE	0x0008
#define FW_CFG_INITRD_SIZE	0x000b
#define FW_CFG_KERNEL_DATA	0x0011
#define FW_CFG_INITRD_DATA	0x0012
#define FW_CFG_CMDLINE_SIZE	0x0014
#define FW_CFG_CMDLINE_DATA	0x0015
#define FW_CFG_FILE_DIR		0x0019

#define FW_CFG_FEATURE_TRADITIONAL	(1 << 0)
#define FW_CFG_FEATURE_DMA		(1 << 1)

struct fw_cfg_file {
	uint32_t size;
	uint16_t select;
	char name[56];		/* NUL-terminated */
};

struct fw_cfg_info {
	uintptr_t base;
	uint64_t size;		/* of the register window */
	uint32_t features;	/* FW_CFG_FEATURE_* */
	bool dma;		/* DMA in use (available and not turned off) */
	bool coherent;		/* "dma-coherent": no cache maintenance */
};

/* The device's description, or NULL when there is no fw_cfg. */
const struct fw_cfg_info *fw_cfg_get_info(void);

/* Use DMA (the default when offered) or the data register for reads.
 * -ENODEV if DMA is asked for and the device has none. */
int fw_cfg_use_dma(bool on);

/* The file directory (read once, then cached). */
int fw_cfg_file_count(void);
const struct fw_cfg_file *fw_cfg_file_at(int index);
/* The named file, or NULL. */
const struct fw_cfg_file *fw_cfg_find(const char *name);

/* Read len bytes of an item from offset into buf, straight to buf: by
 * DMA in large transfers, no bounce copy. */
int fw_cfg_read(uint16_t select, uint64_t offset, void *buf, uint64_t len);
/* A legacy little-endian u32 item (FW_CFG_KERNEL_SIZE...); 0 if absent. */
uint32_t fw_cfg_read_u32(uint16_t select);
/* Read (part of) the named file. -ERANGE past its end. */
int fw_cfg_read_file(const char *name, uint64_t offset, void *buf,
		     uint64_t len);
/* Write the named file by DMA (-ENOTSUP without DMA: QEMU >= 2.4 has no
 * writes through the data register; -EACCES if QEMU refuses the write). */
int fw_cfg_write_file(const char *name, const void *buf, uint64_t len);

#endif
