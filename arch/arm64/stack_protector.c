// SPDX-License-Identifier: MIT
/*
 * stack_protector.c - the guard value that GCC's -fstack-protector-strong
 * checks (the global __stack_chk_guard of AArch64's default
 * -mstack-protector-guard=global), and what happens when a check fails.
 * picolibc seeds its own guard from a constructor, and nothing runs
 * constructors here: the guard is set once, from start.S, before the
 * first protected function, so that no protected frame is live when it
 * changes. It mixes the counter, RNDR where ID_AA64ISAR0_EL1 says the CPU
 * has it, and QEMU's /chosen/kaslr-seed and rng-seed (Devicetree
 * Specification v0.4, 3.6) from the tree at the start of RAM.
 */
#include <arch.h>
#include <board.h>
#include <libfdt.h>
#include <string.h>
#include <virtboot.h>

#define NO_SSP	__attribute__((no_stack_protector))

uintptr_t __stack_chk_guard;

/*
 * SplitMix64's finaliser (every input bit reaches every output bit) with
 * a feed-forward of the previous state: the finaliser alone can be run
 * backwards, and the guard is copied into every protected frame, in RAM
 * that Linux later reuses; the seeds are Linux's too (it wipes kaslr-seed
 * from its tree for the same reason), so the guard must not give them
 * back to whoever reads it and guesses the counter values.
 */
static NO_SSP uint64_t mix(uint64_t h, uint64_t v)
{
	uint64_t x = (h ^ v) + 0x9e3779b97f4a7c15ULL;

	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31) ^ h;
}

static NO_SSP uint64_t mix_prop(uint64_t h, const void *fdt, int node,
				const char *name)
{
	const uint8_t *p;
	uint64_t v;
	int len, i;

	p = fdt_getprop(fdt, node, name, &len);
	for (i = 0; p && i < len; i += 8) {
		v = 0;
		memcpy(&v, p + i, len - i < 8 ? len - i : 8);
		h = mix(h, v);
	}
	return h;
}

/* The MMU is on (libfdt may make unaligned accesses). Called once, from
 * start.S, with no protected frame live. */
NO_SSP void stack_guard_init(void)
{
	const void *fdt = (const void *)BOARD_RAM_BASE;
	uint64_t h = mix(0, read_sysreg(cntpct_el0)), rnd;
	int node;

	if (read_sysreg(id_aa64isar0_el1) >> 60) {	/* FEAT_RNG */
		__asm__ volatile("mrs %0, s3_3_c2_c4_0" : "=r"(rnd) : : "cc");
		h = mix(h, rnd);
	}
	if (!fdt_check_header(fdt)) {
		node = fdt_path_offset(fdt, "/chosen");
		if (node >= 0) {
			h = mix_prop(h, fdt, node, "kaslr-seed");
			h = mix_prop(h, fdt, node, "rng-seed");
		}
	}
	h = mix(h, read_sysreg(cntpct_el0));
	/* A zero low byte stops a string overrun from copying the value
	 * out or writing it back (as glibc does); the rest stays random. */
	h &= ~0xffULL;
	__stack_chk_guard = h ? h : 0x100;
}

/* Called by a protected function whose frame was overwritten: it must
 * not return into it. The return address points into that function. */
NO_SSP __attribute__((noreturn)) void __stack_chk_fail(void)
{
	panic("stack smashing detected in the function at %p",
	      __builtin_return_address(0));
}
