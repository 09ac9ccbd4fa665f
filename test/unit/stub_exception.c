// SPDX-License-Identifier: MIT
/* The exception guard, for host builds: just call the function. */
#include <exception.h>

int exception_guard(int (*fn)(void *arg), void *arg)
{
	return fn(arg);
}

bool exception_faulted(void)
{
	return false;
}
