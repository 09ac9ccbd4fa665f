// SPDX-License-Identifier: MIT
/*
 * exceptions.c - report an exception (Arm DDI 0487, D1.10: ESR_ELx
 * classes) and recover from one raised inside exception_guard(): a shell
 * command, a driver probe, or a kernel a command entered that faulted
 * before it set up its own vectors. The handler runs on the exception
 * stack (SP_ELx; vectors.S), the loader on SP_EL0.
 */
#include <arch.h>
#include <asm.h>
#include <errno.h>
#include <exception.h>
#include <setjmp.h>
#include <virtboot.h>

static const char *const kind_names[4] = {
	"Synchronous Abort", "IRQ", "FIQ", "SError",
};

static const char *const origin_names[4] = {
	"current EL, SP0", "current EL", "lower EL, AArch64",
	"lower EL, AArch32",
};

static const char *esr_class(uint32_t ec)
{
	switch (ec) {
	case 0x00: return "unknown reason";
	case 0x01: return "WFI/WFE trapped";
	case 0x07: return "FP/SIMD access trapped";
	case 0x0e: return "illegal execution state";
	case 0x15: return "SVC";
	case 0x16: return "HVC";
	case 0x17: return "SMC";
	case 0x18: return "system register access trapped";
	case 0x20: return "instruction abort, lower EL";
	case 0x21: return "instruction abort";
	case 0x22: return "PC alignment fault";
	case 0x24: return "data abort, lower EL";
	case 0x25: return "data abort";
	case 0x26: return "SP alignment fault";
	case 0x2f: return "SError";
	case 0x3c: return "BRK instruction";
	default: return "other";
	}
}

static const char *fault_status(uint32_t dfsc)
{
	switch (dfsc & 0x3c) {
	case 0x04: return "translation fault";
	case 0x08: return "access flag fault";
	case 0x0c: return "permission fault";
	case 0x10: return "external abort";
	case 0x20: return "alignment fault";
	default: return "fault";
	}
}

static void report(const struct pt_regs *regs, unsigned int kind,
		   unsigned int el)
{
	uint32_t ec = regs->esr >> 26;
	int i;

	printf("\n\"%s\" handler (%s), esr 0x%08llx: %s", kind_names[kind & 3],
	       origin_names[(kind >> 2) & 3], (unsigned long long)regs->esr,
	       esr_class(ec));
	if (ec == 0x20 || ec == 0x21 || ec == 0x24 || ec == 0x25)
		printf(", %s level %u%s", fault_status(regs->esr & 0x3f),
		       (unsigned int)(regs->esr & 3),
		       ec >= 0x24 ? (regs->esr & (1 << 6) ? ", write" : ", read") : "");
	printf(" at EL%u\n", el);
	printf("elr: %016llx  far: %016llx  spsr: %08llx\n",
	       (unsigned long long)regs->elr, (unsigned long long)regs->far,
	       (unsigned long long)regs->spsr);
	for (i = 0; i < 31; i++)
		printf("x%-2d: %016llx%s", i, (unsigned long long)regs->regs[i],
		       i % 4 == 3 ? "\n" : "  ");
	if (kind & EXC_KIND_BAD_SP)
		printf("sp : lost (outside the exception stack at the entry)\n");
	else
		printf("sp : %016llx\n", (unsigned long long)regs->sp);
}

/* Where a guarded function was entered: its jmp_buf, its stack pointer
 * (SP_EL0 goes back there before anything runs on it again: the fault
 * may have been a stack overflow into the guard page), and how to tell. */
struct guard {
	jmp_buf buf;
	uintptr_t sp;
	struct exception_info *info;	/* NULL: report on the console */
};

static struct guard *recovery;
static bool faulted;
static unsigned int depth;		/* exceptions being handled */

static void __attribute__((noreturn)) exception_recover(void)
{
	longjmp(recovery->buf, 1);
}

/*
 * A kernel entered from EL3 starts with the mailbox's vectors (handoff.c,
 * linux.S), each an SMC back here: then the exception is the kernel's,
 * described by its own registers at its EL, and the vector it went
 * through gives its kind.
 */
