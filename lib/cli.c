// SPDX-License-Identifier: MIT
/* cli.c - the shell: read a line, run its commands, keep $? (U-Boot's
 * console conventions: prompt, Unknown command, md repeat on Enter). */
#include <cli.h>
#include <command.h>
#include <console.h>
#include <env.h>
#include <parse.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

static int depth;

static const char *env_lookup(const char *name, void *ctx)
{
	return env_get(name);
}

static int run_command(int argc, char *argv[], void *ctx)
{
	return command_run(argc, argv);
}

static bool interrupted(void *ctx)
{
	/* A Ctrl-C now, or one a command in the loop took (sleep, md). */
	return console_ctrlc() || console_had_ctrlc();
}

static struct cli_var vars[CLI_VARS_MAX];	/* zeroed: in .bss */
static struct cli_shell shell = {
	.lookup = env_lookup, .run = run_command, .interrupted = interrupted,
	.vars = vars,
};

/* Run text at the next nesting level (run, source, bootcmd...). */
static int run_text(const char *text, const char *name)
{
	/* One word buffer and argument vector per nesting level, never
	 * from the heap: a full heap must not lock the user out. */
	static char bufs[CLI_RUN_DEPTH][CONFIG_SYS_CBSIZE * 2];
	static char *argvs[CLI_RUN_DEPTH][CONFIG_SYS_MAXARGS + 1];
	int status;

	if (depth >= CLI_RUN_DEPTH) {
		printf("run: nested more than %d deep\n", CLI_RUN_DEPTH);
		return shell.status = 1;
	}
	depth++;
	status = cli_exec(&shell, text, name, bufs[depth - 1],
			  sizeof(bufs[0]), argvs[depth - 1],
			  CONFIG_SYS_MAXARGS + 1);
	if (!--depth)
		shell.stop = false;	/* Ctrl-C has unwound every level */
	return status;
}

int cli_run(const char *line)
{
	/* A copy: the commands may change the variable they came from. */
	char *copy = strdup(line);
	int status;

	if (!copy) {
		printf("run: out of memory\n");
		return shell.status = 1;
	}
	status = run_text(copy, NULL);
	free(copy);
	return status;
}

int cli_run_script(char *text, size_t len, const char *name)
{
	const char *pos = text, *line;
	char *copy;
	int lineno = 0, status;
	size_t n;

	copy = malloc(len + 1);
	if (!copy) {
		printf("%s: out of memory\n", name);
		return shell.status = 1;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	/* A line holding a NUL byte is left out (blanked), said. */
	while (text_line(&pos, text + len, &line, &n)) {
		lineno++;
		if (memchr(line, '\0', n)) {
			printf("%s:%d: holds a NUL byte, not run\n", name,
			       lineno);
			memset(copy + (line - text), ' ', n);
			shell.status = 1;
		}
	}
	shell.errexit = true;	/* a failure the script does not handle
				 * (with || or if) stops it */
	status = run_text(copy, name);
	shell.errexit = false;
	free(copy);
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

/* Read lines until they make whole commands ("> " asks for more, as
 * hush's); NULL when the user gave up (Ctrl-C) or it is too long. */
static const char *read_commands(struct cli_line *cl)
{
	static char text[CONFIG_SYS_CBSIZE * 4];
	const char *prompt = CONFIG_SYS_PROMPT;
	size_t used = 0;
	int len;

	for (;;) {
		len = cli_readline(cl, prompt, cli_getc, console_puts);
		if (len == -EINTR)
			return NULL;
		if (len == -E2BIG || used + len + 2 > sizeof(text)) {
			printf("Line too long: at most %d characters; not run\n",
			       len == -E2BIG ? CONFIG_SYS_CBSIZE - 1 :
			       (int)sizeof(text) - 1);
			shell.status = 1;
			return NULL;
		}
		if (used)
			text[used++] = '\n';
		memcpy(text + used, cl->buf, len + 1);
		used += len;
		if (cli_check(text, NULL) != -EAGAIN)
			return text;
		prompt = "> ";
	}
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
	const char *text;

	for (;;) {
		/* The screen shows everything before the prompt appears. */
		console_flush();
		text = read_commands(&cl);
		if (!text)
			continue;
		if (!*text) {
			/* Guarded like any command: md's next block may be
			 * past RAM. */
			if (command_repeatable())
				shell.status = command_repeat();
		} else {
			console_had_ctrlc();	/* forget older ones */
			run_text(text, NULL);
		}
	}
}
