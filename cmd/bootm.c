// SPDX-License-Identifier: MIT
/*
 * bootm - boot a FIT or legacy image from memory, U-Boot's syntax:
 *   bootm [addr[#conf|:kernel]] [ramdisk[#conf|:name|:size] | -] [fdt]
 * The configuration (the default one when none is named) gives kernel,
 * ramdisk and fdt; an argument overrides its part ("-": no ramdisk; a
 * plain fdt address is a device tree). Every configuration signature a
 * key requires and every hash is checked before anything is placed.
 */
#include <command.h>
#include <dt.h>
#include <env.h>
#include <fit.h>
#include <legacy_image.h>
#include <libfdt.h>
#include <mem.h>
#include <string.h>
#include <virtboot.h>

#define VERIFY	"   Verifying Hash Integrity ... "

struct sel {
	uint64_t addr;
	char sep;		/* '#': configuration, ':': image or size, 0 */
	const char *name;
};

static int parse_sel(char *arg, uint64_t def, struct sel *s)
{
	char *p = strpbrk(arg, "#:");

	s->sep = p ? *p : 0;
	s->name = p ? p + 1 : NULL;
	if (p)
		*p = '\0';
	s->addr = def;
	if (*arg && parse_hex(arg, &s->addr))
		return cmd_bad_number("bootm", arg);
	if (p && !*s->name) {
		printf("bootm: nothing after '%c'\n", s->sep);
		return -EINVAL;
	}
	return 0;
}

static const void *at(uint64_t addr)
{
	return (const void *)(uintptr_t)addr;
}

static bool is_fit(uint64_t addr)
{
	return fit_is_fit(at(addr), mem_ram_left(addr));
}

/* The checks a part of this kind must pass beyond its hashes. */
static const char *part_wrong(const struct fit_image *img, const char *kind)
{
	const char *t = img->type ? img->type : "";

	if (!strcmp(kind, "kernel")) {
		if (strcmp(t, "kernel") && strcmp(t, "kernel_noload"))
			return "is not a kernel image";
		if (img->arch && strcmp(img->arch, "arm64"))
			return "is not for arm64";
		if (img->os && strcmp(img->os, "linux"))
			return "is not a Linux kernel";
		if (img->comp && strcmp(img->comp, "none") &&
		    strcmp(img->comp, "gzip"))
			return "has a compression other than none or gzip";
		if (img->comp && !strcmp(img->comp, "gzip") &&
		    !IS_ENABLED(CONFIG_GZIP))
			return "is gzip compressed, and gzip is not built in";
	} else if (!strcmp(kind, "ramdisk")) {
		if (strcmp(t, "ramdisk"))
			return "is not a ramdisk image";
	} else if (strcmp(t, "flat_dt")) {
		return "is not a flat_dt image";
	} else if (img->comp && strcmp(img->comp, "none")) {
		return "is compressed";
	}
	return NULL;
}

/*
 * One part (kind "kernel", "ramdisk" or "fdt") from the FIT at s->addr:
 * by configuration (named or default) or by image name; index > 0 is an
 * fdt overlay of the configuration (its header lines, and the
 * configuration's check, came with index 0). 1 when the configuration
 * has no such part, 0 when *img is it, verified.
 */
static int fit_part(const struct sel *s, const char *kind, int index,
		    struct fit_image *img, uint64_t *extent)
{
	const void *fit = at(s->addr);
	const char *why, *wrong;
	int conf, err;

	err = fit_open(fit, mem_ram_left(s->addr), extent, &why);
	if (!err && s->sep != ':')
		err = fit_conf_find(fit, s->sep == '#' ? s->name : NULL, &conf,
				    &why);
	/* A part the configuration does not have: nothing to say. */
	if (!err && s->sep != ':' && strcmp(kind, "kernel") &&
	    (index ? fdt_stringlist_count(fit, conf, kind) <= index :
		     !fdt_getprop(fit, conf, kind, NULL)))
		return 1;
	if (index && !err)
		goto image;
	printf("## Loading %s from FIT Image at %08llx ...\n", kind,
	       (unsigned long long)s->addr);
	if (err)
		goto fail;
	if (s->sep == ':') {
		if (fit_key_required("conf")) {
			why = "a key requires signed configurations: name one (addr#conf), not an image";
			err = -EPERM;
			goto fail;
		}
		err = fit_image_find(fit, s->name, img, &why);
		if (err)
			goto fail;
	} else {
		printf("   Using '%s' configuration\n",
		       fdt_get_name(fit, conf, NULL));
		err = fit_conf_verify(fit, conf, VERIFY, &why);
		if (err)
			goto fail;
	}
image:
	if (s->sep != ':') {
		err = fit_conf_image(fit, conf, kind, index, img, &why);
		if (err == -ENOENT && strcmp(kind, "kernel"))
			return 1;
		if (err == -ENOENT)
			why = "the configuration has no kernel";
		if (err)
			goto fail;
	}
	printf("   Trying '%s' %s subimage\n", img->name, kind);
	fit_print_image(fit, img, "     ");
	wrong = part_wrong(img, kind);
	if (wrong) {
		printf("bootm: image '%s' %s\n", img->name, wrong);
		return -ENOEXEC;
	}
	err = fit_image_verify(fit, img, VERIFY, &why);
	if (!err)
		return 0;
fail:
	printf("bootm: %s\n", why);
	return err;
}

