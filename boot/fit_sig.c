// SPDX-License-Identifier: MIT
/*
 * fit_sig.c - verified boot for FIT images, as U-Boot's
 * (doc/usage/fit/signature.rst): RSA PKCS#1 v1.5 signatures of
 * configurations (over the tree's signed regions, computed here from
 * the configuration itself) and of images (over their data), checked
 * with BearSSL against the public keys mkimage -K writes: built in
 * (make KEYS=keys.dtb) or given as the fw_cfg file opt/virtboot/keys.
 */
#include <bearssl/bearssl_hash.h>
#include <bearssl/bearssl_rsa.h>
#include <dt.h>
#include <errno.h>
#include <fit.h>
#include <fw_cfg.h>
#include <hash.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

#define KEYS_FILE	"opt/virtboot/keys"
#define KEYS_MAX	(64 * 1024)
#define MAX_NODES	64	/* paths in a configuration's signed set */
#define MAX_DEPTH	32
#define PATH_MAX_LEN	256

/* The tree `make KEYS=` built in (empty without), from the link. */
extern const uint8_t fit_builtin_keys[], fit_builtin_keys_end[];

static const void *keyring[2];
static int nkeys = -1;

static bool keys_ok(const void *blob, size_t len, const char *what)
{
	if (dt_check_full(blob, len)) {
		printf("fit: %s are not a device tree: ignored\n", what);
		return false;
	}
	return true;
}

static void *fw_cfg_keys(void)
{
	const struct fw_cfg_file *f;
	void *buf;

	if (!IS_ENABLED(CONFIG_FW_CFG) || !(f = fw_cfg_find(KEYS_FILE)))
		return NULL;
	if (f->size > KEYS_MAX) {
		printf("fit: %s is %u bytes, more than %u: ignored\n",
		       KEYS_FILE, f->size, KEYS_MAX);
		return NULL;
	}
	buf = malloc(f->size ? f->size : 1);
	if (!buf)
		return NULL;
	if (fw_cfg_read_file(KEYS_FILE, 0, buf, f->size) ||
	    !keys_ok(buf, f->size, "the keys in fw_cfg " KEYS_FILE)) {
		free(buf);
		return NULL;
	}
	return buf;
}

void fit_keys_forget(void)
{
	if (nkeys > 0 && keyring[nkeys - 1] != fit_builtin_keys)
		free((void *)keyring[nkeys - 1]);
	nkeys = -1;
}

const void *const *fit_keys(int *n)
{
	size_t len = fit_builtin_keys_end - fit_builtin_keys;

	if (nkeys < 0) {
		nkeys = 0;
		if (len && keys_ok(fit_builtin_keys, len, "the built-in keys"))
			keyring[nkeys++] = fit_builtin_keys;
		keyring[nkeys] = fw_cfg_keys();
		if (keyring[nkeys])
			nkeys++;
	}
	*n = nkeys;
	return keyring;
}

/* --- small helpers ------------------------------------------------------- */

static const char *get_str(const void *fdt, int node, const char *prop)
{
	int len;
	const char *s = fdt_getprop(fdt, node, prop, &len);

	if (!s || len < 1 || s[len - 1] || strlen(s) != (size_t)len - 1)
		return NULL;
	return s;
}

static bool has_prefix(const void *fdt, int node, const char *prefix)
{
	const char *name = fdt_get_name(fdt, node, NULL);

	return name && !strncmp(name, prefix, strlen(prefix));
}

/* The key node named key-<hint> in blob, or negative. */
static int key_by_hint(const void *blob, const char *hint)
{
	char name[80];
	int sig = fdt_subnode_offset(blob, 0, "signature"), key;

	if (sig < 0 || !hint)
		return -ENOENT;
	snprintf(name, sizeof(name), "key-%s", hint);
	key = fdt_subnode_offset(blob, sig, name);
	if (key < 0 || strcmp(fdt_get_name(blob, key, NULL), name))
		return -ENOENT;
	return key;
}

static const char *key_name(const void *blob, int key)
{
	const char *hint = get_str(blob, key, "key-name-hint");

	return hint ? hint : fdt_get_name(blob, key, NULL);
}

