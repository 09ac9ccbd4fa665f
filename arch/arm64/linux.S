/* SPDX-License-Identifier: MIT */
/*
 * linux.S - the jump to an arm64 Linux Image (Linux Documentation/arch/
 * arm64/booting.rst):
 * void boot_jump_linux(uint64_t entry, uint64_t fdt, uint64_t scr_el3)
 *
 * Contract: called on the boot CPU with the kernel, initrd and DTB
 * already cleaned to the point of coherency; never returns. Masks
 * interrupts; cleans and invalidates the loader's own RAM to the point of
 * coherency (not for Linux: for the loader, should the kernel fault at
 * once and the exception come back to it with the MMU off, see
 * mmu_resume()); turns the MMU and D-cache off, after which nothing here
 * touches memory; invalidates the I-cache, selects SP_ELx, and enters the
 * kernel with x0 = fdt, x1 = x2 = x3 = 0: at the current EL when that is
 * EL1 or EL2; from EL3 (SCR_EL3 = scr_el3), at non-secure EL2h when the
 * CPU has EL2 (EL2 with the MMU off, EL1 AArch64, no traps of the timer
 * or of FP/SIMD, the virtual IDs of this CPU, CNTVOFF 0), else at
 * non-secure EL1h with the MMU off; with FEAT_GCS (SCR_EL3.GCSEn set),
 * GCSCR_EL2, GCSCR_EL1 and GCSCRE0_EL1 zeroed. VBAR_EL2 and VBAR_EL1 point
 * at the mailbox's vectors (handoff.c: in non-secure RAM, since the flash
 * is secure-only with secure=on), whose every entry is an SMC back to
 * EL3: until Linux installs its own vectors (the first thing it does), an
 * exception of the kernel comes back to the loader, which reports it and,
 * for a kernel booted by a shell command, recovers (exceptions.c).
 *
 * spin_release (from spin_park, smp.S, x0 = &spin_mailbox): a secondary
 * CPU at EL3, MMU and caches off, released by Linux through the
 * spin-table (arch/arm64/handoff.c): it sets up its own copy of the
 * per-CPU state the boot CPU set (CPTR_EL3, MDCR_EL3, SVE/SME lengths and
 * controls, the GICv3 system registers or the GICv2 banked group register
 * and priority mask), then leaves EL3 as above for Linux's entry, x0 = 0.
 *
 * Everything after the MMU is off lives in page 0 with the reset code
 * (section .text.mmu_off): it is unmapped once the MMU is on.
 */
#include <asm.h>

#define HCR_EL2_RW		(1 << 31)
#define SCTLR_EL2_RES1		0x30c50830	/* MMU, caches, EE off */
#define CNTHCTL_EL1PCTEN_PCEN	3
#define SCTLR_EL1_RES1		0x30d00800	/* MMU, caches, EE off */
#define SPSR_EL2H_DAIF		0x3c9
#define SPSR_EL1H_DAIF		0x3c5
#define SCTLR_M_C		0x5
#define SCR_GCSEN_BIT		39

/* struct spin_mailbox (arch/arm64/handoff.c) */
#define MB_RELEASE		8
#define MB_SCR			16
#define MB_CPTR			24
#define MB_FLAGS		32
#define MB_GICD_V2		40
#define MB_GICC_V2		48
#define MB_MDCR			56
#define MB_SMCR			64
#define MB_VECTORS		2048
#define SPIN_SVE_BIT		0
#define SPIN_SME_BIT		1
#define SPIN_GICV3_BIT		2
#define GICD_IGROUPR0		0x80
#define GICC_PMR		0x4

	.text
	.globl	boot_jump_linux
boot_jump_linux:
	msr	daifset, #0xf
	mov	x19, x0				// entry
	mov	x20, x1				// fdt
	mov	x21, x2				// scr_el3
	ldr	x0, =__ram_start
	ldr	x1, =__ram_end
	sub	x1, x1, x0
	bl	dcache_flush_range		// no memory written after this
	mov	x1, #SCTLR_M_C
	mrs	x0, CurrentEL
	cmp	x0, #(2 << 2)
	b.gt	3f
	b.eq	2f
	mrs	x0, sctlr_el1
	bic	x0, x0, x1
	dsb	sy
	msr	sctlr_el1, x0
	isb
	tlbi	vmalle1
	b	4f
