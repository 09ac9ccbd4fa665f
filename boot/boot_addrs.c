// SPDX-License-Identifier: MIT
/*
 * boot_addrs.c - the load addresses U-Boot's scripts and extlinux files
 * use, as on U-Boot's qemu_arm64 but in RAM the allocator says is free
 * (U-Boot's scriptaddr and loadaddr, 0x40200000, are the loader's own RAM
 * here), set as defaults of the environment:
 *
 *   kernel_addr_r       the lowest free 2 MiB-aligned 64 MiB (0x40400000,
 *                       as U-Boot's); the Image runs in place there
 *   fdt_addr_r          the next free 2 MiB above it
 *   scriptaddr          1 MiB, then pxefile_addr_r 1 MiB
 *   ramdisk_addr_r      the free RAM after them, up to
 *   loadaddr            the upper half of that, 2 MiB-aligned, also
 *                       kernel_comp_addr_r (kernel_comp_size up to the
 *                       next reservation, at most 64 MiB)
 *   fdtcontroladdr      the live device tree
 *
 * Nothing stays reserved: these are where things go when a script loads
 * them, and booti and the boot paths claim them then. All are above the
 * kernel's place, so that a kernel placed without kernel_addr_r (at the
 * lowest free 2 MiB boundary) does not meet them.
 */
#include <arch_boot.h>
#include <boot.h>
#include <dt.h>
#include <env.h>
#include <region.h>
#include <virtboot.h>

#define KERNEL_ROOM	(64ULL << 20)
#define SCRIPT_ROOM	(1ULL << 20)
#define COMP_MAX	(64ULL << 20)

/* The end of the free RAM that starts at base. */
static uint64_t free_end(uint64_t base)
{
	const struct region *r;
	uint64_t end = base;
	int i;

	for (i = 0; (r = region_ram_at(i)); i++)
		if (base >= r->base && base - r->base < r->size)
			end = r->base + r->size;
	for (i = 0; i < region_count(); i++) {
		r = region_at(i);
		if (r->base > base && r->base < end)
			end = r->base;
	}
	return end;
}

int boot_addrs_init(void)
{
	unsigned long mark = region_mark();
	uint64_t kernel, fdt, script, ramdisk, end, load;
	int err;

	/* All given back at once: nothing stays reserved. */
	err = region_alloc(KERNEL_ROOM, ARCH_KERNEL_ALIGN, 0, UINT64_MAX,
			   "kernel_addr_r", &kernel) ?:
	      region_alloc(ARCH_FDT_MAX, ARCH_FDT_MAX, kernel, UINT64_MAX,
			   "fdt_addr_r", &fdt) ?:
	      region_alloc(2 * SCRIPT_ROOM, SCRIPT_ROOM, kernel, UINT64_MAX,
			   "scriptaddr", &script) ?:
	      region_alloc(ARCH_KERNEL_ALIGN, ARCH_KERNEL_ALIGN, kernel,
			   UINT64_MAX, "ramdisk_addr_r", &ramdisk);
	region_rollback(mark);
	if (err) {
		pr_info("RAM too small for the default load addresses\n");
		return err;
	}
	end = free_end(ramdisk);
	load = ramdisk + ALIGN_DOWN((end - ramdisk) / 2, ARCH_KERNEL_ALIGN);
	env_default_hex("kernel_addr_r", kernel);
	env_default_hex("fdt_addr_r", fdt);
	env_default_hex("scriptaddr", script);
	env_default_hex("pxefile_addr_r", script + SCRIPT_ROOM);
	env_default_hex("ramdisk_addr_r", ramdisk);
	env_default_hex("loadaddr", load);
	env_default_hex("kernel_comp_addr_r", load);
	env_default_hex("kernel_comp_size", MIN(end - load, COMP_MAX));
	if (dt_blob())
		env_default_hex("fdtcontroladdr", (uintptr_t)dt_blob());
	return 0;
}