/* A legacy image of the given type at addr, CRCs checked. */
static int legacy_part(uint64_t addr, uint8_t type, struct legacy_image *img)
{
	const char *why;
	int err;

	printf("## Loading %s from Legacy Image at %08llx ...\n",
	       type == LEGACY_TYPE_KERNEL ? "kernel" : "ramdisk",
	       (unsigned long long)addr);
	if (fit_key_required("conf") || fit_key_required("image")) {
		printf("bootm: a key requires signed images; legacy images carry no signature\n");
		return -EPERM;
	}
	err = legacy_image_parse(at(addr), mem_ram_left(addr), img, &why);
	if (!err) {
		legacy_image_print(img);
		printf("   Verifying Checksum ... OK\n");
	} else {
		printf("bootm: %s\n", why);
		return err;
	}
	if (img->arch != LEGACY_ARCH_ARM64 ||
	    (img->type != type && !(type == LEGACY_TYPE_KERNEL &&
				   img->type == LEGACY_TYPE_KERNEL_NOLOAD)) ||
	    (type == LEGACY_TYPE_KERNEL && img->os != LEGACY_OS_LINUX)) {
		printf("bootm: not an arm64 Linux %s image\n",
		       type == LEGACY_TYPE_KERNEL ? "kernel" : "ramdisk");
		return -ENOEXEC;
	}
	if (type == LEGACY_TYPE_KERNEL && img->comp != LEGACY_COMP_NONE &&
	    !(img->comp == LEGACY_COMP_GZIP && IS_ENABLED(CONFIG_GZIP))) {
		printf("bootm: the kernel's compression is not supported\n");
		return -ENOTSUP;
	}
	return 0;
}

static int kernel_part(const struct sel *k, struct bootm_spec *s)
{
	struct legacy_image li;
	struct fit_image img;
	uint64_t extent;
	int err;

	/* Anything with a device-tree magic goes to the FIT checks, so a
	 * damaged FIT is told why. */
	if (mem_ram_left(k->addr) >= 4 && fdt_magic(at(k->addr)) == FDT_MAGIC) {
		err = fit_part(k, "kernel", 0, &img, &extent);
		if (err)
			return err;
		s->hold = k->addr;
		s->hold_size = extent;
		s->kernel = img.data;
		s->kernel_size = img.size;
		s->gzip = img.comp && !strcmp(img.comp, "gzip");
		s->has_load = img.has_load && strcmp(img.type, "kernel_noload");
		s->load = img.load;
		return 0;
	}
	if (legacy_is_image(at(k->addr), mem_ram_left(k->addr))) {
		err = legacy_part(k->addr, LEGACY_TYPE_KERNEL, &li);
		if (err)
			return err;
		s->hold = k->addr;
		s->hold_size = LEGACY_HDR_SIZE + (uint64_t)li.size;
		s->kernel = li.data;
		s->kernel_size = li.size;
		s->gzip = li.comp == LEGACY_COMP_GZIP;
		s->has_load = li.type == LEGACY_TYPE_KERNEL;
		s->load = li.load;
		return 0;
	}
	printf("Wrong Image Format for bootm command\n");
	return -ENOEXEC;
}

static int ramdisk_part(const struct sel *r, struct bootm_spec *s)
{
	struct legacy_image li;
	struct fit_image img;
	uint64_t extent, size;
	int err;

	if (is_fit(r->addr)) {
		err = fit_part(r, "ramdisk", 0, &img, &extent);
		if (err > 0)
			return 0;
		s->initrd = img.data;
		s->initrd_size = img.size;
		return err;
	}
	if (!r->sep && legacy_is_image(at(r->addr), mem_ram_left(r->addr))) {
		err = legacy_part(r->addr, LEGACY_TYPE_RAMDISK, &li);
		s->initrd = li.data;
		s->initrd_size = li.size;
		return err;
	}
	if (r->sep != ':' || parse_hex(r->name, &size)) {
		printf("bootm: no ramdisk image at 0x%llx (a raw one is addr:size)\n",
		       (unsigned long long)r->addr);
		return -ENOEXEC;
	}
	if (fit_key_required("conf") || fit_key_required("image")) {
		printf("bootm: a key requires signed images; a raw ramdisk carries no signature\n");
		return -EPERM;
	}
	if (!mem_is_ram(r->addr, size)) {
		printf("bootm: the ramdisk 0x%llx+0x%llx is not in RAM\n",
		       (unsigned long long)r->addr, (unsigned long long)size);
		return -ERANGE;
	}
	s->initrd = at(r->addr);
	s->initrd_size = size;
	return 0;
}

