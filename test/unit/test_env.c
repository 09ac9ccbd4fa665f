// SPDX-License-Identifier: MIT
/* Unit tests for lib/env.c: set, get, delete, order, import. */
#include <env.h>
#include <errno.h>
#include <stdbool.h>
#include <unistd.h>

static char listing[1024];
static int user_bad;

static void collect(const char *entry, void *arg)
{
	strcat(listing, entry);
	strcat(listing, ";");
}

/* A name that is a prefix of another, followed there by a character
 * sorting below '=' (digits, '-', '.'), in both insertion orders. */
static void check_prefixes(const char *shorter, const char *longer,
			   bool shorter_first)
{
	env_clear();
	if (shorter_first) {
		CHECK(env_set(shorter, "s") == 0);
		CHECK(env_set(longer, "l") == 0);
	} else {
		CHECK(env_set(longer, "l") == 0);
		CHECK(env_set(shorter, "s") == 0);
	}
	CHECK_STR(env_get(shorter), "s");
	CHECK_STR(env_get(longer), "l");
	CHECK(env_set(shorter, "s2") == 0);	/* replaced, not added */
	CHECK(env_set(longer, "l2") == 0);
	CHECK_STR(env_get(shorter), "s2");
	CHECK_STR(env_get(longer), "l2");
	listing[0] = '\0';
	env_foreach(collect, NULL);
	CHECK(strlen(listing) == strlen(shorter) + strlen(longer) + 8);
	CHECK(env_set(shorter, NULL) == 0);
	CHECK(env_get(shorter) == NULL);
	CHECK_STR(env_get(longer), "l2");
	env_clear();
}

/* Random sets and deletes of names drawn from a small alphabet rich in
 * prefixes, checked against a plain reference table. */
static void check_random(void)
{
	static const char alphabet[] = "ab0-._";
	enum { NAMES = 64 };
	char names[NAMES][6], values[NAMES][8];
	unsigned int seed = 12345, i, k, n;

	for (i = 0; i < NAMES; i++) {
		n = 1 + i % 5;
		for (k = 0; k < n; k++)
			names[i][k] = alphabet[(i * 7 + k * 3 + i / 8) % 6];
		names[i][n] = '\0';
		values[i][0] = '\0';
	}
	env_clear();
	for (k = 0; k < 20000; k++) {
		seed = seed * 1103515245 + 12345;
		i = (seed >> 8) % NAMES;
		if ((seed >> 20) % 3 == 0)
			values[i][0] = '\0';
		else
			snprintf(values[i], sizeof(values[i]), "%u", k);
		/* duplicates of a name are the same entry both ways */
		for (n = 0; n < NAMES; n++)
			if (n != i && !strcmp(names[n], names[i]))
				strcpy(values[n], values[i]);
		CHECK(env_set(names[i], values[i]) == 0);
		for (n = 0; n < NAMES; n += 7) {
			const char *v = env_get(names[n]);

			if (values[n][0])
				CHECK(v && !strcmp(v, values[n]));
			else
				CHECK(v == NULL);
		}
	}
	env_clear();
}

static void import_nul(void)
{
	static const char text[] = "a=1\nb=x\0y\nc=3\n";

	user_bad = env_import(text, sizeof(text) - 1, "opt/virtboot/env");
}

/* Run fn with stdout going to buf (the import's messages). */
static void capture(void (*fn)(void), char *buf, size_t size)
{
	FILE *tmp = tmpfile();
	int saved;
	size_t n;

	fflush(stdout);
	saved = dup(1);
	dup2(fileno(tmp), 1);
	fn();
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	rewind(tmp);
	n = fread(buf, 1, size - 1, tmp);
	buf[n] = '\0';
	fclose(tmp);
}


/* What a user gives QEMU as -fw_cfg name=opt/virtboot/env,file=... */
static void import_user_file(void)
{
	static const char user[] =
		"bootdelay=-1\n\n# a comment\n  greeting=hello world\n"
		"not a pair\n=novalue\nbad name=1\nurl=a=b\r\n"
		"\t# indented comment\nbootcmd=echo a; echo b\nlast=1";

	user_bad = env_import(user, sizeof(user) - 1, "opt/virtboot/env");
}

