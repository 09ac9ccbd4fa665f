// SPDX-License-Identifier: MIT
/* cli.c - the shell: read a line, run its commands, keep $? (U-Boot's
 * console conventions: prompt, Unknown command, md repeat on Enter). */
#include <cli.h>
#include <command.h>
#include <console.h>
#include <env.h>
#include <parse.h>
#include <string.h>
#include <virtboot.h>

#define MAX_DEPTH 16		/* run inside run inside ... */

static int last_status;
static int depth;

static const char *lookup(const char *name, void *ctx)
{
	static char status[4];

	if (!strcmp(name, "?")) {
		snprintf(status, sizeof(status), "%d", last_status);
		return status;
	}
	return env_get(name);
}

int cli_run(const char *line)
{
	/* One line and argument vector per nesting level, never from the
	 * heap: a full heap must not lock the user out of the shell. */
	static char bufs[MAX_DEPTH][CONFIG_SYS_CBSIZE * 2];
	static char *argvs[MAX_DEPTH][CONFIG_SYS_MAXARGS + 1];
	enum cli_sep prev = CLI_SEP_SEMI, sep;
	char *buf, **argv;
	int argc;

	if (depth >= MAX_DEPTH) {
		printf("run: nested more than %d deep\n", MAX_DEPTH);
		return last_status = 1;
	}
	buf = bufs[depth];
	argv = argvs[depth];
	depth++;
	while (*line) {
		argc = cli_parse(&line, buf, sizeof(bufs[0]), argv,
				 CONFIG_SYS_MAXARGS + 1, &sep, lookup, NULL);
		if (argc < 0) {
			printf("syntax error: %s\n", argc == -E2BIG ?
			       "too many arguments or too long" :
			       "unterminated quote or ${");
			last_status = 1;
			break;
		}
		if (argc > 0 && (prev == CLI_SEP_SEMI ||
				 (prev == CLI_SEP_AND && last_status == 0) ||
				 (prev == CLI_SEP_OR && last_status != 0)))
			last_status = command_run(argc, argv);
		prev = sep;
	}
	depth--;
	return last_status;
}

int cli_run_script(char *text, size_t len, const char *name)
{
	const char *pos = text, *line;
	int lineno = 0, status = 0;
	size_t n;

	/* One shell line per text line; a failing line does not stop the
	 * rest (hush's way with a script, and a sequence of lines typed at
	 * the prompt). */
	while (text_line(&pos, text + len, &line, &n)) {
		lineno++;
		if (memchr(line, '\0', n)) {
			printf("%s:%d: holds a NUL byte, not run\n", name,
			       lineno);
			status = last_status = 1;
			continue;
		}
		text[line - text + n] = '\0';	/* ours: one line at a time */
		if (*line)
			status = cli_run(line);
	}
	return status;
}

static int complete(const char *word, size_t len, const char **match,
		    bool list)
{
	const struct command *cmd;
	int n = 0;

	for (cmd = command_first(); cmd; cmd = command_next(cmd)) {
		if (strncmp(cmd->name, word, len))
			continue;
		if (list)
			printf("%s  ", cmd->name);
		*match = cmd->name;
		n++;
	}
	if (list)
		printf("\n");
	return n;
}

static int cli_getc(void)
{
	return console_getc();
}

void cli_loop(void)
{
	static char line[CONFIG_SYS_CBSIZE];
	static char *history[CONFIG_HISTORY_SIZE + 1];
	struct cli_line cl = {
		.buf = line, .size = sizeof(line),
		.history = history, .history_size = CONFIG_HISTORY_SIZE,
		.complete = complete,
	};
	int len;

	for (;;) {
		/* The screen shows everything before the prompt appears. */
		console_flush();
		len = cli_readline(&cl, CONFIG_SYS_PROMPT, cli_getc,
				   console_puts);
		if (len == -E2BIG) {
			printf("Line too long: at most %d characters; not run\n",
			       CONFIG_SYS_CBSIZE - 1);
			last_status = 1;
		} else if (len == 0) {
			/* Guarded like any command: md's next block may be
			 * past RAM. */
			if (command_repeatable())
				last_status = command_repeat();
		} else if (len > 0) {
			cli_run(line);
		}
	}
}
