/* SPDX-License-Identifier: MIT */
/* exception.h - exception reports and recovery from a faulting command. */
#ifndef EXCEPTION_H
#define EXCEPTION_H

#include <stdint.h>

struct pt_regs {
	uint64_t regs[31];
	uint64_t sp;
	uint64_t elr;
	uint64_t spsr;
	uint64_t esr;
	uint64_t far;
};

/* Called by vectors.S with the saved registers and the vector index. */
void exception_handle(struct pt_regs *regs, unsigned int kind);

/*
 * Run fn(arg). A synchronous exception inside it is reported and turns
 * into -EFAULT instead of stopping the loader. Returns fn's result.
 */
int exception_guard(int (*fn)(void *arg), void *arg);

#endif
