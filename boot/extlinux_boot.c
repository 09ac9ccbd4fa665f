// SPDX-License-Identifier: MIT
/*
 * extlinux_boot.c - sysboot: read extlinux.conf from a disk, show the menu
 * (U-Boot's pxe menu: title, "N:\t<label>", "Enter choice: "), load the
 * chosen label's kernel, initrds (one after another) and device tree
 * (with its overlays) from the same filesystem straight into free RAM,
 * and boot it with boot_linux().
 */
#define pr_fmt(fmt) "sysboot: " fmt
#include <arch_boot.h>
#include <boot.h>
#include <console.h>
#include <dt.h>
#include <env.h>
#include <errno.h>
#include <extlinux.h>
#include <fs.h>
#include <image.h>
#include <libfdt.h>
#include <region.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

#define OVERLAY_MAX	(1ULL << 20)	/* bytes of one overlay */
#define INITRD_MAX	(32ULL << 30)	/* the kernel's window (booting.rst) */

/* What a label's load holds in the allocator until boot_linux() runs
 * (a boot attempt's list of reservations, given back by boot_abort()). */
struct load {
	const struct extlinux_files *src;
	struct boot_attempt hold;
};

static int file_size(const struct extlinux_files *src, const char *path,
		     uint64_t *size)
{
	int err;

	printf("Retrieving file: %s\n", path);
	err = src->size(src->arg, path, size);
	if (err)
		pr_err("cannot read %s: %s\n", path,
		       err == -ENOENT ? "no such file" : "error");
	return err;
}

/* The first size bytes of the file at path, which has that many at least. */
static int read_all(const struct extlinux_files *src, const char *path,
		    uint64_t addr, uint64_t size)
{
	uint64_t got;
	int err = src->read(src->arg, path, addr, size, &got);

	if (!err && got != size)
		err = -EIO;
	if (err)
		pr_err("reading %s failed: %d\n", path, err);
	return err;
}

/* A whole (small) file into the heap, NUL-terminated. */
static int read_heap(const struct extlinux_files *src, const char *path,
		     uint64_t max, char **buf, size_t *len)
{
	uint64_t size;
	int err = file_size(src, path, &size);

	if (err)
		return err;
	if (size > max) {
		pr_err("%s is too large (%llu bytes)\n", path,
		       (unsigned long long)size);
		return -E2BIG;
	}
	*buf = malloc(size + 1);
	if (!*buf)
		return -ENOMEM;
	err = read_all(src, path, (uintptr_t)*buf, size);
	if (err) {
		free(*buf);
		return err;
	}
	(*buf)[size] = '\0';
	*len = size;
	return 0;
}

static int read_include(void *arg, const char *path, char **buf, size_t *len)
{
	return read_heap((const struct extlinux_files *)arg, path,
			 EXTLINUX_FILE_MAX, buf, len);
}

/* The kernel, at kernel_addr_r or on a 2 MiB boundary (plus the Image's
 * text_offset, with room for its BSS) where boot_linux() keeps it. */
static int load_kernel(struct load *ld, const char *path, uint64_t *addr,
		       uint64_t *size)
{
	uint8_t hdr[IMAGE_HEADER_SIZE];
	uint64_t got, room, off = 0, base;
	struct image_info img;
	const char *why;
	int err;

	err = file_size(ld->src, path, size);
	if (err)
		return err;
	if (!*size || *size > IMAGE_SIZE_MAX) {
		pr_err("%s is %s for a kernel\n", path,
		       *size ? "too large" : "empty");
		return -EFBIG;
	}
	memset(hdr, 0, sizeof(hdr));
	err = ld->src->read(ld->src->arg, path, (uintptr_t)hdr, sizeof(hdr),
			    &got);
	if (err) {
		pr_err("reading %s failed: %d\n", path, err);
		return err;
	}
	room = *size;
	if (!image_parse(hdr, got, *size, &img, &why)) {
		off = img.text_offset;
		room = MAX(room, img.image_size);
	}
	err = boot_env_addr("kernel_addr_r", addr);
	if (err == -EINVAL)
		return err;
	if (!err) {
		err = boot_claim(&ld->hold, *addr, room, "kernel",
				 "kernel_addr_r");
	} else {
		err = boot_place(&ld->hold,
				 ALIGN_UP(off + room, ARCH_KERNEL_ALIGN),
				 ARCH_KERNEL_ALIGN, 0, UINT64_MAX, "kernel",
				 &base);
		*addr = base + off;
	}
	return err ?: read_all(ld->src, path, *addr, *size);
}

/* The initrds one after another, at ramdisk_addr_r or the lowest free
 * place. */
