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

/* What a terminal shows of the echo's last line: printable bytes are
 * written at the cursor, BS moves it left, LF starts a new line. */
static const char *shown(void)
{
	static char screen[256];
	size_t cur = 0, end = 0, i;
	const char *p;

	/* The last line is the one the final LF (the Enter) ends. */
	for (p = echo; *p; p++) {
		if (*p == '\n' && p[1]) {
			cur = end = 0;
		} else if (*p == '\b') {
			if (cur)
				cur--;
		} else if (*p >= ' ' && *p <= '~' && cur < sizeof(screen) - 1) {
			screen[cur++] = *p;
			if (cur > end)
				end = cur;
		}
	}
	screen[end] = '\0';
	for (i = end; i > 0 && screen[i - 1] == ' '; i--)
		screen[i - 1] = '\0';	/* blanks where the line was longer */
	return screen;
}

static void test_cursor_keys(void)
{
	CHECK(line("ac\x1b[Db\r") == 3);		/* left, insert */
	CHECK_STR(buf, "abc");
	CHECK_STR(shown(), "=> abc");
	CHECK(line("abc\x1b[D\x1b[D\x1b[3~\r") == 2);	/* Delete under it */
	CHECK_STR(buf, "ac");
	CHECK_STR(shown(), "=> ac");
	CHECK(line("ab\x1b[3~\r") == 2);		/* Delete at the end */
	CHECK_STR(buf, "ab");
	CHECK(line("abc\x1b[D\b\r") == 2);		/* backspace mid-line */
	CHECK_STR(buf, "ac");
	CHECK_STR(shown(), "=> ac");
	CHECK(line("bc\x1b[Ha\x1b[Fd\r") == 4);	/* Home, End */
	CHECK_STR(buf, "abcd");
	CHECK_STR(shown(), "=> abcd");
	CHECK(line("bc\x1b[1~a\x1b[4~d\r") == 4);	/* VT220 Home, End */
	CHECK_STR(buf, "abcd");
	CHECK(line("bc\x1bOHa\x1bOFd\r") == 4);	/* SS3 Home, End */
	CHECK_STR(buf, "abcd");
	CHECK(line("xy\x01w\x05z\x02\x02\x04\x06\r") == 3); /* Ctrl-A E B D F */
	CHECK_STR(buf, "wxz");
	CHECK(line("xyz\x1b[D\x1b[D\x1b[C\x1bOD\x1bOC\x1b[3~\r") == 2);
	CHECK_STR(buf, "xy");
	CHECK(line("\x1b[D\x1b[Ca\r") == 1);		/* nothing to move over */
	CHECK_STR(buf, "a");
	/* Editing a history line; the kill erases the whole line. */
	CHECK(line("\x1b[A\x1b[D\x1b[D\x15ok\r") == 2);
	CHECK_STR(buf, "ok");
	CHECK_STR(shown(), "=> ok");
}

/* Unknown sequences are swallowed whole, parameters and all. */
static void test_unknown_sequences(void)
{
	CHECK(line("ab\x1b[1;5Cc\r") == 3);		/* Ctrl+Right */
	CHECK_STR(buf, "abc");
	CHECK(line("ab\x1b[1;2A\x1b[5~\x1b[2 qc\r") == 3); /* Shift+Up, PgUp, DECSCUSR */
	CHECK_STR(buf, "abc");
	CHECK(line("a\x1b[?1;2;3;4;5;6;7;8;9;10;11;12;13;14;15Hb\r") == 2);
	CHECK_STR(buf, "ab");				/* longer than kept */
	CHECK(line("a\x1bOPb\r") == 2);		/* F1 */
	CHECK_STR(buf, "ab");
	CHECK(line("a\x1bxb\r") == 2);		/* Alt+x */
	CHECK_STR(buf, "ab");
	CHECK(line("ab\x1b[1\x03") == -EINTR);	/* a control ends it */
	CHECK(line("ab\x1b[2\r") == 2);		/* Enter ends it too */
	CHECK_STR(buf, "ab");
	CHECK(line("\x1b[3;5~x\r") == 1);		/* Ctrl+Delete */
	CHECK_STR(buf, "x");
	CHECK(line("a\x1b\x1b[Db\r") == 2);		/* a lone ESC, then left */
	CHECK_STR(buf, "ba");
	CHECK(line("ab\x1bO\x7f\r") == 1);		/* DEL ends an SS3 */
	CHECK_STR(buf, "a");
	CHECK(line("ab\x1b\x03") == -EINTR);
}

/* Inserting into a full line is refused like typing past its end. */
static void test_insert_full(void)
{
	CHECK(line("0123456789abcde\x1b[HX\r") == -E2BIG);
	CHECK(line("0123456789abcd\x1b[HX\r") == 15);
	CHECK_STR(buf, "X0123456789abcd");
	CHECK_STR(shown(), "=> X0123456789abcd");
}

/* Tab on a line with no room left for the rest of the name (found by
 * fuzzing: the blank was written past the buffer). */
static void test_complete_full(void)
{
	char small[4];
	struct cli_line c = {
		.buf = small, .size = sizeof(small), .complete = complete,
	};

	input = "ver\t\r";
	CHECK(cli_readline(&c, "=> ", fake_getc, fake_puts) == 3);
	CHECK_STR(small, "ver");
	c.size = 3;
	input = "ve\t\r";
	CHECK(cli_readline(&c, "=> ", fake_getc, fake_puts) == 2);
	CHECK_STR(small, "ve");
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
	CHECK(line("a\x0e\x1b[Zb\r") == 2);	/* other controls ignored */
	CHECK_STR(buf, "ab");
	test_cursor_keys();
	test_unknown_sequences();
	test_insert_full();
	test_complete_full();
	for (int i = 0; i < 4; i++)
		free(history[i]);
)
