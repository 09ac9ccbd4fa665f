// SPDX-License-Identifier: MIT
/*
 * fit.c - read U-Boot's FIT images (doc/usage/fit/source_file_format.rst):
 * the tree checked whole, every image's data bounded (embedded, or
 * external after the tree as mkimage -E writes it), configurations and
 * their references resolved exactly, hashes verified, and the listing
 * iminfo prints in U-Boot's shape. Signatures are in fit_sig.c.
 */
#include <dt.h>
#include <errno.h>
#include <fit.h>
#include <hash.h>
#include <libfdt.h>
#include <string.h>
#include <virtboot.h>

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

/* A property that is one NUL-terminated string, else NULL. */
static const char *get_str(const void *fit, int node, const char *prop)
{
	int len;
	const char *s = fdt_getprop(fit, node, prop, &len);

	if (!s || len < 1 || s[len - 1] || strlen(s) != (size_t)len - 1)
		return NULL;
	return s;
}

/* A u32 property: 0, -ENOENT, or -EINVAL when it is not 4 bytes. */
static int get_u32(const void *fit, int node, const char *prop, uint32_t *v)
{
	int len;
	const void *p = fdt_getprop(fit, node, prop, &len);

	if (!p)
		return -ENOENT;
	if (len != 4)
		return -EINVAL;
	*v = be32(p);
	return 0;
}

/* load / entry: one or two cells. */
static int get_addr(const void *fit, int node, const char *prop,
		    uint64_t *v)
{
	int len;
	const uint8_t *p = fdt_getprop(fit, node, prop, &len);

	if (!p)
		return -ENOENT;
	if (len == 4)
		*v = be32(p);
	else if (len == 8)
		*v = (uint64_t)be32(p) << 32 | be32(p + 4);
	else
		return -EINVAL;
	return 0;
}

bool fit_is_fit(const void *buf, size_t len)
{
	return len >= sizeof(struct fdt_header) && !((uintptr_t)buf & 3) &&
	       fdt_magic(buf) == FDT_MAGIC && !fdt_check_header(buf) &&
	       fdt_totalsize(buf) <= len &&
	       fdt_path_offset(buf, "/images") >= 0;
}

/* The data of an image: where it is and how long, bounded by avail. */
static int image_data(const void *fit, uint64_t avail, int node,
		      const uint8_t **data, uint64_t *size, bool *external,
		      const char **why)
{
	uint64_t base, tree = fdt_totalsize(fit);
	uint32_t off, len;
	const void *p;
	int n, err;

	*external = false;
	p = fdt_getprop(fit, node, "data", &n);
	if (p) {
		*data = p;
		*size = n;
		return 0;
	}
	if (get_u32(fit, node, "data-size", &len)) {
		*why = "has no data (neither 'data' nor a valid 'data-size')";
		return -ENODATA;
	}
	err = get_u32(fit, node, "data-position", &off);
	if (!err) {
		base = off;
	} else if (err == -ENOENT && !get_u32(fit, node, "data-offset", &off)) {
		base = ALIGN_UP(tree, 4) + off;
	} else {
		*why = "has a 'data-size' but no valid 'data-offset' or 'data-position'";
		return -EBADMSG;
	}
	if (base < tree) {
		*why = "has external data inside the tree itself";
		return -EBADMSG;
	}
	if (base > avail || len > avail - base) {
		*why = "has external data past the end of RAM";
		return -ERANGE;
	}
	*data = (const uint8_t *)fit + base;
	*size = len;
	*external = true;
	return 0;
}

/* Every node of parent, checked to be a plain subnode list, counted. */
static int count_subnodes(const void *fit, int parent, int *n)
{
	int node;

	*n = 0;
	fdt_for_each_subnode(node, fit, parent)
		if (++*n > FIT_MAX_IMAGES)
			return -E2BIG;
	return node == -FDT_ERR_NOTFOUND ? 0 : -EBADMSG;
}

