// SPDX-License-Identifier: MIT
/*
 * boot.c - boot an arm64 Linux Image (Linux Documentation/arch/arm64/
 * booting.rst): place the kernel (2 MiB-aligned base + text_offset, as low
 * as possible), the initrd (in the kernel's 1 GiB-aligned 32 GiB window)
 * and the fixed-up DTB (8-byte aligned, at most 2 MiB, its own 2 MiB)
 * through the region allocator, load them from fw_cfg, fix the DTB up;
 * arch/arm64/handoff.c then jumps.
 */
#define pr_fmt(fmt) "boot: " fmt
#include <arch.h>
#include <boot.h>
#include <bootstage.h>
#include <dt.h>
#include <env.h>
#include <errno.h>
#include <fb.h>
#include <fw_cfg.h>
#include <image.h>
#include <io.h>
#include <libfdt.h>
#include <mem.h>
#include <region.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define SZ_32G		(32ULL << 30)
#define DTB_MAX		SZ_2M
#define DTB_ROOM	4096	/* for the /chosen properties */
#define LOAD_CHUNK	(8UL << 20)	/* per fw_cfg read: progress steps */

/* What one boot attempt reserved: freed again unless it boots. */
struct placed {
	uint64_t base[6];	/* at most 4: initrd, fdt source, kernel, fdt */
	int n;
};

static void undo(struct placed *p)
{
	while (p->n)
		region_free(p->base[--p->n]);
}

static int reserve_err(int err, uint64_t base, uint64_t size,
		       const char *what, const char *var)
{
	const struct region *r;

	if (err == -EBUSY && (r = region_overlap(base, size)))
		pr_err("%s 0x%llx-0x%llx%s%s overlaps %s at 0x%llx-0x%llx\n",
		       what, (unsigned long long)base,
		       (unsigned long long)(base + size), var ? " from " : "",
		       var ? var : "", r->owner, (unsigned long long)r->base,
		       (unsigned long long)(r->base + r->size));
	else if (err == -ERANGE)
		pr_err("%s 0x%llx-0x%llx%s%s is not inside RAM\n", what,
		       (unsigned long long)base,
		       (unsigned long long)(base + size), var ? " from " : "",
		       var ? var : "");
	else if (err)
		pr_err("cannot reserve the %s: %d\n", what, err);
	return err;
}

/* Reserve [base, base + size) for what. */
static int claim(struct placed *p, uint64_t base, uint64_t size,
		 const char *what, const char *var)
{
	int err = region_reserve(base, size, what);

	if (err)
		return reserve_err(err, base, size, what, var);
	p->base[p->n++] = base;
	return 0;
}

/* The lowest free place in [min, max). */
static int place(struct placed *p, uint64_t size, uint64_t align,
		 uint64_t min, uint64_t max, const char *what, uint64_t *base)
{
	int err = region_alloc(size, align, min, max, what, base);

	if (err == -ENOMEM)
		pr_err("the %s (%llu KiB) does not fit in free RAM%s\n", what,
		       (unsigned long long)(size >> 10),
		       min ? " in the kernel's 32 GiB window" : "");
	else if (err)
		pr_err("cannot place the %s: %d\n", what, err);
	if (!err)
		p->base[p->n++] = *base;
	return err;
}

/* Keep the tree the DTB is copied from from being overwritten while the
 * rest is placed: the live copy in the loader's heap is reserved already
 * (region_reserve fails then), a tree elsewhere (fdt addr, booti's
 * fdt_addr) is reserved for this attempt. */
static void keep_source(struct placed *p, const void *src)
{
	if (src && !region_reserve((uintptr_t)src, fdt_totalsize(src),
				   "fdt source"))
		p->base[p->n++] = (uintptr_t)src;
}

/* A user-set address variable: 0 when set, -ENOENT when not, -EINVAL
 * (said) when it is not a number. */
static int env_addr(const char *name, uint64_t *addr)
{
	int err = env_get_number(name, addr);

	if (err == -EINVAL)
		pr_err("%s '%s' is not a number\n", name, env_get(name));
	return err;
}

