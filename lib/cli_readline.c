// SPDX-License-Identifier: MIT
/*
 * cli_readline.c - the shell's line editor: echo, backspace, Ctrl-C,
 * Ctrl-U, history on the up and down arrows (VT100 ESC [ A / ESC [ B),
 * Tab completion. CR or LF ends a line; the LF of a CR LF pair is
 * swallowed so it does not look like an empty line.
 */
#include <cli.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CTL_C	0x03
#define CTL_U	0x15
#define BS	0x08
#define DEL	0x7f
#define ESC	0x1b

static void erase(void (*puts)(const char *), size_t n)
{
	while (n--)
		puts("\b \b");
}

static void history_add(struct cli_line *cl, const char *line)
{
	int last;
	char *copy;

	if (!cl->history_size || !*line)
		return;
	last = (cl->history_next + cl->history_size - 1) % cl->history_size;
	if (cl->history[last] && !strcmp(cl->history[last], line))
		return;
	copy = strdup(line);
	if (!copy)
		return;
	free(cl->history[cl->history_next]);
	cl->history[cl->history_next] = copy;
	cl->history_next = (cl->history_next + 1) % cl->history_size;
}

/* Replace the line being edited by s. */
static size_t replace(struct cli_line *cl, size_t len, const char *s,
		      void (*puts)(const char *))
{
	erase(puts, len);
	len = strlen(s);
	if (len > cl->size - 1)
		len = cl->size - 1;
	memcpy(cl->buf, s, len);
	cl->buf[len] = '\0';
	puts(cl->buf);
	return len;
}

static size_t complete(struct cli_line *cl, size_t len, const char *prompt,
		       void (*puts)(const char *))
{
	const char *match;
	size_t i;
	int n;

	/* Only the first word (the command name) is completed. */
	for (i = 0; i < len; i++)
		if (cl->buf[i] == ' ')
			return len;
	n = cl->complete(cl->buf, len, &match, false);
	if (n == 1) {
		for (i = len; match[i] && i < cl->size - 2; i++) {
			char s[2] = { match[i], 0 };

			cl->buf[i] = match[i];
			puts(s);
		}
		cl->buf[i++] = ' ';
		puts(" ");
		return i;
	}
	if (n > 1) {
		puts("\n");
		cl->complete(cl->buf, len, &match, true);
		cl->buf[len] = '\0';
		puts(prompt);
		puts(cl->buf);
	}
	return len;
}

int cli_readline(struct cli_line *cl, const char *prompt, int (*getc)(void),
		 void (*puts)(const char *s))
{
	static bool last_was_cr;
	int hist = cl->history_next;	/* where up/down browsing is */
	bool overflow = false;
	size_t len = 0;
	int c;

	puts(prompt);
	for (;;) {
		c = getc();
		if (c == '\n' && last_was_cr) {
			last_was_cr = false;
			continue;
		}
		last_was_cr = c == '\r';
		switch (c) {
		case '\r':
		case '\n':
			puts("\n");
			cl->buf[len] = '\0';
			if (overflow)
				return -E2BIG;
			if (cl->history)
				history_add(cl, cl->buf);
			return len;
		case CTL_C:
			puts("^C\n");
			cl->buf[0] = '\0';
			return -EINTR;
		case CTL_U:
			erase(puts, len);
			len = 0;
			overflow = false;
			break;
		case BS:
		case DEL:
			if (len) {
				erase(puts, 1);
				len--;
			}
			break;
		case '\t':
			if (cl->complete && !overflow)
				len = complete(cl, len, prompt, puts);
			break;
		case ESC:
			c = getc();
			if (c != '[' && c != 'O')
				break;
			c = getc();
			if ((c != 'A' && c != 'B') || !cl->history_size)
				break;
			{
				int n = cl->history_size;
				int next = (hist + (c == 'A' ? n - 1 : 1)) % n;

				if (c == 'B' && hist == cl->history_next)
					break;
				if (c == 'A' && (next == cl->history_next ||
						 !cl->history[next]))
					break;
				hist = next;
				cl->buf[len] = '\0';
				len = replace(cl, len, hist == cl->history_next ?
					      "" : cl->history[hist], puts);
			}
			break;
		default:
			if (c < ' ' || c > '~')
				break;	/* other control bytes are ignored */
			if (len >= cl->size - 1) {
				overflow = true;
				puts("\a");
				break;
			}
			{
				char s[2] = { (char)c, 0 };

				cl->buf[len++] = (char)c;
				puts(s);
			}
		}
	}
}
