// SPDX-License-Identifier: MIT
/* fuzz_cli_parse.c - libFuzzer target for the shell's parser
 * (lib/cli_parse.c): the input is one command line, parsed command by
 * command as cli_run() does, with variables to expand. */
#include <cli.h>
#include <errno.h>
#include <stdint.h>

/* A few variables, one long enough to fill the word buffer. */
static const char *lookup(const char *name, void *ctx)
{
	static char big[3000];

	if (!big[0])
		memset(big, 'x', sizeof(big) - 1);
	if (!strcmp(name, "?"))
		return "0";
	if (!strcmp(name, "a"))
		return "one two";
	if (!strcmp(name, "q"))
		return "\"'$a;&&";
	if (!strcmp(name, "big"))
		return big;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The shell gets NUL-terminated lines: cut at the first NUL. */
	char *text = strndup((const char *)data, size);
	size_t bufsize = CONFIG_SYS_CBSIZE * 2;
	char *buf = malloc(bufsize);
	char **argv = malloc((CONFIG_SYS_MAXARGS + 1) * sizeof(*argv));
	const char *line = text, *before;
	enum cli_sep sep;
	int argc, i;

	while (*line) {
		before = line;
		argc = cli_parse(&line, buf, bufsize, argv,
				 CONFIG_SYS_MAXARGS + 1, &sep, lookup, NULL);
		if (argc < 0) {
			if (argc != -EINVAL && argc != -E2BIG)
				abort();
			break;
		}
		/* Progress, argv NULL-terminated, every word inside buf. */
		if (line <= before || line > text + strlen(text) ||
		    argc > CONFIG_SYS_MAXARGS || argv[argc])
			abort();
		for (i = 0; i < argc; i++)
			if (argv[i] < buf || argv[i] + strlen(argv[i]) >=
			    buf + bufsize)
				abort();
	}
	free(argv);
	free(buf);
	free(text);
	return 0;
}
