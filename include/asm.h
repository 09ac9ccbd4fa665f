/* SPDX-License-Identifier: MIT */
/* asm.h - constants shared by the arm64 assembly and C (Arm ARM, DDI 0487). */
#ifndef ASM_H
#define ASM_H

#define MPIDR_AFF_MASK	0xff00ffffff
#define CPACR_FPEN	(3 << 20)
#define CPTR_EL2_RES1	0x33ff		/* TFP (bit 10) clear */

/* struct pt_regs: x0..x30, sp, elr, spsr, esr, far */
#define PT_REGS_SIZE	288

#endif
