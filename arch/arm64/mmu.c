// SPDX-License-Identifier: MIT
/*
 * mmu.c - the identity map (Arm DDI 0487, D8: VMSAv8-64, 4 KiB granule,
 * 39-bit VA starting at level 1), with write permission implying
 * execute-never (SCTLR_ELx.WXN):
 *  - flash page 0 (the MMU-off code) unmapped, so that a null pointer or a
 *    jump to 0 faults; the loader's code read-only executable (with
 *    the start of its read-only data, on the page where the code ends);
 *    the rest of its read-only data and of its flash bank read-only
 *    never-executable (the first 2 MiB through a level-3 table);
 *  - the rest of the first GiB Device-nGnRE, never executable: the
 *    second flash bank too, which the flash driver sends commands to
 *    (a chip in status mode answers reads with status, so nothing of
 *    it may sit in a cache);
 *  - RAM normal write-back, never executable; the loader's own 2 MiB
 *    through a level-3 table that leaves the page below each of its two
 *    stacks unmapped (guard pages);
 *  - 256..512 GiB (QEMU's high PCIe ECAM and MMIO) Device.
 * RAM beyond the first GiB of it is added by mmu_map_ram() once the device
 * tree has said where it is. Execute-never is UXN|PXN in the EL1&0 regime
 * and XN (bit 54) at EL2/EL3, where bit 53 is RES0 and AP[1] (bit 6) RES1
 * (a regime of one Exception level).
 *
 * mmu_setup() runs before the MMU is on, when every access is Device
 * memory: this file is built with -mstrict-align and without builtins.
 */
#include <arch.h>
#include <errno.h>

#define FLASH_SIZE	(64UL << 20)	/* the virt flash bank we run from */
#define DEVICE_END	(1UL << 30)	/* RAM starts at 1 GiB */
#define HIGH_IO_START	(256UL << 30)
#define VA_END		(512UL << 30)

#define SZ_4K		(4UL << 10)
#define SZ_2M		(2UL << 20)
#define SZ_1G		(1UL << 30)

#define PTE_VALID	(1UL << 0)
#define PTE_TABLE	(3UL << 0)	/* level 1-2: next table */
#define PTE_PAGE	(3UL << 0)	/* level 3: a 4 KiB page */
#define PTE_ATTR(i)	((uint64_t)(i) << 2)
#define PTE_AP1		(1UL << 6)	/* EL0 access; RES1 at EL2/EL3 */
#define PTE_RO		(1UL << 7)
#define PTE_ISH		(3UL << 8)
#define PTE_AF		(1UL << 10)
#define PTE_PXN		(1UL << 53)	/* EL1&0 only; RES0 at EL2/EL3 */
#define PTE_XN		(1UL << 54)	/* UXN at EL1, XN at EL2/EL3 */
#define PTE_TYPE_MASK	(3UL << 0)

enum { ATTR_DEVICE, ATTR_NORMAL };
#define MAIR_VALUE	((0x04UL << (8 * ATTR_DEVICE)) | \
			 (0xffUL << (8 * ATTR_NORMAL)))

#define PTE_DEVICE	(PTE_VALID | PTE_ATTR(ATTR_DEVICE) | PTE_AF)
#define PTE_NORMAL	(PTE_VALID | PTE_ATTR(ATTR_NORMAL) | PTE_ISH | PTE_AF)

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

/* Page 0 is what runs with the MMU off; the code ends at __text_end. */
extern char __text_mmu_start[], __text_end[];
extern char __ram_start[], __ram_end[], __stack_guard[], __exc_stack_guard[];

static uint64_t l1_table[512] __attribute__((aligned(4096)));
static uint64_t l2_low[512] __attribute__((aligned(4096)));	/* 0-1 GiB */
static uint64_t l3_flash[512] __attribute__((aligned(4096)));	/* 0-2 MiB */
static uint64_t l2_ram[512] __attribute__((aligned(4096)));	/* 1-2 GiB */
static uint64_t l3_ram[512] __attribute__((aligned(4096)));	/* loader */
static uint64_t pte_xn;		/* execute-never in this EL's regime */
static uint64_t pte_leaf;	/* in every block and page: AP[1] at EL2/3 */

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

static bool is_guard_page(uint64_t a)
{
	return a == (uintptr_t)__stack_guard || a == (uintptr_t)__exc_stack_guard;
}