/* "sha256,rsa2048" -> the hash and the key's bits. */
static int parse_algo(const char *algo, const struct hash_algo **hash,
		      unsigned int *bits, const char **why)
{
	char name[16];
	const char *comma = algo ? strchr(algo, ',') : NULL;
	size_t n = comma ? (size_t)(comma - algo) : 0;

	if (!comma || n >= sizeof(name) || strncmp(comma + 1, "rsa", 3)) {
		*why = "unsupported signature algorithm (RSA only)";
		return -ENOTSUP;
	}
	memcpy(name, algo, n);
	name[n] = '\0';
	*hash = hash_find(name);
	*bits = strtoul(comma + 4, NULL, 10);
	if (!*hash || !strcmp(name, "crc32") ||
	    (*bits != 2048 && *bits != 3072 && *bits != 4096)) {
		*why = "unsupported signature algorithm";
		return -ENOTSUP;
	}
	return 0;
}

int fit_rsa_verify(const void *keys, int key, const char *hash,
		   const uint8_t *digest, size_t dlen, const uint8_t *value,
		   size_t vlen, const char **why)
{
	static const struct { const char *name; const unsigned char *oid; } oids[] = {
		{ "sha1", BR_HASH_OID_SHA1 }, { "sha256", BR_HASH_OID_SHA256 },
		{ "sha384", BR_HASH_OID_SHA384 }, { "sha512", BR_HASH_OID_SHA512 },
	};
	unsigned char e_buf[8], out[HASH_MAX_DIGEST];
	const unsigned char *oid = NULL;
	const uint8_t *mod, *exp;
	br_rsa_public_key pk;
	int mlen, elen;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(oids); i++)
		if (!strcmp(oids[i].name, hash))
			oid = oids[i].oid;
	mod = fdt_getprop(keys, key, "rsa,modulus", &mlen);
	exp = fdt_getprop(keys, key, "rsa,exponent", &elen);
	if (!oid || !mod || mlen < 64 || mlen > 512 || (exp && elen != 8)) {
		*why = "the key is not a usable RSA public key";
		return -EINVAL;
	}
	if (!exp) {
		static const uint8_t f4[8] = { 0, 0, 0, 0, 0, 1, 0, 1 };

		exp = f4;
	}
	memcpy(e_buf, exp, 8);
	for (i = 0; i < 7 && !e_buf[i]; i++)
		;
	pk = (br_rsa_public_key){ .n = (unsigned char *)mod, .nlen = mlen,
				  .e = e_buf + i, .elen = 8 - i };
	if (vlen != (size_t)mlen) {
		*why = "the signature's length is not the key's";
		return -EBADMSG;
	}
	if (!br_rsa_i31_pkcs1_vrfy(value, vlen, oid, dlen, &pk, out) ||
	    memcmp(out, digest, dlen)) {
		*why = "the signature does not verify";
		return -EBADMSG;
	}
	return 0;
}

/* --- the signed regions of a configuration ------------------------------- */

struct node_set {
	char buf[MAX_NODES * 64];
	const char *path[MAX_NODES];
	size_t used;
	int n;
};

static int set_add(struct node_set *s, const char *a, const char *b,
		   const char *c)
{
	int len = snprintf(s->buf + s->used, sizeof(s->buf) - s->used,
			   "%s%s%s", a, b, c);

	if (s->n >= MAX_NODES || len < 0 ||
	    (size_t)len >= sizeof(s->buf) - s->used)
		return -ENOSPC;
	s->path[s->n++] = s->buf + s->used;
	s->used += len + 1;
	return 0;
}

static bool set_has(const struct node_set *s, const char *path)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->path[i], path))
			return true;
	return false;
}

/* The props of the configuration whose images are signed. */
static int sign_images(const void *fit, int sig, const char **list,
		       int *len, bool *optional)
{
	static const char def[] = "kernel\0fdt\0ramdisk";
	const char *p = fdt_getprop(fit, sig, "sign-images", len);

	*optional = !p;
	if (!p) {
		*list = def;
		*len = sizeof(def);
		return 0;
	}
	if (*len < 1 || p[*len - 1])
		return -EBADMSG;
	*list = p;
	return 0;
}

/* "/", the configuration and every image it names in sign-images with
 * their hash nodes (U-Boot's list; the signature's own hashed-nodes is
 * not signed and so not trusted). */
static int signed_nodes(const void *fit, int conf, int sig,
			struct node_set *s, const char **why)
{
	const char *list, *prop, *name, *cname = fdt_get_name(fit, conf, NULL);
	int len, i, n, images, img, sub, count = 0, at;
	bool optional;