static bool from_kernel(struct pt_regs *regs, unsigned int *kind,
			unsigned int *el)
{
	uint64_t off = regs->elr - 4 - arch_kernel_vectors();

	if (*kind != 8 || regs->esr >> 26 != 0x17 ||
	    (regs->esr & 0xffff) != SMC_KERNEL_FAULT || off >= 2048)
		return false;
	*kind = off / 128;
	*el = (regs->spsr >> 2) & 3;
	if (*el == 2) {
		regs->elr = read_sysreg(elr_el2);
		regs->spsr = read_sysreg(spsr_el2);
		regs->esr = read_sysreg(esr_el2);
		regs->far = read_sysreg(far_el2);
		regs->sp = *kind < 4 ? read_sysreg(sp_el0) : read_sysreg(sp_el2);
	} else {
		regs->elr = read_sysreg(elr_el1);
		regs->spsr = read_sysreg(spsr_el1);
		regs->esr = read_sysreg(esr_el1);
		regs->far = read_sysreg(far_el1);
		regs->sp = *kind < 4 ? read_sysreg(sp_el0) : read_sysreg(sp_el1);
	}
	return true;
}

#define SPSR_DAIF	(0xfUL << 6)
#define SCR_NS		(1UL << 0)

void exception_handle(struct pt_regs *regs, unsigned int kind)
{
	unsigned int el = arch_el(), k;
	bool kernel;

	regs->elr = read_sysreg_el(elr);
	regs->spsr = read_sysreg_el(spsr);
	regs->esr = read_sysreg_el(esr);
	regs->far = read_sysreg_el(far);

	/* A fault while reporting one: say as little as possible. */
	if (depth++) {
		if (depth == 2) {
			report(regs, kind, el);
			panic("exception in the exception handler");
		}
		for (;;)
			wfe();
	}
	kernel = from_kernel(regs, &kind, &el);
	k = kind & ~EXC_KIND_BAD_SP;
	/* Only a synchronous exception can be undone: one of the loader's
	 * own code at this EL, or of a kernel a command entered (here or,
	 * from EL3, passed back), by returning to where exception_guard()
	 * was entered, on its stack, in the loader's own mode (ELxt,
	 * interrupts masked). */
	if ((k == 0 || k == 4) && recovery) {
		if (recovery->info) {
			recovery->info->esr = regs->esr;
			recovery->info->far = regs->far;
			recovery->info->elr = regs->elr;
		} else {
			report(regs, kind, el);
			printf("Command aborted: back to the prompt.\n");
		}
		if (kernel)	/* the loader's side again */
			write_sysreg(read_sysreg(scr_el3) & ~SCR_NS, scr_el3);
		write_sysreg(recovery->sp, sp_el0);
		write_sysreg_el(SPSR_DAIF | arch_el() << 2, spsr);
		write_sysreg_el((uintptr_t)exception_recover, elr);
		isb();
		depth--;
		return;
	}
	report(regs, kind, el);
	panic("unrecoverable exception");
}

static int guard_run(int (*fn)(void *arg), void *arg,
		     struct exception_info *info)
{
	struct guard g, *volatile outer = recovery;
	int ret;

	g.info = info;
	__asm__ volatile("mov %0, sp" : "=r"(g.sp));
	if (setjmp(g.buf)) {
		recovery = outer;
		faulted = true;
		return -EFAULT;
	}
	recovery = &g;
	ret = fn(arg);
	recovery = outer;
	faulted = false;
	return ret;
}

int exception_guard(int (*fn)(void *arg), void *arg)
{
	return guard_run(fn, arg, NULL);
}

int exception_try(int (*fn)(void *arg), void *arg,
		  struct exception_info *info)
{
	return guard_run(fn, arg, info);
}

bool exception_faulted(void)
{
	return faulted;
}

void exception_describe(const struct exception_info *info, char *buf,
			size_t len)
{
	uint32_t ec = info->esr >> 26;

	if (ec == 0x20 || ec == 0x21 || ec == 0x24 || ec == 0x25)
		snprintf(buf, len, "%s, %s%s at 0x%llx, pc 0x%llx",
			 esr_class(ec), fault_status(info->esr & 0x3f),
			 ec >= 0x24 ? (info->esr & (1 << 6) ? ", write" :
				       ", read") : "",
			 (unsigned long long)info->far,
			 (unsigned long long)info->elr);
	else
		snprintf(buf, len, "%s, esr 0x%08llx, pc 0x%llx",
			 esr_class(ec), (unsigned long long)info->esr,
			 (unsigned long long)info->elr);
}
