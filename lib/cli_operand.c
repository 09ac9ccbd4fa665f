// SPDX-License-Identifier: MIT
/* cli_operand.c - the operands of setexpr and itest: hexadecimal numbers
 * and *addr memory reads (U-Boot's get_arg), a read that faults said in
 * one line instead of stopping the command's caller. */
#include <cli.h>
#include <command.h>
#include <exception.h>
#include <memaccess.h>
#include <virtboot.h>

struct read {
	uint64_t addr, value;
	unsigned int size;
};

static int read_one(void *arg)
{
	struct read *r = arg;

	r->value = mem_read(r->addr, r->size);
	return 0;
}

int cli_operand(const char *cmd, const char *arg, unsigned int size,
		uint64_t *value)
{
	struct exception_info info;
	struct read r = { .size = size };
	char why[96];

	if (*arg != '*')
		return parse_hex(arg, value) ? cmd_bad_number(cmd, arg) : 0;
	if (parse_hex(arg + 1, &r.addr))
		return cmd_bad_number(cmd, arg);
	if (exception_try(read_one, &r, &info)) {
		exception_describe(&info, why, sizeof(why));
		printf("%s: cannot read %llx: %s\n", cmd,
		       (unsigned long long)r.addr, why);
		return -EFAULT;
	}
	*value = r.value;
	return 0;
}
