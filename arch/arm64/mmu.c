// SPDX-License-Identifier: MIT
/*
 * mmu.c - the identity map (Arm DDI 0487, D8: VMSAv8-64, 4 KiB granule,
 * 39-bit VA starting at level 1). The flash at 0 is normal read-only
 * executable memory; the rest of the first GiB is Device-nGnRE; RAM is
 * normal write-back, never executable; 256..512 GiB (QEMU's high PCIe
 * ECAM and MMIO) is Device. RAM beyond the first GiB of it is added by
 * mmu_map_ram() once the device tree has said where it is.
 *
 * mmu_setup() runs before the MMU is on, when every access is Device
 * memory: this file is built with -mstrict-align and without builtins.
 */
#include <arch.h>
#include <errno.h>

#define FLASH_SIZE	(128UL << 20)	/* both virt flash banks */
#define DEVICE_END	(1UL << 30)	/* RAM starts at 1 GiB */
#define HIGH_IO_START	(256UL << 30)
#define VA_END		(512UL << 30)

#define SZ_2M		(2UL << 20)
#define SZ_1G		(1UL << 30)

#define PTE_VALID	(1UL << 0)
#define PTE_TABLE	(3UL << 0)
#define PTE_ATTR(i)	((uint64_t)(i) << 2)
#define PTE_RO		(1UL << 7)
#define PTE_ISH		(3UL << 8)
#define PTE_AF		(1UL << 10)
#define PTE_PXN		(1UL << 53)
#define PTE_XN		(1UL << 54)	/* UXN at EL1, XN at EL2/EL3 */

enum { ATTR_DEVICE, ATTR_NORMAL };
#define MAIR_VALUE	((0x04UL << (8 * ATTR_DEVICE)) | \
			 (0xffUL << (8 * ATTR_NORMAL)))

#define PTE_DEVICE	(PTE_VALID | PTE_ATTR(ATTR_DEVICE) | PTE_AF | \
			 PTE_XN | PTE_PXN)
#define PTE_RAM		(PTE_VALID | PTE_ATTR(ATTR_NORMAL) | PTE_ISH | \
			 PTE_AF | PTE_XN | PTE_PXN)
#define PTE_FLASH	(PTE_VALID | PTE_ATTR(ATTR_NORMAL) | PTE_ISH | \
			 PTE_AF | PTE_RO)

#define TCR_T0SZ	(64 - 39)
#define TCR_IRGN0_WBWA	(1UL << 8)
#define TCR_ORGN0_WBWA	(1UL << 10)
#define TCR_SH0_ISH	(3UL << 12)
#define TCR_EL1_EPD1	(1UL << 23)
#define TCR_ELx_RES1	((1UL << 31) | (1UL << 23))

#define SCTLR_M		(1UL << 0)
#define SCTLR_A		(1UL << 1)
#define SCTLR_C		(1UL << 2)
#define SCTLR_SA	(1UL << 3)
#define SCTLR_I		(1UL << 12)
#define SCTLR_WXN	(1UL << 19)

static uint64_t l1_table[512] __attribute__((aligned(4096)));
static uint64_t l2_low[512] __attribute__((aligned(4096)));

static void tlb_flush(void)
{
	dsb(ishst);
	switch (arch_el()) {
	case 3: __asm__ volatile("tlbi alle3"); break;
	case 2: __asm__ volatile("tlbi alle2"); break;
	default: __asm__ volatile("tlbi vmalle1"); break;
	}
	dsb(ish);
	isb();
}

void mmu_setup(unsigned int el)
{
	uint64_t a, tcr, pa_range;
	unsigned int i;

	for (i = 0; i < 512; i++) {
		a = (uint64_t)i * SZ_2M;
		l2_low[i] = a | (a < FLASH_SIZE ? PTE_FLASH : PTE_DEVICE);
	}
	l1_table[0] = (uintptr_t)l2_low | PTE_TABLE;
	l1_table[1] = SZ_1G | PTE_RAM;	/* the first GiB of RAM */
	for (i = HIGH_IO_START / SZ_1G; i < VA_END / SZ_1G; i++)
		l1_table[i] = (uint64_t)i * SZ_1G | PTE_DEVICE;

	/* The walker will look in the caches once they are on: make sure
	 * no stale line shadows what was just written to memory. */
	dcache_inval_range((uintptr_t)l1_table, sizeof(l1_table));
	dcache_inval_range((uintptr_t)l2_low, sizeof(l2_low));

	pa_range = read_sysreg(id_aa64mmfr0_el1) & 0xf;
	if (pa_range > 5)
		pa_range = 5;	/* 48 bits is plenty for a 39-bit VA */
	tcr = TCR_T0SZ | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_ISH;

	switch (el) {
	case 3:
		write_sysreg(MAIR_VALUE, mair_el3);
		write_sysreg(tcr | TCR_ELx_RES1 | pa_range << 16, tcr_el3);
		write_sysreg((uintptr_t)l1_table, ttbr0_el3);
		break;
	case 2:
		write_sysreg(MAIR_VALUE, mair_el2);
		write_sysreg(tcr | TCR_ELx_RES1 | pa_range << 16, tcr_el2);
		write_sysreg((uintptr_t)l1_table, ttbr0_el2);
		break;
	default:
		write_sysreg(MAIR_VALUE, mair_el1);
		write_sysreg(tcr | TCR_EL1_EPD1 | pa_range << 32, tcr_el1);
		write_sysreg((uintptr_t)l1_table, ttbr0_el1);
		break;
	}
	isb();
	tlb_flush();

	a = read_sysreg_el(sctlr);
	a &= ~(SCTLR_A | SCTLR_WXN);
	a |= SCTLR_M | SCTLR_C | SCTLR_SA | SCTLR_I;
	write_sysreg_el(a, sctlr);
	isb();
}

int mmu_map_ram(uint64_t base, uint64_t size)
{
	uint64_t gb, end = base + size;

	if (base < DEVICE_END || end > HIGH_IO_START || end < base)
		return -ERANGE;
	for (gb = base / SZ_1G; gb < (end + SZ_1G - 1) / SZ_1G; gb++)
		l1_table[gb] = gb * SZ_1G | PTE_RAM;
	tlb_flush();
	return 0;
}

bool mmu_is_mapped(uint64_t addr)
{
	if (addr >= VA_END)
		return false;
	if (addr < SZ_1G)
		return l2_low[addr / SZ_2M] & PTE_VALID;
	return l1_table[addr / SZ_1G] & PTE_VALID;
}

/* Called from the jump to Linux (linux.S), which touches no RAM after
 * it: with the D-cache off, dirty lines (the stack) would be read stale
 * from memory. Compiled as a leaf with no stack frame; the caller has
 * cleaned what the kernel needs to the point of coherency. */
void mmu_disable(void)
{
	uint64_t sctlr = read_sysreg_el(sctlr);

	dsb(sy);
	write_sysreg_el(sctlr & ~(SCTLR_M | SCTLR_C), sctlr);
	isb();
	tlb_flush();
}
