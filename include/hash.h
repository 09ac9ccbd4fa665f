/* SPDX-License-Identifier: MIT */
/*
 * hash.h - the digests FIT images and the hash command use (crc32, sha1,
 * sha256, sha384, sha512: FIPS 180-4), streamed through one context.
 * SHA-256 runs on the ARMv8 SHA-2 instructions when the CPU has them,
 * else on BearSSL's portable code, as are the others.
 */
#ifndef HASH_H
#define HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HASH_MAX_DIGEST	64

struct hash_algo;

struct hash_ctx {
	const struct hash_algo *algo;
	/* Big enough for BearSSL's SHA-384/512 context (about 208 bytes)
	 * and our own SHA-256 one; checked at build time. */
	uint64_t state[32];
};

/* The algorithm called name ("crc32", "sha1", "sha256", "sha384",
 * "sha512"), or NULL. */
const struct hash_algo *hash_find(const char *name);
const char *hash_name(const struct hash_algo *algo);
/* Bytes of the digest (4 for crc32, which is big-endian as U-Boot
 * stores it). */
size_t hash_digest_size(const struct hash_algo *algo);

void hash_init(struct hash_ctx *ctx, const struct hash_algo *algo);
void hash_update(struct hash_ctx *ctx, const void *buf, size_t len);
/* Write the digest (hash_digest_size bytes) to out. */
void hash_final(struct hash_ctx *ctx, uint8_t *out);
/* All three for one buffer. */
void hash_block(const struct hash_algo *algo, const void *buf, size_t len,
		uint8_t *out);

/* Whether SHA-256 uses the ARMv8 instructions; hash_use_ce(false)
 * forces the portable code (for tests and comparisons), true uses the
 * instructions again if the CPU has them. */
bool hash_ce_active(void);
void hash_use_ce(bool on);

/* Lower-case hex of len bytes into out (2 * len + 1 bytes). */
void hash_hex(const uint8_t *digest, size_t len, char *out);

#endif