int fit_open(const void *fit, uint64_t avail, uint64_t *extent,
	     const char **why)
{
	struct { uint64_t lo, hi; } ext[FIT_MAX_IMAGES];
	int images, confs, node, n = 0, i, count, err;
	const uint8_t *data;
	uint64_t size, lo;
	bool external;

	*why = NULL;
	if (avail < sizeof(struct fdt_header) || fdt_magic(fit) != FDT_MAGIC) {
		*why = "not a FIT image";
		return -ENOEXEC;
	}
	if ((uintptr_t)fit & 7) {
		*why = "a FIT image must be 8-byte aligned in memory";
		return -EFAULT;
	}
	if (fdt_check_header(fit)) {
		*why = "the FIT image has a bad device-tree header";
		return -EBADMSG;
	}
	if (fdt_totalsize(fit) > avail) {
		*why = "the FIT image runs past the end of RAM";
		return -ERANGE;
	}
	if (dt_check_full(fit, fdt_totalsize(fit))) {
		*why = "the FIT image is not a well-formed device tree";
		return -EBADMSG;
	}
	*extent = fdt_totalsize(fit);
	images = fdt_path_offset(fit, "/images");
	if (images < 0) {
		*why = "the FIT image has no /images node";
		return -ENOEXEC;
	}
	if (count_subnodes(fit, images, &count)) {
		*why = "the FIT image has too many images";
		return -E2BIG;
	}
	confs = fdt_path_offset(fit, "/configurations");
	if (confs >= 0 && count_subnodes(fit, confs, &count)) {
		*why = "the FIT image has too many configurations";
		return -E2BIG;
	}
	fdt_for_each_subnode(node, fit, images) {
		err = image_data(fit, avail, node, &data, &size, &external,
				 why);
		if (err) {
			static char msg[96];

			snprintf(msg, sizeof(msg), "image '%s' %s",
				 fdt_get_name(fit, node, NULL), *why);
			*why = msg;
			return err;
		}
		if (!external)
			continue;
		lo = data - (const uint8_t *)fit;
		for (i = 0; i < n; i++) {
			if (size && ext[i].hi > ext[i].lo && lo < ext[i].hi &&
			    ext[i].lo < lo + size) {
				*why = "two images of the FIT share external data";
				return -EBADMSG;
			}
		}
		ext[n].lo = lo;
		ext[n++].hi = lo + size;
		*extent = MAX(*extent, lo + size);
	}
	return 0;
}

int fit_image_get(const void *fit, int node, struct fit_image *img,
		  const char **why)
{
	uint64_t tree = fdt_totalsize(fit);
	int err;

	memset(img, 0, sizeof(*img));
	img->node = node;
	img->name = fdt_get_name(fit, node, NULL);
	img->desc = get_str(fit, node, "description");
	img->type = get_str(fit, node, "type");
	img->os = get_str(fit, node, "os");
	img->arch = get_str(fit, node, "arch");
	img->comp = get_str(fit, node, "compression");
	/* fit_open() bounded the data by RAM; here by what it allowed. */
	err = image_data(fit, UINT64_MAX - tree, node, &img->data, &img->size,
			 &img->external, why);
	if (err)
		return err;
	err = get_addr(fit, node, "load", &img->load);
	if (err == -EINVAL) {
		*why = "has a 'load' that is not 1 or 2 cells";
		return err;
	}
	img->has_load = !err;
	err = get_addr(fit, node, "entry", &img->entry);
	if (err == -EINVAL) {
		*why = "has an 'entry' that is not 1 or 2 cells";
		return err;
	}
	img->has_entry = !err;
	return 0;
}

int fit_image_find(const void *fit, const char *name, struct fit_image *img,
		   const char **why)
{
	int images = fdt_path_offset(fit, "/images");
	int node = images < 0 ? images :
		   fdt_subnode_offset(fit, images, name);

	/* libfdt matches "kernel" to "kernel@1": ask for the exact name. */
	if (node < 0 || strcmp(fdt_get_name(fit, node, NULL), name)) {
		*why = "no such image in the FIT";
		return -ENOENT;
	}
	return fit_image_get(fit, node, img, why);
}

int fit_conf_find(const void *fit, const char *name, int *conf,
		  const char **why)
{
	int confs = fdt_path_offset(fit, "/configurations");

	if (confs < 0) {
		*why = "the FIT image has no configurations";
		return -ENOENT;
	}
	if (!name || !*name) {
		name = get_str(fit, confs, "default");
		if (!name) {
			*why = "the FIT image names no default configuration";
			return -ENOENT;
		}
	}
	if (strchr(name, '@')) {
		*why = "configuration names with '@' are refused";
		return -EINVAL;
	}
	*conf = fdt_subnode_offset(fit, confs, name);
	if (*conf < 0 || strcmp(fdt_get_name(fit, *conf, NULL), name)) {
		*why = "no such configuration in the FIT";
		return -ENOENT;
	}
	return 0;
}

int fit_conf_image(const void *fit, int conf, const char *prop, int index,
		   struct fit_image *img, const char **why)
{
	const char *name;
	int len, n;

