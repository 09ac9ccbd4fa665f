// SPDX-License-Identifier: MIT
/* fuzz_region.c - libFuzzer target for the memory-region allocator's
 * reservations from a device tree (lib/region.c region_reserve_fdt): the
 * input is a tree from outside (adopted as lib/dt.c dt_init does); its
 * memory nodes give the RAM banks (as lib/mem.c reads them), its
 * /memreserve/ entries and /reserved-memory nodes the reservations. The
 * tables must stay sorted, disjoint and inside RAM, what the tree reserves
 * must be reserved, and the loader's usual allocations must land on free
 * RAM. */
#include <mem.h>
#include <region.h>
#include <virtboot.h>
#include "fuzz_tree.h"

#define RAM_BASE	0x40000000ULL	/* QEMU virt, the fallback bank */

static void ram_from_tree(const void *fdt)
{
	struct region banks[MEM_MAX_BANKS];
	uint64_t start, size;
	const char *type;
	int node, i, n = 0;

	fdt_for_each_subnode(node, fdt, 0) {
		type = fdt_getprop(fdt, node, "device_type", NULL);
		if (!type || strcmp(type, "memory") ||
		    !dt_node_is_okay(fdt, node))
			continue;
		for (i = 0; !dt_read_reg(fdt, node, i, &start, &size); i++)
			if (size && n < MEM_MAX_BANKS)
				banks[n++] = (struct region){ start, size, "ram" };
	}
	if (!n)
		banks[n++] = (struct region){ RAM_BASE, 128 << 20, "ram" };
	region_init(banks, n);
}

static bool inside_ram(uint64_t base, uint64_t size)
{
	const struct region *b;
	int i;

	for (i = 0; (b = region_ram_at(i)); i++)
		if (base >= b->base && base + (size - 1) <= b->base + (b->size - 1))
			return true;
	return false;
}

static void check_tables(void)
{
	const struct region *r, *prev = NULL;
	int i;

	if (region_count() > REGION_MAX)
		abort();
	for (i = 0; (r = region_at(i)); i++, prev = r) {
		if (!r->size || r->base + (r->size - 1) < r->base ||
		    !inside_ram(r->base, r->size) || !r->owner)
			abort();
		if (prev && prev->base + prev->size > r->base)
			abort();	/* sorted and disjoint */
	}
}

/* The first and last byte of RAM that [base, base + size) covers in each
 * bank are reserved (banks that wrap past 2^64 aside). */
static void check_covered(uint64_t base, uint64_t size)
{
	uint64_t last = base + (size - 1), s, e;
	const struct region *b;
	int i;

	if (!size)
		return;
	if (last < base)
		last = UINT64_MAX;
	for (i = 0; (b = region_ram_at(i)); i++) {
		if (b->base + (b->size - 1) < b->base)
			continue;
		s = MAX(base, b->base);
		e = MIN(last, b->base + (b->size - 1));
		if (s <= e && (region_is_free(s, 1) || region_is_free(e, 1)))
			abort();
	}
}

/* What region_reserve_fdt() was given is reserved, unless the table
 * filled up (then it said so). */
static void check_tree_reserved(const void *fdt)
{
	uint64_t addr, size;
	int i, n, node, child;

	if (region_count() == REGION_MAX)
		return;
	n = fdt_num_mem_rsv(fdt);
	for (i = 0; i < n; i++)
		if (!fdt_get_mem_rsv(fdt, i, &addr, &size))
			check_covered(addr, size);
	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node < 0)
		return;
	fdt_for_each_subnode(child, fdt, node) {
		if (!dt_node_is_okay(fdt, child))
			continue;
		for (i = 0; !dt_read_reg(fdt, child, i, &addr, &size); i++)
			check_covered(addr, size);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *tail;
	size_t tail_len;
	uint64_t base;
	void *fdt;

	fdt = fuzz_adopt_tree(data, size, &tail, &tail_len);
	if (!fdt)
		return 0;
	ram_from_tree(fdt);
	/* The board: the loader's own RAM first, then the tree's. */
	region_reserve(RAM_BASE + (2 << 20), 2 << 20, "virtboot");
	if (region_reserve_fdt(fdt))
		abort();
	check_tables();
	check_tree_reserved(fdt);
	/* What a boot places: kernel, initrd, DTB. */
	if (!region_alloc(32 << 20, 2 << 20, 0, UINT64_MAX, "kernel", &base) &&
	    !region_overlap(base, 32 << 20))
		abort();
	if (!region_alloc(1 << 20, 4096, 0, UINT64_MAX, "initrd", &base) &&
	    (base & 4095))
		abort();
	region_alloc(2 << 20, 2 << 20, 0, UINT64_MAX, "fdt", &base);
	check_tables();
	free(fdt);
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet();
	return 0;
}