	s->n = 0;
	s->used = 0;
	images = fdt_path_offset(fit, "/images");
	if (sign_images(fit, sig, &list, &len, &optional) || images < 0 ||
	    set_add(s, "/", "", "") ||
	    set_add(s, "/configurations/", cname, "")) {
		*why = "the signature's sign-images list is bad";
		return -EBADMSG;
	}
	for (prop = list; prop < list + len; prop += strlen(prop) + 1) {
		/* A part the configuration does not have is skipped, as
		 * mkimage skips it when signing. */
		n = fdt_stringlist_count(fit, conf, prop);
		if (n <= 0)
			continue;
		for (i = 0; i < n; i++) {
			name = fdt_stringlist_get(fit, conf, prop, i, NULL);
			img = name ? fdt_subnode_offset(fit, images, name) : -1;
			if (img < 0 || strcmp(fdt_get_name(fit, img, NULL), name)) {
				*why = "the configuration names an image the FIT does not have";
				return -ENOENT;
			}
			if (set_add(s, "/images/", name, "")) {
				*why = "too many signed nodes";
				return -ENOSPC;
			}
			count = 0;
			at = s->n - 1;
			fdt_for_each_subnode(sub, fit, img) {
				if (!has_prefix(fit, sub, "hash"))
					continue;
				count++;
				if (set_add(s, s->path[at], "/",
					    fdt_get_name(fit, sub, NULL))) {
					*why = "too many signed nodes";
					return -ENOSPC;
				}
			}
			if (!count) {
				*why = "a signed image has no hash node";
				return -ENOMSG;
			}
		}
	}
	return 0;
}

static bool excluded_prop(const char *name)
{
	return !strcmp(name, "data") || !strcmp(name, "data-size") ||
	       !strcmp(name, "data-position") || !strcmp(name, "data-offset");
}

int fit_sig_regions(const void *fit, int conf, int sig,
		    void (*fn)(void *arg, const void *buf, size_t len),
		    void *arg, const char **why)
{
	static struct node_set set;
	const uint8_t *base = (const uint8_t *)fit + fdt_off_dt_struct(fit);
	int next = 0, off, start = -1, depth = -1, want = 0, include, stop;
	int stack[MAX_DEPTH], len;
	const struct fdt_property *prop;
	const uint32_t *hs;
	char path[PATH_MAX_LEN];
	uint32_t tag, nameoff, strsize;
	const char *name;
	bool expect_end = false;
	size_t plen = 0;
	int err;

	err = signed_nodes(fit, conf, sig, &set, why);
	if (err)
		return err;
	hs = fdt_getprop(fit, sig, "hashed-strings", &len);
	if (!hs || len < 8 || fdt32_to_cpu(hs[0]) ||
	    fdt32_to_cpu(hs[1]) > fdt_size_dt_strings(fit)) {
		*why = "the signature's hashed-strings is missing or out of bounds";
		return -EBADMSG;
	}
	strsize = fdt32_to_cpu(hs[1]);
	path[0] = '\0';
	do {
		off = next;
		tag = fdt_next_tag(fit, off, &next);
		if (next < 0 || (expect_end && tag != FDT_END))
			goto bad;
		stop = next;
		include = 0;
		switch (tag) {
		case FDT_PROP:
			prop = fdt_get_property_by_offset(fit, off, NULL);
			if (!prop)
				goto bad;
			nameoff = fdt32_to_cpu(prop->nameoff);
			name = fdt_string(fit, nameoff);
			if (!name)
				goto bad;
			include = want >= 2 && !excluded_prop(name);
			stop = off;
			/* A signed property's name must be in the signed
			 * strings, or it could be renamed unnoticed. */
			if (include && (nameoff >= strsize ||
					strnlen(name, strsize - nameoff) ==
					strsize - nameoff)) {
				*why = "a signed property's name lies outside the signed strings";
				return -EBADMSG;
			}
			break;
		case FDT_NOP:
			include = want >= 2;
			stop = off;
			break;
		case FDT_BEGIN_NODE:
			if (++depth >= MAX_DEPTH)
				goto bad;
			name = fdt_get_name(fit, off, &len);
			if (!name || (!depth && *name) ||
			    plen + 2 + len >= sizeof(path))
				goto bad;
			if (plen != 1)
				path[plen++] = '/';
			memcpy(path + plen, name, len);
			plen += len;
			path[plen] = '\0';
			stack[depth] = want;
			if (want == 1)
				stop = off;
			if (set_has(&set, path))
				want = 2;
			else if (want)
				want--;
			else
				stop = off;
			include = want;
			break;
		case FDT_END_NODE:
			if (depth < 0)
				goto bad;
			include = want;
			want = stack[depth--];
			while (plen > 0 && path[--plen] != '/')
				;
			path[plen] = '\0';
			expect_end = depth < 0;
			break;
		case FDT_END:
			include = 1;
			break;
		default:
			goto bad;
		}
		if (include && start < 0)
			start = off;
		if (!include && start >= 0) {
			fn(arg, base + start, stop - start);
			start = -1;
		}
	} while (tag != FDT_END);
	if ((uint32_t)next != fdt_size_dt_struct(fit) || start < 0)
		goto bad;
	fn(arg, base + start, next - start);
	fn(arg, (const uint8_t *)fit + fdt_off_dt_strings(fit), strsize);
	return 0;
bad:
	*why = "the FIT's structure cannot be walked for its signature";
	return -EBADMSG;
}

