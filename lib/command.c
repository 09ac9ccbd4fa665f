// SPDX-License-Identifier: MIT
/* command.c - find and run the commands that COMMAND() registered, and
 * the number parsing they share (U-Boot's conventions: hexadecimal).
 * Every run of a command, repeats included, is guarded: a fault gives a
 * report, the prompt, and the reservations the command made are returned. */
#include <command.h>
#include <exception.h>
#include <region.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

extern const struct command __commands_start[], __commands_end[];

static const struct command *last_run;

const struct command *command_first(void)
{
	return &__commands_start[0] < &__commands_end[0] ? __commands_start : NULL;
}

const struct command *command_next(const struct command *cmd)
{
	return cmd + 1 < __commands_end ? cmd + 1 : NULL;
}

const struct command *command_find(const char *name)
{
	const struct command *cmd;
	size_t len = strcspn(name, ".");

	for (cmd = command_first(); cmd; cmd = command_next(cmd))
		if (strlen(cmd->name) == len && !strncmp(cmd->name, name, len))
			return cmd;
	return NULL;
}

struct invocation {
	const struct command *cmd;
	int argc;
	char **argv;
};

static int invoke(void *arg)
{
	struct invocation *inv = arg;

	return inv->argv ? inv->cmd->run(inv->argc, inv->argv) :
			   inv->cmd->repeat();
}

/* Run a command (or its repeat) under the exception guard. A command that
 * faulted never got to undo what it reserved (a kernel that faulted after
 * booti placed it, the DTB copy...): the allocator goes back to where it
 * was, so that the next attempt finds the same free RAM. */
static int guarded(struct invocation *inv)
{
	unsigned long mark = region_mark();
	int ret = exception_guard(invoke, inv);

	if (exception_faulted())
		region_rollback(mark);
	last_run = ret == 0 && inv->cmd->repeat ? inv->cmd : NULL;
	return ret;
}

int command_run(int argc, char *argv[])
{
	struct invocation inv = { command_find(argv[0]), argc, argv };
	int ret;

	if (!inv.cmd) {
		printf("Unknown command '%s' - try 'help'\n", argv[0]);
		last_run = NULL;
		return 1;
	}
	ret = guarded(&inv);
	if (ret == -EINVAL)
		printf("Usage:\n%s\n", inv.cmd->usage);
	return ret ? 1 : 0;
}

const struct command *command_repeatable(void)
{
	return last_run;
}

int command_repeat(void)
{
	struct invocation inv = { last_run, 0, NULL };

	if (!inv.cmd)
		return 0;
	return guarded(&inv) ? 1 : 0;
}

int parse_size_suffix(const char *cmd, unsigned int def)
{
	const char *dot = strchr(cmd, '.');

	if (!dot)
		return def;
	if (!strcmp(dot, ".b"))
		return 1;
	if (!strcmp(dot, ".w"))
		return 2;
	if (!strcmp(dot, ".l"))
		return 4;
	if (!strcmp(dot, ".q"))
		return 8;
	return -EINVAL;
}

int cmd_bad_number(const char *cmd, const char *arg)
{
	printf("%s: bad number '%s'\n", cmd, arg);
	return -ERANGE;
}

void cmd_print_line(uint64_t addr, const uint8_t *bytes, unsigned int size,
		    unsigned int count, unsigned int per_line)
{
	unsigned int i, b;
	uint64_t v;

	printf("%08llx:", (unsigned long long)addr);
	for (i = 0; i < count; i++) {
		for (v = 0, b = size; b-- > 0;)
			v = v << 8 | bytes[i * size + b];
		printf(" %0*llx", size * 2, (unsigned long long)v);
	}
	printf("%*s    ", (int)((per_line - count) * (size * 2 + 1)), "");
	for (b = 0; b < count * size; b++)
		putchar(bytes[b] >= 0x20 && bytes[b] < 0x7f ? bytes[b] : '.');
	putchar('\n');
}

void print_time_rate(uint64_t bytes, uint64_t us)
{
	uint64_t tenths = us ? bytes * 10 * 1000000 / us / SZ_1M : 0;

	printf("%llu.%03llu ms", (unsigned long long)(us / 1000),
	       (unsigned long long)(us % 1000));
	if (us)
		printf(" (%llu.%llu MiB/s)", (unsigned long long)(tenths / 10),
		       (unsigned long long)(tenths % 10));
}

void cmd_print_rate(uint64_t bytes, uint64_t us)
{
	printf("%llu bytes read in ", (unsigned long long)bytes);
	print_time_rate(bytes, us);
	printf("\n");
}