/* The kernel: kernel_addr_r when set, else the lowest 2 MiB-aligned
 * base with text_offset + image_size free. *load gets the address the
 * Image goes to. */
static int place_kernel(struct placed *p, const struct image_info *img,
			uint64_t *load)
{
	uint64_t base;
	int err;

	err = env_addr("kernel_addr_r", load);
	if (err == -EINVAL)
		return err;
	if (!err) {
		if ((*load - img->text_offset) & (SZ_2M - 1)) {
			pr_err("kernel_addr_r 0x%llx is not a 2 MiB boundary + text_offset 0x%llx\n",
			       (unsigned long long)*load,
			       (unsigned long long)img->text_offset);
			return -ERANGE;
		}
		return claim(p, *load, img->image_size, "kernel",
			     "kernel_addr_r");
	}
	err = place(p, img->text_offset + img->image_size, SZ_2M, 0,
		    UINT64_MAX, "kernel", &base);
	*load = base + img->text_offset;
	return err;
}

static void kernel_window(uint64_t kernel, uint64_t *lo, uint64_t *hi)
{
	*lo = ALIGN_DOWN(kernel, SZ_1G);
	*hi = *lo + SZ_32G;
}

/* The initrd: ramdisk_addr_r when set, else the lowest free place in the
 * kernel's window. */
static int place_initrd(struct placed *p, uint64_t kernel, uint64_t size,
			uint64_t *addr)
{
	uint64_t lo, hi;
	int err;

	kernel_window(kernel, &lo, &hi);
	err = env_addr("ramdisk_addr_r", addr);
	if (err == -EINVAL)
		return err;
	if (!err) {
		if (*addr < lo || *addr > hi || size > hi - *addr) {
			pr_err("ramdisk_addr_r 0x%llx is outside the kernel's 32 GiB window 0x%llx-0x%llx\n",
			       (unsigned long long)*addr,
			       (unsigned long long)lo, (unsigned long long)hi);
			return -ERANGE;
		}
		return claim(p, *addr, size, "initrd", "ramdisk_addr_r");
	}
	return place(p, size, 4096, lo, hi, "initrd", addr);
}

/* The DTB: fdt_addr_r when set (8-byte aligned), else its own 2 MiB. */
static int place_fdt(struct placed *p, uint64_t size, uint64_t *addr)
{
	int err;

	err = env_addr("fdt_addr_r", addr);
	if (err == -EINVAL)
		return err;
	if (!err) {
		if (*addr & 7) {
			pr_err("fdt_addr_r 0x%llx is not 8-byte aligned\n",
			       (unsigned long long)*addr);
			return -ERANGE;
		}
		return claim(p, *addr, size, "fdt", "fdt_addr_r");
	}
	return place(p, SZ_2M, SZ_2M, 0, UINT64_MAX, "fdt", addr);
}

/* --- the common tail: the DTB, the summary, the jump ------------------- */

