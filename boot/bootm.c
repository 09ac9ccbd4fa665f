// SPDX-License-Identifier: MIT
/*
 * bootm.c - place and start what bootm found in a FIT or legacy image,
 * through the boot_attempt steps every flow uses (boot.h): the image
 * kept while its parts move, the kernel copied or inflated to its load
 * address when that is a valid free place (Linux booting.rst: 2 MiB +
 * text_offset), to booti's place otherwise; the initrd used in place;
 * the fdt copied to an aligned place and fixed up.
 */
#define pr_fmt(fmt) "bootm: " fmt
#include <arch_boot.h>
#include <boot.h>
#include <dt.h>
#include <errno.h>
#include <fit.h>
#include <libfdt.h>
#include <region.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

/* A copy in the loader's heap (libfdt wants 8-byte alignment, FIT data
 * has 4), made before anything moves, with the overlays applied in
 * order: one that does not apply fails the boot. */
static int copy_fdt(struct boot_attempt *a, const struct bootm_spec *s,
		    void **copy)
{
	size_t size;
	const char *why;
	int i, err;

	if (s->fdt_size < sizeof(struct fdt_header) ||
	    fdt_magic(s->fdt) != FDT_MAGIC ||
	    fdt_totalsize(s->fdt) > s->fdt_size) {
		pr_err("the fdt image is not a device tree\n");
		return -ENOEXEC;
	}
	size = fdt_totalsize(s->fdt);
	for (i = 0; i < s->noverlay; i++)
		size += 2 * s->overlay_size[i] + 1024;
	*copy = malloc(size);
	if (!*copy) {
		pr_err("no room for a copy of the fdt (%zu bytes)\n", size);
		return -ENOMEM;
	}
	memcpy(*copy, s->fdt, fdt_totalsize(s->fdt));
	if (dt_check_tree(*copy))
		return -ENOEXEC;
	printf("   Booting using the fdt blob at 0x%llx\n",
	       (unsigned long long)(uintptr_t)s->fdt);
	err = s->noverlay ? fdt_open_into(*copy, *copy, size) : 0;
	if (err) {
		pr_err("no room for the overlays: %s\n", fdt_strerror(err));
		return -ENOSPC;
	}
	for (i = 0; i < s->noverlay; i++) {
		printf("   Applying overlay '%s'\n", s->overlay_name[i]);
		err = dt_apply_overlay(*copy, s->overlay[i],
				       s->overlay_size[i], &why);
		if (err == -EINVAL)
			pr_err("overlay '%s' does not apply: %s\n",
			       s->overlay_name[i], why);
		else if (err == -ENOMEM)
			pr_err("no room for a copy of overlay '%s'\n",
			       s->overlay_name[i]);
		if (err)
			return err;
	}
	if (s->noverlay)
		fdt_pack(*copy);
	a->fdt_src = *copy;
	return 0;
}

static bool inside(uint64_t base, uint64_t size, uint64_t hold,
		   uint64_t hold_size)
{
	return base >= hold && base - hold <= hold_size &&
	       size <= hold_size - (base - hold);
}

int bootm_boot(const struct bootm_spec *s)
{
	uint64_t load, len = 0, initrd = (uintptr_t)s->initrd, lo, hi;
	struct boot_attempt a;
	void *fdt = NULL;
	int err;

	boot_attempt_init(&a, s->fdt ? NULL : dt_blob());
	err = s->hold_size ? boot_claim(&a, s->hold, s->hold_size, "image",
					NULL) : 0;
	if (!err && s->initrd_size &&
	    !inside(initrd, s->initrd_size, s->hold, s->hold_size))
		err = boot_claim(&a, initrd, s->initrd_size, "initrd", NULL);
	if (!err && s->fdt)
		err = copy_fdt(&a, s, &fdt);
	if (!err && s->gzip) {
		printf("   Uncompressing Kernel Image\n");
		err = boot_unzip_kernel(&a, (uintptr_t)s->kernel,
					s->kernel_size,
					s->has_load ? &s->load : NULL,
					s->dry_run, &load, &len);
	} else if (!err) {
		err = boot_check_kernel(&a, s->kernel, s->kernel_size,
					s->kernel_size, "the kernel image");
		if (!err)
			err = s->has_load ?
			      boot_place_kernel_at(&a, s->load, &load) :
			      boot_place_kernel(&a, &load);
		if (!err) {
			len = MIN(s->kernel_size, a.img.image_size);
			printf("   Loading Kernel Image to %llx\n",
			       (unsigned long long)load);
			if (!s->dry_run)
				memmove((void *)(uintptr_t)load, s->kernel,
					len);
		}
	}
	if (!err && s->initrd_size) {
		lo = ALIGN_DOWN(load - a.img.text_offset,
				ARCH_INITRD_WINDOW_ALIGN);
		hi = lo + ARCH_INITRD_WINDOW;
		if (initrd < lo || initrd > hi || s->initrd_size > hi - initrd) {
			pr_err("the ramdisk at 0x%llx is outside the kernel's 32 GiB window\n",
			       (unsigned long long)initrd);
			err = -ERANGE;
		}
	}
	if (!err)
		err = boot_finish(&a, load, len, initrd, s->initrd_size,
				  s->dry_run);
	else
		boot_abort(&a);
	free(fdt);		/* only a failure or a dry run comes back */
	return err;
}
