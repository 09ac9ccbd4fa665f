// SPDX-License-Identifier: MIT
/* Unit tests for lib/dt.c on the host's libfdt: reg parsing with various
 * cell counts, status, stdout-path, and refusing bad blobs. */
#include <dt.h>
#include <errno.h>
#include <libfdt.h>
#include <stdint.h>

static char blob[8192];

static void prop_cells(const char *name, const uint32_t *cells, int n)
{
	fdt32_t be[8];

	for (int i = 0; i < n; i++)
		be[i] = cpu_to_fdt32(cells[i]);
	fdt_property(blob, name, be, n * 4);
}

static void build(void)
{
	static const uint32_t two[] = { 2 }, one[] = { 1 }, zero[] = { 0 };
	static const uint32_t reg64[] = { 0x1, 0x40000000, 0x0, 0x20000000,
					  0x0, 0x9000000, 0x0, 0x1000 };
	static const uint32_t reg32[] = { 0x1000, 0x100 };
	static const uint32_t reg0[] = { 0x5 };

	fdt_create(blob, sizeof(blob));
	fdt_finish_reservemap(blob);
	fdt_begin_node(blob, "");
	prop_cells("#address-cells", two, 1);
	prop_cells("#size-cells", two, 1);
	fdt_begin_node(blob, "chosen");
	fdt_property_string(blob, "stdout-path", "serial0:115200n8");
	fdt_end_node(blob);
	fdt_begin_node(blob, "aliases");
	fdt_property_string(blob, "serial0", "/uart@9000000");
	fdt_end_node(blob);
	fdt_begin_node(blob, "uart@9000000");
	prop_cells("reg", reg64, 8);
	fdt_end_node(blob);
	fdt_begin_node(blob, "off");
	fdt_property_string(blob, "status", "disabled");
	fdt_end_node(blob);
	fdt_begin_node(blob, "on");
	fdt_property_string(blob, "status", "okay");
	fdt_end_node(blob);
	fdt_begin_node(blob, "bus");
	prop_cells("#address-cells", one, 1);
	prop_cells("#size-cells", one, 1);
	fdt_begin_node(blob, "dev@1000");
	prop_cells("reg", reg32, 2);
	fdt_end_node(blob);
	fdt_end_node(blob);
	fdt_begin_node(blob, "cpus");
	prop_cells("#address-cells", one, 1);
	prop_cells("#size-cells", zero, 1);
	fdt_begin_node(blob, "cpu@5");
	prop_cells("reg", reg0, 1);
	fdt_end_node(blob);
	fdt_end_node(blob);
	fdt_begin_node(blob, "short");
	prop_cells("reg", reg32, 2);		/* needs 4 cells */
	fdt_end_node(blob);
	fdt_end_node(blob);
	fdt_finish(blob);
}

/*
 * Found by the fuzzer (test/fuzz/fuzz_region): a property whose length,
 * 0xfffffff4, takes libfdt 1.6.1's fdt_next_tag() back to the property's
 * own tag, so that fdt_check_full() (and any walk) never ends. The
 * smallest such tree: a root node holding that property.
 */
static const uint8_t looping_tree[] = {
	0xd0, 0x0d, 0xfe, 0xed, 0x00, 0x00, 0x00, 0x56, /* magic, totalsize 86 */
	0x00, 0x00, 0x00, 0x38, 0x00, 0x00, 0x00, 0x54, /* struct 56, strings 84 */
	0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x11, /* memrsv 40, version 17 */
	0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, /* last comp 16, cpu 0 */
	0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x1c, /* strings 2, struct 28 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* memrsv: end */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, /* BEGIN_NODE "" */
	0x00, 0x00, 0x00, 0x03, 0xff, 0xff, 0xff, 0xf4, /* PROP len -12 */
	0x00, 0x00, 0x00, 0x00,				/* name "x" */
	0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x09, /* END_NODE, END */
	'x', 0,
};

static void test_looping_property(void)
{
	char *copy = malloc(sizeof(looping_tree));
	void *live = dt_blob();

	memcpy(copy, looping_tree, sizeof(looping_tree));
	CHECK(fdt_check_header(copy) == 0);	/* passes the header check */
	CHECK(dt_init(copy) == -EINVAL);	/* and returns, refused */
	CHECK(dt_set_blob(copy) == -EINVAL);
	CHECK(dt_blob() == live);
	free(copy);
}

/*
 * Found by the fuzzer (test/fuzz/fuzz_region): a tree of version 15 whose
 * root is named "" rather than "/" passes fdt_check_header(), and libfdt
 * 1.6.1's fdt_check_full() then reads the root's name through a NULL
 * pointer. The smallest such tree: an empty root node.
 */
