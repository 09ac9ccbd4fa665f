// SPDX-License-Identifier: MIT
/*
 * linux.c - place and start a Linux kernel, for every boot flow: the
 * kernel, the initrd and the fixed-up DTB go where the architecture's
 * rules allow (arch_boot.h: for arm64, Linux Documentation/arch/arm64/
 * booting.rst) through the region allocator, never over anything
 * reserved; the DTB gets the /chosen fix-ups and those others registered
 * (boot_hooks.h); the architecture then hands over. booti boots what is
 * in memory; the other flows load straight to the places found here.
 */
#define pr_fmt(fmt) "boot: " fmt
#include <arch.h>
#include <arch_boot.h>
#include <boot.h>
#include <boot_hooks.h>
#include <bootstage.h>
#include <console.h>
#include <dt.h>
#include <env.h>
#include <errno.h>
#include <gunzip.h>
#include <libfdt.h>
#include <mem.h>
#include <region.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define DTB_ROOM	4096	/* for the /chosen properties */

static void undo(struct boot_attempt *p)
{
	while (p->n)
		region_free(p->base[--p->n]);
}

void boot_abort(struct boot_attempt *a)
{
	undo(a);
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

/* Room for one more reservation in the attempt's list. */
static bool has_room(const struct boot_attempt *p, const char *what)
{
	if (p->n < (int)ARRAY_SIZE(p->base))
		return true;
	pr_err("too many pieces to place: the %s not placed\n", what);
	return false;
}

int boot_claim(struct boot_attempt *p, uint64_t base, uint64_t size,
	       const char *what, const char *var)
{
	int err;

	if (!has_room(p, what))
		return -ENOSPC;
	err = region_reserve(base, size, what);
	if (err)
		return reserve_err(err, base, size, what, var);
	p->base[p->n++] = base;
	return 0;
}

int boot_place(struct boot_attempt *p, uint64_t size, uint64_t align,
	       uint64_t min, uint64_t max, const char *what, uint64_t *base)
{
	int err;

	if (!has_room(p, what))
		return -ENOSPC;
	err = region_alloc(size, align, min, max, what, base);

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
static void keep_source(struct boot_attempt *p, const void *src)
{
	if (src && has_room(p, "fdt source") &&
	    !region_reserve((uintptr_t)src, fdt_totalsize(src), "fdt source"))
		p->base[p->n++] = (uintptr_t)src;
}

int boot_env_addr(const char *name, uint64_t *addr)
{
	int err = env_get_number(name, addr);

	if (err == -EINVAL)
		pr_err("%s '%s' is not a number\n", name, env_get(name));
	return err;
}

/* The kernel: kernel_addr_r when set, else the lowest 2 MiB-aligned
 * base with text_offset + image_size free inside [min, max). *load gets
 * the address the Image goes to. */
int boot_place_kernel_in(struct boot_attempt *p, uint64_t min, uint64_t max,
			 uint64_t *load)
{
	const struct image_info *img = &p->img;
	uint64_t base;
	int err;

	err = boot_env_addr("kernel_addr_r", load);
	if (err == -EINVAL)
		return err;
	if (!err) {
		if ((*load - img->text_offset) & (ARCH_KERNEL_ALIGN - 1)) {
			pr_err("kernel_addr_r 0x%llx is not a 2 MiB boundary + text_offset 0x%llx\n",
			       (unsigned long long)*load,
			       (unsigned long long)img->text_offset);
			return -ERANGE;
		}
		return boot_claim(p, *load, img->image_size, "kernel",
				  "kernel_addr_r");
	}
	if (!has_room(p, "kernel"))
		return -ENOSPC;
	err = region_alloc(img->text_offset + img->image_size,
			   ARCH_KERNEL_ALIGN, min, max, "kernel", &base);
	if (err)
		return err;
	p->base[p->n++] = base;
	*load = base + img->text_offset;
	return 0;
}

int boot_place_kernel(struct boot_attempt *p, uint64_t *load)
{
	int err = boot_place_kernel_in(p, 0, UINT64_MAX, load);

	if (err == -ENOMEM)
		pr_err("the kernel (%llu KiB) does not fit in free RAM\n",
		       (unsigned long long)((p->img.text_offset +
					     p->img.image_size) >> 10));
	else if (err && err != -EINVAL && err != -ERANGE && err != -EBUSY)
		pr_err("cannot place the kernel: %d\n", err);
	return err;
}

int boot_place_kernel_at(struct boot_attempt *p, uint64_t want,
			 uint64_t *load)
{
	if ((want - p->img.text_offset) & (ARCH_KERNEL_ALIGN - 1)) {
		printf("   Load address 0x%llx is not a 2 MiB boundary + text_offset: placing the kernel elsewhere\n",
		       (unsigned long long)want);
	} else if (!has_room(p, "kernel")) {
		return -ENOSPC;
	} else if (region_reserve(want, p->img.image_size, "kernel")) {
		printf("   Load address 0x%llx is not free RAM: placing the kernel elsewhere\n",
		       (unsigned long long)want);
	} else {
		p->base[p->n++] = want;
		*load = want;
		return 0;
	}
	return boot_place_kernel(p, load);
}

static void kernel_window(uint64_t kernel, uint64_t *lo, uint64_t *hi)
{
	*lo = ALIGN_DOWN(kernel, ARCH_INITRD_WINDOW_ALIGN);
	*hi = *lo + ARCH_INITRD_WINDOW;
}

/* The initrd: ramdisk_addr_r when set, else the lowest free place in the
 * kernel's window. */
int boot_place_initrd(struct boot_attempt *p, uint64_t kernel, uint64_t size,
		      uint64_t *addr)
{
	uint64_t lo, hi;
	int err;

	kernel_window(kernel - p->img.text_offset, &lo, &hi);
	err = boot_env_addr("ramdisk_addr_r", addr);
	if (err == -EINVAL)
		return err;
	if (!err) {
		if (*addr < lo || *addr > hi || size > hi - *addr) {
			pr_err("ramdisk_addr_r 0x%llx is outside the kernel's 32 GiB window 0x%llx-0x%llx\n",
			       (unsigned long long)*addr,
			       (unsigned long long)lo, (unsigned long long)hi);
			return -ERANGE;
		}
		return boot_claim(p, *addr, size, "initrd", "ramdisk_addr_r");
	}
	return boot_place(p, size, 4096, lo, hi, "initrd", addr);
}

/* The DTB: fdt_addr_r when set (8-byte aligned), else its own 2 MiB. */
static int place_fdt(struct boot_attempt *p, uint64_t size, uint64_t *addr)
{
	int err;

	err = boot_env_addr("fdt_addr_r", addr);
	if (err == -EINVAL)
		return err;
	if (!err) {
		if (*addr & (ARCH_FDT_ALIGN - 1)) {
			pr_err("fdt_addr_r 0x%llx is not 8-byte aligned\n",
			       (unsigned long long)*addr);
			return -ERANGE;
		}
		return boot_claim(p, *addr, size, "fdt", "fdt_addr_r");
	}
	return boot_place(p, ARCH_FDT_MAX, ARCH_FDT_MAX, 0, UINT64_MAX, "fdt",
			  addr);
}

/* --- the common tail: the DTB, the summary, the jump ------------------- */

int boot_finish(struct boot_attempt *p, uint64_t kernel, uint64_t ksize,
		uint64_t initrd, uint64_t isize, bool dry_run)
{
	const struct image_info *img = &p->img;
	const char *bootargs = env_get("bootargs");
	const void *src = p->fdt_src;
	uint64_t fdt, size, us;
	int err;

	if (!src) {
		pr_err("no device tree to give the kernel\n");
		undo(p);
		return -ENOENT;
	}
	if (bootargs && strlen(bootargs) > BOOT_ARGS_MAX) {
		pr_err("bootargs are %zu bytes; arm64 Linux keeps %d and would cut the rest: not booting\n",
		       strlen(bootargs), BOOT_ARGS_MAX);
		undo(p);
		return -E2BIG;
	}
	/* The copy is packed to what it uses once fixed up. */
	size = ALIGN_UP(dt_used_size(src) + DTB_ROOM +
			(bootargs ? strlen(bootargs) : 0), 8);
	if (size > ARCH_FDT_MAX) {
		pr_err("the device tree would be %llu KiB, more than 2 MiB\n",
		       (unsigned long long)(size >> 10));
		undo(p);
		return -EFBIG;
	}
	err = place_fdt(p, size, &fdt);
	if (err) {
		undo(p);
		return err;
	}
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
		err = boot_run_fixups((void *)(uintptr_t)fdt);
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
	bootstage_mark("start kernel");
	if (env_get_hex("bootstage_report", 0))
		bootstage_report();
	us = timer_us();
	printf("Starting kernel ... (%llu.%03llu s after reset)\n",
	       (unsigned long long)(us / 1000000),
	       (unsigned long long)(us / 1000 % 1000));
	console_flush();	/* the screen too, before it changes hands */
	boot_handoff(kernel, ksize, fdt, fdt_totalsize((void *)(uintptr_t)fdt),
		     initrd, isize);
}

/* --- boot from memory (booti) ------------------------------------------ */

void boot_attempt_init(struct boot_attempt *a, const void *fdt)
{
	*a = (struct boot_attempt){ .fdt_src = fdt };
	keep_source(a, fdt);
}

int boot_check_kernel(struct boot_attempt *a, const void *hdr, size_t len,
		      uint64_t file_size, const char *where)
{
	const char *why;
	int err = image_parse(hdr, len, file_size, &a->img, &why);

	if (err)
		pr_err("%s is %s, not an arm64 Image\n", where, why);
	return err;
}

/* The Image at s->kernel stays in place when it can run there, else it
 * moves to the lowest free place; *len is what is moved (the file size,
 * else image_size, within its RAM bank: the BSS need not be there). */
static int place_image(struct boot_attempt *a, const struct boot_spec *s,
		       uint64_t *load, uint64_t *len)
{
	int err;

	*len = MIN(s->kernel_size ? s->kernel_size : a->img.image_size,
		   a->img.image_size);
	*len = MIN(*len, mem_ram_left(s->kernel));
	*load = s->kernel;
	if (!((*load - a->img.text_offset) & (ARCH_KERNEL_ALIGN - 1)) &&
	    !region_reserve(*load, a->img.image_size, "kernel")) {
		a->base[a->n++] = *load;
		return 0;
	}
	err = boot_place(a, a->img.text_offset + a->img.image_size,
			 ARCH_KERNEL_ALIGN, 0, UINT64_MAX, "kernel", load);
	if (err)
		return err;
	*load += a->img.text_offset;
	printf("Moving the Image from 0x%llx to 0x%llx\n",
	       (unsigned long long)s->kernel, (unsigned long long)*load);
	if (!s->dry_run)
		memmove((void *)(uintptr_t)*load, (void *)(uintptr_t)s->kernel,
			*len);
	return 0;
}

int boot_linux(const struct boot_spec *s)
{
	const void *kernel = (const void *)(uintptr_t)s->kernel;
	struct boot_attempt a;
	uint64_t load, len, lo, hi;
	char where[40];
	bool gz;
	int err = 0;

	if (!mem_is_ram(s->kernel, IMAGE_HEADER_SIZE)) {
		pr_err("kernel address 0x%llx is not in RAM\n",
		       (unsigned long long)s->kernel);
		return -ERANGE;
	}
	snprintf(where, sizeof(where), "the data at 0x%llx",
		 (unsigned long long)s->kernel);
	boot_attempt_init(&a, s->fdt ? s->fdt : dt_blob());
	gz = IS_ENABLED(CONFIG_GZIP) &&
	     gunzip_is_gzip(kernel, IMAGE_HEADER_SIZE);
	if (!gz)
		err = boot_check_kernel(&a, kernel, IMAGE_HEADER_SIZE,
					s->kernel_size, where);
	if (!err && s->initrd_size)
		err = boot_claim(&a, s->initrd, s->initrd_size, "initrd", NULL);
	if (!err)
		err = gz ? boot_unzip_kernel(&a, s->kernel,
					     mem_ram_left(s->kernel), NULL,
					     s->dry_run, &load, &len) :
			   place_image(&a, s, &load, &len);
	if (err)
		goto fail;
	if (s->initrd_size) {
		kernel_window(load - a.img.text_offset, &lo, &hi);
		if (s->initrd < lo || s->initrd > hi ||
		    s->initrd_size > hi - s->initrd) {
			pr_err("the initrd at 0x%llx is outside the kernel's 32 GiB window 0x%llx-0x%llx\n",
			       (unsigned long long)s->initrd,
			       (unsigned long long)lo, (unsigned long long)hi);
			err = -ERANGE;
			goto fail;
		}
	}
	return boot_finish(&a, load, len, s->initrd, s->initrd_size,
			   s->dry_run);
fail:
	undo(&a);
	return err;
}
