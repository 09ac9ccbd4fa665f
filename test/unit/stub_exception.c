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

int exception_try(int (*fn)(void *arg), void *arg,
		  struct exception_info *info)
{
	return fn(arg);
}

void exception_describe(const struct exception_info *info, char *buf,
			size_t len)
{
	snprintf(buf, len, "fault");
}
