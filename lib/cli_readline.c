// SPDX-License-Identifier: MIT
/*
 * cli_readline.c - the shell's line editor: echo, backspace, Ctrl-C,
 * Ctrl-U, history on the up and down arrows, the cursor on left/right,
 * Home/End and Ctrl-A/E/B/F, Delete (or Ctrl-D) under the cursor, Tab
 * completion. Keys arrive as ECMA-48 sequences (CSI: ESC [ parameters
 * intermediates final; SS3: ESC O final); an unknown one is swallowed
 * whole. CR or LF ends a line; the LF of a CR LF pair is swallowed so it
 * does not look like an empty line.
 */
#include <cli.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CTL_A	0x01
#define CTL_B	0x02
#define CTL_C	0x03
#define CTL_D	0x04
#define CTL_E	0x05
#define CTL_F	0x06
#define CTL_U	0x15
#define BS	0x08
#define DEL	0x7f
#define ESC	0x1b
#define CSI_MAX	16	/* parameter bytes kept; more are read and dropped */

/* Keys that arrive as escape sequences, out of the byte range. */
enum {
	KEY_UP = 0x100, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END,
	KEY_DELETE, KEY_NONE,
};

/* The editor: the line is buf[0..len), the cursor at pos. */
struct edit {
	struct cli_line *cl;
	size_t len, pos;
	void (*puts)(const char *s);
	int (*getc)(void);
	int unread;		/* a byte read ahead, or -1 */
};

static int next_byte(struct edit *e)
{
	int c = e->unread;

	if (c >= 0) {
		e->unread = -1;
		return c;
	}
	return e->getc();
}

/* A byte that cannot continue an escape sequence (a control, DEL, another
 * ESC) ends it and is handled as typed: ECMA-48 has controls inside a
 * sequence executed. */
static bool ends_sequence(struct edit *e, int c)
{
	if (c >= 0x20 && c < DEL)
		return false;
	e->unread = c;
	return true;
}

/* The final byte of a cursor key: the same after ESC [ and ESC O. */
static int cursor_key(int c)
{
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	}
	return KEY_NONE;
}

/*
 * After ESC: decode a key, or swallow the sequence whole (KEY_NONE). A
 * CSI is read up to its final byte (0x40-0x7e) past any parameter
 * (0x30-0x3f) and intermediate (0x20-0x2f) bytes.
 */
static int escape(struct edit *e)
{
	char params[CSI_MAX + 1];
	size_t n = 0;
	int c = next_byte(e);

	if (ends_sequence(e, c))
		return KEY_NONE;
	if (c == 'O') {			/* SS3: the application keypad */
		c = next_byte(e);
		if (ends_sequence(e, c))
			return KEY_NONE;
		return cursor_key(c);
	}
	if (c != '[')
		return KEY_NONE;	/* ESC and one byte (Alt+key) */
	for (;;) {
		c = next_byte(e);
		if (ends_sequence(e, c))
			return KEY_NONE;
		if (c >= 0x40)
			break;		/* the final byte */
		if (n < CSI_MAX)
			params[n++] = (char)c;
	}
	params[n] = '\0';
	if (c == '~') {			/* VT220 keys: ESC [ n ~ */
		if (!strcmp(params, "1") || !strcmp(params, "7"))
			return KEY_HOME;
		if (!strcmp(params, "4") || !strcmp(params, "8"))
			return KEY_END;
		if (!strcmp(params, "3"))
			return KEY_DELETE;
		return KEY_NONE;
	}
	if (n)				/* modifiers (Ctrl+Right: ESC [ 1 ; 5 C) */
		return KEY_NONE;
	return cursor_key(c);
}

static void backs(struct edit *e, size_t n)
{
	while (n--)
		e->puts("\b");
}

/* Print buf[from..len) and come back to pos (the rest of the line after
 * an edit there), with extra blanks where the line got shorter. */
static void redraw_tail(struct edit *e, size_t from, size_t blanks)
{
	char *buf = e->cl->buf;
	char save = buf[e->len];
	size_t i;

	buf[e->len] = '\0';
	e->puts(buf + from);
	buf[e->len] = save;
	for (i = 0; i < blanks; i++)
		e->puts(" ");
	backs(e, e->len - e->pos + blanks);
}

static void move_to(struct edit *e, size_t pos)
{
	if (pos < e->pos) {
		backs(e, e->pos - pos);
	} else if (pos > e->pos) {
		char *buf = e->cl->buf;
		char save = buf[pos];

		buf[pos] = '\0';
		e->puts(buf + e->pos);
		buf[pos] = save;
	}
	e->pos = pos;
}

