/* SPDX-License-Identifier: MIT */
/*
 * smp.S - where secondary CPUs wait. Only at EL3 (secure=on) do they run
 * the firmware at all; virtboot runs on the boot CPU alone, so they sleep
 * here with interrupts masked, MMU off, touching no memory.
 */
	.text
	.globl	spin_park
spin_park:
	wfe
	b	spin_park
