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
	CHECK(dt_set_blob(blob) == 0 && dt_blob() == blob);
	free((void *)fdt);
)