static const uint8_t old_version_tree[] = {
	0xd0, 0x0d, 0xfe, 0xed, 0x00, 0x00, 0x00, 0x48, /* magic, totalsize 72 */
	0x00, 0x00, 0x00, 0x38, 0x00, 0x00, 0x00, 0x48, /* struct 56, strings 72 */
	0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x0f, /* memrsv 40, version 15 */
	0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, /* last comp 2, cpu 0 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, /* strings 0, struct 16 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* memrsv: end */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, /* BEGIN_NODE "" */
	0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x09, /* END_NODE, END */
};

/*
 * Found by the fuzzer (test/fuzz/fuzz_boot_fdt): a version 16 tree whose
 * property names lie past its strings block (here of size 0) passes
 * fdt_check_full(), which checks name offsets only from version 17 on;
 * the copy (fdt_open_into) keeps only the strings block, and the tree
 * Linux got named its properties with whatever followed.
 */
static const uint8_t v16_names_outside[] = {
	0xd0, 0x0d, 0xfe, 0xed, 0x00, 0x00, 0x00, 0x56, /* magic, totalsize 86 */
	0x00, 0x00, 0x00, 0x38, 0x00, 0x00, 0x00, 0x54, /* struct 56, strings 84 */
	0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x10, /* memrsv 40, version 16 */
	0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, /* last comp 16, cpu 0 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1c, /* strings 0 (!), struct 28 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* memrsv: end */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, /* BEGIN_NODE "" */
	0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, /* PROP len 0 */
	0x00, 0x00, 0x00, 0x00,				/* name at 0 */
	0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x09, /* END_NODE, END */
	'x', 0,						/* outside */
};

static void refused(const uint8_t *tree, size_t size)
{
	char *copy = malloc(size);
	void *live = dt_blob();

	memcpy(copy, tree, size);
	CHECK(fdt_check_header(copy) == 0);
	CHECK(dt_init(copy) == -EINVAL);
	CHECK(dt_check_tree(copy) == -EINVAL);	/* booti's fdt_addr */
	CHECK(dt_set_blob(copy) == -EINVAL);	/* fdt addr */
	CHECK(dt_blob() == live);
	free(copy);
}

/* An overlay of one fragment setting prop = "value" under target. */
static void make_overlay(char *ov, size_t size, const char *target,
			 const char *prop)
{
	fdt_create(ov, size);
	fdt_finish_reservemap(ov);
	fdt_begin_node(ov, "");
	fdt_begin_node(ov, "fragment@0");
	fdt_property_string(ov, "target-path", target);
	fdt_begin_node(ov, "__overlay__");
	fdt_property_string(ov, prop, "value");
	fdt_end_node(ov);
	fdt_end_node(ov);
	fdt_end_node(ov);
	fdt_finish(ov);
}

static void test_overlays(void)
{
	static char tree[16384], ov[1024], before[1024];
	const char *why = NULL;

	CHECK(fdt_open_into(blob, tree, sizeof(tree)) == 0);
	make_overlay(ov, sizeof(ov), "/chosen", "vb-overlay");
	memcpy(before, ov, sizeof(ov));
	/* Applied to the tree; the overlay itself is left as it was. */
	CHECK(dt_apply_overlay(tree, ov, sizeof(ov), &why) == 0);
	CHECK_STR(fdt_getprop(tree, fdt_path_offset(tree, "/chosen"),
			      "vb-overlay", NULL), "value");
	CHECK(memcmp(before, ov, sizeof(ov)) == 0);
	CHECK(fdt_check_full(tree, sizeof(tree)) == 0);
	/* Not a tree: shorter than a header, a totalsize past the bytes
	 * given, garbage, an old version. */
	CHECK(dt_apply_overlay(tree, ov, 16, &why) == -ENOEXEC);
	CHECK(dt_apply_overlay(tree, ov, fdt_totalsize(ov) - 1, &why) ==
	      -ENOEXEC);
	memset(before, 0x5a, sizeof(before));
	CHECK(dt_apply_overlay(tree, before, sizeof(before), &why) == -ENOEXEC);
	memcpy(before, ov, sizeof(ov));
	fdt_set_version(before, 16);
	CHECK(dt_apply_overlay(tree, before, sizeof(before), &why) == -ENOEXEC);
	/* A local fix-up past its property, which libfdt 1.6.1 would read
	 * from wherever it points. */
	static const uint32_t one = 0x01000000, far = 0x0000f600;
	fdt_create(before, sizeof(before));
	fdt_finish_reservemap(before);
	fdt_begin_node(before, "");
	fdt_begin_node(before, "fragment@0");
	fdt_property_string(before, "target-path", "/");
	fdt_begin_node(before, "__overlay__");
	fdt_begin_node(before, "b");
	fdt_property(before, "p", &one, 4);
	fdt_end_node(before);
	fdt_end_node(before);
	fdt_end_node(before);
	fdt_begin_node(before, "__local_fixups__");
	fdt_begin_node(before, "fragment@0");
	fdt_begin_node(before, "__overlay__");
	fdt_begin_node(before, "b");
	fdt_property(before, "p", &far, 4);
	fdt_end_node(before);
	fdt_end_node(before);
	fdt_end_node(before);
	fdt_end_node(before);
	fdt_end_node(before);
	fdt_finish(before);
	CHECK(dt_apply_overlay(tree, before, sizeof(before), &why) == -ENOEXEC);
	/* A target the tree does not have: libfdt says why. */
	make_overlay(ov, sizeof(ov), "/nowhere", "vb-lost");
	CHECK(dt_apply_overlay(tree, ov, sizeof(ov), &why) == -EINVAL);
	CHECK_STR(why, "FDT_ERR_NOTFOUND");
}

