// SPDX-License-Identifier: MIT
/*
 * env - environment handling (U-Boot's env command, cmd/nvedit.c):
 * default, delete, exists, export, import, info, print, set, and with the
 * flash: save, load, erase. Export and import speak U-Boot's formats:
 * text (-t: name=value lines, a NUL after the last), binary (-b:
 * NUL-terminated strings, an empty one last) and the saved form (-c: a
 * CRC-32, then binary), so data one loader exports the other imports.
 */
#include <command.h>
#include <console.h>
#include <env.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

static int run_other(const char *name, int argc, char *argv[])
{
	return command_find(name)->run(argc, argv);
}

/* The leading "-xyz" options of argv (from index 1) as a bit set of the
 * letters in allowed; -EINVAL for any other. *next is the first operand. */
static int parse_flags(int argc, char *argv[], const char *allowed,
		       unsigned int *flags, int *next)
{
	const char *s;
	int i;

	*flags = 0;
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
		for (s = argv[i] + 1; *s; s++) {
			if (!strchr(allowed, *s))
				return -EINVAL;
			*flags |= 1u << (*s - 'a');
		}
	*next = i;
	return 0;
}

#define F(c)	(1u << ((c) - 'a'))

static int do_default(int argc, char *argv[])
{
	unsigned int flags;
	const char *out, *def;
	int i, ret;

	if (parse_flags(argc, argv, "af", &flags, &i))
		return -EINVAL;
	if ((flags & F('a')) && i == argc) {
		ret = env_set_default();
		if (ret)
			return ret;
		/* The built-in stdout names the serial console only; the
		 * default is every console there is, as at start-up, where
		 * the display's console joins it when it comes up. */
		out = console_default_stdout();
		if (*out) {
			ret = env_set("stdout", out);
			console_select(out);
		}
		printf("## Resetting to default environment\n");
		return ret;
	}
	if ((flags & F('a')) || i == argc)
		return -EINVAL;
	for (ret = 0; i < argc; i++) {
		def = env_default_get(argv[i]);
		if (env_set(argv[i], def))
			ret = -ENOMEM;
	}
	return ret;
}

static int do_delete(int argc, char *argv[])
{
	unsigned int flags;
	int i, ret = 0;

	if (parse_flags(argc, argv, "f", &flags, &i) || i == argc)
		return -EINVAL;
	for (; i < argc; i++) {
		if (!env_get(argv[i]))
			ret = -ENOENT;
		else if (env_set(argv[i], NULL))
			ret = -EPERM;
	}
	return ret;
}

static int do_exists(int argc, char *argv[])
{
	if (argc != 2)
		return -EINVAL;
	return env_get(argv[1]) ? 0 : -ENOENT;
}

static int do_info(int argc, char *argv[])
{
	unsigned int flags, want = 0, got = 0;
	bool quiet;
	int i;

	if (parse_flags(argc, argv, "dpq", &flags, &i) || i != argc)
		return -EINVAL;
	quiet = flags & F('q');
	if (!(flags & (F('d') | F('p')))) {
		printf("env_valid = %s\n", env_state.valid ? "valid" : "invalid");
		printf("env_ready = %s\n", env_state.ready ? "true" : "false");
		printf("env_use_default = %s\n",
		       env_state.use_default ? "true" : "false");
		return 0;
	}
	if (flags & F('d')) {
		want |= F('d');
		if (env_state.use_default) {
			got |= F('d');
			if (!quiet)
				printf("Default environment is used\n");
		}
	}
	if (flags & F('p')) {
		want |= F('p');
		if (env_state.can_persist) {
			got |= F('p');
			if (!quiet)
				printf("Environment can be persisted\n");
		} else if (!quiet) {
			printf("Environment cannot be persisted\n");
		}
	}
	return want == got ? 0 : -ENOENT;
}

/* -t, -b or -c from flags: the separator, or -EINVAL (said) for two. */
static int format_of(const char *cmd, unsigned int flags, char *sep,
		     bool *chk)
{
	unsigned int fmt = flags & (F('t') | F('b') | F('c'));

	if (fmt & (fmt - 1)) {
		printf("## %s: only one of \"-b\", \"-c\" or \"-t\" allowed\n",
		       cmd);
		return -ERANGE;
	}
	*sep = fmt & F('t') || !fmt ? '\n' : '\0';
	*chk = fmt & F('c');
	return 0;
}

/* env export [-t | -b | -c] [-s size] addr [var ...] */
static int do_export(int argc, char *argv[])
{
	unsigned int flags = 0;
	uint64_t addr, size = 0, len, out;
	const char *s;
	char *buf, sep;
	bool chk;
	int i, ret;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (s = argv[i] + 1; *s; s++) {
			if (!strchr("tbcs", *s))
				return -EINVAL;
			flags |= F(*s);
		}
		if (argv[i][strlen(argv[i]) - 1] == 's') {
			if (++i == argc)
				return -EINVAL;
			if (parse_hex(argv[i], &size))
				return cmd_bad_number("env export", argv[i]);
		}
	}
	if (i == argc)
		return -EINVAL;
	ret = format_of("export", flags, &sep, &chk);
	if (ret)
		return ret;
	if (parse_hex(argv[i], &addr))
		return cmd_bad_number("env export", argv[i]);
	i++;
	if (chk) {
		if (!size)
			size = CONFIG_ENV_SIZE;
		len = size;
	} else {
		len = env_export_data(NULL, 0, sep, argc - i, argv + i);
		if (size && len > size) {
			goto too_big;
		}
	}
	out = size ? size : len;
	ret = cmd_range("env export", addr, out, 1, &out);
	if (!ret)
		ret = cmd_check_write("env export", addr, out, true);
	if (ret)
		return ret;
	buf = (char *)(uintptr_t)addr;
	if (chk) {
		/* The saved form, names or not: the whole environment. */
		if (env_store_pack(buf, size, 0))
			goto too_big;
		return env_set_hex("filesize", size);
	}
	if (size)
		memset(buf, 0, size);
	env_export_data(buf, len, sep, argc - i, argv + i);
	return env_set_hex("filesize", size ? size : len);
