/* SPDX-License-Identifier: MIT */
/*
 * string.S - memcpy and memmove for the loader's copies.
 *
 * Debian's picolibc is built for size: its memcpy moves one byte at a
 * time, which under TCG is about ten times slower than 64 bytes a round
 * with LDP/STP (a kernel copied out of a FIT, the device tree, a
 * compressed kernel moved aside). These take the library's place.
 * (Its memset stays: it zeroes with DC ZVA, faster than stores here.)
 *
 * The destination is brought to an 8-byte boundary a byte at a time, then
 * the rest goes in 64-byte rounds of doublewords (the loads unaligned
 * when the source does not agree modulo 8), then the tail byte by byte.
 * They are for Normal memory, as the C library's are: Device memory (the
 * flash's command bank, MMIO) is read and written through io.h's
 * accessors.
 */

/* Copy x2 bytes from x1 to x3 upward; clobbers x1-x11. */
.macro copy_up
0:	tst	x3, #7			/* the head, up to a doubleword */
	b.eq	1f
	cbz	x2, 4f
	ldrb	w4, [x1], #1
	strb	w4, [x3], #1
	sub	x2, x2, #1
	b	0b
1:	cmp	x2, #64
	b.lo	2f
	ldp	x4, x5, [x1]
	ldp	x6, x7, [x1, #16]
	ldp	x8, x9, [x1, #32]
	ldp	x10, x11, [x1, #48]
	add	x1, x1, #64
	sub	x2, x2, #64
	stp	x4, x5, [x3]
	stp	x6, x7, [x3, #16]
	stp	x8, x9, [x3, #32]
	stp	x10, x11, [x3, #48]
	add	x3, x3, #64
	b	1b
2:	cmp	x2, #8
	b.lo	3f
	ldr	x4, [x1], #8
	str	x4, [x3], #8
	sub	x2, x2, #8
	b	2b
3:	cbz	x2, 4f			/* the tail */
	ldrb	w4, [x1], #1
	strb	w4, [x3], #1
	sub	x2, x2, #1
	b	3b
4:
.endm

	.section .text.memcpy, "ax"
	.global	memcpy
	.type	memcpy, %function
memcpy:
	mov	x3, x0
	copy_up
	ret
	.size	memcpy, . - memcpy

/* Overlapping with the destination above the source: from the end down,
 * so that nothing is overwritten before it is read. Upward otherwise (a
 * round loads its 64 bytes before it stores any). */
	.section .text.memmove, "ax"
	.global	memmove
	.type	memmove, %function
memmove:
	sub	x4, x0, x1
	cmp	x4, x2
	b.lo	5f			/* src < dst < src + n */
	mov	x3, x0
	copy_up
	ret
5:	add	x1, x1, x2		/* one past the ends */
	add	x3, x0, x2
6:	tst	x3, #7
	b.eq	7f
	cbz	x2, 9f
	ldrb	w4, [x1, #-1]!
	strb	w4, [x3, #-1]!
	sub	x2, x2, #1
	b	6b
7:	cmp	x2, #64
	b.lo	71f
	ldp	x4, x5, [x1, #-16]
	ldp	x6, x7, [x1, #-32]
	ldp	x8, x9, [x1, #-48]
	ldp	x10, x11, [x1, #-64]
	sub	x1, x1, #64
	sub	x2, x2, #64
	stp	x4, x5, [x3, #-16]
	stp	x6, x7, [x3, #-32]
	stp	x8, x9, [x3, #-48]
	stp	x10, x11, [x3, #-64]
	sub	x3, x3, #64
	b	7b
71:	cmp	x2, #8
	b.lo	8f
	ldr	x4, [x1, #-8]!
	str	x4, [x3, #-8]!
	sub	x2, x2, #8
	b	71b
8:	cbz	x2, 9f
	ldrb	w4, [x1, #-1]!
	strb	w4, [x3, #-1]!
	sub	x2, x2, #1
	b	8b
9:	ret
	.size	memmove, . - memmove
