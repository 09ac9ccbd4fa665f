// SPDX-License-Identifier: MIT
/* Unit tests for lib/cli_readline.c, fed from a string. */
#include <cli.h>
#include <errno.h>

static const char *input;
static char echo[4096];

static int fake_getc(void)
{
	return *input ? (unsigned char)*input++ : '\r';
}

static void fake_puts(const char *s)
{
	strncat(echo, s, sizeof(echo) - strlen(echo) - 1);
}

static const char *const names[] = { "help", "md", "mw", "version" };

static void fake_puts(const char *s);

static int complete(const char *word, size_t len, const char **match,
		    bool list)
{
	int n = 0;

	for (unsigned int i = 0; i < 4; i++)
		if (!strncmp(names[i], word, len)) {
			*match = names[i];
			if (list) {
				fake_puts(names[i]);
				fake_puts("  ");
			}
			n++;
		}
	return n;
}

static char buf[16];
static char *history[4];
static struct cli_line cl = {
	.buf = buf, .size = sizeof(buf), .history = history,
	.history_size = 4, .complete = complete,
};

static int line(const char *in)
{
	input = in;
	echo[0] = '\0';
	return cli_readline(&cl, "=> ", fake_getc, fake_puts);
}

UNIT_MAIN(
	CHECK(line("abc\r") == 3);
	CHECK_STR(buf, "abc");
	CHECK_STR(echo, "=> abc\n");
	CHECK(line("\nxyz\n") == 3);	/* the LF after the CR is swallowed */
	CHECK_STR(buf, "xyz");
	CHECK(line("ab\bc\r") == 2);
	CHECK_STR(buf, "ac");
	CHECK(line("\x7f\x7f" "d\r") == 1);	/* DEL on an empty line */
	CHECK_STR(buf, "d");
	CHECK(line("junk\x15ok\r") == 2);
	CHECK_STR(buf, "ok");
	CHECK(line("never\x03") == -EINTR);
	CHECK(line("0123456789abcdefXYZ\r") == -E2BIG);
	CHECK(line("0123456789abcde\r") == 15);	/* exactly full */
	CHECK(line("\x1b[A\r") == 15);		/* up: the last line */
	CHECK_STR(buf, "0123456789abcde");
	CHECK(line("\x1b[A\x1b[A\r") == 2);	/* two up */
	CHECK_STR(buf, "ok");
	CHECK(line("\x1b[A\x1b[B\r") == 0);	/* up, down: empty again */
	CHECK(line("ver\t\r") == 8);
	CHECK_STR(buf, "version ");
	CHECK(line("m\t\r") == 1);		/* md, mw: no completion */
	CHECK(strstr(echo, "md  mw") != NULL);
	CHECK(line("a\x01\x1b[Zb\r") == 2);	/* other controls ignored */
	CHECK_STR(buf, "ab");
	for (int i = 0; i < 4; i++)
		free(history[i]);
)
