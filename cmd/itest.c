// SPDX-License-Identifier: MIT
/*
 * itest - compare two integers, as U-Boot's itest:
 *   itest[.b, .w, .l, .q] [*]value1 <op> [*]value2
 * op: -eq == -ne != <> -lt < -gt > -le <= -ge >=. Values are
 * hexadecimal, or *addr for memory read at the width given; each is cut
 * to that width, then compared as signed numbers (U-Boot's long). The
 * status is 0 for true, 1 for false.
 */
#include <cli.h>
#include <command.h>
#include <string.h>
#include <virtboot.h>

enum { I_EQ, I_NE, I_LT, I_GT, I_LE, I_GE };

static const struct {
	char name[4];
	uint8_t op;
} itest_ops[] = {
	{ "-eq", I_EQ }, { "==", I_EQ }, { "-ne", I_NE }, { "!=", I_NE },
	{ "<>", I_NE }, { "-lt", I_LT }, { "<", I_LT }, { "-gt", I_GT },
	{ ">", I_GT }, { "-le", I_LE }, { "<=", I_LE }, { "-ge", I_GE },
	{ ">=", I_GE },
};

static int do_itest(int argc, char *argv[])
{
	int size = parse_size_suffix(argv[0], 4), err;
	uint64_t a, b, mask;
	int64_t x, y;
	size_t i;
	bool r;

	if (size < 0 || argc != 4)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(itest_ops); i++)
		if (!strcmp(itest_ops[i].name, argv[2]))
			break;
	if (i == ARRAY_SIZE(itest_ops)) {
		printf("Unknown operator '%s'\n", argv[2]);
		return -ENOTSUP;
	}
	err = cli_operand(argv[0], argv[1], size, &a);
	if (!err)
		err = cli_operand(argv[0], argv[3], size, &b);
	if (err)
		return err;
	mask = size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
	x = (int64_t)(a & mask);
	y = (int64_t)(b & mask);
	switch (itest_ops[i].op) {
	case I_EQ: r = x == y; break;
	case I_NE: r = x != y; break;
	case I_LT: r = x < y; break;
	case I_GT: r = x > y; break;
	case I_LE: r = x <= y; break;
	default: r = x >= y; break;
	}
	return r ? 0 : 1;
}

COMMAND(itest, .run = do_itest,
	.usage = "itest[.b, .w, .l, .q] [*]value1 <op> [*]value2",
	.summary = "return true/false on integer compare");
