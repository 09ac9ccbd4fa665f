// SPDX-License-Identifier: MIT
/* test_fit.c - boot/fit.c and boot/fit_sig.c against FIT images made by
 * Debian's mkimage (mkfit.sh): images, configurations, hashes, signed
 * configurations accepted with the right key and refused when unsigned,
 * foreign-signed, mixed up or changed anywhere in what the signature
 * covers; truncated and damaged trees refused without a fault; and the
 * hashes against known answers. */
#include <errno.h>
#include <fit.h>
#include <hash.h>
#include <libfdt.h>
#include <stdint.h>

extern const void *unit_keys;
extern size_t unit_keys_len;

#define BUF_MAX (1 << 20)

static uint8_t *load(const char *name, size_t *len)
{
	char path[512];
	const char *dir = getenv("UNIT_IMAGES");
	uint8_t *buf = aligned_alloc(8, BUF_MAX);
	FILE *f;

	snprintf(path, sizeof(path), "%s/fit/%s", dir ? dir : ".", name);
	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		exit(1);
	}
	*len = fread(buf, 1, BUF_MAX, f);
	fclose(f);
	return buf;
}

static void use_keys(const void *keys, size_t len)
{
	unit_keys = keys;
	unit_keys_len = len;
	fit_keys_forget();
}

/* Open, pick the configuration, check its signature and its images'
 * hashes, as bootm does: 0 when all is well. */
static int check(const void *fit, size_t len, const char *conf_name)
{
	static const char *const kinds[] = { "kernel", "ramdisk", "fdt" };
	struct fit_image img;
	const char *why;
	uint64_t extent;
	int conf, err;
	size_t i;

	err = fit_open(fit, len, &extent, &why);
	if (!err)
		err = fit_conf_find(fit, conf_name, &conf, &why);
	if (!err)
		err = fit_conf_verify(fit, conf, "", &why);
	for (i = 0; !err && i < 3; i++) {
		err = fit_conf_image(fit, conf, kinds[i], 0, &img, &why);
		if (err == -ENOENT) {
			err = 0;
			continue;
		}
		if (!err)
			err = fit_image_verify(fit, &img, "", &why);
	}
	return err;
}

static void test_hashes(void)
{
	static const struct { const char *algo, *hex; } known[] = {
		{ "crc32", "352441c2" },
		{ "sha1", "a9993e364706816aba3e25717850c26c9cd0d89d" },
		{ "sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "sha384", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7" },
		{ "sha512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
	};
	uint8_t d[HASH_MAX_DIGEST];
	char hex[2 * HASH_MAX_DIGEST + 1];
	struct hash_ctx ctx;
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		const struct hash_algo *a = hash_find(known[i].algo);

		CHECK(a);
		hash_block(a, "abc", 3, d);
		hash_hex(d, hash_digest_size(a), hex);
		CHECK_STR(hex, known[i].hex);
		/* In pieces, the same. */
		hash_init(&ctx, a);
		hash_update(&ctx, "a", 1);
		hash_update(&ctx, "", 0);
		hash_update(&ctx, "bc", 2);
		hash_final(&ctx, d);
		hash_hex(d, hash_digest_size(a), hex);
		CHECK_STR(hex, known[i].hex);
	}
	CHECK(!hash_find("md5"));
}

static void test_listing(void)
{
	size_t len;
	uint8_t *fit = load("unsigned.fit", &len);
	struct fit_image img;
	const char *why;
	uint64_t extent;
	int conf;

	CHECK(fit_is_fit(fit, len));
	CHECK(!fit_open(fit, len, &extent, &why));
	CHECK(extent == fdt_totalsize(fit));
	CHECK(!fit_conf_find(fit, NULL, &conf, &why));
	CHECK_STR(fdt_get_name(fit, conf, NULL), "conf-1");
	CHECK(!fit_conf_image(fit, conf, "kernel", 0, &img, &why));
	CHECK_STR(img.name, "kernel-1");
	CHECK_STR(img.comp, "gzip");
	CHECK(img.has_load && img.load == 0x40400000);
	CHECK(fit_conf_image(fit, conf, "fdt", 0, &img, &why) == -ENOENT);
	CHECK(fit_conf_find(fit, "conf-9", &conf, &why) == -ENOENT);
	CHECK(fit_conf_find(fit, "conf@1", &conf, &why) == -EINVAL);
	/* "kernel" must not find "kernel-1"'s like through unit names. */
	CHECK(fit_image_find(fit, "kernel", &img, &why) == -ENOENT);
	fit_print(fit);
	CHECK(check(fit, len, NULL) == 0);
	CHECK(check(fit, len, "conf-2") == 0);
	free(fit);
}

static void test_external(void)
{
	size_t len;
	uint8_t *fit = load("external.fit", &len);
	struct fit_image img;
	const char *why;
	uint64_t extent;

	CHECK(!fit_open(fit, len, &extent, &why));
	CHECK(extent == len);
	CHECK(!fit_image_find(fit, "ramdisk-1", &img, &why));
	CHECK(img.external && img.size == 3000);
	CHECK(check(fit, len, NULL) == 0);
	/* The data must be there: one byte short is refused. */
	CHECK(fit_open(fit, len - 1, &extent, &why) == -ERANGE);
	free(fit);
}