/* --- checking signatures ------------------------------------------------- */

static void hash_region(void *arg, const void *buf, size_t len)
{
	hash_update(arg, buf, len);
}

/* One signature node against one key: over the configuration's regions
 * (conf >= 0) or the image's data. */
static int check_sig(const void *fit, int sig, int conf,
		     const struct fit_image *img, const void *keys, int key,
		     const char **why)
{
	uint8_t digest[HASH_MAX_DIGEST];
	const struct hash_algo *hash;
	const char *algo = get_str(fit, sig, "algo");
	const char *pad = get_str(fit, sig, "padding");
	const uint32_t *kbits;
	struct hash_ctx ctx;
	const uint8_t *value;
	unsigned int bits;
	int len, err;

	err = parse_algo(algo, &hash, &bits, why);
	if (err)
		return err;
	if (pad && strcmp(pad, "pkcs-1.5")) {
		*why = "unsupported signature padding (pkcs-1.5 only)";
		return -ENOTSUP;
	}
	kbits = fdt_getprop(keys, key, "rsa,num-bits", &len);
	if (kbits && (len != 4 || fdt32_to_cpu(*kbits) != bits)) {
		*why = "the key's size is not the signature's";
		return -EBADMSG;
	}
	value = fdt_getprop(fit, sig, "value", &len);
	if (!value) {
		*why = "the signature has no value";
		return -EBADMSG;
	}
	hash_init(&ctx, hash);
	if (conf >= 0) {
		err = fit_sig_regions(fit, conf, sig, hash_region, &ctx, why);
		if (err)
			return err;
	} else {
		hash_update(&ctx, img->data, img->size);
	}
	hash_final(&ctx, digest);
	return fit_rsa_verify(keys, key, hash_name(hash), digest,
			      hash_digest_size(hash), value, len, why);
}

static void say_sig(const void *fit, int sig, const char *mark)
{
	const char *algo = get_str(fit, sig, "algo");
	const char *hint = get_str(fit, sig, "key-name-hint");

	printf("%s:%s%s ", algo ? algo : "?", hint ? hint : "", mark);
}

/*
 * The next key required for kind ("conf" or "image"): keys[*k]'s node
 * *key under /signature. Start with *k = 0, *key = -1; false at the end.
 */
static bool next_required(const void *const *keys, int nk, const char *kind,
			  int *k, int *key)
{
	const char *req;
	int sigs;

	for (; *k < nk; (*k)++, *key = -1) {
		sigs = fdt_subnode_offset(keys[*k], 0, "signature");
		if (sigs < 0)
			continue;
		*key = *key < 0 ? fdt_first_subnode(keys[*k], sigs) :
				  fdt_next_subnode(keys[*k], *key);
		for (; *key >= 0; *key = fdt_next_subnode(keys[*k], *key)) {
			req = get_str(keys[*k], *key, "required");
			if (req && !strcmp(req, kind))
				return true;
		}
	}
	return false;
}

/*
 * The signatures under parent (a configuration, or an image when conf
 * is negative) against the keys: every key required for `kind` must
 * verify one of them; signatures by other known keys must verify too.
 */
