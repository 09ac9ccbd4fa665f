/* SPDX-License-Identifier: MIT */
/*
 * flash.h - NOR flash banks (the device tree's "cfi-flash" nodes): read,
 * erase whole blocks, program. A bank that holds the running loader is
 * never sent a command: it can only be read.
 */
#ifndef FLASH_H
#define FLASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct flash_bank {
	uint64_t base, size;
	unsigned int width;	/* bank width in bytes (the DT's bank-width) */
	unsigned int chips;	/* chips side by side on the bus */
	uint32_t erase_size;	/* one erase block, all chips together */
	uint32_t buffer_size;	/* most bytes of one buffered program, 0: none */
	uint16_t cmdset;	/* CFI primary command set (1: Intel/Sharp) */
	bool is_firmware;	/* holds the running loader: read-only */
	bool is_cfi;		/* answered the CFI query */
};

/* The i-th bank found, or NULL past the last. */
const struct flash_bank *flash_bank(unsigned int i);

/* The bank's array at off, to read in place (len bytes checked): Device
 * memory, so aligned loads only (crc32() and flash_read() make them);
 * NULL when out of range. Not while a command is under way. */
const void *flash_map(const struct flash_bank *b, uint64_t off, size_t len);
/* Copy len bytes at offset off of the bank (array reads). */
int flash_read(const struct flash_bank *b, uint64_t off, void *buf,
	       size_t len);
/* Erase the block at off (a multiple of erase_size). 0, -EROFS (the
 * loader's bank, or a block the chip reports locked or write-protected),
 * -EIO (an erase error, said), -ETIMEDOUT (said). */
int flash_erase_block(const struct flash_bank *b, uint64_t off);
/* Program len bytes at off (both multiples of the bank width) over
 * erased flash; words of all ones are skipped. Errors as for erase. */
int flash_write(const struct flash_bank *b, uint64_t off, const void *buf,
		size_t len);

/* CFI query data (JESD68.01), one byte per query offset as chip 0 gives
 * it, turned into the bank's geometry. bank_size is the bank's size from
 * the device tree: chips = bank_size / the chip size. -EINVAL (nothing
 * filled) when the table is not a CFI answer or does not fit the bank. */
#define CFI_QUERY_LEN	0x40
int cfi_parse_query(const uint8_t q[CFI_QUERY_LEN], uint64_t bank_size,
		    unsigned int width, struct flash_bank *out);

#endif