static void test_truncated_and_damaged(void)
{
	size_t len, n, i;
	uint8_t *fit = load("signed.fit", &len);
	uint8_t *copy = aligned_alloc(8, BUF_MAX);
	const char *why;
	uint64_t extent;

	for (n = 0; n < len; n += (n < 256 ? 1 : 61)) {
		memcpy(copy, fit, n);
		CHECK(fit_open(copy, n, &extent, &why) != 0);
	}
	/* Older device-tree versions (libfdt 1.6.1's fdt_check_full reads
	 * through NULL on 2-15): refused before libfdt walks them. */
	for (n = 1; n < 17; n++) {
		memcpy(copy, fit, len);
		fdt_set_version(copy, n);
		CHECK(fit_open(copy, len, &extent, &why) == -EBADMSG);
	}
	/* Every byte of the tree flipped in turn: never a fault (ASan). */
	srand(1);
	for (i = 0; i < fdt_totalsize(fit); i += 3) {
		memcpy(copy, fit, len);
		copy[i] ^= 1 << (rand() % 8);
		check(copy, len, NULL);
		check(copy, len, "conf-2");
	}
	free(copy);
	free(fit);
}

/* Offsets of the bytes a configuration's signature covers. */
static uint8_t *covered;
static const uint8_t *cover_base;

static void mark(void *arg, const void *buf, size_t len)
{
	memset(covered + ((const uint8_t *)buf - cover_base), 1, len);
}

static void test_signatures(void)
{
	size_t len, klen, flen, i, n = 0;
	uint8_t *fit = load("signed.fit", &len);
	uint8_t *keys = load("keys.dtb", &klen);
	uint8_t *foreign = load("foreign.fit", &flen);
	uint8_t *copy = aligned_alloc(8, BUF_MAX);
	uint8_t *unsig;
	const char *why;
	int conf, sig;
	size_t ulen;

	use_keys(NULL, 0);
	CHECK(!fit_key_required("conf"));
	CHECK(check(fit, len, NULL) == 0);	/* no key: not checked */
	use_keys(keys, klen);
	CHECK(fit_key_required("conf"));
	CHECK(check(fit, len, NULL) == 0);
	CHECK(check(fit, len, "conf-2") == 0);
	CHECK(check(foreign, flen, NULL) == -EPERM);
	unsig = load("unsigned.fit", &ulen);
	CHECK(check(unsig, ulen, NULL) == -EPERM);
	free(unsig);

	/* Mix and match: conf-1 made to boot kernel-2. */
	CHECK(!fdt_open_into(fit, copy, BUF_MAX));
	CHECK(!fdt_setprop_string(copy, fdt_path_offset(copy,
			"/configurations/conf-1"), "kernel", "kernel-2"));
	CHECK(check(copy, fdt_totalsize(copy), NULL) == -EPERM);

	/* A signature's own hashed-strings cut short: refused. */
	memcpy(copy, fit, len);
	conf = fdt_path_offset(copy, "/configurations/conf-1");
	sig = fdt_subnode_offset(copy, conf, "signature-1");
	CHECK(!fdt_setprop_inplace_u64(copy, sig, "hashed-strings", 16));
	CHECK(check(copy, len, NULL) == -EPERM);

	/* Every covered byte of the tree, flipped: refused. */
	covered = calloc(1, len);
	cover_base = fit;
	conf = fdt_path_offset(fit, "/configurations/conf-1");
	sig = fdt_subnode_offset(fit, conf, "signature-1");
	CHECK(!fit_sig_regions(fit, conf, sig, mark, NULL, &why));
	for (i = 0; i < len; i++) {
		if (!covered[i])
			continue;
		n++;
		memcpy(copy, fit, len);
		copy[i] ^= 0x20;
		if (check(copy, len, NULL) == 0) {
			fprintf(stderr, "flipped covered byte 0x%zx accepted\n", i);
			CHECK(0);
		}
	}
	CHECK(n > 500);
	/* And every byte of the images' data. */
	for (i = fdt_off_dt_struct(fit); i < len; i += 7) {
		struct fit_image img;

		if (covered[i])
			continue;
		if (fit_image_find(fit, "kernel-1", &img, &why) ||
		    i < (size_t)(img.data - fit) ||
		    i >= (size_t)(img.data - fit) + img.size)
			continue;
		memcpy(copy, fit, len);
		copy[i] ^= 0x01;
		CHECK(check(copy, len, NULL) != 0);
	}
	free(covered);
	use_keys(NULL, 0);
	free(copy);
	free(foreign);
	free(keys);
	free(fit);
}

/* Images signed themselves, with a key required = "image": the signed
 * image passes, the unsigned ones and a changed one do not. */
static void test_image_signatures(void)
{
	size_t len, klen;
	uint8_t *fit = load("imgsig.fit", &len);
	uint8_t *keys = load("img-keys.dtb", &klen);
	struct fit_image img;
	const char *why;

	use_keys(keys, klen);
	CHECK(fit_key_required("image"));
	CHECK(!fit_key_required("conf"));
	CHECK(!fit_image_find(fit, "kernel-1", &img, &why));
	CHECK(fit_image_verify(fit, &img, "", &why) == 0);
	CHECK(!fit_image_find(fit, "ramdisk-1", &img, &why));
	CHECK(fit_image_verify(fit, &img, "", &why) == -EPERM);
	CHECK(!fit_image_find(fit, "kernel-1", &img, &why));
	((uint8_t *)img.data)[10] ^= 1;
	CHECK(fit_image_verify(fit, &img, "", &why) != 0);
	use_keys(NULL, 0);
	free(keys);
	free(fit);
}

/* What the code prints is for a console; the checks say what failed. */
static void quiet(void)
{
	if (!freopen("/dev/null", "w", stdout))
		exit(1);
}

UNIT_MAIN(quiet(); test_hashes(); test_listing(); test_external();
	  test_truncated_and_damaged(); test_signatures();
	  test_image_signatures())
