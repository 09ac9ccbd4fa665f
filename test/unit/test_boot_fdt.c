// SPDX-License-Identifier: MIT
/* test_boot_fdt.c - host tests of the /chosen fix-ups for Linux
 * (boot/fdt_fixup.c): bootargs, initrd range, loader version, seeds kept. */
#include <boot.h>
#include <errno.h>
#include <libfdt.h>
#include <stdint.h>

const char version_string[] = "virtboot test";

static char tree[4096];

static void make_tree(bool with_chosen)
{
	char src[1024];
	uint64_t seed = 0x1122334455667788ULL;

	CHECK(fdt_create(src, sizeof(src)) == 0);
	fdt_finish_reservemap(src);
	fdt_begin_node(src, "");
	if (with_chosen) {
		fdt_begin_node(src, "chosen");
		fdt_property(src, "rng-seed", "0123456789abcdef", 16);
		fdt_property_u64(src, "kaslr-seed", seed);
		fdt_property_string(src, "bootargs", "old");
		fdt_property_string(src, "stdout-path", "/pl011@9000000");
		fdt_end_node(src);
	}
	fdt_end_node(src);
	CHECK(fdt_finish(src) == 0);
	CHECK(fdt_open_into(src, tree, sizeof(tree)) == 0);
}

static const char *chosen_str(const char *name)
{
	int node = fdt_path_offset(tree, "/chosen");

	return node < 0 ? NULL : fdt_getprop(tree, node, name, NULL);
}

static uint64_t chosen_u64(const char *name, int *len)
{
	int node = fdt_path_offset(tree, "/chosen");
	const void *v = fdt_getprop(tree, node, name, len);
	fdt64_t x;

	if (!v)
		return 0;
	memcpy(&x, v, sizeof(x));	/* properties are 4-byte aligned */
	return fdt64_to_cpu(x);
}

static void test_fixup(void)
{
	int len;

	make_tree(true);
	CHECK(boot_fdt_fixup(tree, "console=ttyAMA0 quiet", 0x48000000,
			     0x48100000) == 0);
	CHECK(fdt_check_full(tree, sizeof(tree)) == 0);
	CHECK_STR(chosen_str("bootargs"), "console=ttyAMA0 quiet");
	CHECK_STR(chosen_str("virtboot,version"), "virtboot test");
	CHECK_STR(chosen_str("stdout-path"), "/pl011@9000000");
	CHECK(chosen_u64("linux,initrd-start", &len) == 0x48000000 && len == 8);
	CHECK(chosen_u64("linux,initrd-end", &len) == 0x48100000 && len == 8);
	CHECK(chosen_u64("kaslr-seed", &len) == 0x1122334455667788ULL);
	CHECK(chosen_str("rng-seed") &&
	      !memcmp(chosen_str("rng-seed"), "0123456789abcdef", 16));

	/* Again without initrd and bootargs: both go away. */
	CHECK(boot_fdt_fixup(tree, "", 0, 0) == 0);
	CHECK(chosen_str("bootargs") == NULL);
	CHECK(chosen_str("linux,initrd-start") == NULL);
	CHECK(chosen_str("linux,initrd-end") == NULL);
	CHECK(chosen_str("rng-seed") != NULL);
	CHECK(boot_fdt_fixup(tree, NULL, 5, 5) == 0);
	CHECK(chosen_str("bootargs") == NULL);
}

static void test_no_chosen(void)
{
	make_tree(false);
	CHECK(boot_fdt_fixup(tree, "a=b", 0, 0) == 0);
	CHECK_STR(chosen_str("bootargs"), "a=b");
	CHECK_STR(chosen_str("virtboot,version"), "virtboot test");
}

static void test_no_room(void)
{
	char big[8192];

	make_tree(true);
	CHECK(fdt_pack(tree) == 0);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK(boot_fdt_fixup(tree, big, 0, 0) == -ENOSPC);
	CHECK(fdt_check_header(tree) == 0);
}

/*
 * Found by the fuzzer (test/fuzz/fuzz_boot_fdt): a /chosen that names
 * bootargs (and here the initrd range) twice, which fdt_check_full()
 * lets through. Only the first copy was replaced or deleted, so with no
 * bootargs and no initrd Linux still got the stale second ones.
 */
static void test_duplicates(void)
{
	char src[1024];
	uint64_t old = cpu_to_fdt64(0x44000000);
	int node, len;

	CHECK(fdt_create(src, sizeof(src)) == 0);
	fdt_finish_reservemap(src);
	fdt_begin_node(src, "");
	fdt_begin_node(src, "chosen");
	fdt_property_string(src, "bootargs", "old");
	fdt_property_string(src, "bootargs", "/pl011@9000000");
	fdt_property(src, "linux,initrd-start", &old, 8);
	fdt_property(src, "linux,initrd-start", &old, 8);
	fdt_property(src, "linux,initrd-end", &old, 8);
	fdt_property(src, "linux,initrd-end", &old, 8);
	fdt_property_string(src, "virtboot,version", "stale");
	fdt_property_string(src, "virtboot,version", "stale");
	fdt_end_node(src);
	fdt_end_node(src);
	CHECK(fdt_finish(src) == 0);
	CHECK(fdt_check_full(src, sizeof(src)) == 0);	/* let through */
	CHECK(fdt_open_into(src, tree, sizeof(tree)) == 0);

	CHECK(boot_fdt_fixup(tree, NULL, 0, 0) == 0);
	CHECK(chosen_str("bootargs") == NULL);
	CHECK(chosen_str("linux,initrd-start") == NULL);
	CHECK(chosen_str("linux,initrd-end") == NULL);
	CHECK(boot_fdt_fixup(tree, "new", 0x48000000, 0x48100000) == 0);
	CHECK_STR(chosen_str("bootargs"), "new");
	CHECK(chosen_u64("linux,initrd-start", &len) == 0x48000000);
	/* One copy of each, the version included. */
	node = fdt_path_offset(tree, "/chosen");
	CHECK(fdt_delprop(tree, node, "bootargs") == 0);
	CHECK(fdt_getprop(tree, node, "bootargs", NULL) == NULL);
	CHECK(fdt_delprop(tree, node, "linux,initrd-start") == 0);
	CHECK(fdt_getprop(tree, node, "linux,initrd-start", NULL) == NULL);
	CHECK_STR(chosen_str("virtboot,version"), "virtboot test");
	CHECK(fdt_delprop(tree, node, "virtboot,version") == 0);
	CHECK(fdt_getprop(tree, node, "virtboot,version", NULL) == NULL);
}

UNIT_MAIN(test_fixup(); test_no_chosen(); test_no_room(); test_duplicates())
