/* SPDX-License-Identifier: MIT */
/*
 * boot.h - booting an arm64 Linux Image (Linux Documentation/arch/arm64/
 * booting.rst): placement through the region allocator, the device-tree
 * fix-ups, and the hand-off at EL2 (when entered at EL2 or EL3) or EL1.
 */
#ifndef BOOT_H
#define BOOT_H

#include <stdbool.h>
#include <stdint.h>

/* The longest command line arm64 Linux keeps: COMMAND_LINE_SIZE (2048)
 * with its NUL. Longer bootargs are refused rather than cut. */
#define BOOT_ARGS_MAX	2047

struct boot_spec {
	uint64_t kernel;	/* the Image in memory */
	uint64_t kernel_size;	/* bytes of the file (0: from the header) */
	uint64_t initrd;	/* in memory, left in place */
	uint64_t initrd_size;	/* 0: no initrd */
	const void *fdt;	/* the tree to fix up; NULL: the live tree */
	bool dry_run;		/* print where everything goes, boot nothing */
};

/*
 * Boot what is already in memory (booti): the kernel stays where it is
 * when that is a valid, free place, else it moves to the lowest one; the
 * initrd stays in place; the fixed-up tree goes to fdt_addr_r or the
 * lowest free 2 MiB. Does not return unless the boot failed (a message
 * said why, nothing stays reserved) or was a dry run (returns 0).
 */
int boot_linux(const struct boot_spec *spec);

/*
 * Boot the kernel, initrd and command line QEMU passes in fw_cfg
 * (-kernel, -initrd, -append), read by DMA straight to their final
 * places (kernel_addr_r/ramdisk_addr_r when set). -ENOENT with a hint
 * when there is no kernel. A dry run reads only the kernel's header.
 */
int boot_fw_cfg(bool dry_run);

/*
 * Fix up the tree Linux gets (in a buffer with room to grow, e.g. after
 * fdt_open_into()): /chosen bootargs (removed when empty or NULL),
 * linux,initrd-start/-end (removed when initrd_end == initrd_start), and
 * "virtboot,version"; everything else, rng-seed and kaslr-seed included,
 * is kept. -ENOSPC when the buffer is too small.
 */
int boot_fdt_fixup(void *fdt, const char *bootargs, uint64_t initrd_start,
		   uint64_t initrd_end);

/* --- arch/arm64/handoff.c --- */

/* The EL Linux is entered at: this one, or from EL3 EL2 if it exists. */
unsigned int boot_entry_el(void);
/* At EL3: every CPU gets the spin-table enable method and the mailbox
 * page is /memreserve/d; below EL3 nothing (PSCI starts the CPUs). */
int boot_arch_fdt_fixup(void *fdt);
/* Clean kernel, DTB and initrd to the point of coherency, prepare EL3's
 * hand-over, print "Starting kernel ..." and jump. */
void boot_handoff(uint64_t entry, uint64_t ksize, uint64_t fdt,
		  uint64_t fdt_size, uint64_t initrd, uint64_t initrd_size)
	__attribute__((noreturn));

/* The jump (arch/arm64/linux.S): interrupts masked, MMU and D-cache off
 * (mmu_disable()), I-cache invalidated, x0 = fdt, x1..x3 = 0. From EL3
 * it first writes scr_el3 and enters EL2 (non-secure) with the EL2
 * state Linux expects; at EL1/EL2 it stays there. */
void boot_jump_linux(uint64_t entry, uint64_t fdt, uint64_t scr_el3)
	__attribute__((noreturn));

#endif
