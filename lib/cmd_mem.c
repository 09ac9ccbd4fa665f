// SPDX-License-Identifier: MIT
/* cmd_mem.c - the checks every memory command shares before the first
 * byte moves: counts that overflow, ranges that wrap, and writes over
 * what the loader must keep (its own RAM, reserved memory, the device
 * tree, whatever the allocator holds). */
#include <arch.h>
#include <command.h>
#include <dt.h>
#include <libfdt.h>
#include <mem.h>
#include <region.h>
#include <virtboot.h>

int cmd_range(const char *cmd, uint64_t addr, uint64_t count,
	      unsigned int size, uint64_t *len)
{
	if (__builtin_mul_overflow(count, (uint64_t)size, len) ||
	    (*len && addr + (*len - 1) < addr)) {
		printf("%s: 0x%llx objects of %u bytes from 0x%llx run past the end of memory\n",
		       cmd, (unsigned long long)count, size,
		       (unsigned long long)addr);
		return -ERANGE;
	}
	return 0;
}

int cmd_readable(const char *cmd, uint64_t addr, uint64_t len)
{
	uint64_t page;

	if (!len)
		return 0;
	for (page = ALIGN_DOWN(addr, 4096); page <= addr + (len - 1);
	     page += 4096) {
		if (!mmu_is_mapped(MAX(page, addr))) {
			printf("%s: nothing is mapped at 0x%llx\n", cmd,
			       (unsigned long long)MAX(page, addr));
			return -EFAULT;
		}
		if (page + 4096 < page)
			break;
	}
	return 0;
}

/* True if [addr, addr + len) touches RAM without lying inside one bank. */
static bool is_partly_ram(uint64_t addr, uint64_t len)
{
	const struct mem_bank *b;
	int i;

	for (i = 0; (b = mem_bank(i)); i++)
		if (addr < b->start + b->size && b->start < addr + len)
			return !mem_is_ram(addr, len);
	return false;
}

int cmd_check_write(const char *cmd, uint64_t addr, uint64_t len,
		    bool ram_only)
{
	const void *fdt = dt_blob();	/* "fdt addr" may have moved it */
	uint64_t end = addr + len;
	const struct region *r;

	if (!len)
		return 0;
	if (end < addr || is_partly_ram(addr, len) ||
	    (ram_only && !mem_is_ram(addr, len))) {
		printf("%s: 0x%llx..0x%llx is not inside RAM\n", cmd,
		       (unsigned long long)addr, (unsigned long long)end);
		return -EFAULT;
	}
	r = region_overlap(addr, len);
	if (r) {
		printf("%s: 0x%llx..0x%llx overlaps %s at 0x%llx..0x%llx\n",
		       cmd, (unsigned long long)addr, (unsigned long long)end,
		       r->owner, (unsigned long long)r->base,
		       (unsigned long long)(r->base + r->size));
		return -EFAULT;
	}
	if (fdt && addr < (uintptr_t)fdt + fdt_totalsize(fdt) &&
	    (uintptr_t)fdt < end) {
		printf("%s: 0x%llx..0x%llx overlaps the device tree at 0x%lx\n",
		       cmd, (unsigned long long)addr, (unsigned long long)end,
		       (uintptr_t)fdt);
		return -EFAULT;
	}
	return 0;
}
