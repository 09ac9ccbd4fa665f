/* SPDX-License-Identifier: MIT */
/* memaccess.h - reads and writes of 1, 2, 4 or 8 bytes at an address the
 * user typed (md, mw, cp, cmp): volatile, so each is one access. */
#ifndef MEMACCESS_H
#define MEMACCESS_H

#include <stdint.h>

static inline uint64_t mem_read(uint64_t addr, unsigned int size)
{
	switch (size) {
	case 1: return *(volatile uint8_t *)(uintptr_t)addr;
	case 2: return *(volatile uint16_t *)(uintptr_t)addr;
	case 4: return *(volatile uint32_t *)(uintptr_t)addr;
	default: return *(volatile uint64_t *)(uintptr_t)addr;
	}
}

static inline void mem_write(uint64_t addr, unsigned int size, uint64_t v)
{
	switch (size) {
	case 1: *(volatile uint8_t *)(uintptr_t)addr = v; break;
	case 2: *(volatile uint16_t *)(uintptr_t)addr = v; break;
	case 4: *(volatile uint32_t *)(uintptr_t)addr = v; break;
	default: *(volatile uint64_t *)(uintptr_t)addr = v; break;
	}
}

#endif