/* Runs from page 0 with the MMU off (see the link map). */
__attribute__((section(".text.mmu_off.mmu_setup")))
void mmu_setup(unsigned int el)
{
	uint64_t a, tcr, pa_range, ram_l3 = (uintptr_t)__ram_start & ~(SZ_2M - 1);
	unsigned int i;

	pte_xn = el == 1 ? PTE_XN | PTE_PXN : PTE_XN;
	pte_leaf = el == 1 ? 0 : PTE_AP1;
	for (i = 0; i < 512; i++) {
		a = (uint64_t)i * SZ_4K | PTE_PAGE | PTE_NORMAL | PTE_RO |
		    pte_leaf;
		if (i * SZ_4K < (uintptr_t)__text_mmu_start)
			l3_flash[i] = 0;
		else if (i * SZ_4K < (uintptr_t)__text_end)
			l3_flash[i] = a | (el == 1 ? PTE_XN : 0);	/* UXN */
		else
			l3_flash[i] = a | pte_xn;
	}
	for (i = 0; i < 512; i++) {
		a = (uint64_t)i * SZ_2M;
		l2_low[i] = a | (a < FLASH_SIZE ? PTE_NORMAL | PTE_RO :
				 PTE_DEVICE) | pte_xn | pte_leaf;
		a = DEVICE_END + (uint64_t)i * SZ_2M;
		l2_ram[i] = a | PTE_NORMAL | pte_xn | pte_leaf;
		a = ram_l3 + (uint64_t)i * SZ_4K;
		l3_ram[i] = is_guard_page(a) ? 0 :
			    a | PTE_PAGE | PTE_NORMAL | pte_xn | pte_leaf;
	}
	l2_low[0] = (uintptr_t)l3_flash | PTE_TABLE;
	l2_ram[(ram_l3 - DEVICE_END) / SZ_2M] = (uintptr_t)l3_ram | PTE_TABLE;
	l1_table[0] = (uintptr_t)l2_low | PTE_TABLE;
	l1_table[1] = (uintptr_t)l2_ram | PTE_TABLE;	/* the first GiB of RAM */
	for (i = HIGH_IO_START / SZ_1G; i < VA_END / SZ_1G; i++)
		l1_table[i] = (uint64_t)i * SZ_1G | PTE_DEVICE | pte_xn |
			      pte_leaf;

	/* The walker will look in the caches once they are on: make sure
	 * no stale line shadows what was just written to memory. */
	dcache_inval_range((uintptr_t)l1_table, sizeof(l1_table));
	dcache_inval_range((uintptr_t)l2_low, sizeof(l2_low));
	dcache_inval_range((uintptr_t)l3_flash, sizeof(l3_flash));
	dcache_inval_range((uintptr_t)l2_ram, sizeof(l2_ram));
	dcache_inval_range((uintptr_t)l3_ram, sizeof(l3_ram));

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
}

void mmu_enable(void)
{
	uint64_t a;

	tlb_flush();
	a = read_sysreg_el(sctlr);
	a &= ~SCTLR_A;
	a |= SCTLR_M | SCTLR_C | SCTLR_SA | SCTLR_I | SCTLR_WXN;
	write_sysreg_el(a, sctlr);
	isb();
}

/* The jump to Linux (linux.S) cleaned and invalidated the loader's RAM
 * before turning the MMU off, and nothing cacheable was written since:
 * the cache holds at most clean lines fetched before the MMU went off,
 * older than what was written with it off. Drop them, then turn the MMU
 * back on. */
void mmu_resume(void)
{
	if (read_sysreg_el(sctlr) & SCTLR_M)
		return;
	dcache_inval_range((uintptr_t)__ram_start, __ram_end - __ram_start);
	__asm__ volatile("ic iallu");
	mmu_enable();
}

int mmu_map_ram(uint64_t base, uint64_t size)
{
	uint64_t gb, end = base + size;

	if (base < DEVICE_END || end > HIGH_IO_START || end < base)
		return -ERANGE;
	for (gb = base / SZ_1G; gb < (end + SZ_1G - 1) / SZ_1G; gb++)
		if ((l1_table[gb] & PTE_TYPE_MASK) != PTE_TABLE)
			l1_table[gb] = gb * SZ_1G | PTE_NORMAL | pte_xn |
				       pte_leaf;
	tlb_flush();
	return 0;
}

bool mmu_is_mapped(uint64_t addr)
{
	uint64_t pte;

	if (addr >= VA_END)
		return false;
	pte = l1_table[addr / SZ_1G];
	if ((pte & PTE_TYPE_MASK) == PTE_TABLE) {
		pte = ((uint64_t *)(pte & 0xfffffffff000UL))[addr / SZ_2M % 512];
		if ((pte & PTE_TYPE_MASK) == PTE_TABLE)
			pte = ((uint64_t *)(pte & 0xfffffffff000UL))[addr / SZ_4K % 512];
	}
	return pte & PTE_VALID;
}