/* Remove the character at pos. */
static void delete_at(struct edit *e)
{
	char *buf = e->cl->buf;

	if (e->pos >= e->len)
		return;
	memmove(buf + e->pos, buf + e->pos + 1, e->len - e->pos - 1);
	e->len--;
	redraw_tail(e, e->pos, 1);
}

static void insert(struct edit *e, char c)
{
	char *buf = e->cl->buf;

	memmove(buf + e->pos + 1, buf + e->pos, e->len - e->pos);
	buf[e->pos] = c;
	e->len++;
	e->pos++;
	redraw_tail(e, e->pos - 1, 0);
}

/* Wipe the line from the screen: to its end, then back over all of it. */
static void erase(struct edit *e)
{
	move_to(e, e->len);
	while (e->len) {
		e->puts("\b \b");
		e->len--;
	}
	e->pos = 0;
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

/* Replace the line being edited by s, the cursor at its end. */
static void replace(struct edit *e, const char *s)
{
	struct cli_line *cl = e->cl;

	erase(e);
	e->len = strlen(s);
	if (e->len > cl->size - 1)
		e->len = cl->size - 1;
	memcpy(cl->buf, s, e->len);
	cl->buf[e->len] = '\0';
	e->puts(cl->buf);
	e->pos = e->len;
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
		/* The rest of the name and a blank, as far as the line has
		 * room (one byte stays for the NUL). */
		for (i = len; match[i] && i + 1 < cl->size - 1; i++) {
			char s[2] = { match[i], 0 };

			cl->buf[i] = match[i];
			puts(s);
		}
		if (i + 1 < cl->size) {
			cl->buf[i++] = ' ';
			puts(" ");
		}
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

/* Up (older) or down (newer) in the history, from where browsing is. */
static void browse(struct edit *e, int *hist, bool up)
{
	struct cli_line *cl = e->cl;
	int n = cl->history_size;
	int next;

	if (!n)
		return;
	next = (*hist + (up ? n - 1 : 1)) % n;
	if (!up && *hist == cl->history_next)
		return;
	if (up && (next == cl->history_next || !cl->history[next]))
		return;
	*hist = next;
	replace(e, *hist == cl->history_next ? "" : cl->history[*hist]);
}

int cli_readline(struct cli_line *cl, const char *prompt, int (*getc)(void),
		 void (*puts)(const char *s))
{
	static bool last_was_cr;
	int hist = cl->history_next;	/* where up/down browsing is */
	bool overflow = false;
	struct edit e = { .cl = cl, .puts = puts, .getc = getc, .unread = -1 };
	int c;

	puts(prompt);
	for (;;) {
		c = next_byte(&e);
		if (c == '\n' && last_was_cr) {
			last_was_cr = false;
			continue;
		}
		last_was_cr = c == '\r';
		if (c == ESC)
			c = escape(&e);
		switch (c) {
		case '\r':
		case '\n':
			puts("\n");
			cl->buf[e.len] = '\0';
			if (overflow)
				return -E2BIG;
			if (cl->history)
				history_add(cl, cl->buf);
			return e.len;
		case CTL_C:
			puts("^C\n");
			cl->buf[0] = '\0';
			return -EINTR;
		case CTL_U:
			erase(&e);
			overflow = false;
			break;
		case BS:
		case DEL:
			if (e.pos) {
				move_to(&e, e.pos - 1);
				delete_at(&e);
			}
			break;
		case CTL_D:
		case KEY_DELETE:
			delete_at(&e);
			break;
		case CTL_B:
		case KEY_LEFT:
			if (e.pos)
				move_to(&e, e.pos - 1);
			break;
		case CTL_F:
		case KEY_RIGHT:
			if (e.pos < e.len)
				move_to(&e, e.pos + 1);
			break;
		case CTL_A:
		case KEY_HOME:
			move_to(&e, 0);
			break;
		case CTL_E:
		case KEY_END:
			move_to(&e, e.len);
			break;
		case KEY_UP:
		case KEY_DOWN:
			browse(&e, &hist, c == KEY_UP);
			break;
		case '\t':
			if (cl->complete && !overflow && e.pos == e.len)
				e.len = e.pos = complete(cl, e.len, prompt, puts);
			break;
		default:
			if (c < ' ' || c > '~')
				break;	/* other control bytes are ignored */
			if (e.len >= cl->size - 1) {
				overflow = true;
				puts("\a");
				break;
			}
			insert(&e, (char)c);
		}
	}
}