static int check_sigs(const void *fit, int parent, int conf,
		      const struct fit_image *img, const char *kind,
		      const char *what, const char **why)
{
	static char msg[160];
	const void *const *keys;
	const char *hint, *fail = NULL;
	int nk, k, key, sig, err, nsig = 0, ok, i, ndone = 0;
	struct { int k, key; } done[8];	/* verified in the first pass */
	bool any = false, hint_seen;

	keys = fit_keys(&nk);
	/* Signatures whose key we know (by key-name-hint). */
	fdt_for_each_subnode(sig, fit, parent) {
		if (!has_prefix(fit, sig, "signature"))
			continue;
		nsig++;
		hint = get_str(fit, sig, "key-name-hint");
		for (k = 0; k < nk; k++) {
			key = key_by_hint(keys[k], hint);
			if (key < 0)
				continue;
			err = check_sig(fit, sig, conf, img, keys[k], key, why);
			say_sig(fit, sig, err ? "-" : "+");
			if (err) {
				snprintf(msg, sizeof(msg),
					 "%s: signature by key '%s' is bad: %s",
					 what, hint, *why);
				*why = msg;
				return -EPERM;
			}
			any = true;
			if (ndone < (int)ARRAY_SIZE(done)) {
				done[ndone].k = k;
				done[ndone++].key = key;
			}
			break;
		}
	}
	/* Every required key: one signature must verify with it. */
	for (k = 0, key = -1; next_required(keys, nk, kind, &k, &key); ) {
		ok = 0;
		hint_seen = false;
		/* Verified above already: not hashed again. */
		for (i = 0; i < ndone; i++)
			ok |= done[i].k == k && done[i].key == key;
		fdt_for_each_subnode(sig, fit, parent) {
			if (ok)
				break;
			if (!has_prefix(fit, sig, "signature"))
				continue;
			hint = get_str(fit, sig, "key-name-hint");
			hint_seen |= hint && !strcmp(hint, key_name(keys[k], key));
			if (!check_sig(fit, sig, conf, img, keys[k], key,
				       &fail)) {
				ok = 1;
				break;
			}
		}
		if (ok)
			continue;
		if (!any)
			printf("- ");
		if (!nsig)
			snprintf(msg, sizeof(msg),
				 "%s is not signed, and key '%s' is required",
				 what, key_name(keys[k], key));
		else if (!hint_seen)
			snprintf(msg, sizeof(msg),
				 "%s is not signed by required key '%s' (signed by an unknown key)",
				 what, key_name(keys[k], key));
		else
			snprintf(msg, sizeof(msg),
				 "%s: signature does not verify with required key '%s' (%s)",
				 what, key_name(keys[k], key),
				 fail ? fail : "");
		*why = msg;
		return -EPERM;
	}
	return 0;
}

int fit_image_check_sigs(const void *fit, const struct fit_image *img,
			 const char **why)
{
	char what[80];

	snprintf(what, sizeof(what), "image '%s'", img->name);
	return check_sigs(fit, img->node, -1, img, "image", what, why);
}

bool fit_key_required(const char *kind)
{
	const void *const *keys;
	int nk, k = 0, key = -1;

	keys = fit_keys(&nk);
	return next_required(keys, nk, kind, &k, &key);
}

int fit_conf_verify(const void *fit, int conf, const char *lead,
		    const char **why)
{
	static const char *const used[] = { "kernel", "ramdisk", "fdt" };
	static char msg[120];
	const char *cname = fdt_get_name(fit, conf, NULL), *list;
	char what[80];
	bool has_sig = false, optional;
	int sig, len, err;
	size_t i;

	fdt_for_each_subnode(sig, fit, conf)
		has_sig |= has_prefix(fit, sig, "signature");
	if (!has_sig && !fit_key_required("conf"))
		return 0;
	printf("%s", lead);
	snprintf(what, sizeof(what), "configuration '%s'", cname);
	err = check_sigs(fit, conf, conf, NULL, "conf", what, why);
	if (err) {
		printf("error!\n");
		return err;
	}
	/* What bootm uses must be among what was signed. */
	fdt_for_each_subnode(sig, fit, conf) {
		if (!has_prefix(fit, sig, "signature") ||
		    sign_images(fit, sig, &list, &len, &optional))
			continue;
		for (i = 0; i < ARRAY_SIZE(used); i++) {
			const char *p;
			bool found = false;

			if (!fdt_getprop(fit, conf, used[i], NULL))
				continue;
			for (p = list; p < list + len; p += strlen(p) + 1)
				found |= !strcmp(p, used[i]);
			if (!found) {
				printf("error!\n");
				snprintf(msg, sizeof(msg),
					 "%s: its %s is not covered by its signature",
					 what, used[i]);
				*why = msg;
				return -EPERM;
			}
		}
	}
	printf("OK\n");
	return 0;
}
