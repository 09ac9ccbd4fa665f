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

/* The directory (FW_CFG_FILE_DIR): a big-endian u32 count, then entries
 * of {be32 size; be16 select; u16 reserved; char name[56]}. */
#define FW_CFG_DIR_ENTRY_SIZE	64
#define FW_CFG_MAX_FILES	4096

/* Files a user gives QEMU to configure the loader (-fw_cfg name=...). */
#define FW_CFG_ENV_FILE		"opt/virtboot/env"
#define FW_CFG_SCRIPT_FILE	"opt/virtboot/script"

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
	bool has_dma;		/* the device offers DMA */
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

/* Parse a raw directory of len bytes (as read from FW_CFG_FILE_DIR) into
 * files[0..max). Returns the number of files, -EINVAL if the data is
 * shorter than its count says, -E2BIG if there are more than max. Names
 * are always NUL-terminated. Pure: no device access. */
int fw_cfg_parse_dir(const void *raw, size_t len, struct fw_cfg_file *files,
		     int max);

/* Configuration from the QEMU command line (boot/fw_cfg_env.c), for the
 * board's init list: import FW_CFG_ENV_FILE's name=value lines into the
 * environment (bad lines are reported and skipped; -EINVAL if any was),
 * and run FW_CFG_SCRIPT_FILE's lines as shell commands. Both return 0
 * when there is no fw_cfg or no such file. */
int fw_cfg_env_import(void);
int fw_cfg_script_run(void);
/* Copy QEMU's command line (-append) into bootargs when it has one: an
 * init step (bootargs can then be edited before booting), and qfw load. */
int fw_cfg_import_cmdline(void);

/* The fwcfg command's load (cmd/fwcfg.c), shared with qfw: copy a file
 * or the legacy "kernel", "initrd" or "cmdline" (max bytes of it; 0: all)
 * to addr, refusing a destination that is not free RAM (the loader, its
 * stack and heap, the device tree, other reservations); prints "N bytes
 * read in T ms (R MiB/s)" and sets filesize. Messages start with cmd. */
int fw_cfg_cmd_load(const char *cmd, const char *name, uint64_t addr,
		    uint64_t max);

#endif
