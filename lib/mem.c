// SPDX-License-Identifier: MIT
/* mem.c - RAM banks from the device tree's memory nodes (Devicetree
 * Specification v0.4, 3.4: device_type "memory", reg with the root's
 * #address-cells and #size-cells; one node per NUMA node with -numa). */
#define pr_fmt(fmt) "mem: " fmt
#include <arch.h>
#include <board.h>
#include <dt.h>
#include <errno.h>
#include <libfdt.h>
#include <mem.h>
#include <string.h>
#include <virtboot.h>

static struct mem_bank banks[MEM_MAX_BANKS];
static int nbanks;

static void add_bank(uint64_t start, uint64_t size)
{
	int i;

	if (!size)
		return;
	if (nbanks == MEM_MAX_BANKS) {
		pr_err("more than %d RAM banks, 0x%llx ignored\n",
		       MEM_MAX_BANKS, (unsigned long long)start);
		return;
	}
	/* RAM the page tables cannot map is not RAM to the allocator. */
	if (mmu_map_ram(start, size)) {
		pr_err("RAM at 0x%llx is outside the map, not used\n",
		       (unsigned long long)start);
		return;
	}
	/* Keep the banks sorted by address. */
	for (i = nbanks; i > 0 && banks[i - 1].start > start; i--)
		banks[i] = banks[i - 1];
	banks[i] = (struct mem_bank){ .start = start, .size = size };
	nbanks++;
}

int mem_init(const void *fdt)
{
	const char *type;
	uint64_t start, size;
	int node, i;

	if (fdt) {
		fdt_for_each_subnode(node, fdt, 0) {
			type = fdt_getprop(fdt, node, "device_type", NULL);
			if (!type || strcmp(type, "memory") ||
			    !dt_node_is_okay(fdt, node))
				continue;
			for (i = 0; !dt_read_reg(fdt, node, i, &start, &size); i++)
				add_bank(start, size);
		}
	}
	if (!nbanks) {
		pr_err("no memory node: assuming %u MiB at 0x%llx\n",
		       (unsigned int)(BOARD_RAM_MIN >> 20),
		       (unsigned long long)BOARD_RAM_BASE);
		add_bank(BOARD_RAM_BASE, BOARD_RAM_MIN);
		return -ENOENT;
	}
	return 0;
}

int mem_bank_count(void)
{
	return nbanks;
}

const struct mem_bank *mem_bank(int i)
{
	return i >= 0 && i < nbanks ? &banks[i] : NULL;
}

uint64_t mem_total(void)
{
	uint64_t total = 0;
	int i;

	for (i = 0; i < nbanks; i++)
		total += banks[i].size;
	return total;
}

uint64_t mem_ram_left(uint64_t addr)
{
	int i;

	for (i = 0; i < nbanks; i++)
		if (addr >= banks[i].start &&
		    addr - banks[i].start < banks[i].size)
			return banks[i].size - (addr - banks[i].start);
	return 0;
}

bool mem_is_ram(uint64_t addr, uint64_t len)
{
	int i;

	for (i = 0; i < nbanks; i++)
		if (addr >= banks[i].start && len <= banks[i].size &&
		    addr - banks[i].start <= banks[i].size - len)
			return true;
	return false;
}
