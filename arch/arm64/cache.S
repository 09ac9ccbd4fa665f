/* SPDX-License-Identifier: MIT */
/*
 * cache.S - data-cache maintenance by VA to the point of coherency
 * (Arm DDI 0487, C5.3: DC CVAC, DC IVAC, DC CIVAC), line size from CTR_EL0.
 * void dcache_*_range(uintptr_t start, size_t len)
 */
	.text

	.macro	dcache_range op
	mrs	x3, ctr_el0
	ubfx	x3, x3, #16, #4			// DminLine: log2(words)
	mov	x2, #4
	lsl	x2, x2, x3			// line size in bytes
	add	x1, x0, x1			// end
	sub	x3, x2, #1
	bic	x0, x0, x3			// align start down
1:	cmp	x0, x1
	b.hs	2f
	dc	\op, x0
	add	x0, x0, x2
	b	1b
2:	dsb	sy
	ret
	.endm

	.globl	dcache_clean_range
dcache_clean_range:
	dcache_range cvac

	.globl	dcache_inval_range
dcache_inval_range:
	dcache_range ivac

	.globl	dcache_flush_range
dcache_flush_range:
	dcache_range civac
