// SPDX-License-Identifier: MIT
/* Unit tests for lib/env_store.c (U-Boot's text, binary and saved
 * environment forms) and drivers/mtd/cfi_query.c (the CFI query table). */
#include <crc32.h>
#include <env.h>
#include <errno.h>
#include <flash.h>
#include <stdbool.h>

static char out[4096];

static void check_export(void)
{
	char buf[64];
	char *names[] = { "b", "missing" };
	size_t n;

	env_clear();
	n = env_export_data(buf, sizeof(buf), '\0', 0, NULL);
	CHECK(n == 2 && !memcmp(buf, "\0\0", 2));	/* empty: two NULs */
	CHECK(env_set("b", "2") == 0);
	CHECK(env_set("a", "1") == 0);
	n = env_export_data(buf, sizeof(buf), '\0', 0, NULL);
	CHECK(n == 9 && !memcmp(buf, "a=1\0b=2\0\0", 9));
	n = env_export_data(buf, sizeof(buf), '\n', 0, NULL);
	CHECK(n == 9 && !memcmp(buf, "a=1\nb=2\n\0", 9));
	n = env_export_data(buf, sizeof(buf), '\n', 2, names);
	CHECK(n == 5 && !memcmp(buf, "b=2\n\0", 5));
	/* Measuring writes nothing; a short buffer gets only what fits. */
	CHECK(env_export_data(NULL, 0, '\n', 0, NULL) == 9);
	memset(buf, 'x', sizeof(buf));
	CHECK(env_export_data(buf, 3, '\n', 0, NULL) == 9);
	CHECK(!memcmp(buf, "a=1x", 4));
	/* Text escapes a newline and a backslash in a value. */
	CHECK(env_set("c", "x\ny\\z") == 0);
	n = env_export_data(buf, sizeof(buf), '\n', 0, NULL);
	CHECK(n == 19 && !memcmp(buf, "a=1\nb=2\nc=x\\\ny\\\\z\n\0", 19));
	env_clear();
	CHECK(env_import_data(buf, n, '\n', 0, 0, NULL, "t") == 0);
	CHECK_STR(env_get("c"), "x\ny\\z");
	CHECK_STR(env_get("a"), "1");
	env_clear();
}

static void check_pack(void)
{
	static uint8_t blob[0x1000], copy[0x1000];
	uint32_t crc;

	env_clear();
	CHECK(env_set("bootcmd", "run x") == 0);
	CHECK(env_set("x", "echo hi") == 0);
	CHECK(env_store_pack(blob, sizeof(blob), 0xff) == 0);
	crc = crc32(0, blob + 4, sizeof(blob) - 4);
	CHECK(blob[0] == (crc & 0xff) && blob[3] == crc >> 24);
	CHECK(!memcmp(blob + 4, "bootcmd=run x\0x=echo hi\0\0\xff", 26));
	CHECK(blob[sizeof(blob) - 1] == 0xff);
	CHECK(env_store_check(blob, sizeof(blob)) == 0);
	/* Back in: the same variables. */
	env_clear();
	CHECK(env_import_data((char *)blob + 4, sizeof(blob) - 4, '\0', 0, 0,
			      NULL, "flash") == 0);
	CHECK_STR(env_get("x"), "echo hi");
	CHECK_STR(env_get("bootcmd"), "run x");
	/* One flipped bit anywhere: a bad CRC. */
	memcpy(copy, blob, sizeof(blob));
	copy[sizeof(copy) - 1] ^= 0x10;
	CHECK(env_store_check(copy, sizeof(copy)) == -EBADMSG);
	copy[sizeof(copy) - 1] ^= 0x10;
	copy[1] ^= 1;
	CHECK(env_store_check(copy, sizeof(copy)) == -EBADMSG);
	CHECK(env_store_check(copy, 4) == -EINVAL);
	CHECK(env_store_check(copy, 0) == -EINVAL);
	/* Blank flash (all ones) and a zeroed file are not environments. */
	memset(copy, 0xff, sizeof(copy));
	CHECK(env_store_check(copy, sizeof(copy)) == -EBADMSG);
	memset(copy, 0, sizeof(copy));
	CHECK(env_store_check(copy, sizeof(copy)) == -EBADMSG);
	/* Too small to hold it: refused, nothing written. */
	memset(copy, 0x5a, sizeof(copy));
	CHECK(env_store_pack(copy, 28, 0) == -ENOSPC);
	CHECK(copy[0] == 0x5a && copy[27] == 0x5a);
	CHECK(env_store_pack(copy, 4, 0) == -ENOSPC);
	/* Exactly enough: 4 + 14 + 10 + 1. */
	CHECK(env_store_pack(copy, 29, 0) == 0);
	CHECK(env_store_check(copy, 29) == 0);
	env_clear();
}