too_big:
	printf("## Error: cannot export environment: it does not fit in 0x%llx bytes\n",
	       (unsigned long long)size);
	return -ENOSPC;
}

/* env import [-d] [-t [-r] | -b | -c] addr [size] [var ...] */
static int do_import(int argc, char *argv[])
{
	unsigned int flags, iflags = 0;
	uint64_t addr, size = 0, len;
	const char *data;
	char sep;
	bool chk;
	int i, ret;

	if (parse_flags(argc, argv, "tbcrd", &flags, &i) || i == argc)
		return -EINVAL;
	ret = format_of("import", flags, &sep, &chk);
	if (ret)
		return ret;
	if (!(flags & (F('t') | F('b') | F('c'))))
		printf("## Warning: defaulting to text format\n");
	if (parse_hex(argv[i], &addr))
		return cmd_bad_number("env import", argv[i]);
	data = (const char *)(uintptr_t)addr;
	i++;
	if (i < argc && strcmp(argv[i], "-")) {
		if (parse_hex(argv[i], &size))
			return cmd_bad_number("env import", argv[i]);
		if (!size)
			return cmd_bad_number("env import", argv[i]);
	}
	if (i < argc)
		i++;
	if (!size) {
		if (chk) {
			printf("## Error: external checksum format must pass size\n");
			return -ERANGE;
		}
		/* Up to the terminating NUL (an empty entry for binary), at
		 * most one environment's worth. */
		ret = cmd_range("env import", addr, CONFIG_ENV_SIZE, 1, &len);
		if (ret)
			return ret;
		for (size = 0; size < CONFIG_ENV_SIZE; size++)
			if (data[size] == '\0' &&
			    (sep || !size || data[size - 1] == '\0'))
				break;
		if (size == CONFIG_ENV_SIZE)
			printf("## Warning: Input data exceeds %d bytes - truncated\n",
			       CONFIG_ENV_SIZE);
		else
			size++;
		printf("## Info: input data size = %llu = 0x%llX\n",
		       (unsigned long long)size, (unsigned long long)size);
	}
	ret = cmd_range("env import", addr, size, 1, &len);
	if (ret)
		return ret;
	if (chk) {
		if (env_store_check(data, size)) {
			printf("## Error: bad CRC, import failed\n");
			return -EBADMSG;
		}
		data += ENV_HDR_SIZE;
		size -= ENV_HDR_SIZE;
	}
	if ((flags & F('r')) && sep == '\n')
		iflags |= ENV_IMPORT_CRLF;
	if (flags & F('d')) {
		if (i == argc)
			env_clear();
		else
			iflags |= ENV_IMPORT_DELETE;
	}
	ret = env_import_data(data, size, sep, iflags, argc - i, argv + i,
			      "env import");
	if (ret < 0) {
		printf("## Error: Environment import failed: errno = %d\n",
		       -ret);
		return -ENOMEM;
	}
	return 0;
}

/* save, load, erase: the saved copy (boot/env_flash.c). */
static int do_flash(const char *sub, int argc)
{
	int err;

	if (!IS_ENABLED(CONFIG_ENV_IS_IN_FLASH)) {
		printf("env: no place to keep the environment in this build\n");
		return -ENODEV;
	}
	if (argc != 1)
		return -EINVAL;
	if (!strcmp(sub, "save"))
		err = env_save();
	else if (!strcmp(sub, "load"))
		err = env_reload();
	else
		err = env_erase();
	return err ? -EIO : 0;
}

static int do_env(int argc, char *argv[])
{
	const char *sub;

	if (argc < 2)
		return -EINVAL;
	sub = argv[1];
	argc--;
	argv++;
	if (!strcmp(sub, "default"))
		return do_default(argc, argv);
	if (!strcmp(sub, "delete"))
		return do_delete(argc, argv);
	if (!strcmp(sub, "exists"))
		return do_exists(argc, argv);
	if (!strcmp(sub, "export"))
		return do_export(argc, argv);
	if (!strcmp(sub, "import"))
		return do_import(argc, argv);
	if (!strcmp(sub, "info"))
		return do_info(argc, argv);
	if (!strcmp(sub, "print"))
		return run_other("printenv", argc, argv);
	if (!strcmp(sub, "set"))
		return run_other("setenv", argc, argv);
	if (!strcmp(sub, "save") || !strcmp(sub, "load") ||
	    !strcmp(sub, "erase"))
		return do_flash(sub, argc);
	return -EINVAL;
}

COMMAND(env, .run = do_env,
	.usage = "env default -a | print [name ...] | set name [value ...]\n"
		 "env default [-f] -a|var... | delete [-f] var... | exists var\n"
		 "env export [-t|-b|-c] [-s size] addr [var...]\n"
		 "env import [-d] [-t [-r]|-b|-c] addr [size] [var...]\n"
		 "env info [-d] [-p] [-q] | save | load | erase",
	.summary = "environment handling commands");
