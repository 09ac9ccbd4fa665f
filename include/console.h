/* SPDX-License-Identifier: MIT */
/*
 * console.h - the console: output goes to every enabled console, input is
 * polled from every console that has any. picolibc's stdin, stdout and
 * stderr are bound here, so printf() writes to the console. A console may
 * hold output back (the screen draws in batches): it catches up when
 * input is polled and it is due, and always before the console waits for
 * a key.
 */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stdbool.h>

struct console {
	const char *name;			/* "serial", "fb" */
	void (*put_char)(struct console *con, char c);
	int (*get_char)(struct console *con);	/* a byte, or -1 if none */
	/* Show what is held back: at once (now), or only if it is due.
	 * NULL for a console that holds nothing back. */
	void (*flush)(struct console *con, bool now);
	void *priv;
	bool enabled;				/* receives output */
	struct console *next;
};

/* Add a console; it receives output from now on. */
int console_register(struct console *con);
/* True once any console is registered (output before that is kept and
 * replayed on the first one). */
bool console_is_present(void);
/* The named console, or NULL. */
struct console *console_find(const char *name);

void console_putc(char c);		/* '\n' becomes CR LF */
void console_puts(const char *s);
/* A byte from any console, or -1 if none is waiting (held-back output
 * that is due is shown first). */
int console_trygetc(void);
/* Wait for a byte; every console is up to date while it waits. */
int console_getc(void);
/* Bring every console up to date now (before a prompt, a hand-over). */
void console_flush(void);
/* True if Ctrl-C is waiting (consumes input up to and including it). */
bool console_ctrlc(void);
/* Whether console_ctrlc() has seen a Ctrl-C since the last call (which
 * clears it): a shell loop stops even when a command inside it (sleep,
 * md) took the Ctrl-C. */
bool console_had_ctrlc(void);
/* What stdout holds by default: every registered console, in order
 * ("serial,fb" with a display). */
const char *console_default_stdout(void);
/* Enable exactly the consoles named in a comma-separated list
 * ("serial,fb"); -ENOENT names an unknown one and changes nothing. */
int console_select(const char *list);

#endif