	if (!fdt_getprop(fit, conf, prop, &len))
		return -ENOENT;
	n = fdt_stringlist_count(fit, conf, prop);
	if (n < 1 || (n > 1 && strcmp(prop, "fdt"))) {
		*why = "the configuration's reference is not one image name";
		return -EINVAL;
	}
	if (index >= n)
		return -ENOENT;
	name = fdt_stringlist_get(fit, conf, prop, index, NULL);
	if (!name || fit_image_find(fit, name, img, why)) {
		*why = "the configuration names an image the FIT does not have";
		return -EBADMSG;
	}
	return 0;
}

static bool is_subnode_named(const void *fit, int node, const char *prefix)
{
	const char *name = fdt_get_name(fit, node, NULL);

	return name && !strncmp(name, prefix, strlen(prefix));
}

int fit_image_verify(const void *fit, const struct fit_image *img,
		     const char *lead, const char **why)
{
	static char msg[120];
	uint8_t digest[HASH_MAX_DIGEST];
	const struct hash_algo *algo;
	const char *name;
	const void *value;
	int node, len;

	printf("%s", lead);
	fdt_for_each_subnode(node, fit, img->node) {
		if (!is_subnode_named(fit, node, "hash"))
			continue;
		name = get_str(fit, node, "algo");
		algo = name ? hash_find(name) : NULL;
		if (!algo) {
			printf("%s- error!\n", name ? name : "");
			snprintf(msg, sizeof(msg),
				 "Unsupported hash algorithm '%s' in '%s' image node",
				 name ? name : "", img->name);
			*why = msg;
			return -ENOTSUP;
		}
		printf("%s", name);
		value = fdt_getprop(fit, node, "value", &len);
		hash_block(algo, img->data, img->size, digest);
		if (!value || (size_t)len != hash_digest_size(algo) ||
		    memcmp(value, digest, len)) {
			printf("- error!\n");
			snprintf(msg, sizeof(msg),
				 "Bad hash value for '%s' hash node in '%s' image node",
				 fdt_get_name(fit, node, NULL), img->name);
			*why = msg;
			return -EBADMSG;
		}
		printf("+ ");
	}
	if (fit_image_check_sigs(fit, img, why)) {
		printf("error!\n");
		return -EPERM;
	}
	printf("OK\n");
	return 0;
}

/* --- the listing --------------------------------------------------------- */

static const char *const names[][2] = {
	{ "kernel", "Kernel Image" }, { "kernel_noload", "Kernel Image (no loading done)" },
	{ "ramdisk", "RAMDisk Image" }, { "flat_dt", "Flat Device Tree" },
	{ "script", "Script" }, { "firmware", "Firmware" },
	{ "standalone", "Standalone Program" }, { "fpga", "FPGA Image" },
	{ "none", "uncompressed" }, { "gzip", "gzip compressed" },
	{ "bzip2", "bzip2 compressed" }, { "lzma", "lzma compressed" },
	{ "lzo", "lzo compressed" }, { "lz4", "lz4 compressed" },
	{ "zstd", "zstd compressed" },
	{ "arm64", "AArch64" }, { "arm", "ARM" }, { "linux", "Linux" },
	{ "u-boot", "U-Boot" },
};

const char *fit_type_name(const char *type)
{
	size_t i;

	for (i = 0; type && i < ARRAY_SIZE(names); i++)
		if (!strcmp(names[i][0], type))
			return names[i][1];
	return type ? type : "Unknown";
}

static void print_hex_prop(const char *label, const void *p, int len)
{
	char hex[2 * 64 + 1];

	if (!p || len <= 0)
		return;
	if (len > 64) {
		printf("%s%d bytes\n", label, len);
		return;
	}
	hash_hex(p, len, hex);
	printf("%s%s\n", label, hex);
}

static void print_sigs(const void *fit, int parent, const char *p)
{
	const char *algo, *key;
	const void *value;
	int node, len;

	fdt_for_each_subnode(node, fit, parent) {
		if (!is_subnode_named(fit, node, "signature"))
			continue;
		algo = get_str(fit, node, "algo");
		key = get_str(fit, node, "key-name-hint");
		printf("%sSign algo:    %s:%s\n", p, algo ? algo : "invalid",
		       key ? key : "");
		value = fdt_getprop(fit, node, "value", &len);
		if (value)
			printf("%sSign value:   %d bytes\n", p, len);
		else
			printf("%sSign value:   unavailable\n", p);
	}
}

