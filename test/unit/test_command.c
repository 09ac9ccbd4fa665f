// SPDX-License-Identifier: MIT
/* Unit tests for lib/command.c: walking and searching the command table
 * between __commands_start and __commands_end, running a command (status,
 * usage, repeat), and the number parsing the commands share. */
#include <command.h>
#include <stdint.h>

/*
 * The table as the linker script lays it out from COMMAND(): one array of
 * struct command, sorted by name, __commands_start at its first entry and
 * __commands_end one past its last. Here both symbols bound one array
 * this file defines, so the walk is tested on a known layout, whatever
 * the host linker does with other data. (That the real link produces
 * such a table is checked on the binary's map by test/py/test_build.py.)
 */
static int ran;
static int ret_next;

static int run_cmd(int argc, char *argv[])
{
	ran++;
	return ret_next;
}

static int repeat_cmd(void)
{
	return 0;
}

#define CMD(n, ...) { .name = n, .run = run_cmd, .usage = n " args", \
		      .summary = "test " n, __VA_ARGS__ }

const struct command __commands_start[] = {
	CMD("?"),
	CMD("cp"),
	CMD("md", .repeat = repeat_cmd),
	CMD("mdx"),
	CMD("mw"),
	CMD("zz"),
};
#define NCOMMANDS (sizeof(__commands_start) / sizeof(__commands_start[0]))

/* __commands_end: the address one past the array's last entry. */
static void __attribute__((used)) define_commands_end(void)
{
	__asm__(".globl __commands_end\n"
		".set __commands_end, __commands_start + %c0"
		: : "i" (sizeof(__commands_start)));
}

static int run_line(const char *a0, const char *a1)
{
	char *argv[] = { (char *)a0, (char *)a1, NULL };

	return command_run(a1 ? 2 : 1, argv);
}

UNIT_MAIN(
	const struct command *cmd;
	uint64_t v;
	size_t n = 0;

	/* The walk: every entry once, in table (= name) order, then NULL. */
	CHECK(command_first() == &__commands_start[0]);
	for (cmd = command_first(); cmd && n <= NCOMMANDS; cmd = command_next(cmd)) {
		CHECK(cmd == &__commands_start[n]);
		n++;
	}
	CHECK(n == NCOMMANDS);
	CHECK(command_next(&__commands_start[NCOMMANDS - 1]) == NULL);

	/* Lookup: whole names only, the part before a '.' (md.b is md). */
	CHECK(command_find("?") == &__commands_start[0]);
	CHECK(command_find("zz") == &__commands_start[NCOMMANDS - 1]);
	CHECK(command_find("md") == &__commands_start[2]);
	CHECK(command_find("md.b") == &__commands_start[2]);
	CHECK(command_find("md.") == &__commands_start[2]);
	CHECK(command_find("mdx") == &__commands_start[3]);
	CHECK(command_find("mdx.q") == &__commands_start[3]);
	CHECK(command_find("mw") == &__commands_start[4]);
	CHECK(command_find("m") == NULL);
	CHECK(command_find("mwx") == NULL);
	CHECK(command_find("z") == NULL);
	CHECK(command_find("zzz") == NULL);
	CHECK(command_find("") == NULL);
	CHECK(command_find(".b") == NULL);
	CHECK(command_find("help") == NULL);

	/* Running: $? is 0 or 1; only a successful md can be repeated. */
	ran = 0;
	ret_next = 0;
	CHECK(run_line("md.l", "40000000") == 0 && ran == 1);
	CHECK(command_repeatable() == &__commands_start[2]);
	CHECK(run_line("cp", NULL) == 0 && ran == 2);
	CHECK(command_repeatable() == NULL);
	CHECK(run_line("md", NULL) == 0 && command_repeatable());
	ret_next = -EINVAL;			/* the usage, status 1 */
	CHECK(run_line("md", "x") == 1 && ran == 4);
	CHECK(command_repeatable() == NULL);
	ret_next = -ENOENT;
	CHECK(run_line("mw", NULL) == 1 && ran == 5);
	ret_next = 0;
	CHECK(run_line("md", NULL) == 0 && command_repeatable());
	CHECK(run_line("nosuch", NULL) == 1 && ran == 6);
	CHECK(command_repeatable() == NULL);

	CHECK(parse_hex("40000000", &v) == 0 && v == 0x40000000);
	CHECK(parse_hex("0x1F", &v) == 0 && v == 0x1f);
	CHECK(parse_hex("0XaB", &v) == 0 && v == 0xab);
	CHECK(parse_hex("ffffffffffffffff", &v) == 0 && v == UINT64_MAX);
	CHECK(parse_hex("10000000000000000", &v) == -EINVAL);
	CHECK(parse_hex("", &v) == -EINVAL);
	CHECK(parse_hex("0x", &v) == -EINVAL);
	CHECK(parse_hex("12g", &v) == -EINVAL);
	CHECK(parse_hex("-1", &v) == -EINVAL);
	CHECK(parse_hex(" 1", &v) == -EINVAL);
	CHECK(parse_dec("1234", &v) == 0 && v == 1234);
	CHECK(parse_dec("12a", &v) == -EINVAL);
	CHECK(parse_dec("-5", &v) == -EINVAL);
	CHECK(parse_size_suffix("md", 4) == 4);
	CHECK(parse_size_suffix("md.b", 4) == 1);
	CHECK(parse_size_suffix("md.w", 4) == 2);
	CHECK(parse_size_suffix("md.l", 4) == 4);
	CHECK(parse_size_suffix("md.q", 4) == 8);
	CHECK(parse_size_suffix("md.x", 4) == -EINVAL);
	CHECK(parse_size_suffix("md.bb", 4) == -EINVAL);
)