static void test_old_versions(void)
{
	refused(old_version_tree, sizeof(old_version_tree));
	refused(v16_names_outside, sizeof(v16_names_outside));
}

UNIT_MAIN(
	uint64_t addr, size;
	const void *fdt;
	int node;

	build();
	CHECK(fdt_check_header(blob) == 0);
	CHECK(dt_init(blob) == 0);
	fdt = dt_blob();
	CHECK(fdt != NULL && fdt != (void *)blob);	/* a private copy */
	CHECK(fdt_totalsize(fdt) > fdt_totalsize(blob));	/* with room */

	node = fdt_path_offset(fdt, "/uart@9000000");
	CHECK(dt_read_reg(fdt, node, 0, &addr, &size) == 0);
	CHECK(addr == 0x140000000ULL && size == 0x20000000);
	CHECK(dt_read_reg(fdt, node, 1, &addr, &size) == 0);
	CHECK(addr == 0x9000000 && size == 0x1000);
	CHECK(dt_read_reg(fdt, node, 2, &addr, &size) == -ENOENT);
	CHECK(dt_read_reg(fdt, node, -1, &addr, &size) == -ENOENT);
	node = fdt_path_offset(fdt, "/bus/dev@1000");
	CHECK(dt_read_reg(fdt, node, 0, &addr, &size) == 0);
	CHECK(addr == 0x1000 && size == 0x100);
	node = fdt_path_offset(fdt, "/cpus/cpu@5");
	CHECK(dt_read_reg(fdt, node, 0, &addr, NULL) == 0 && addr == 5);
	node = fdt_path_offset(fdt, "/short");
	CHECK(dt_read_reg(fdt, node, 0, &addr, &size) == -ENOENT);
	node = fdt_path_offset(fdt, "/off");
	CHECK(dt_read_reg(fdt, node, 0, &addr, &size) == -ENOENT);

	CHECK(!dt_node_is_okay(fdt, fdt_path_offset(fdt, "/off")));
	CHECK(dt_node_is_okay(fdt, fdt_path_offset(fdt, "/on")));
	CHECK(dt_node_is_okay(fdt, fdt_path_offset(fdt, "/bus")));

	/* an alias with options after ':' */
	CHECK(dt_stdout_node(fdt) == fdt_path_offset(fdt, "/uart@9000000"));

	const uint32_t cells[] = { cpu_to_fdt32(0x12), cpu_to_fdt32(0x34) };
	CHECK(dt_read_cells(cells, 2) == 0x1200000034ULL);
	CHECK(dt_read_cells(cells, 1) == 0x12);

	/* refused: garbage, a truncated header, a tree over 2 MiB */
	static char junk[256];
	memset(junk, 0xa5, sizeof(junk));
	CHECK(dt_init(junk) == -EINVAL);
	CHECK(dt_blob() == fdt);			/* unchanged */
	/* A big tree counts what it uses, not its padding (QEMU pads a
	 * -dtb to twice its size). */
	char *big = malloc(3 << 20);
	fdt_create_empty_tree(big, 3 << 20);
	CHECK(fdt_setprop_placeholder(big, 0, "filler", 1 << 20,
				      &(void *){ NULL }) == 0);
	CHECK(dt_init(big) == 0);
	CHECK(dt_blob() != big && dt_used_size(dt_blob()) > (1 << 20));
	CHECK(dt_used_size(big) < (1 << 20) + 4096);
	free(dt_blob());
	CHECK(fdt_setprop_placeholder(big, 0, "more", 1 << 20,
				      &(void *){ NULL }) == 0);
	CHECK(dt_init(big) == -EFBIG);
	CHECK(dt_set_blob(big) == -EFBIG);
	free(big);
	CHECK(dt_set_blob((void *)fdt) == 0);
	char bad[sizeof(blob)];
	memcpy(bad, blob, sizeof(bad));
	fdt_set_off_dt_struct(bad, fdt_totalsize(bad) + 16);
	CHECK(dt_init(bad) == -EINVAL);
	test_looping_property();
	test_old_versions();
	test_overlays();
	CHECK(dt_set_blob(blob) == 0 && dt_blob() == blob);
	free((void *)fdt);
)