static int load_initrds(struct load *ld, const struct extlinux_label *l,
			uint64_t *addr, uint64_t *total)
{
	uint64_t size[EXTLINUX_FILES_MAX], off = 0;
	int i, err;

	*total = 0;
	for (i = 0; i < l->ninitrd; i++) {
		err = file_size(ld->src, l->initrd[i], &size[i]);
		if (err)
			return err;
		if (size[i] > INITRD_MAX - *total) {
			pr_err("the initrds are larger than the kernel's 32 GiB window\n");
			return -EFBIG;
		}
		*total += size[i];
	}
	if (!*total)
		return 0;
	err = boot_env_addr("ramdisk_addr_r", addr);
	if (err == -EINVAL)
		return err;
	err = err ? boot_place(&ld->hold, *total, 4096, 0, UINT64_MAX,
			       "initrd", addr) :
		    boot_claim(&ld->hold, *addr, *total, "initrd",
			       "ramdisk_addr_r");
	for (i = 0; !err && i < l->ninitrd; off += size[i++])
		err = read_all(ld->src, l->initrd[i], *addr + off, size[i]);
	return err;
}

/* A device tree file into a scratch place (boot_linux() copies it to
 * fdt_addr_r or its own place): NULL if it is missing or damaged. */
static void *load_fdt(struct load *ld, const char *path)
{
	uint64_t size, base;
	void *fdt;

	if (file_size(ld->src, path, &size))
		return NULL;
	if (size > ARCH_FDT_MAX) {
		pr_err("%s is larger than %llu bytes\n", path, ARCH_FDT_MAX);
		return NULL;
	}
	if (boot_place(&ld->hold, ALIGN_UP(size, 8), 8, 0, UINT64_MAX, "fdt",
		       &base) ||
	    read_all(ld->src, path, base, size))
		return NULL;
	fdt = (void *)(uintptr_t)base;
	if (dt_check_full(fdt, size)) {
		pr_err("%s is not a valid device tree\n", path);
		return NULL;
	}
	return fdt;
}

/* Apply the overlays that can be read onto a copy of base; a missing
 * or malformed one is skipped with a warning, a failure keeps base. */
static const void *apply_overlays(struct load *ld,
				  const struct extlinux_label *l,
				  const void *base)
{
	void *ov[EXTLINUX_FILES_MAX] = { NULL }, *work;
	size_t ov_len[EXTLINUX_FILES_MAX];
	uint64_t size, total = fdt_totalsize(base), addr;
	const void *ret = base;
	const char *why;
	char *buf;
	int i, err;

	for (i = 0; i < l->noverlay; i++) {
		if (read_heap(ld->src, l->overlay[i], OVERLAY_MAX, &buf,
			      &ov_len[i])) {
			printf("Failed loading overlay %s: skipped\n",
			       l->overlay[i]);
			continue;
		}
		ov[i] = buf;
		total += ov_len[i];
	}
	size = MIN(ALIGN_UP(total * 2 + 4096, 8), ARCH_FDT_MAX);
	if (boot_place(&ld->hold, size, 8, 0, UINT64_MAX, "fdt", &addr))
		goto out;
	work = (void *)(uintptr_t)addr;
	err = fdt_open_into(base, work, size);
	if (err)
		printf("The device tree is too large for overlays (%s): booting without them\n",
		       fdt_strerror(err));
	for (i = 0; !err && i < l->noverlay; i++) {
		if (!ov[i])
			continue;
		err = dt_apply_overlay(work, ov[i], ov_len[i], &why);
		if (err == -ENOEXEC) {
			printf("Overlay %s is not a valid device tree: skipped\n",
			       l->overlay[i]);
			err = 0;
		} else if (err) {
			printf("Failed to apply overlay %s (%s): booting without overlays\n",
			       l->overlay[i], err == -EINVAL ? why : "no memory");
		}
	}
	if (!err) {
		fdt_pack(work);
		ret = work;
	}
out:
	for (i = 0; i < l->noverlay; i++)
		free(ov[i]);
	return ret;
}

/* The label's tree: fdt, else fdtdir/$fdtfile, else QEMU's; then the
 * overlays. NULL (said) when a named fdt cannot be used. */
static const void *label_fdt(struct load *ld, const struct extlinux_label *l)
{
	const char *fdtfile = env_get("fdtfile");
	const void *fdt = dt_blob();
	uint64_t size;
	char *path;
	size_t n;

	if (l->fdt) {
		fdt = load_fdt(ld, l->fdt);
		if (!fdt)
			return NULL;
	} else if (l->fdtdir && !fdtfile) {
		printf("fdtdir %s: no fdtfile set: booting with QEMU's device tree\n",
		       l->fdtdir);
	} else if (l->fdtdir) {
		n = strlen(l->fdtdir);
		path = malloc(n + strlen(fdtfile) + 2);
		if (!path)
			return NULL;
		sprintf(path, "%s%s%s", l->fdtdir,
			n && l->fdtdir[n - 1] == '/' ? "" : "/", fdtfile);
		if (!ld->src->size(ld->src->arg, path, &size))
			fdt = load_fdt(ld, path);
		else
			fdt = NULL;
		if (!fdt) {
			printf("Skipping fdtdir %s for failure retrieving dts: booting with QEMU's device tree\n",
			       l->fdtdir);
			fdt = dt_blob();
		}
		free(path);
	}
	if (l->noverlay)
		fdt = apply_overlays(ld, l, fdt);
	return fdt;
}

