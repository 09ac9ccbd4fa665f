/* SPDX-License-Identifier: MIT */
/*
 * start.S - reset entry of virtboot on QEMU's AArch64 virt machine.
 *
 * Contract on entry (QEMU, -bios): executing in place from the read-only
 * flash at 0; AArch64 at EL1 (default), EL2 (virtualization=on) or EL3
 * (secure=on); MMU and caches off; x0 = 0. QEMU's DTB is at the start of
 * RAM and the board code finds it there. At EL1/EL2 only CPU 0 runs; at
 * EL3 every CPU runs this code, and all but the CPU with affinity 0 are
 * parked in spin_park (arch/arm64/smp.S).
 *
 * This part sits in page 0 of the flash, which the MMU leaves unmapped:
 * it runs with the MMU off only, and continues at start_mmu_on, past
 * page 0, to turn the MMU on.
 *
 * Two stacks: the code runs on SP_EL0 (PSTATE.SP = 0, "ELxt": the stack
 * at __stack_top, an unmapped guard page below it), and exceptions are
 * taken on SP_ELx (the exception stack at __exc_stack_top, its own guard
 * page below), so that an exception entry survives a broken SP.
 *
 * On the call to board_init(el, entry_ticks): DAIF masked, VBAR at
 * exception_vectors, FP/SIMD usable, SP_EL0 in use, .data copied from the
 * flash, .bss zeroed, TPIDR_EL0 at the TLS block (picolibc's errno), MMU
 * and caches on with the identity map of mmu.c, the stack-protector guard
 * seeded. x0 = the exception level, x1 = the generic counter's value at
 * entry. Only aligned 8-byte accesses happen before the MMU is on.
 */
#include <asm.h>

	.section .text.entry, "ax"
	.globl	_start
_start:
	/*
	 * Both an A64 and an A32 instruction: in AArch64 "ands xN, xM, x0"
	 * (harmless: no register is in use yet); in AArch32 "b a32_stub".
	 * QEMU's virt defaults to a 32-bit Cortex-A15 without -cpu, and
	 * then the user gets a message instead of silence.
	 */
	.word	0xea000000 | ((a32_stub - _start - 8) >> 2)
	msr	daifset, #0xf
	mrs	x20, cntpct_el0			// x20 = entry time, for bootstage
	mrs	x19, CurrentEL
	lsr	x19, x19, #2			// x19 = EL, kept for C

	mrs	x0, mpidr_el1
	ldr	x1, =MPIDR_AFF_MASK
	and	x0, x0, x1
	cbnz	x0, spin_park			// not the boot CPU

	ldr	x0, =exception_vectors
	mov	x1, #CPACR_FPEN
	msr	cpacr_el1, x1			// FP/SIMD for EL1 and EL0
	cmp	x19, #2
	b.lt	1f
	b.eq	2f
	msr	vbar_el3, x0
	msr	cptr_el3, xzr			// no FP/SIMD trap to EL3
	b	3f
2:	msr	vbar_el2, x0
	ldr	x1, =CPTR_EL2_RES1
	msr	cptr_el2, x1			// no FP/SIMD trap to EL2
	b	3f
1:	msr	vbar_el1, x0
3:	isb

	ldr	x0, =__exc_stack_top
	mov	sp, x0				// SP_ELx: exceptions
	ldr	x0, =__stack_top
	msr	sp_el0, x0
	msr	spsel, #0			// SP_EL0 from here on

	ldr	x0, =__data_start		// copy .data and .tdata
	ldr	x1, =__data_source
	ldr	x2, =__data_end
4:	cmp	x0, x2
	b.hs	5f
	ldr	x3, [x1], #8
	str	x3, [x0], #8
	b	4b
5:	ldr	x0, =__bss_start		// zero .tbss and .bss
	ldr	x2, =__bss_end
6:	cmp	x0, x2
	b.hs	7f
	str	xzr, [x0], #8
	b	6b

7:	ldr	x0, =__tls_base			// picolibc TLS (errno)
	ldr	x1, =__arm64_tls_tcb_offset
	sub	x0, x0, x1
	msr	tpidr_el0, x0

	mov	x0, x19
	bl	mmu_setup			// tables and controls, MMU still off
	ldr	x0, =start_mmu_on
	br	x0

	/*
	 * Reached only by a 32-bit CPU (hand-encoded A32: this assembler
	 * speaks A64 only). Print msg on the PL011 every virt machine has at
	 * 0x09000000, then sleep.
	 */
	.balign	4
a32_stub:
	.word	0xe3001000			// movw	r1, #0
	.word	0xe3401900			// movt	r1, #0x0900
	.word	0xe28f2018			// add	r2, pc, #24 (msg)
	.word	0xe4d20001			// 1: ldrb r0, [r2], #1
	.word	0xe3500000			// cmp	r0, #0
	.word	0x15c10000			// strbne r0, [r1]
	.word	0x1afffffb			// bne	1b
	.word	0xe320f003			// 2: wfi
	.word	0xeafffffd			// b	2b
	.word	0
	.asciz	"\r\nvirtboot is 64-bit (AArch64) firmware and this CPU runs it as 32-bit code: start QEMU with -cpu cortex-a57 (or max, cortex-a53, ...)\r\n"
	.balign	4

	/* Past page 0: the MMU goes on here. */
	.text
start_mmu_on:
	bl	mmu_enable
	bl	stack_guard_init		// before any protected function
	mov	x0, x19
	mov	x1, x20
	bl	board_init
	b	.				// board_init never returns
