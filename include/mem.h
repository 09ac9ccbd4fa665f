/* SPDX-License-Identifier: MIT */
/* mem.h - the RAM banks, from every device_type = "memory" node. */
#ifndef MEM_H
#define MEM_H

#include <stdbool.h>
#include <stdint.h>

#define MEM_MAX_BANKS 8

struct mem_bank {
	uint64_t start;
	uint64_t size;
};

/* Read the banks from the tree and map them; with no usable tree, one
 * bank of the first RAM the board knows is there. */
int mem_init(const void *fdt);
int mem_bank_count(void);
const struct mem_bank *mem_bank(int i);
uint64_t mem_total(void);
/* True if [addr, addr + len) lies inside one RAM bank. */
bool mem_is_ram(uint64_t addr, uint64_t len);
/* Bytes from addr to the end of its RAM bank (0 outside RAM). */
uint64_t mem_ram_left(uint64_t addr);

#endif
