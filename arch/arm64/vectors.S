/* SPDX-License-Identifier: MIT */
/*
 * vectors.S - the exception vector table (Arm ARM D1.10.2) for whichever
 * EL virtboot runs at. The loader runs on SP_EL0, so its own exceptions
 * come through the "current EL, SP0" entries (kinds 0-3) and are taken on
 * SP_ELx, the exception stack, whatever state SP_EL0 is in; the "current
 * EL, SPx" entries (kinds 4-7) are faults of the exception path itself,
 * of the start code, or of a kernel just entered (on SP_ELx). Those check
 * SP_ELx first (SP_EL0 is dead there and serves as the scratch register):
 * outside the exception stack, or too close to its guard page to hold a
 * report, it starts again from the top, and the kind carries
 * EXC_KIND_BAD_SP.
 *
 * Each entry saves x0..x30, the interrupted SP and the entry kind in a
 * struct pt_regs on SP_ELx; if the MMU is off (a kernel that faulted),
 * mmu_resume() turns it back on; then exception_handle() runs, and the
 * entry returns with eret to the ELR/SPSR (and SP_EL0) that the handler
 * left in place (it may redirect them to recover a faulting command).
 * The table is 2 KiB-aligned, past page 0 (the link map).
 */
#include <asm.h>

	.section .text.vectors, "ax"
	.balign	2048
	.globl	exception_vectors
exception_vectors:
	.irp	kind, 0, 1, 2, 3
	.balign	128
	sub	sp, sp, #PT_REGS_SIZE
	stp	x0, x1, [sp]
	mov	x0, #\kind
	b	exception_save
	.endr

	.irp	kind, 4, 5, 6, 7
	.balign	128
	msr	sp_el0, x0
	ldr	x0, =__exc_stack_bottom + EXC_STACK_MIN
	cmp	sp, x0
	b.lo	1f
	ldr	x0, =__exc_stack_top
	cmp	sp, x0
	b.hi	1f
	mrs	x0, sp_el0
	sub	sp, sp, #PT_REGS_SIZE
	stp	x0, x1, [sp]
	mov	x0, #\kind
	b	exception_save
1:	ldr	x0, =__exc_stack_top - PT_REGS_SIZE
	mov	sp, x0
	mrs	x0, sp_el0
	stp	x0, x1, [sp]
	mov	x0, #(\kind | EXC_KIND_BAD_SP)
	b	exception_save
	.endr

	.irp	kind, 8, 9, 10, 11, 12, 13, 14, 15
	.balign	128
	sub	sp, sp, #PT_REGS_SIZE
	stp	x0, x1, [sp]
	mov	x0, #\kind
	b	exception_save
	.endr

exception_save:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	add	x1, sp, #PT_REGS_SIZE		// SPx: SP before the entry
	tbnz	x0, #2, 1f
	mrs	x1, sp_el0			// SP0: the loader's stack
1:	stp	x30, x1, [sp, #240]		// x30 and the interrupted SP
	mov	x19, x0
	tbz	x0, #EXC_KIND_BAD_SP_BIT, 2f
	mov	x1, xzr				// lost
	str	x1, [sp, #248]
2:	bl	mmu_resume
	mov	x1, x19
	mov	x0, sp
	bl	exception_handle
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	ldr	x30, [sp, #240]
	ldp	x0, x1, [sp]
	add	sp, sp, #PT_REGS_SIZE
	eret
