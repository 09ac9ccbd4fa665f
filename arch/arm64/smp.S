/* SPDX-License-Identifier: MIT */
/*
 * smp.S - where secondary CPUs wait. Only at EL3 (secure=on) do they run
 * the firmware at all; virtboot runs on the boot CPU alone, so they sleep
 * here with interrupts masked, MMU off, reading only the spin-table
 * mailbox (arch/arm64/handoff.c): once the boot CPU has handed off to Linux (a stamp
 * later than when this CPU started waiting) and Linux has written its
 * entry to the release address, spin_release (linux.S) takes them there.
 * The stamp rule needs a counter that runs on across a reset, as QEMU's
 * does (handoff.c says what hardware would need instead).
 */
	.section .text.mmu_off.smp, "ax"
	.globl	spin_park
spin_park:
	mrs	x20, cntpct_el0			// waiting since
	ldr	x21, =spin_mailbox
1:	wfe
	ldr	x0, [x21]			// stamp
	cmp	x0, x20
	b.ls	1b				// not armed, or left by a reset
	ldr	x0, [x21, #8]			// release
	cbz	x0, 1b
	mov	x0, x21
	b	spin_release
