/* SPDX-License-Identifier: MIT */
/*
 * cli.h - the shell: a line editor and an interpreter for U-Boot's hush
 * language (;, &&, ||, quotes, $name, ${name}, $?, if, for, while...).
 */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* --- the language (pure: no console, no environment) --- */

#define CLI_NEST_MAX	32	/* compound commands inside each other,
				 * counting every run/source level */
#define CLI_VARS_MAX	16	/* shell variables (name=value, for) */
#define CLI_NAME_MAX	64	/* longest variable name, with its NUL */

struct cli_var {
	char name[CLI_NAME_MAX];
	char *value;		/* from the heap; NULL: a free slot */
};

/* The interpreter's state and what it needs from its host. One for all
 * nesting levels: $?, the shell variables and Ctrl-C are shared. */
struct cli_shell {
	/* A variable that is not a shell variable (the environment), or
	 * NULL for none. */
	const char *(*lookup)(const char *name, void *ctx);
	/* Run a command; returns its status (0: success). */
	int (*run)(int argc, char *argv[], void *ctx);
	/* Whether the user asked to stop (Ctrl-C): loops ask each round.
	 * May be NULL. */
	bool (*interrupted)(void *ctx);
	void *ctx;
	int status;		/* $? */
	int nest;		/* compound commands open */
	bool stop;		/* interrupted: every level unwinds; the
				 * host clears it at the top */
	bool errexit;		/* for the next cli_exec() only: stop at
				 * the first top-level command that fails
				 * (a script) */
	struct cli_var *vars;	/* CLI_VARS_MAX of them */
};

/*
 * Run text (commands, lines, if/for/while...) in sh, with buf and argv
 * for the words of each command (bufsize bytes, maxargs pointers). Each
 * top-level command is checked whole before any of it runs; a syntax
 * error is reported ("name:line: " first when name is not NULL) and
 * the text goes on at the next line. exit leaves the text. Returns $?.
 */
int cli_exec(struct cli_shell *sh, const char *text, const char *name,
	     char *buf, size_t bufsize, char **argv, int maxargs);
/* Whether text is whole: 0, -EAGAIN when a construct or quote is still
 * open (more lines may finish it), -EINVAL for a syntax error; *why
 * says what (when why is not NULL). Runs nothing. */
int cli_check(const char *text, const char **why);
/* Shell variables (hush's name=value, the variable of a for loop). Get
 * looks at $?, then the shell variables, then sh->lookup. Set returns
 * 0, -E2BIG (name too long), -ENOSPC (all slots taken) or -ENOMEM. */
const char *cli_var_get(struct cli_shell *sh, const char *name);
int cli_var_set(struct cli_shell *sh, const char *name, const char *value);

/* --- operands of setexpr and itest --- */

/*
 * A value as setexpr and itest take it: a hexadecimal number, or *addr
 * for the size bytes (1, 2, 4, 8) at addr. A bad number is said as
 * "<cmd>: bad number 'x'" (-ERANGE); an address that cannot be read as
 * "<cmd>: cannot read <addr>: <fault>" (-EFAULT): the shell carries on.
 */
int cli_operand(const char *cmd, const char *arg, unsigned int size,
		uint64_t *value);

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

/* Run commands (one line or several); returns $?. exit leaves them; a
 * run nested deeper than CLI_RUN_DEPTH is refused. */
#define CLI_RUN_DEPTH	16
int cli_run(const char *line);
/* Run len bytes of text as a script: a line holding a NUL byte is
 * reported ("<name>:<n>: ...") and left out; the first top-level command
 * that fails, unless the script handles it (a command before && or ||,
 * an if's condition), stops the script with its line said
 * ("<name>:<n>: failed: script stopped"), and so does a syntax error.
 * Returns $?. */
int cli_run_script(char *text, size_t len, const char *name);
/* The prompt loop; never returns. */
void cli_loop(void) __attribute__((noreturn));

#endif
