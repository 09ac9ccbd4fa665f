/* SPDX-License-Identifier: MIT */
/* asm.h - constants shared by the arm64 assembly and C (Arm ARM, DDI 0487). */
#ifndef ASM_H
#define ASM_H

#define MPIDR_AFF_MASK	0xff00ffffff
#define CPACR_FPEN	(3 << 20)
#define CPTR_EL2_RES1	0x33ff		/* TFP (bit 10) clear */

/* struct pt_regs: x0..x30, sp, elr, spsr, esr, far */
#define PT_REGS_SIZE	288

/* The vector index given to exception_handle() (0-15: current EL SP0,
 * current EL SPx, lower EL AArch64, AArch32; each sync, IRQ, FIQ,
 * SError), plus this flag when SP_ELx was unusable at the entry. */
#define EXC_KIND_BAD_SP_BIT	4
#define EXC_KIND_BAD_SP		(1 << EXC_KIND_BAD_SP_BIT)
/* The SMC immediate of the vectors a kernel entered from EL3 starts with
 * (linux.S): its exceptions come back to EL3 until it sets its own. */
#define SMC_KERNEL_FAULT	0x5642

/* What an exception entry needs of the exception stack, at least. */
#define EXC_STACK_MIN		4096

#endif
