/* SPDX-License-Identifier: MIT */
/*
 * fit.h - U-Boot's Flattened Image Tree (doc/usage/fit/source_file_format
 * .rst): a device tree holding images (kernel, ramdisk, fdt, script...)
 * with hash and signature nodes, and configurations naming them. A FIT
 * comes from the payload, so every offset, size, string and reference
 * in it is checked before use; hashes and signatures (fit_sig.c, with
 * the keys mkimage -K writes) are checked before anything is placed.
 */
#ifndef FIT_H
#define FIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FIT_MAX_IMAGES	64	/* images and configurations each */

/* One image node, its data located and bounded. */
struct fit_image {
	int node;
	const char *name;
	const char *desc, *type, *os, *arch, *comp;	/* NULL when absent */
	const uint8_t *data;
	uint64_t size;
	bool external;		/* data-offset / data-position */
	bool has_load, has_entry;
	uint64_t load, entry;
};

/*
 * Whether buf (len bytes readable) starts like a FIT: a device-tree
 * header with an /images node. Cheap; fit_open() does the checks.
 */
bool fit_is_fit(const void *buf, size_t len);

/*
 * Check a FIT at fit with avail bytes of RAM behind it: an 8-byte
 * aligned, complete and well-formed tree (fdt_check_full) inside avail,
 * /images present, at most FIT_MAX_IMAGES images and configurations,
 * every image's data (embedded, or external by data-offset/-position
 * and data-size) inside avail and past the tree, no two overlapping.
 * *extent gets the bytes from fit to the end of the last data. 0, or a
 * negative errno with *why set.
 */
int fit_open(const void *fit, uint64_t avail, uint64_t *extent,
	     const char **why);

/* The image node called name (exactly: no unit-address matching) and
 * its properties. -ENOENT or another errno with *why. */
int fit_image_find(const void *fit, const char *name, struct fit_image *img,
		   const char **why);
int fit_image_get(const void *fit, int node, struct fit_image *img,
		  const char **why);

/* The configuration called name, or the default one (name NULL or
 * empty). Names with '@' are refused, as U-Boot does. */
int fit_conf_find(const void *fit, const char *name, int *conf,
		  const char **why);
/* The index-th image the configuration names in prop ("kernel",
 * "ramdisk", "fdt", "script"...; only "fdt" may name several: the base
 * tree, then overlays): 0, -ENOENT when the configuration has no such
 * property or index is past its names, -EBADMSG or -EINVAL (said in
 * *why) when it names a missing image or more than one where one is
 * expected. */
int fit_conf_image(const void *fit, int conf, const char *prop, int index,
		   struct fit_image *img, const char **why);

/*
 * Verify the image's hash nodes (crc32, sha1, sha256, sha384, sha512),
 * printing lead, then U-Boot's "algo+ " for each and "OK" or "error!", and its signatures when a key
 * asks for them. 0, or an errno with *why naming the node.
 */
int fit_image_verify(const void *fit, const struct fit_image *img,
		     const char *lead, const char **why);
/* The same for the configuration's signatures against the keys (lead
 * and the line only when it has signatures or a key requires them). */
int fit_conf_verify(const void *fit, int conf, const char *lead,
		    const char **why);

/* iminfo's listing: images, configurations, hashes, signatures. */
void fit_print(const void *fit);
void fit_print_image(const void *fit, const struct fit_image *img,
		     const char *indent);

/* Human names, as U-Boot prints them ("Kernel Image", "AArch64"...). */
const char *fit_type_name(const char *type);

/* The script image name names in the FIT at addr (avail bytes of RAM),
 * or the default configuration's "script"; verified. Says why not. */
int fit_script(uint64_t addr, uint64_t avail, const char *name,
	       const char **script, size_t *len);

/* --- the boot (bootm) ---------------------------------------------------- */

#define BOOTM_OVERLAYS_MAX	8

struct bootm_spec {
	uint64_t hold, hold_size;	/* kept while booting (the FIT) */
	const uint8_t *kernel;
	uint64_t kernel_size;
	bool gzip;
	bool has_load;			/* load is the image's wish */
	uint64_t load;
	const uint8_t *initrd;		/* NULL: none */
	uint64_t initrd_size;
	const void *fdt;		/* NULL: the live tree */
	uint64_t fdt_size;
	/* The configuration's overlays, applied in order to a copy of fdt. */
	const void *overlay[BOOTM_OVERLAYS_MAX];
	uint64_t overlay_size[BOOTM_OVERLAYS_MAX];
	const char *overlay_name[BOOTM_OVERLAYS_MAX];
	int noverlay;
	bool dry_run;
};

/*
 * Place and boot what bootm found: the region holding the image kept,
 * the kernel checked and copied to its load address when that is a
 * valid free place (else the one booti would pick), or inflated there,
 * the initrd left in place, the fdt copied to an aligned place (with
 * room for the overlays, applied there), then the common finish
 * (boot.h). Returns only on failure (said) or a dry run.
 */
int bootm_boot(const struct bootm_spec *s);

/* --- keys and signatures (fit_sig.c) ------------------------------------- */

/* The public-key trees: the one built in (make KEYS=) and the fw_cfg
 * file opt/virtboot/keys, each checked once. n gets how many. */
const void *const *fit_keys(int *n);
/* Read the key sources again at the next use. */
void fit_keys_forget(void);

/* The bytes of the configuration's signed regions, given to fn in
 * order, per U-Boot's fit_config_check_sig: the nodes "/", the
 * configuration, the images it names in sign-images (default kernel,
 * fdt, ramdisk) and their hash nodes, less the data properties, then
 * the strings block up to hashed-strings' size. Every property name
 * used must lie in that part. 0 or an errno with *why. */
int fit_sig_regions(const void *fit, int conf, int sig,
		    void (*fn)(void *arg, const void *buf, size_t len),
		    void *arg, const char **why);

/* Whether any key is marked required = kind ("conf" or "image"). */
bool fit_key_required(const char *kind);

/* An image's own signatures (signature-* nodes over its data), each
 * printed as "algo:key+ ": every key marked required = "image" must
 * have signed it; others are checked when their key is known. */
int fit_image_check_sigs(const void *fit, const struct fit_image *img,
			 const char **why);

/* RSA PKCS#1 v1.5 verification of value against digest (hash: "sha1",
 * "sha256"...) with the key node key of keys. */
int fit_rsa_verify(const void *keys, int key, const char *hash,
		   const uint8_t *digest, size_t dlen, const uint8_t *value,
		   size_t vlen, const char **why);

#endif
