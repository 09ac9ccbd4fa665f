// SPDX-License-Identifier: MIT
/* console.c - the console multiplexer and picolibc's stdio binding
 * (picolibc's doc/os.md, FDEV_SETUP_STREAM). */
#include <console.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static struct console *consoles;

/* What is printed before the first console exists, replayed on it. */
static char early[2048];
static size_t early_len;

int console_register(struct console *con)
{
	struct console **p = &consoles;
	bool first = !consoles;
	size_t i;

	while (*p)
		p = &(*p)->next;
	con->next = NULL;
	con->enabled = true;
	*p = con;
	for (i = 0; first && i < early_len; i++)
		console_putc(early[i]);
	return 0;
}

bool console_is_present(void)
{
	return consoles != NULL;
}

struct console *console_find(const char *name)
{
	struct console *con;

	for (con = consoles; con; con = con->next)
		if (!strcmp(con->name, name))
			return con;
	return NULL;
}

void console_putc(char c)
{
	struct console *con;

	if (!consoles && early_len < sizeof(early))
		early[early_len++] = c;
	for (con = consoles; con; con = con->next) {
		if (!con->enabled)
			continue;
		if (c == '\n')
			con->put_char(con, '\r');
		con->put_char(con, c);
	}
}

void console_puts(const char *s)
{
	while (*s)
		console_putc(*s++);
}

/* Disabled consoles too: what they hold was written while they were on. */
static void flush(bool now)
{
	struct console *con;

	for (con = consoles; con; con = con->next)
		if (con->flush)
			con->flush(con, now);
}

void console_flush(void)
{
	flush(true);
}

int console_trygetc(void)
{
	struct console *con;
	int c;

	flush(false);
	for (con = consoles; con; con = con->next) {
		if (!con->get_char)
			continue;
		c = con->get_char(con);
		if (c >= 0)
			return c;
	}
	return -1;
}

int console_getc(void)
{
	int c = console_trygetc();

	if (c >= 0)
		return c;
	console_flush();
	while ((c = console_trygetc()) < 0)
		;
	return c;
}

static bool had_ctrlc;

bool console_ctrlc(void)
{
	int c;

	while ((c = console_trygetc()) >= 0)
		if (c == 3)
			return had_ctrlc = true;
	return false;
}

bool console_had_ctrlc(void)
{
	bool had = had_ctrlc;

	had_ctrlc = false;
	return had;
}

const char *console_default_stdout(void)
{
	static char list[64];
	struct console *con;

	list[0] = '\0';
	for (con = consoles; con; con = con->next) {
		if (strlen(list) + strlen(con->name) + 2 > sizeof(list))
			break;		/* whole names only */
		if (*list)
			strcat(list, ",");
		strcat(list, con->name);
	}
	return list;
}

int console_select(const char *list)
{
	struct console *con;
	size_t n;
	const char *p;

	for (p = list; *p; p += n + (p[n] == ',')) {
		n = strcspn(p, ",");
		for (con = consoles; con; con = con->next)
			if (strlen(con->name) == n && !strncmp(con->name, p, n))
				break;
		if (!con)
			return -ENOENT;
	}
	for (con = consoles; con; con = con->next) {
		con->enabled = false;
		for (p = list; *p; p += n + (p[n] == ',')) {
			n = strcspn(p, ",");
			if (strlen(con->name) == n && !strncmp(con->name, p, n))
				con->enabled = true;
		}
	}
	return 0;
}

static int stdio_putc(char c, FILE *f)
{
	console_putc(c);
	return (unsigned char)c;
}

static int stdio_getc(FILE *f)
{
	return console_getc();
}

static FILE stdio_stream =
	FDEV_SETUP_STREAM(stdio_putc, stdio_getc, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &stdio_stream;
FILE *const stdout = &stdio_stream;
FILE *const stderr = &stdio_stream;