static void check_import(void)
{
	char *names[] = { "keep", "gone" };
	static const char text[] =
		"# a comment\n\n  indented=1\r\nplain=2\nempty=\nx=3\n"
		"bad name=4\n=5\nnoequals\nlast=6";
	int bad;

	/* U-Boot's text: comments and blank lines skipped, "name=" and
	 * "name" delete, a bad name is said and skipped. */
	env_clear();
	CHECK(env_set("empty", "was set") == 0);
	CHECK(env_set("noequals", "was set") == 0);
	fflush(stdout);
	bad = env_import_data(text, sizeof(text) - 1, '\n', ENV_IMPORT_CRLF, 0,
			      NULL, "t");
	CHECK(bad == 2);
	CHECK_STR(env_get("indented"), "1");
	CHECK_STR(env_get("plain"), "2");
	CHECK(env_get("empty") == NULL);
	CHECK(env_get("noequals") == NULL);
	CHECK_STR(env_get("last"), "6");		/* no final newline */
	/* Without -r the CR stays in the value. */
	env_clear();
	CHECK(env_import_data("a=1\r\n", 5, '\n', 0, 0, NULL, "t") == 0);
	CHECK_STR(env_get("a"), "1\r");
	/* Text stops at a NUL; binary at an empty entry; both at len. */
	env_clear();
	CHECK(env_import_data("a=1\nb=2\0c=3\n", 12, '\n', 0, 0, NULL, "t") ==
	      0);
	CHECK(env_get("b") && !env_get("c"));
	CHECK(env_import_data("d=1\0e=2\0\0f=3\0", 14, '\0', 0, 0, NULL, "b") ==
	      0);
	CHECK(env_get("e") && !env_get("f"));
	CHECK(env_import_data("g=12345", 4, '\0', 0, 0, NULL, "b") == 0);
	CHECK_STR(env_get("g"), "12");
	/* A trailing backslash escapes nothing. */
	CHECK(env_import_data("h=a\\", 4, '\n', 0, 0, NULL, "t") == 0);
	CHECK_STR(env_get("h"), "a\\");
	/* Names: only those; with DELETE, the absent ones go. */
	env_clear();
	CHECK(env_set("gone", "x") == 0);
	CHECK(env_set("other", "y") == 0);
	CHECK(env_import_data("keep=1\0other=2\0", 15, '\0', ENV_IMPORT_DELETE,
			      2, names, "b") == 0);
	CHECK_STR(env_get("keep"), "1");
	CHECK_STR(env_get("other"), "y");
	CHECK(env_get("gone") == NULL);
	env_clear();
	/* Nothing at all. */
	CHECK(env_import_data("", 0, '\n', 0, 0, NULL, "t") == 0);
	CHECK(env_import_data("", 0, '\0', 0, 0, NULL, "b") == 0);
}

/* A fresh query table as QEMU's pflash_cfi01 gives it on virt: x16 chips
 * of 32 MiB, 256 blocks of 128 KiB, a 2 KiB buffer, command set 1. */
static void qemu_query(uint8_t q[CFI_QUERY_LEN])
{
	memset(q, 0, CFI_QUERY_LEN);
	memcpy(q + 0x10, "QRY", 3);
	q[0x13] = 1;
	q[0x27] = 25;
	q[0x2a] = 11;
	q[0x2c] = 1;
	q[0x2d] = 0xff;
	q[0x2f] = 0x00;
	q[0x30] = 0x02;
}

static void check_cfi(void)
{
	uint8_t q[CFI_QUERY_LEN];
	struct flash_bank b = { 0 };

	qemu_query(q);
	CHECK(cfi_parse_query(q, 64 << 20, 4, &b) == 0);
	CHECK(b.chips == 2 && b.width == 4 && b.cmdset == 1 && b.is_cfi);
	CHECK(b.erase_size == 256 << 10);
	CHECK(b.buffer_size == 4096);
	/* One chip of the whole bank. */
	CHECK(cfi_parse_query(q, 32 << 20, 2, &b) == 0);
	CHECK(b.chips == 1 && b.erase_size == 128 << 10);
	/* Damaged tables change nothing and fail. */
	memset(&b, 0, sizeof(b));
	q[0x12] = 'X';
	CHECK(cfi_parse_query(q, 64 << 20, 4, &b) == -EINVAL);
	qemu_query(q);
	CHECK(cfi_parse_query(q, 48 << 20, 4, &b) == -EINVAL);	/* not n chips */
	CHECK(cfi_parse_query(q, 256 << 20, 4, &b) == -EINVAL); /* 8 chips > 4 */
	CHECK(cfi_parse_query(q, 64 << 20, 3, &b) == -EINVAL);
	q[0x27] = 63;
	CHECK(cfi_parse_query(q, 64 << 20, 4, &b) == -EINVAL);
	qemu_query(q);
	q[0x2d] = 0x7f;		/* blocks do not fill the chip */
	CHECK(cfi_parse_query(q, 64 << 20, 4, &b) == -EINVAL);
	qemu_query(q);
	q[0x2c] = 2;
	CHECK(cfi_parse_query(q, 64 << 20, 4, &b) == -EINVAL);
	qemu_query(q);
	q[0x2a] = 40;
	CHECK(cfi_parse_query(q, 64 << 20, 4, &b) == -EINVAL);
	CHECK(!b.is_cfi);
	qemu_query(q);
	q[0x2a] = 0;		/* no buffer: word programming */
	CHECK(cfi_parse_query(q, 64 << 20, 4, &b) == 0 && !b.buffer_size);
}

UNIT_MAIN(
	/* The skip messages go to a buffer, not the test log. */
	setvbuf(stdout, out, _IOFBF, sizeof(out));
	check_export();
	check_pack();
	check_import();
	check_cfi();
)
