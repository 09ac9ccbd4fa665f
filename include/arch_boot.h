/* SPDX-License-Identifier: MIT */
/*
 * arch_boot.h - what the architecture tells the boot flows: where its
 * Linux may be placed (with image.h, the kernel's header), what it adds
 * to the tree Linux gets, and the hand-off. arm64: Linux
 * Documentation/arch/arm64/booting.rst, in arch/arm64/image.c,
 * handoff.c and linux.S.
 */
#ifndef ARCH_BOOT_H
#define ARCH_BOOT_H

#include <stdbool.h>
#include <stdint.h>

/* The kernel: a base aligned so, plus the header's text_offset. */
#define ARCH_KERNEL_ALIGN		(2ULL << 20)
/* The initrd: inside the window of this size that starts at the kernel's
 * base rounded down to ARCH_INITRD_WINDOW_ALIGN. */
#define ARCH_INITRD_WINDOW_ALIGN	(1ULL << 30)
#define ARCH_INITRD_WINDOW		(32ULL << 30)
/* The DTB: aligned so, at most ARCH_FDT_MAX bytes, in a region of its own
 * of that size when the loader picks the place. */
#define ARCH_FDT_ALIGN			8
#define ARCH_FDT_MAX			(2ULL << 20)

/* The EL Linux is entered at: this one, or from EL3 EL2 if it exists. */
unsigned int boot_entry_el(void);
/* At EL3: every CPU gets the spin-table enable method and the mailbox
 * page is /memreserve/d; below EL3 nothing (PSCI starts the CPUs). */
int boot_arch_fdt_fixup(void *fdt);
/* Clean kernel, DTB and initrd to the point of coherency, prepare EL3's
 * hand-over and jump (the console has said goodbye). */
void boot_handoff(uint64_t entry, uint64_t ksize, uint64_t fdt,
		  uint64_t fdt_size, uint64_t initrd, uint64_t initrd_size)
	__attribute__((noreturn));

#endif
