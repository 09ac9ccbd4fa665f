// SPDX-License-Identifier: MIT
/*
 * hash.c - crc32 and the SHA family (FIPS 180-4) behind one streaming
 * context: BearSSL's portable code for SHA-1/384/512 and for SHA-256 on
 * a CPU without the ARMv8 SHA-2 instructions, our block function on
 * those instructions otherwise (sha256_ce.h).
 */
#include <bearssl/bearssl_hash.h>
#include <crc32.h>
#include <hash.h>
#include <sha256_ce.h>
#include <string.h>
#include <virtboot.h>

enum hash_kind { H_CRC32, H_SHA1, H_SHA256, H_SHA384, H_SHA512 };

struct hash_algo {
	const char *name;
	enum hash_kind kind;
	size_t size;
	const br_hash_class *br;	/* NULL: our own */
};

static const struct hash_algo algos[] = {
	{ "crc32", H_CRC32, 4, NULL },
	{ "sha1", H_SHA1, 20, &br_sha1_vtable },
	{ "sha256", H_SHA256, 32, &br_sha256_vtable },
	{ "sha384", H_SHA384, 48, &br_sha384_vtable },
	{ "sha512", H_SHA512, 64, &br_sha512_vtable },
};

/* SHA-256 on the instructions: the chaining value, a partial block and
 * the byte count (FIPS 180-4 5.1.1 padding in sha256_ce_final). */
struct sha256_ce_ctx {
	uint32_t h[8];
	uint8_t buf[64];
	uint64_t count;
};

_Static_assert(sizeof(br_sha512_context) <= sizeof(((struct hash_ctx *)0)->state),
	       "hash_ctx too small for BearSSL's SHA-512");
_Static_assert(sizeof(struct sha256_ce_ctx) <= sizeof(((struct hash_ctx *)0)->state),
	       "hash_ctx too small for SHA-256");

static int ce_state = -1;	/* -1: not asked yet */

bool hash_ce_active(void)
{
	if (ce_state < 0)
		ce_state = sha256_ce_present();
	return ce_state;
}

void hash_use_ce(bool on)
{
	ce_state = on && sha256_ce_present();
}

const struct hash_algo *hash_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(algos) / sizeof(algos[0]); i++)
		if (!strcmp(algos[i].name, name))
			return &algos[i];
	return NULL;
}

const char *hash_name(const struct hash_algo *algo)
{
	return algo->name;
}

size_t hash_digest_size(const struct hash_algo *algo)
{
	return algo->size;
}

/* The context's first word tells which SHA-256 code it runs: a BearSSL
 * context starts with its vtable pointer, ours is marked by algo. */
static bool uses_ce(const struct hash_ctx *ctx)
{
	return ctx->algo->kind == H_SHA256 && ctx->state[31] == 1;
}

void hash_init(struct hash_ctx *ctx, const struct hash_algo *algo)
{
	static const uint32_t sha256_iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memset(ctx, 0, sizeof(*ctx));
	ctx->algo = algo;
	if (algo->kind == H_SHA256 && hash_ce_active()) {
		struct sha256_ce_ctx *c = (void *)ctx->state;

		memcpy(c->h, sha256_iv, sizeof(c->h));
		ctx->state[31] = 1;
	} else if (algo->br) {
		algo->br->init((const br_hash_class **)ctx->state);
	}
}

static void ce_update(struct sha256_ce_ctx *c, const uint8_t *p, size_t len)
{
	size_t fill = c->count & 63, n;

	c->count += len;
	if (fill) {
		n = 64 - fill < len ? 64 - fill : len;
		memcpy(c->buf + fill, p, n);
		p += n;
		len -= n;
		if (fill + n < 64)
			return;
		sha256_ce_blocks(c->h, c->buf, 1);
	}
	if (len >= 64) {
		sha256_ce_blocks(c->h, p, len / 64);
		p += len & ~(size_t)63;
		len &= 63;
	}
	memcpy(c->buf, p, len);
}

void hash_update(struct hash_ctx *ctx, const void *buf, size_t len)
{
	if (ctx->algo->kind == H_CRC32)
		ctx->state[0] = crc32((uint32_t)ctx->state[0], buf, len);
	else if (uses_ce(ctx))
		ce_update((void *)ctx->state, buf, len);
	else
		ctx->algo->br->update((const br_hash_class **)ctx->state, buf,
				      len);
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

void hash_final(struct hash_ctx *ctx, uint8_t *out)
{
	struct sha256_ce_ctx *c = (void *)ctx->state;
	uint8_t pad[72] = { 0x80 };
	uint64_t bits;
	size_t n;
	int i;

	if (ctx->algo->kind == H_CRC32) {
		put_be32(out, (uint32_t)ctx->state[0]);
	} else if (uses_ce(ctx)) {
		bits = c->count << 3;
		n = ((c->count & 63) < 56 ? 56 : 120) - (c->count & 63);
		for (i = 0; i < 8; i++)
			pad[n + i] = bits >> (56 - 8 * i);
		ce_update(c, pad, n + 8);
		for (i = 0; i < 8; i++)
			put_be32(out + 4 * i, c->h[i]);
	} else {
		ctx->algo->br->out((const br_hash_class **)ctx->state, out);
	}
}

void hash_block(const struct hash_algo *algo, const void *buf, size_t len,
		uint8_t *out)
{
	struct hash_ctx ctx;

	hash_init(&ctx, algo);
	hash_update(&ctx, buf, len);
	hash_final(&ctx, out);
}

void hash_hex(const uint8_t *digest, size_t len, char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[2 * len] = '\0';
}

/*
 * Debian builds BearSSL with _FORTIFY_SOURCE: its copies are checked,
 * and a failed check calls __chk_fail, whose picolibc version writes to
 * a file descriptor we do not have. Ours stops with the reason.
 */
void __chk_fail(void);
void __chk_fail(void)
{
	panic("buffer overflow detected in a checked copy");
}