static int finish(struct placed *p, const struct image_info *img,
		  uint64_t kernel, uint64_t ksize, uint64_t initrd,
		  uint64_t isize, const void *src, bool dry_run)
{
	const char *bootargs = env_get("bootargs");
	uint64_t fdt, size;
	int err;

	if (!src) {
		pr_err("no device tree to give the kernel\n");
		return -ENOENT;
	}
	if (bootargs && strlen(bootargs) > BOOT_ARGS_MAX) {
		pr_err("bootargs are %zu bytes; arm64 Linux keeps %d and would cut the rest: not booting\n",
		       strlen(bootargs), BOOT_ARGS_MAX);
		return -E2BIG;
	}
	/* The copy is packed to what it uses once fixed up. */
	size = ALIGN_UP(dt_used_size(src) + DTB_ROOM +
			(bootargs ? strlen(bootargs) : 0), 8);
	if (size > DTB_MAX) {
		pr_err("the device tree would be %llu KiB, more than 2 MiB\n",
		       (unsigned long long)(size >> 10));
		return -EFBIG;
	}
	err = place_fdt(p, size, &fdt);
	if (err)
		return err;
	printf("   Kernel:   0x%08llx-0x%08llx (image_size 0x%llx, text_offset 0x%llx)\n",
	       (unsigned long long)kernel,
	       (unsigned long long)(kernel + img->image_size),
	       (unsigned long long)img->image_size,
	       (unsigned long long)img->text_offset);
	if (isize)
		printf("   Initrd:   0x%08llx-0x%08llx\n",
		       (unsigned long long)initrd,
		       (unsigned long long)(initrd + isize));
	else
		printf("   Initrd:   none\n");
	printf("   FDT:      0x%08llx-0x%08llx\n", (unsigned long long)fdt,
	       (unsigned long long)(fdt + size));
	printf("   Bootargs: %s\n", bootargs ? bootargs : "");
	printf("   Entry:    EL%u\n", boot_entry_el());
	if (dry_run) {
		printf("Dry run: not booting\n");
		undo(p);
		return 0;
	}
	err = dt_copy(src, (void *)(uintptr_t)fdt, size);
	if (err) {
		pr_err("cannot copy the device tree: %d\n", err);
		undo(p);
		return err;
	}
	err = boot_fdt_fixup((void *)(uintptr_t)fdt, bootargs, initrd,
			     initrd + isize);
	if (!err)
		err = fb_fdt_fixup((void *)(uintptr_t)fdt);
	if (!err)
		err = boot_arch_fdt_fixup((void *)(uintptr_t)fdt);
	if (!err)
		err = dt_errno(fdt_pack((void *)(uintptr_t)fdt));
	if (err) {
		pr_err("device-tree fix-up failed: %d\n", err);
		undo(p);
		return err;
	}
	bootstage_mark("dtb fixed up");
	boot_handoff(kernel, ksize, fdt, fdt_totalsize((void *)(uintptr_t)fdt),
		     initrd, isize);
}

/* --- boot from memory (booti) ------------------------------------------ */

static int check_image(const void *hdr, size_t len, uint64_t file_size,
		       struct image_info *img, const char *where)
{
	const char *why;
	int err = image_parse(hdr, len, file_size, img, &why);

	if (err)
		pr_err("%s is %s, not an arm64 Image\n", where, why);
	return err;
}

int boot_linux(const struct boot_spec *s)
{
	struct placed p = { .n = 0 };
	struct image_info img;
	uint64_t load, len, lo, hi;
	const void *src = s->fdt ? s->fdt : dt_blob();
	const struct mem_bank *b;
	char where[40];
	int i, err;

	if (!mem_is_ram(s->kernel, IMAGE_HEADER_SIZE)) {
		pr_err("kernel address 0x%llx is not in RAM\n",
		       (unsigned long long)s->kernel);
		return -ERANGE;
	}
	snprintf(where, sizeof(where), "the data at 0x%llx",
		 (unsigned long long)s->kernel);
	err = check_image((void *)(uintptr_t)s->kernel, IMAGE_HEADER_SIZE,
			  s->kernel_size, &img, where);
	if (err)
		return err;
	if (s->initrd_size) {
		err = claim(&p, s->initrd, s->initrd_size, "initrd", NULL);
		if (err)
			return err;
	}
	keep_source(&p, src);

	/* The kernel in place when it can run there, else moved. */
	/* Without a file size: image_size, up to the end of its RAM bank
	 * (the BSS need not be there yet). */
	len = MIN(s->kernel_size ? s->kernel_size : img.image_size,
		  img.image_size);
	for (i = 0; (b = mem_bank(i)); i++)
		if (s->kernel >= b->start && s->kernel - b->start < b->size)
			len = MIN(len, b->size - (s->kernel - b->start));
	load = s->kernel;
	if (((load - img.text_offset) & (SZ_2M - 1)) ||
	    region_reserve(load, img.image_size, "kernel")) {
		err = place(&p, img.text_offset + img.image_size, SZ_2M, 0,
			    UINT64_MAX, "kernel", &load);
		if (err)
			goto fail;
		load += img.text_offset;
		printf("Moving the Image from 0x%llx to 0x%llx\n",
		       (unsigned long long)s->kernel,
		       (unsigned long long)load);
		if (!s->dry_run)
			memmove((void *)(uintptr_t)load,
				(void *)(uintptr_t)s->kernel, len);
	} else {
		p.base[p.n++] = load;
	}
	if (s->initrd_size) {
		kernel_window(load - img.text_offset, &lo, &hi);
		if (s->initrd < lo || s->initrd + s->initrd_size > hi) {
			pr_err("the initrd at 0x%llx is outside the kernel's 32 GiB window 0x%llx-0x%llx\n",
			       (unsigned long long)s->initrd,
			       (unsigned long long)lo, (unsigned long long)hi);
			err = -ERANGE;
			goto fail;
		}
	}
	err = finish(&p, &img, load, len, s->initrd, s->initrd_size, src,
		     s->dry_run);
	if (!err)
		return 0;
fail:
	undo(&p);
	return err;
}

