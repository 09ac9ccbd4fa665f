// SPDX-License-Identifier: MIT
/* Unit tests for lib/env.c: set, get, delete, order, import. */
#include <env.h>
#include <errno.h>

static char listing[1024];

static void collect(const char *name, const char *value, void *arg)
{
	strcat(listing, name);
	strcat(listing, "=");
	strcat(listing, value);
	strcat(listing, ";");
}

UNIT_MAIN(
	CHECK(env_set("b", "2") == 0);
	CHECK(env_set("a", "1") == 0);
	CHECK(env_set("c", "3") == 0);
	CHECK(env_set("ab", "x") == 0);
	CHECK_STR(env_get("a"), "1");
	CHECK_STR(env_get("ab"), "x");
	CHECK(env_get("abc") == NULL);
	CHECK(env_get("") == NULL);
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
	env_clear();
	CHECK(env_get("v150") == NULL);
	CHECK(env_size() == 0);
)