static int fdt_part(const struct sel *f, struct bootm_spec *s)
{
	struct fit_image img;
	uint64_t extent;
	int err, i;

	if (is_fit(f->addr)) {
		err = fit_part(f, "fdt", 0, &img, &extent);
		if (err > 0)
			return 0;
		s->fdt = img.data;
		s->fdt_size = img.size;
		/* The configuration's further fdt images: overlays. */
		for (i = 1; !err && f->sep != ':'; i++) {
			err = fit_part(f, "fdt", i, &img, &extent);
			if (err > 0)
				return 0;
			if (!err && s->noverlay == BOOTM_OVERLAYS_MAX) {
				printf("bootm: more than %d overlays\n",
				       BOOTM_OVERLAYS_MAX);
				return -E2BIG;
			}
			if (!err) {
				s->overlay[s->noverlay] = img.data;
				s->overlay_size[s->noverlay] = img.size;
				s->overlay_name[s->noverlay++] = img.name;
			}
		}
		return err;
	}
	if (f->sep) {
		printf("bootm: no FIT image at 0x%llx\n",
		       (unsigned long long)f->addr);
		return -ENOEXEC;
	}
	/* The loader's own tree (U-Boot's ${fdtcontroladdr}) is trusted. */
	if (at(f->addr) == dt_blob()) {
		printf("## Using the live device tree at %08llx\n",
		       (unsigned long long)f->addr);
		return 0;
	}
	if (fit_key_required("conf") || fit_key_required("image")) {
		printf("bootm: a key requires signed images; a bare device tree carries no signature\n");
		return -EPERM;
	}
	s->fdt = at(f->addr);
	s->fdt_size = mem_ram_left(f->addr);
	printf("## Flattened Device Tree blob at %08llx\n",
	       (unsigned long long)f->addr);
	return 0;
}

static int do_bootm(int argc, char *argv[])
{
	struct bootm_spec s = { .hold = 0 };
	struct sel k, r, f;
	uint64_t def;
	int err;

	if (argc > 4)
		return -EINVAL;
	if (env_get_number("loadaddr", &def) && (argc < 2 || *argv[1] == '#' ||
						*argv[1] == ':' || !*argv[1])) {
		printf("bootm: no address given and no loadaddr\n");
		return -EINVAL;
	}
	err = parse_sel(argc > 1 ? argv[1] : "", def, &k);
	if (!err && argc > 2 && strcmp(argv[2], "-"))
		err = parse_sel(argv[2], k.addr, &r);
	if (!err && argc > 3)
		err = parse_sel(argv[3], k.addr, &f);
	if (err)
		return err;
	if (!mem_is_ram(k.addr, 64)) {
		printf("bootm: 0x%llx is not in RAM\n",
		       (unsigned long long)k.addr);
		return -EFAULT;
	}
	err = kernel_part(&k, &s);
	/* Without arguments for them, the kernel's configuration gives the
	 * ramdisk and fdt; "-" is no ramdisk. */
	if (!err && argc > 2 && strcmp(argv[2], "-"))
		err = ramdisk_part(&r, &s);
	else if (!err && argc <= 2 && k.sep != ':' && is_fit(k.addr))
		err = ramdisk_part(&k, &s);
	if (!err && argc > 3)
		err = fdt_part(&f, &s);
	else if (!err && k.sep != ':' && is_fit(k.addr))
		err = fdt_part(&k, &s);
	if (err)
		return err;
	return bootm_boot(&s);
}

COMMAND(bootm, .run = do_bootm,
	.usage = "bootm [addr[#conf|:kernel]] [ramdisk[#conf|:name|:size] | -] [fdt]",
	.summary = "boot application image from memory",
	.help = "  a FIT image (mkimage -f): the configuration named, else the\n"
		"  default one, gives kernel, ramdisk and fdt (and the fdt's\n"
		"  overlays), all verified;\n"
		"  a legacy image (mkimage -T kernel) is checked by its CRCs");