2:	mrs	x0, sctlr_el2
	bic	x0, x0, x1
	dsb	sy
	msr	sctlr_el2, x0
	isb
	tlbi	alle2
	b	4f
3:	mrs	x0, sctlr_el3
	bic	x0, x0, x1
	dsb	sy
	msr	sctlr_el3, x0
	isb
	tlbi	alle3
4:	dsb	sy
	ic	iallu
	dsb	sy
	isb
	msr	spsel, #1
	b	linux_enter

	.section .text.mmu_off.kernel_entry, "ax"
linux_enter:				// MMU off: x19 entry, x20 fdt, x21 SCR
	mrs	x0, CurrentEL
	cmp	x0, #(3 << 2)
	b.eq	el3_to_linux
	mov	x0, x20
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x19

el3_to_linux:				// x19 entry, x20 x0, x21 SCR
	msr	scr_el3, x21
	isb
	mrs	x0, id_aa64pfr0_el1
	ubfx	x0, x0, #8, #4			// EL2 implemented?
	cbz	x0, 2f
	ldr	x0, =HCR_EL2_RW
	msr	hcr_el2, x0
	ldr	x0, =SCTLR_EL2_RES1
	msr	sctlr_el2, x0
	ldr	x0, =CPTR_EL2_RES1
	msr	cptr_el2, x0
	mov	x0, #CNTHCTL_EL1PCTEN_PCEN
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	msr	vttbr_el2, xzr
	mrs	x0, midr_el1
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	ldr	x0, =spin_mailbox + MB_VECTORS
	msr	vbar_el2, x0
	tbz	x21, #SCR_GCSEN_BIT, 1f
	msr	S3_4_C2_C5_0, xzr		// GCSCR_EL2
1:	mov	x0, #SPSR_EL2H_DAIF
	b	3f
2:	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0
	mov	x0, #SPSR_EL1H_DAIF
3:	ldr	x1, =spin_mailbox + MB_VECTORS
	msr	vbar_el1, x1
	tbz	x21, #SCR_GCSEN_BIT, 4f
	msr	S3_0_C2_C5_0, xzr		// GCSCR_EL1
	msr	S3_0_C2_C5_1, xzr		// GCSCRE0_EL1
4:	msr	spsr_el3, x0
	msr	elr_el3, x19
	isb
	mov	x0, x20
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	eret

	.globl	spin_release
spin_release:
	ldr	x1, [x0, #MB_CPTR]
	msr	cptr_el3, x1
	ldr	x1, [x0, #MB_MDCR]
	msr	mdcr_el3, x1
	isb
	ldr	x1, [x0, #MB_FLAGS]
	mov	x2, #0xf
	tbz	x1, #SPIN_SVE_BIT, 1f
	msr	S3_6_C1_C2_0, x2		// ZCR_EL3: every vector length
1:	tbz	x1, #SPIN_SME_BIT, 2f
	ldr	x3, [x0, #MB_SMCR]
	msr	S3_6_C1_C2_6, x3		// SMCR_EL3
2:	tbz	x1, #SPIN_GICV3_BIT, 3f
	msr	S3_6_C12_C12_5, x2		// ICC_SRE_EL3: SRE, Enable
	isb
	msr	S3_4_C12_C9_5, x2		// ICC_SRE_EL2
	isb
3:	ldr	x2, [x0, #MB_GICD_V2]
	cbz	x2, 4f
	mov	w3, #0xffffffff
	str	w3, [x2, #GICD_IGROUPR0]	// this CPU's SGIs, PPIs: group 1
	ldr	x2, [x0, #MB_GICC_V2]
	cbz	x2, 4f
	mov	w3, #0xff
	str	w3, [x2, #GICC_PMR]		// priority mask open
4:	ldr	x19, [x0, #MB_RELEASE]
	mov	x20, xzr
	ldr	x21, [x0, #MB_SCR]
	ic	iallu
	dsb	sy
	isb
	b	el3_to_linux