UNIT_MAIN(
	check_prefixes("bootargs", "bootargs2", true);
	check_prefixes("bootargs", "bootargs2", false);
	check_prefixes("bootdelay", "bootdelay0", true);
	check_prefixes("bootdelay", "bootdelay0", false);
	check_prefixes("a", "a-b", false);
	check_prefixes("a", "a.b", true);
	check_random();
	CHECK(env_set("q", "1") == 0);
	CHECK(env_get("q=") == NULL);	/* a name never holds '=' */
	CHECK_STR(env_get("q"), "1");
	env_clear();

	CHECK(env_set("b", "2") == 0);
	CHECK(env_set("a", "1") == 0);
	CHECK(env_set("c", "3") == 0);
	CHECK(env_set("ab", "x") == 0);
	CHECK_STR(env_get("a"), "1");
	CHECK_STR(env_get("ab"), "x");
	CHECK(env_get("abc") == NULL);
	CHECK(env_get("") == NULL);
	listing[0] = '\0';
	env_foreach(collect, NULL);
	CHECK_STR(listing, "a=1;ab=x;b=2;c=3;");
	CHECK(env_set("b", NULL) == 0);
	CHECK(env_get("b") == NULL);
	CHECK(env_set("a", "") == 0);
	CHECK(env_get("a") == NULL);
	CHECK(env_set("bad=name", "1") == -EINVAL);
	CHECK(env_set("bad name", "1") == -EINVAL);
	CHECK(env_set("", "1") == -EINVAL);
	CHECK(env_set_hex("size", 0x1234) == 0);
	CHECK_STR(env_get("size"), "1234");
	CHECK(env_get_hex("size", 0) == 0x1234);
	CHECK(env_get_hex("nothing", 7) == 7);
	env_set("notnum", "xyz");
	CHECK(env_get_hex("notnum", 9) == 9);

	const char text[] = "# comment\n\nbootdelay=-1\r\n  spaced=yes\n"
			    "novalue\n=x\nempty=\nurl=a=b\nlast=1";
	CHECK(env_import(text, sizeof(text) - 1, "test") == 2);
	CHECK_STR(env_get("bootdelay"), "-1");
	CHECK_STR(env_get("spaced"), "yes");
	CHECK_STR(env_get("url"), "a=b");
	CHECK_STR(env_get("last"), "1");
	CHECK(env_get("empty") == NULL);
	CHECK(env_import(text, 5, "test") == 0);	/* "# com" */
	for (int i = 0; i < 200; i++) {
		char name[16];
		snprintf(name, sizeof(name), "v%03d", i);
		CHECK(env_set(name, "x") == 0);
	}
	CHECK_STR(env_get("v150"), "x");

	/* Over the defaults; bad lines named by number, the rest applied. */
	char out[512];

	CHECK(env_set("bootdelay", "2") == 0);	/* a default */
	capture(import_user_file, out, sizeof(out));
	CHECK(user_bad == 3);
	CHECK_STR(out,
		  "env: opt/virtboot/env:5: not a name=value line, skipped\n"
		  "env: opt/virtboot/env:6: not a name=value line, skipped\n"
		  "env: opt/virtboot/env:7: not a name=value line, skipped\n");
	CHECK_STR(env_get("bootdelay"), "-1");
	CHECK_STR(env_get("greeting"), "hello world");
	CHECK_STR(env_get("url"), "a=b");
	CHECK_STR(env_get("bootcmd"), "echo a; echo b");
	CHECK_STR(env_get("last"), "1");
	CHECK(env_get("not a pair") == NULL);
	CHECK(env_import("", 0, "empty") == 0);

	env_clear();
	CHECK(env_get("v150") == NULL);
	CHECK(env_size() == 0);

	/* A NUL byte is reported with its line; the lines after it count. */
	capture(import_nul, out, sizeof(out));
	CHECK(user_bad == 1);
	CHECK_STR(out, "env: opt/virtboot/env:2: holds a NUL byte, skipped\n");
	CHECK_STR(env_get("a"), "1");
	CHECK(env_get("b") == NULL);
	CHECK_STR(env_get("c"), "3");
	/* A byte-order mark is not part of the first name. */
	CHECK(env_import("\xef\xbb\xbf" "bom=1\n", 9, "bom") == 0);
	CHECK_STR(env_get("bom"), "1");
	env_clear();

	/* The environment stops at its saved size and stays usable. */
	static char big[1001];
	char name[16];
	int i, err = 0;

	memset(big, 'v', 1000);
	for (i = 0; i < 1000 && !err; i++) {
		snprintf(name, sizeof(name), "var%04d", i);
		err = env_set(name, big);
	}
	CHECK(err == -ENOMEM);
	CHECK(i > 200 && i < 300);
	CHECK(env_size() <= env_size_max());
	CHECK(env_get(name) == NULL);
	CHECK(env_set("small", "1") == 0);	/* room for a little more */
	CHECK(env_set("var0000", NULL) == 0);	/* deletes always work */
	CHECK(env_set(name, big) == 0);		/* and make room */
	env_clear();
	CHECK(env_size() == 0);
)
