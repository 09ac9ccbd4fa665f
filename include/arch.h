/* SPDX-License-Identifier: MIT */
/* arch.h - AArch64 system registers, barriers, caches, MMU (Arm DDI 0487). */
#ifndef ARCH_H
#define ARCH_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#define read_sysreg(r) ({ uint64_t __v; \
	__asm__ volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define write_sysreg(v, r) \
	__asm__ volatile("msr " #r ", %0" : : "r"((uint64_t)(v)))

/* The same register at the EL virtboot runs at (1, 2 or 3). */
#define read_sysreg_el(r) ({ uint64_t __r; switch (arch_el()) { \
	case 3: __r = read_sysreg(r##_el3); break; \
	case 2: __r = read_sysreg(r##_el2); break; \
	default: __r = read_sysreg(r##_el1); break; } __r; })
#define write_sysreg_el(v, r) do { switch (arch_el()) { \
	case 3: write_sysreg(v, r##_el3); break; \
	case 2: write_sysreg(v, r##_el2); break; \
	default: write_sysreg(v, r##_el1); break; } } while (0)

#define isb()		__asm__ volatile("isb" : : : "memory")
#define dsb(opt)	__asm__ volatile("dsb " #opt : : : "memory")
#define dmb(opt)	__asm__ volatile("dmb " #opt : : : "memory")
#define wfe()		__asm__ volatile("wfe")

/* The exception level virtboot runs at (from CurrentEL). */
static inline unsigned int arch_el(void)
{
	return (read_sysreg(CurrentEL) >> 2) & 3;
}

/* Build the identity map and program the translation controls for this
 * EL, MMU still off (start.S calls it from page 0, before C's library
 * runs); then mmu_enable() turns the MMU and caches on, with WXN. */
void mmu_setup(unsigned int el);
void mmu_enable(void);
/* From the exception entry: if the MMU is off (a kernel that faulted
 * after the jump to Linux), make the loader's RAM coherent again and turn
 * the MMU and caches back on. */
void mmu_resume(void);
/* Map [base, base + size) as normal write-back RAM (1 GiB granules);
 * returns 0 or -ERANGE beyond what the page tables cover. */
int mmu_map_ram(uint64_t base, uint64_t size);
/* True if the address is mapped (any attributes). */
bool mmu_is_mapped(uint64_t addr);

/* Seed the stack-protector guard (start.S, once the MMU is on, before any
 * protected function runs). */
void stack_guard_init(void);

/* From EL3: where a kernel's first vectors are (2 KiB, every entry an SMC
 * #SMC_KERNEL_FAULT back to EL3). */
uintptr_t arch_kernel_vectors(void);

/* The jump (arch/arm64/linux.S): interrupts masked, MMU and D-cache off
 * (in linux.S itself), I-cache invalidated, x0 = fdt, x1..x3 = 0. From EL3
 * it first writes scr_el3 and enters EL2 (non-secure) with the EL2
 * state Linux expects; at EL1/EL2 it stays there. */
void boot_jump_linux(uint64_t entry, uint64_t fdt, uint64_t scr_el3)
	__attribute__((noreturn));

/* Data-cache maintenance by VA to the point of coherency. */
void dcache_clean_range(uintptr_t start, size_t len);
void dcache_inval_range(uintptr_t start, size_t len);
void dcache_flush_range(uintptr_t start, size_t len);

#endif