/* --- boot from fw_cfg (-kernel, -initrd, -append) ---------------------- */

/* Read an item straight to addr in chunks, advancing the splash's
 * progress bar from done to done + size of total bytes; never more than
 * the room reserved there. */
static int load_item(uint16_t select, uint64_t addr, uint64_t size,
		     uint64_t room, const char *what, const char *stage,
		     uint64_t done, uint64_t total)
{
	uint64_t off, n, t0 = timer_ticks();
	int err;

	if (size > room) {
		pr_err("the %s (%llu bytes) is larger than the %llu reserved for it\n",
		       what, (unsigned long long)size,
		       (unsigned long long)room);
		return -EFBIG;
	}
	for (off = 0; off < size; off += n) {
		fb_progress(done + off, total);
		n = MIN(size - off, LOAD_CHUNK);
		err = fw_cfg_read(select, off, (void *)(uintptr_t)(addr + off),
				  n);
		if (err) {
			pr_err("reading the %s from fw_cfg failed: %d\n", what,
			       err);
			return err;
		}
	}
	fb_progress(done + size, total);
	bootstage_mark_load(stage, size, t0);
	return 0;
}

int boot_fw_cfg(bool dry_run)
{
	uint8_t hdr[IMAGE_HEADER_SIZE];
	struct placed p = { .n = 0 };
	struct image_info img;
	uint64_t ksize, isize, kernel, initrd = 0;
	int err;

	if (!IS_ENABLED(CONFIG_FW_CFG) || !fw_cfg_get_info()) {
		pr_err("no fw_cfg device: load a kernel and use booti\n");
		return -ENODEV;
	}
	if (fw_cfg_read_u32(FW_CFG_CMDLINE_SIZE) > 1 && !env_get("bootargs")) {
		pr_err("QEMU's -append did not reach bootargs (see above): not booting without it\n");
		return -E2BIG;
	}
	ksize = fw_cfg_read_u32(FW_CFG_KERNEL_SIZE);
	if (!ksize) {
		printf("No kernel in fw_cfg: start QEMU with -kernel Image [-initrd FILE] [-append ARGS], or load one and use booti\n");
		return -ENOENT;
	}
	memset(hdr, 0, sizeof(hdr));
	err = fw_cfg_read(FW_CFG_KERNEL_DATA, 0, hdr, MIN(ksize, sizeof(hdr)));
	if (err) {
		pr_err("reading the kernel header from fw_cfg failed: %d\n",
		       err);
		return err;
	}
	err = check_image(hdr, MIN(ksize, sizeof(hdr)), ksize, &img,
			  "the kernel in fw_cfg (-kernel)");
	if (err)
		return err;
	keep_source(&p, dt_blob());
	err = place_kernel(&p, &img, &kernel);
	isize = fw_cfg_read_u32(FW_CFG_INITRD_SIZE);
	if (!err && isize)
		err = place_initrd(&p, kernel - img.text_offset, isize, &initrd);
	if (!err && !dry_run)
		err = load_item(FW_CFG_KERNEL_DATA, kernel, ksize,
				img.image_size, "kernel", "kernel loaded", 0,
				ksize + isize);
	if (!err && !dry_run && isize)
		err = load_item(FW_CFG_INITRD_DATA, initrd, isize, isize,
				"initrd", "initrd loaded", ksize, ksize + isize);
	if (!err)
		err = finish(&p, &img, kernel, ksize, initrd, isize, dt_blob(),
			     dry_run);
	if (err)
		undo(&p);
	return err;
}
