// SPDX-License-Identifier: MIT
/*
 * test, [ - conditions for the shell, as U-Boot's test: -z -n on strings,
 * = != < > between strings, -eq -ne -lt -le -gt -ge between numbers
 * (decimal, or 0x hexadecimal), ! -a -o, -e interface dev[:part] path.
 * Like U-Boot's, it reads its arguments left to right without
 * precedence: "! x" negates the next test, "-a"/"-o" join it to the one
 * before; fewer than two arguments are false; a word that is no test
 * ends the expression as true. The status is 0 for true, 1 for false.
 */
#include <command.h>
#include <fs.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

enum {
	T_NOT, T_OR, T_AND, T_EMPTY, T_NEMPTY, T_EXISTS,	/* prefix */
	T_SEQ, T_SNE, T_SLT, T_SGT,				/* strings */
	T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE,			/* numbers */
};

static const struct test_op {
	char name[4];
	uint8_t op;
	uint8_t words;		/* taken, operator included */
} prefix_ops[] = {
	{ "!", T_NOT, 1 }, { "-o", T_OR, 1 }, { "-a", T_AND, 1 },
	{ "-z", T_EMPTY, 2 }, { "-n", T_NEMPTY, 2 }, { "-e", T_EXISTS, 4 },
}, infix_ops[] = {
	{ "=", T_SEQ, 3 }, { "!=", T_SNE, 3 }, { "<", T_SLT, 3 },
	{ ">", T_SGT, 3 }, { "-eq", T_EQ, 3 }, { "-ne", T_NE, 3 },
	{ "-lt", T_LT, 3 }, { "-le", T_LE, 3 }, { "-gt", T_GT, 3 },
	{ "-ge", T_GE, 3 },
};

static const struct test_op *find(const struct test_op *ops, size_t n,
				   const char *word)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(ops[i].name, word))
			return &ops[i];
	return NULL;
}

static bool file_exists(char *const *ap)
{
	struct blk_dev view;
	struct fs *fs;
	bool found;

	if (!IS_ENABLED(CONFIG_FS) || fs_open_dev(ap[1], ap[2], &view, &fs))
		return false;
	found = fs_exists(fs, ap[3]);
	fs_close(fs);
	return found;
}

static bool eval(const struct test_op *t, char *const *ap)
{
	long long a, b;
	int cmp;

	switch (t->op) {
	case T_EMPTY:
		return !*ap[1];
	case T_NEMPTY:
		return *ap[1];
	case T_EXISTS:
		return file_exists(ap);
	}
	cmp = strcmp(ap[0], ap[2]);
	/* strtoul takes a sign too: negative numbers come out right */
	a = (long long)strtoul(ap[0], NULL, 0);
	b = (long long)strtoul(ap[2], NULL, 0);
	switch (t->op) {
	case T_SEQ: return !cmp;
	case T_SNE: return cmp;
	case T_SLT: return cmp < 0;
	case T_SGT: return cmp > 0;
	case T_EQ: return a == b;
	case T_NE: return a != b;
	case T_LT: return a < b;
	case T_LE: return a <= b;
	case T_GT: return a > b;
	default: return a >= b;
	}
}

static int do_test(int argc, char *argv[])
{
	const struct test_op *t;
	bool expr = false, last = false, negate = false;
	int left, join = -1;
	char **ap = argv + 1;

	if (!strcmp(argv[0], "[")) {
		if (strcmp(argv[argc - 1], "]")) {
			printf("[: missing ']'\n");
			return 1;
		}
		argc--;
	}
	if (argc < 3)
		return 1;
	for (left = argc - 1; left > 0; ap += t->words, left -= t->words) {
		t = left > 1 ? find(infix_ops, ARRAY_SIZE(infix_ops), ap[1])
			     : NULL;
		if (!t)
			t = find(prefix_ops, ARRAY_SIZE(prefix_ops), ap[0]);
		if (!t || left < t->words) {
			expr = true;	/* not a test: U-Boot's answer */
			break;
		}
		if (t->op == T_NOT) {
			negate = !negate;
			continue;
		}
		if (t->op == T_OR || t->op == T_AND) {
			last = expr;
			join = t->op;
			continue;
		}
		expr = eval(t, ap) != negate;
		negate = false;
		if (join == T_OR)
			expr = last || expr;
		else if (join == T_AND)
			expr = last && expr;
		join = -1;
	}
	return expr ? 0 : 1;
}

COMMAND(test, .run = do_test, .usage = "test [args..]",
	.summary = "minimal test like /bin/sh");
COMMAND_NAMED(lbracket, "[", .run = do_test, .usage = "[ args.. ]",
	.summary = "minimal test like /bin/sh");
