// SPDX-License-Identifier: MIT
/* Unit tests for the shell's expression commands: setexpr (arithmetic in
 * hexadecimal, *addr reads, sub/gsub), itest and test/[ (U-Boot's
 * left-to-right reading), run on the host against lib/env.c. */
#include <command.h>
#include <env.h>
#include <stdint.h>

#include "../../cmd/itest.c"
#include "../../cmd/setexpr.c"
#include "../../cmd/test.c"

/* lib/command.c walks a table; this one is enough for it to link. */
const struct command __commands_start[] = { { .name = "x" } };
static void __attribute__((used)) define_commands_end(void)
{
	__asm__(".globl __commands_end\n"
		".set __commands_end, __commands_start + %c0"
		: : "i" (sizeof(__commands_start)));
}

/* Split line at blanks and run it with fn; the return value. */
static int call(int (*fn)(int, char **), const char *line)
{
	static char buf[512];
	char *argv[16];
	int argc = 0;
	char *p;

	strcpy(buf, line);
	for (p = strtok(buf, " "); p && argc < 15; p = strtok(NULL, " "))
		argv[argc++] = p;
	argv[argc] = NULL;
	return fn(argc, argv);
}

static const char *setexpr(const char *line)
{
	static char out[256];
	int ret = call(do_setexpr, line);
	const char *v = env_get("r");

	if (ret)
		snprintf(out, sizeof(out), "error %d", ret);
	else
		snprintf(out, sizeof(out), "%s", v ? v : "(unset)");
	env_set("r", NULL);
	return out;
}

static bool test(const char *line)
{
	return call(do_test, line) == 0;
}

static bool itest(const char *line)
{
	return call(do_itest, line) == 0;
}

UNIT_MAIN(
	static uint8_t mem[16] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
				   0x88, 0x99 };
	char line[128];

	/* setexpr: hexadecimal in and out */
	CHECK_STR(setexpr("setexpr r 5 + 5"), "a");
	CHECK_STR(setexpr("setexpr r 0x10 - 1"), "f");
	CHECK_STR(setexpr("setexpr r 1 - 2"), "ffffffffffffffff");
	CHECK_STR(setexpr("setexpr r 10 * 10"), "100");
	CHECK_STR(setexpr("setexpr r 100 / 3"), "55");
	CHECK_STR(setexpr("setexpr r 100 % 3"), "1");
	CHECK_STR(setexpr("setexpr r f0 & 3c"), "30");
	CHECK_STR(setexpr("setexpr r f0 | 0f"), "ff");
	CHECK_STR(setexpr("setexpr r ff ^ 0f"), "f0");
	CHECK_STR(setexpr("setexpr r 1 << 10"), "10000");
	CHECK_STR(setexpr("setexpr r 100 >> 4"), "10");
	CHECK_STR(setexpr("setexpr r 1 << 40"), "0");
	CHECK_STR(setexpr("setexpr r 1234"), "1234");
	CHECK_STR(setexpr("setexpr r 1 / 0"), "error -33");
	CHECK_STR(setexpr("setexpr r 1 % 0"), "error -33");
	CHECK_STR(setexpr("setexpr r 1 ? 2"), "error -95");
	CHECK_STR(setexpr("setexpr r 1 ++ 2"), "error -22");
	CHECK_STR(setexpr("setexpr r zz + 1"), "error -34");
	CHECK_STR(setexpr("setexpr r 1 +"), "error -22");
	CHECK_STR(setexpr("setexpr r"), "error -22");
	CHECK_STR(setexpr("setexpr.x r 1"), "error -22");
	/* *addr at each width (little-endian host, as the loader) */
	snprintf(line, sizeof(line), "setexpr.b r *%lx", (unsigned long)mem);
	CHECK_STR(setexpr(line), "11");
	snprintf(line, sizeof(line), "setexpr.w r *%lx", (unsigned long)mem);
	CHECK_STR(setexpr(line), "2211");
	snprintf(line, sizeof(line), "setexpr r *%lx + 1", (unsigned long)mem);
	CHECK_STR(setexpr(line), "44332212");
	snprintf(line, sizeof(line), "setexpr.q r *%lx", (unsigned long)mem);
	CHECK_STR(setexpr(line), "8877665544332211");
	CHECK_STR(setexpr("setexpr r *zz"), "error -34");
	/* sub, gsub */
	CHECK_STR(setexpr("setexpr r gsub a X banana"), "bXnXnX");
	CHECK_STR(setexpr("setexpr r sub a X banana"), "bXnana");
	CHECK_STR(setexpr("setexpr r sub (n)(a) \\2\\1 banana"), "baanna");
	CHECK_STR(setexpr("setexpr r sub z X banana"), "error -2");
	CHECK_STR(setexpr("setexpr r sub ( X banana"), "error -74");
	CHECK_STR(setexpr("setexpr r sub a X"), "error -2");	/* r unset */
	env_set("r", "1.2.3");
	CHECK(call(do_setexpr, "setexpr r gsub \\. -") == 0);
	CHECK_STR(env_get("r"), "1-2-3");
	env_set("r", NULL);
	/* itest: hexadecimal, signed, cut to the width */
	CHECK(itest("itest 10 -eq 0x10"));
	CHECK(itest("itest 10 == 10") && !itest("itest 10 != 10"));
	CHECK(itest("itest 1 <> 2") && itest("itest 1 -ne 2"));
	CHECK(itest("itest 9 -lt a") && itest("itest 9 < a"));
	CHECK(itest("itest a -gt 9") && itest("itest a > 9"));
	CHECK(itest("itest a -ge a") && itest("itest a >= 9"));
	CHECK(itest("itest a -le a") && itest("itest 9 <= a"));
	CHECK(!itest("itest 9 -gt a"));
	CHECK(itest("itest.b 1ff == ff"));
	CHECK(itest("itest.q ffffffffffffffff < 0"));	/* signed */
	CHECK(!itest("itest ffffffff < 0"));		/* .l: cut, positive */
	snprintf(line, sizeof(line), "itest.b *%lx == 11", (unsigned long)mem);
	CHECK(itest(line));
	CHECK(call(do_itest, "itest 1 =~ 2") == -ENOTSUP);
	CHECK(call(do_itest, "itest 1 ==") == -EINVAL);
	/* test: strings, numbers, ! -a -o, U-Boot's quirks */
	CHECK(test("test abc = abc") && !test("test abc = abd"));
	CHECK(test("test abc != abd") && test("test abc < abd"));
	CHECK(test("test b > a") && !test("test a > b"));
	CHECK(test("test 10 -eq 10") && test("test 9 -lt 10"));
	CHECK(!test("test 9 -gt 10") && test("test 10 -ge 10"));
	CHECK(test("test 10 -le 10") && test("test 1 -ne 2"));
	CHECK(test("test 0x10 -eq 16"));
	CHECK(test("test -5 -lt 3"));
	CHECK(test("test -n x") && !test("test -z x"));
	CHECK(test("test ! -z x") && test("test ! ! -n x"));
	CHECK(test("test 1 -eq 1 -a 2 -eq 2") && !test("test 1 -eq 1 -a 1 -eq 2"));
	CHECK(test("test 1 -eq 2 -o 2 -eq 2") && !test("test 1 -eq 2 -o 1 -eq 2"));
	CHECK(!test("test") && !test("test abc"));	/* fewer than 2: false */
	CHECK(test("test abc def"));			/* no test: true */
	CHECK(test("[ a = a ]") && !test("[ a = b ]"));
	CHECK(!test("[ a = a"));
)
