/* SPDX-License-Identifier: MIT */
/*
 * board.h - the little the loader must know of QEMU's virt machine without
 * the device tree: where QEMU puts the DTB, and the UART to report on when
 * that DTB is unusable. Everything else comes from the tree.
 */
#ifndef BOARD_H
#define BOARD_H

#include <stdint.h>

#define BOARD_RAM_BASE		0x40000000UL	/* the DTB is here */
#define BOARD_RAM_MIN		(128UL << 20)	/* assumed when no tree */
#define BOARD_FALLBACK_UART	0x09000000UL	/* PL011 of every virt */

/* C entry from start.S: runs the init list, then the shell. */
void board_init(unsigned int el, uint64_t entry_ticks)
	__attribute__((noreturn));

/* The exception level the loader was entered at. */
unsigned int board_entry_el(void);

#endif
