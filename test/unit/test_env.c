// SPDX-License-Identifier: MIT
/* Unit tests for lib/env.c: set, get, delete, order, import. */
#include <env.h>
#include <errno.h>
#include <unistd.h>

static char listing[1024];

static void collect(const char *name, const char *value, void *arg)
{
	strcat(listing, name);
	strcat(listing, "=");
	strcat(listing, value);
	strcat(listing, ";");
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

static int user_bad;

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
)
