// SPDX-License-Identifier: MIT
/* fuzz_readline.c - libFuzzer target for the shell's line editor
 * (lib/cli_readline.c): the input is what the user types, keystroke by
 * keystroke, into the prompt loop with history and Tab completion. */
#include <cli.h>
#include <errno.h>
#include <stdint.h>

static const uint8_t *in, *in_end;
static size_t echoed;

/* When the keystrokes run out, Enter: every call ends with a line. */
static int fake_getc(void)
{
	return in < in_end ? *in++ : '\r';
}

static void fake_puts(const char *s)
{
	echoed += strlen(s);
}

/* Command names as lib/cli.c completes them, a long one included. */
static const char *const names[] = {
	"?", "bdinfo", "boot", "bootfw", "booti", "echo", "help", "md", "mw",
	"printenv", "setenv", "a_command_name_longer_than_the_line",
};

static int complete(const char *word, size_t len, const char **match,
		    bool list)
{
	int n = 0;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strncmp(names[i], word, len))
			continue;
		if (list)
			fake_puts(names[i]);
		*match = names[i];
		n++;
	}
	return n;
}

/* The editor remembers whether the last line ended on a CR (to swallow
 * the LF of a CR LF); a line "x\n" forgets it, so that each input starts
 * alike and a saved crash input replays the same. */
static void forget_cr(void)
{
	static const uint8_t x_lf[] = { 'x', '\n' };
	char buf[4];
	struct cli_line cl = { .buf = buf, .size = sizeof(buf) };

	in = x_lf;
	in_end = x_lf + sizeof(x_lf);
	cli_readline(&cl, "", fake_getc, fake_puts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The shell's history depth, in a table of exactly that many. */
	char **history = calloc(CONFIG_HISTORY_SIZE, sizeof(*history));
	struct cli_line cl = {
		.history = history, .history_size = CONFIG_HISTORY_SIZE,
		.complete = complete,
	};
	int len, i;

	if (!size) {
		free(history);
		return 0;
	}
	/* The first byte picks the line buffer's size, small to reach its
	 * limits quickly; the shell's own is CONFIG_SYS_CBSIZE. */
	cl.size = data[0] % 64 + 2;
	cl.buf = malloc(cl.size);
	forget_cr();
	in = data + 1;
	in_end = data + size;
	do {
		len = cli_readline(&cl, "=> ", fake_getc, fake_puts);
		if (len != -EINTR && len != -E2BIG &&
		    (len < 0 || (size_t)len >= cl.size ||
		     strlen(cl.buf) != (size_t)len))
			abort();
	} while (in < in_end);
	for (i = 0; i < CONFIG_HISTORY_SIZE; i++)
		free(history[i]);
	free(history);
	free(cl.buf);
	return 0;
}
