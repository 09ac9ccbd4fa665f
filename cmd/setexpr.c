// SPDX-License-Identifier: MIT
/*
 * setexpr - set a variable to an expression, as U-Boot's setexpr:
 *   setexpr[.b, .w, .l, .q] name value1 op value2   (+ - * / % & | ^ << >>)
 *   setexpr[.b, .w, .l, .q] name value
 *   setexpr name sub|gsub regex replacement [string]
 * Values are hexadecimal, or *addr for memory read at the given width;
 * the result is stored in hexadecimal without 0x (U-Boot's env_set_hex).
 * sub/gsub replace the first/every match of regex (lib/regex.c) in
 * string (default: the variable's value), \0..\9 standing for the groups,
 * then print "name=value" as U-Boot does.
 */
#include <cli.h>
#include <command.h>
#include <env.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

#define SUB_MAX		16384	/* bytes of a sub/gsub result, as U-Boot */

static int regex_sub_var(const char *name, const char *pattern,
			 const char *repl, const char *s, bool global)
{
	struct regex *re = malloc(sizeof(*re));
	char *out = malloc(SUB_MAX);
	const char *why;
	int n = -ENOMEM;

	if (!re || !out) {
		printf("setexpr: out of memory\n");
		goto out;
	}
	n = regex_compile(re, pattern, &why);
	if (n) {
		printf("Error compiling regex: %s\n", why);
		n = -EBADMSG;	/* said; not the usage */
		goto out;
	}
	if (!s) {
		s = env_get(name);
		if (!s) {
			printf("## Error: variable \"%s\" not defined\n", name);
			n = -ENOENT;
			goto out;
		}
	}
	n = regex_sub(re, s, repl, global, out, SUB_MAX, &why);
	if (n == 0) {
		printf("%s: No match\n", s);
		n = -ENOENT;
	} else if (n < 0) {
		printf("setexpr: %s\n", why);
	} else {
		printf("%s=%s\n", name, out);
		n = env_set(name, out);
		if (n)
			printf("setexpr: cannot set %s\n", name);
	}
out:
	free(out);
	free(re);
	return n;
}

static int do_setexpr(int argc, char *argv[])
{
	int size = parse_size_suffix(argv[0], 4);
	uint64_t a, b, v;
	int err;

	if (size < 0 || argc < 3 || argc == 4 || argc > 6)
		return -EINVAL;
	if (IS_ENABLED(CONFIG_CMD_SETEXPR_REGEX) &&
	    (!strcmp(argv[2], "sub") || !strcmp(argv[2], "gsub"))) {
		if (argc < 5)
			return -EINVAL;
		return regex_sub_var(argv[1], argv[3], argv[4],
				     argc > 5 ? argv[5] : NULL,
				     argv[2][0] == 'g');
	}
	err = cli_operand(argv[0], argv[2], size, &a);
	if (err)
		return err;
	if (argc == 3)
		return env_set_hex(argv[1], a);
	if (argc != 5)
		return -EINVAL;
	err = cli_operand(argv[0], argv[4], size, &b);
	if (err)
		return err;
	if (!strcmp(argv[3], "<<") || !strcmp(argv[3], ">>")) {
		v = b > 63 ? 0 : argv[3][0] == '<' ? a << b : a >> b;
		return env_set_hex(argv[1], v);
	}
	if (strlen(argv[3]) != 1)
		return -EINVAL;
	switch (argv[3][0]) {
	case '+': v = a + b; break;
	case '-': v = a - b; break;
	case '*': v = a * b; break;
	case '&': v = a & b; break;
	case '|': v = a | b; break;
	case '^': v = a ^ b; break;
	case '/':
	case '%':
		if (!b) {
			printf("setexpr: division by zero\n");
			return -EDOM;
		}
		v = argv[3][0] == '/' ? a / b : a % b;
		break;
	default:
		printf("invalid op\n");
		return -ENOTSUP;
	}
	return env_set_hex(argv[1], v);
}

COMMAND(setexpr, .run = do_setexpr,
	.usage = "setexpr[.b, .w, .l, .q] name [*]value1 <op> [*]value2",
	.summary = "set environment variable as the result of eval expression",
	.help = "  <op>: & | ^ + - * / % << >> (hexadecimal)\n"
		"setexpr[.b, .w, .l, .q] name [*]value\n"
		"setexpr name gsub|sub regex replacement [string]");
