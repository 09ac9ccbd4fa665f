/* SPDX-License-Identifier: MIT */
/*
 * vectors.S - the exception vector table (Arm ARM D1.10.2) for whichever
 * EL virtboot runs at. Each entry saves x0..x30, SP and the entry kind in
 * a struct pt_regs on the current stack, calls exception_handle(), and
 * returns with eret to the ELR/SPSR that the handler left in place (it may
 * redirect them to recover a faulting shell command).
 */
#include <asm.h>

	.section .text.vectors, "ax"
	.balign	2048
	.globl	exception_vectors
exception_vectors:
	.irp	kind, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
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
	add	x1, sp, #PT_REGS_SIZE
	stp	x30, x1, [sp, #240]		// x30 and the interrupted SP
	mov	x1, x0
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
