// SPDX-License-Identifier: MIT
/* Unit tests for lib/cli_parse.c: words, quotes, expansion, separators. */
#include <cli.h>
#include <errno.h>

static const char *lookup(const char *name, void *ctx)
{
	if (!strcmp(name, "foo"))
		return "bar baz";
	if (!strcmp(name, "?"))
		return "1";
	if (!strcmp(name, "empty"))
		return "";
	return NULL;
}

/* Parse all of line; join each command's words with '|' and commands
 * with the separator names, e.g. "echo|a ; echo|b". */
static const char *parse_all(const char *line)
{
	static char out[4096];
	static const char *const sepname[] = { "", " ; ", " && ", " || " };
	char buf[256], *argv[8];
	enum cli_sep sep;
	int argc, i;

	out[0] = '\0';
	do {
		argc = cli_parse(&line, buf, sizeof(buf), argv, 8, &sep,
				 lookup, NULL);
		if (argc < 0) {
			snprintf(out, sizeof(out), "error %d", argc);
			return out;
		}
		for (i = 0; i < argc; i++) {
			strcat(out, argv[i]);
			if (i + 1 < argc)
				strcat(out, "|");
		}
		strcat(out, sepname[sep]);
	} while (sep != CLI_SEP_END);
	return out;
}

UNIT_MAIN(
	CHECK_STR(parse_all("echo a  b"), "echo|a|b");
	CHECK_STR(parse_all("  "), "");
	CHECK_STR(parse_all("echo 'a  b' \"c d\""), "echo|a  b|c d");
	CHECK_STR(parse_all("echo $foo"), "echo|bar baz");
	CHECK_STR(parse_all("echo ${foo}x $?"), "echo|bar bazx|1");
	CHECK_STR(parse_all("echo '$foo' \"$foo\""), "echo|$foo|bar baz");
	CHECK_STR(parse_all("echo $nothing."), "echo|.");
	CHECK_STR(parse_all("echo a;echo b"), "echo|a ; echo|b");
	CHECK_STR(parse_all("a && b || c"), "a && b || c");
	CHECK_STR(parse_all("echo a\\;b \\$foo"), "echo|a;b|$foo");
	CHECK_STR(parse_all("echo \"q\\\"q\""), "echo|q\"q");
	CHECK_STR(parse_all("echo a # b; c"), "echo|a");
	CHECK_STR(parse_all("echo a#b"), "echo|a#b");
	CHECK_STR(parse_all("echo $"), "echo|$");
	CHECK_STR(parse_all("echo ''"), "echo|");
	CHECK_STR(parse_all("echo 'abc"), "error -22");
	CHECK_STR(parse_all("echo \"abc"), "error -22");
	CHECK_STR(parse_all("echo ${foo"), "error -22");
	CHECK_STR(parse_all("1 2 3 4 5 6 7 8"), "error -7");
	CHECK_STR(parse_all("a|b"), "a|b");	/* a lone | is a character */
)
