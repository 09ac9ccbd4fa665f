// SPDX-License-Identifier: MIT
/* syscalls.c - what picolibc asks of the application (picolibc's
 * doc/os.md): _exit, getpid and kill for abort(), which all end in
 * panic(). (The stack-protector failure is stack_protector.c's.) */
#include <arch.h>
#include <stdarg.h>
#include <sys/types.h>
#include <virtboot.h>

void panic(const char *fmt, ...)
{
	va_list ap;

	printf("\n### virtboot panic: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" ###\nSystem halted: restart QEMU.\n");
	for (;;)
		wfe();
}

void _exit(int status)
{
	panic("exit(%d) called", status);
}

pid_t getpid(void)
{
	return 1;
}

int kill(pid_t pid, int sig)
{
	panic("signal %d raised (abort)", sig);
}