void fit_print_image(const void *fit, const struct fit_image *img,
		     const char *p)
{
	const void *value;
	const char *algo;
	int node, len;

	printf("%sDescription:  %s\n", p, img->desc ? img->desc : "unavailable");
	printf("%sType:         %s\n", p, fit_type_name(img->type));
	printf("%sCompression:  %s\n", p, fit_type_name(img->comp));
	printf("%sData %s 0x%08llx\n", p, img->external ? "Position:" : "Start:   ",
	       (unsigned long long)(uintptr_t)img->data);
	printf("%sData Size:    %llu Bytes = %llu KiB\n", p,
	       (unsigned long long)img->size,
	       (unsigned long long)(img->size >> 10));
	if (img->arch)
		printf("%sArchitecture: %s\n", p, fit_type_name(img->arch));
	if (img->os)
		printf("%sOS:           %s\n", p, fit_type_name(img->os));
	if (img->has_load)
		printf("%sLoad Address: 0x%08llx\n", p,
		       (unsigned long long)img->load);
	if (img->has_entry)
		printf("%sEntry Point:  0x%08llx\n", p,
		       (unsigned long long)img->entry);
	fdt_for_each_subnode(node, fit, img->node) {
		if (!is_subnode_named(fit, node, "hash"))
			continue;
		algo = get_str(fit, node, "algo");
		printf("%sHash algo:    %s\n", p, algo ? algo : "invalid");
		value = fdt_getprop(fit, node, "value", &len);
		if (value && len <= 64) {
			printf("%sHash value:   ", p);
			print_hex_prop("", value, len);
		}
	}
	print_sigs(fit, img->node, p);
}

static void print_ref(const void *fit, int conf, const char *prop,
		      const char *label)
{
	const char *s;
	int i, n = fdt_stringlist_count(fit, conf, prop);

	for (i = 0; i < n && i < FIT_MAX_IMAGES; i++) {
		s = fdt_stringlist_get(fit, conf, prop, i, NULL);
		if (s)
			printf("     %s%s\n", i ? "              " : label, s);
	}
}

void fit_print(const void *fit)
{
	struct fit_image img;
	const char *desc, *why, *def;
	int images, confs, node, i = 0;

	desc = get_str(fit, 0, "description");
	printf("   FIT description: %s\n", desc ? desc : "unavailable");
	images = fdt_path_offset(fit, "/images");
	fdt_for_each_subnode(node, fit, images) {
		printf("    Image %d (%s)\n", i++, fdt_get_name(fit, node, NULL));
		if (fit_image_get(fit, node, &img, &why))
			printf("     %s\n", why);
		else
			fit_print_image(fit, &img, "     ");
	}
	confs = fdt_path_offset(fit, "/configurations");
	if (confs < 0)
		return;
	def = get_str(fit, confs, "default");
	if (def)
		printf("    Default Configuration: '%s'\n", def);
	i = 0;
	fdt_for_each_subnode(node, fit, confs) {
		desc = get_str(fit, node, "description");
		printf("    Configuration %d (%s)\n", i++,
		       fdt_get_name(fit, node, NULL));
		printf("     Description:  %s\n", desc ? desc : "unavailable");
		print_ref(fit, node, "kernel", "Kernel:       ");
		print_ref(fit, node, "ramdisk", "Init Ramdisk: ");
		print_ref(fit, node, "fdt", "FDT:          ");
		print_ref(fit, node, "loadables", "Loadables:    ");
		print_ref(fit, node, "script", "Script:       ");
		print_sigs(fit, node, "     ");
	}
}

/* --- scripts (source) ---------------------------------------------------- */

int fit_script(uint64_t addr, uint64_t avail, const char *name,
	       const char **script, size_t *len)
{
	const void *fit = (const void *)(uintptr_t)addr;
	struct fit_image img;
	const char *why;
	uint64_t extent;
	int conf, err;

	err = fit_open(fit, avail, &extent, &why);
	if (!err && name && *name) {
		if (fit_key_required("conf")) {
			why = "a key requires signed configurations: run the default one's script";
			err = -EPERM;
		} else {
			err = fit_image_find(fit, name, &img, &why);
		}
	} else if (!err) {
		err = fit_conf_find(fit, NULL, &conf, &why);
		if (!err)
			err = fit_conf_verify(fit, conf, "   Verifying Hash Integrity ... ",
					      &why);
		if (!err && fit_conf_image(fit, conf, "script", 0, &img, &why)) {
			why = "the default configuration has no script";
			err = -ENOENT;
		}
	}
	if (!err && (!img.type || strcmp(img.type, "script") ||
		     (img.comp && strcmp(img.comp, "none")))) {
		why = "the image is not an uncompressed script";
		err = -ENOEXEC;
	}
	if (!err)
		err = fit_image_verify(fit, &img, "   Verifying Hash Integrity ... ",
				       &why);
	if (err) {
		printf("%s\n", why);
		return err;
	}
	*script = (const char *)img.data;
	*len = img.size;
	return 0;
}
