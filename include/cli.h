/* SPDX-License-Identifier: MIT */
/*
 * cli.h - the shell: a line editor and a parser for the common cases of
 * U-Boot's hush (;, &&, ||, quotes, $name, ${name}, $?).
 */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stddef.h>

/* --- the parser (pure: no console, no environment) --- */

enum cli_sep { CLI_SEP_END, CLI_SEP_SEMI, CLI_SEP_AND, CLI_SEP_OR };

/* Looks a variable up for expansion; NULL expands to nothing. */
typedef const char *(*cli_lookup_t)(const char *name, void *ctx);

/*
 * Parse the next command of *line into argv (words stored in buf), with
 * quotes removed and variables expanded. Advances *line past it and the
 * separator, which goes to *sep. Returns argc (0 for an empty command) or
 * -EINVAL (unterminated quote, bad ${...}), -E2BIG (too many words or
 * longer than buf).
 */
int cli_parse(const char **line, char *buf, size_t bufsize, char **argv,
	      int maxargs, enum cli_sep *sep, cli_lookup_t lookup, void *ctx);

/* --- the line editor --- */

struct cli_line {
	char *buf;
	size_t size;		/* buffer size, including the NUL */
	char **history;		/* ring of past lines, may be NULL */
	int history_size;
	int history_next;
	/* Completes the word in buf[0..len) and returns the candidate count;
	 * *match gets the unique candidate. NULL: no completion. */
	int (*complete)(const char *word, size_t len, const char **match,
			bool list);
};

/*
 * Read one line with echo, backspace, Ctrl-C (cancel), Ctrl-U (kill), up
 * and down (history) and Tab (complete). getc/putc are the console's.
 * Returns the length, -EINTR for Ctrl-C, -E2BIG for a line longer than
 * the buffer (refused whole; the caller says so).
 */
int cli_readline(struct cli_line *cl, const char *prompt, int (*getc)(void),
		 void (*puts)(const char *s));

/* --- the shell --- */

/* Run a line of commands; returns the status of the last one run ($?). */
int cli_run(const char *line);
/* Run len bytes of text (modified: each line gets a NUL) one line at a
 * time, as a script: every line runs, whatever the one before did; a
 * line holding a NUL byte is reported ("<name>:<n>: ...") and skipped.
 * Returns the status of the last line run. */
int cli_run_script(char *text, size_t len, const char *name);
/* The prompt loop; never returns. */
void cli_loop(void) __attribute__((noreturn));

#endif
