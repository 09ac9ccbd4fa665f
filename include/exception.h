/* SPDX-License-Identifier: MIT */
/* exception.h - exception reports and recovery from a faulting command. */
#ifndef EXCEPTION_H
#define EXCEPTION_H

#include <stdbool.h>
#include <stddef.h>
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
/* What a fault was, for exception_try(). */
struct exception_info {
	uint64_t esr;
	uint64_t far;
	uint64_t elr;
};

/* As exception_guard(), but a fault prints nothing: it returns -EFAULT
 * with the fault in *info, for the caller's one-line message. */
int exception_try(int (*fn)(void *arg), void *arg,
		  struct exception_info *info);
/* "data abort, external abort, write at 0x9120008, pc 0x..." */
void exception_describe(const struct exception_info *info, char *buf,
			size_t len);

/* True if the last exception_guard() or exception_try() to return ended
 * in a fault (fn's own -EFAULT is not one). */
bool exception_faulted(void);

#endif