static int label_boot(const struct extlinux_files *src,
		      const struct extlinux_config *cfg, int n)
{
	const struct extlinux_label *l = &cfg->labels[n];
	struct boot_spec spec = { 0 };
	struct load ld = { .src = src };
	uint64_t fdt_addr;
	int err, fdt_hold = 0;

	printf("%d:\t%s\n", n + 1, l->menu ? l->menu : l->name);
	if (l->localboot) {
		pr_err("label %s: localboot is not supported\n", l->name);
		return -EOPNOTSUPP;
	}
	if (!l->kernel) {
		pr_err("label %s names no kernel\n", l->name);
		return -ENOENT;
	}
	if (l->append && strlen(l->append) > BOOT_ARGS_MAX) {
		pr_err("the append line is longer than %d bytes\n",
		       BOOT_ARGS_MAX);
		return -E2BIG;
	}
	err = load_kernel(&ld, l->kernel, &spec.kernel, &spec.kernel_size);
	if (!err)
		err = load_initrds(&ld, l, &spec.initrd, &spec.initrd_size);
	/* Keep the scratch trees off the place the final one goes. */
	if (!err && !boot_env_addr("fdt_addr_r", &fdt_addr) &&
	    !region_reserve(fdt_addr, ARCH_FDT_MAX, "fdt"))
		fdt_hold = 1;
	if (!err) {
		spec.fdt = label_fdt(&ld, l);
		if (!spec.fdt)
			err = -EINVAL;
	}
	if (fdt_hold)
		region_free(fdt_addr);
	if (!err && l->append) {
		printf("append: %s\n", l->append);
		err = env_set("bootargs", l->append);
	}
	boot_abort(&ld.hold);	/* boot_linux() places everything again */
	if (err)
		return err;
	if (spec.fdt == dt_blob())
		spec.fdt = NULL;
	return boot_linux(&spec);
}

int extlinux_boot(const struct extlinux_files *src, const char *path,
		 bool force_prompt)
{
	struct extlinux_config cfg;
	char prefix[EXTLINUX_PATH_MAX], *text;
	const char *slash = strrchr(path, '/');
	size_t len = slash ? (size_t)(slash - path + 1) : 0;
	int err;

	if (len >= sizeof(prefix)) {
		pr_err("%s: path too long\n", path);
		return -E2BIG;
	}
	memcpy(prefix, path, len);
	prefix[len] = '\0';
	err = read_heap(src, path, EXTLINUX_FILE_MAX, &text, &len);
	if (err)
		return err;
	err = extlinux_parse(&cfg, text, len, prefix, read_include,
			     (void *)src);
	free(text);
	if (err) {
		pr_err("%s: not a usable extlinux.conf\n", path);
		return err;
	}
	cfg.prompt |= force_prompt;
	err = extlinux_menu(&cfg);
	if (err >= 0)
		err = label_boot(src, &cfg, err);
	extlinux_free(&cfg);
	return err;
}

/* A filesystem as the files' source. */
static int fs_src_size(void *arg, const char *path, uint64_t *size)
{
	return fs_size(arg, path, size);
}

static int fs_src_read(void *arg, const char *path, uint64_t addr,
		       uint64_t max, uint64_t *len)
{
	return fs_read(arg, path, (void *)(uintptr_t)addr, 0, max, len);
}

int extlinux_boot_fs(struct fs *fs, const char *path, bool force_prompt)
{
	struct extlinux_files src = { fs_src_size, fs_src_read, fs };

	return extlinux_boot(&src, path, force_prompt);
}

int extlinux_sysboot(const char *ifname, const char *devpart,
		     const char *fstype, const char *path, bool force_prompt)
{
	struct blk_dev view;
	const char *type;
	struct fs *fs;
	int err;

	if (strcmp(fstype, "any") && strcmp(fstype, "ext2") &&
	    strcmp(fstype, "ext4") && strcmp(fstype, "fat")) {
		pr_err("unknown filesystem type '%s'\n", fstype);
		return -ENODEV;
	}
	err = fs_open_dev(ifname, devpart, &view, &fs);
	if (err)
		return err;
	type = fs_type_name(fs);
	if (strcmp(fstype, "any") &&
	    !strcmp(type, "fat") != !strcmp(fstype, "fat")) {
		pr_err("%s %s is %s, not %s\n", ifname, devpart, type, fstype);
		err = -ENODEV;
	} else {
		err = extlinux_boot_fs(fs, path, force_prompt);
	}
	fs_close(fs);
	return err;
}
