// SPDX-License-Identifier: MIT
/*
 * region.c - the memory-region allocator: sorted tables of RAM and of
 * reservations; allocation is first fit from the bottom, as booting.rst
 * wants the kernel as low as possible. Reserved memory comes from the
 * device tree (Devicetree Specification v0.4, 3.5 /reserved-memory, 5.3
 * memory reservation block).
 */
#define pr_fmt(fmt) "region: " fmt
#include <dt.h>
#include <errno.h>
#include <libfdt.h>
#include <region.h>
#include <string.h>
#include <virtboot.h>

#define RAM_MAX 16

static struct region ram[RAM_MAX];
static int nram;
static struct region reserved[REGION_MAX];
static int nreserved;
/* When each reservation was made, for region_rollback(): reserved_seq[i]
 * goes with reserved[i]. */
static unsigned long reserved_seq[REGION_MAX];
static unsigned long generation;	/* of the last reservation */

/* By last bytes, so that a range ending at 2^64 overlaps too; an empty
 * range overlaps nothing. */
static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return alen && blen && a <= b + (blen - 1) && b <= a + (alen - 1);
}

/* The last byte, so that ranges ending at 2^64 do not overflow. */
static bool is_ram(uint64_t base, uint64_t size)
{
	int i;

	if (!size || base + (size - 1) < base)
		return false;
	for (i = 0; i < nram; i++)
		if (base >= ram[i].base &&
		    base + (size - 1) <= ram[i].base + (ram[i].size - 1))
			return true;
	return false;
}

void region_init(const struct region *banks, int nbanks)
{
	int i, j;

	nram = 0;
	nreserved = 0;
	for (i = 0; i < nbanks && nram < RAM_MAX; i++) {
		if (!banks[i].size)
			continue;
		for (j = nram; j > 0 && ram[j - 1].base > banks[i].base; j--)
			ram[j] = ram[j - 1];
		ram[j] = banks[i];
		nram++;
	}
}

const struct region *region_overlap(uint64_t base, uint64_t size)
{
	int i;

	for (i = 0; i < nreserved; i++)
		if (overlaps(base, size, reserved[i].base, reserved[i].size))
			return &reserved[i];
	return NULL;
}

bool region_is_free(uint64_t base, uint64_t size)
{
	return is_ram(base, size) && !region_overlap(base, size);
}

int region_reserve(uint64_t base, uint64_t size, const char *owner)
{
	int i;

	if (!is_ram(base, size))
		return -ERANGE;
	if (region_overlap(base, size))
		return -EBUSY;
	if (nreserved == REGION_MAX)
		return -ENOSPC;
	for (i = nreserved; i > 0 && reserved[i - 1].base > base; i--) {
		reserved[i] = reserved[i - 1];
		reserved_seq[i] = reserved_seq[i - 1];
	}
	reserved[i] = (struct region){ base, size, owner };
	reserved_seq[i] = ++generation;
	nreserved++;
	return 0;
}

unsigned long region_mark(void)
{
	return generation;
}

void region_rollback(unsigned long mark)
{
	int i, n = 0;

	for (i = 0; i < nreserved; i++)
		if (reserved_seq[i] <= mark) {
			reserved_seq[n] = reserved_seq[i];
			reserved[n++] = reserved[i];
		}
	nreserved = n;
	generation = mark;
}

int region_alloc(uint64_t size, uint64_t align, uint64_t min, uint64_t max,
		 const char *owner, uint64_t *out)
{
	uint64_t cand, end;
	const struct region *r;
	int i;

	if (!size || !align || (align & (align - 1)))
		return -EINVAL;
	for (i = 0; i < nram; i++) {
		cand = MAX(ram[i].base, min);
		end = ram[i].base + ram[i].size;	/* 0 when it ends at 2^64 */
		for (;;) {
			cand = ALIGN_UP(cand, align);	/* may wrap to 0 */
			if (cand < min || cand < ram[i].base ||
			    cand + size < cand ||
			    (end && cand + size > end) || cand + size > max)
				break;
			r = region_overlap(cand, size);
			if (!r) {
				int err = region_reserve(cand, size, owner);

				if (!err)
					*out = cand;
				return err;
			}
			if (r->base + r->size < r->base)
				break;
			cand = r->base + r->size;
		}
	}
	return -ENOMEM;
}

int region_free(uint64_t base)
{
	int i;

	for (i = 0; i < nreserved; i++)
		if (reserved[i].base == base) {
			memmove(&reserved[i], &reserved[i + 1],
				(nreserved - i - 1) * sizeof(*reserved));
			memmove(&reserved_seq[i], &reserved_seq[i + 1],
				(nreserved - i - 1) * sizeof(*reserved_seq));
			nreserved--;
			return 0;
		}
	return -ENOENT;
}

int region_count(void)
{
	return nreserved;
}

const struct region *region_at(int i)
{
	return i >= 0 && i < nreserved ? &reserved[i] : NULL;
}

int region_ram_count(void)
{
	return nram;
}

const struct region *region_ram_at(int i)
{
	return i >= 0 && i < nram ? &ram[i] : NULL;
}

/* Reserve what overlaps RAM of [base, base + size), clipped to it;
 * reservations may legitimately overlap one another (e.g. a
 * /memreserve/ entry for a /reserved-memory node): only the free gaps
 * are reserved, however the existing reservations cut the range. Last
 * bytes rather than ends, so that a bank or a range ending at 2^64 is
 * covered too. */
static void reserve_clipped(uint64_t base, uint64_t size, const char *owner)
{
	uint64_t s, e, gap_last, last = base + (size - 1);
	const struct region *r;
	int i, j;

	if (last < base)
		last = UINT64_MAX;	/* to the top of the address space */
	for (i = 0; i < nram; i++) {
		s = MAX(base, ram[i].base);
		e = MIN(last, ram[i].base + (ram[i].size - 1));
		while (s <= e) {
			/* Skip a reservation that covers s. */
			r = region_overlap(s, 1);
			if (r) {
				if (r->base + (r->size - 1) >= e)
					break;
				s = r->base + r->size;
				continue;
			}
			/* The free gap runs up to the next reservation. */
			gap_last = e;
			for (j = 0; j < nreserved; j++)
				if (reserved[j].base > s &&
				    reserved[j].base - 1 < gap_last)
					gap_last = reserved[j].base - 1;
			if (region_reserve(s, gap_last - s + 1, owner))
				pr_err("cannot reserve 0x%llx+0x%llx for %s\n",
				       (unsigned long long)s,
				       (unsigned long long)(gap_last - s + 1),
				       owner);
			if (gap_last == e)
				break;
			s = gap_last + 1;
		}
	}
}

int region_reserve_fdt(const void *fdt)
{
	uint64_t addr, size;
	int i, n, node, child;

	n = fdt_num_mem_rsv(fdt);
	for (i = 0; i < n; i++)
		if (!fdt_get_mem_rsv(fdt, i, &addr, &size) && size)
			reserve_clipped(addr, size, "memreserve");
	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node < 0)
		return 0;
	fdt_for_each_subnode(child, fdt, node) {
		if (!dt_node_is_okay(fdt, child))
			continue;
		for (i = 0; !dt_read_reg(fdt, child, i, &addr, &size); i++)
			if (size)
				reserve_clipped(addr, size,
						fdt_get_name(fdt, child, NULL));
	}
	return 0;
}
