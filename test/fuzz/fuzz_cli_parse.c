// SPDX-License-Identifier: MIT
/* fuzz_cli_parse.c - libFuzzer target for the shell's language
 * (lib/cli_parse.c): the input is a script, checked (cli_check, as the
 * prompt does) and run (cli_exec) with fake commands, variables to expand
 * and loops cut short, so that control flow, nesting, exit and the word
 * buffers are all exercised. */
#include <cli.h>
#include <errno.h>
#include <stdint.h>

static char *buf_start, *buf_end;
static unsigned long commands, checks;

/* A few variables, one long enough to fill the word buffer. */
static const char *lookup(const char *name, void *ctx)
{
	static char big[3000];

	if (!big[0])
		memset(big, 'x', sizeof(big) - 1);
	if (!strcmp(name, "a"))
		return "one two";
	if (!strcmp(name, "q"))
		return "\"'$a;&& fi done";
	if (!strcmp(name, "big"))
		return big;
	return NULL;
}

/* Every word inside the buffer, argv NULL-terminated; status from the
 * first letter, so conditions go both ways. */
static int run(int argc, char *argv[], void *ctx)
{
	int i;

	if (argc < 1 || argc > CONFIG_SYS_MAXARGS || argv[argc])
		abort();
	for (i = 0; i < argc; i++)
		if (argv[i] < buf_start || argv[i] + strlen(argv[i]) >= buf_end)
			abort();
	commands++;
	return argv[0][0] & 1;
}

/* Loops run a few rounds, then "Ctrl-C". */
static bool interrupted(void *ctx)
{
	return ++checks > 64;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The shell gets NUL-terminated text: cut at the first NUL. */
	char *text = strndup((const char *)data, size);
	size_t bufsize = CONFIG_SYS_CBSIZE * 2;
	char *buf = malloc(bufsize);
	char **argv = malloc((CONFIG_SYS_MAXARGS + 1) * sizeof(*argv));
	struct cli_var vars[CLI_VARS_MAX] = { 0 };
	struct cli_shell sh = {
		.lookup = lookup, .run = run, .interrupted = interrupted,
		.vars = vars,
	};
	const char *why;
	int ret, i;

	buf_start = buf;
	buf_end = buf + bufsize;
	checks = commands = 0;
	ret = cli_check(text, &why);
	if (ret != 0 && ret != -EAGAIN && ret != -EINVAL)
		abort();
	if (ret && !why)
		abort();
	cli_exec(&sh, text, "fuzz", buf, bufsize, argv,
		 CONFIG_SYS_MAXARGS + 1);
	if (sh.nest)
		abort();		/* every open construct closed */
	for (i = 0; i < CLI_VARS_MAX; i++)
		free(vars[i].value);
	free(argv);
	free(buf);
	free(text);
	return 0;
}
