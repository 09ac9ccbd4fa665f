/* SPDX-License-Identifier: MIT */
/*
 * smccc.S - SMC and HVC calls (Arm SMC Calling Convention, DEN 0028):
 * uint64_t smccc_smc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
 * uint64_t smccc_hvc(...): the same through HVC. Returns x0.
 */
	.text
	.globl	smccc_smc
smccc_smc:
	smc	#0
	ret

	.globl	smccc_hvc
smccc_hvc:
	hvc	#0
	ret
