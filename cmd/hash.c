// SPDX-License-Identifier: MIT
/*
 * hash - digest of a memory range, as U-Boot's: hash [-v] algo addr len
 * [[*]dest|expected]; "algo for <start> ... <end> ==> <hex>", the digest
 * stored raw at *addr or as hex in a variable; -v compares with the
 * digest at *addr, in a variable or given in hex. "hash ce [on|off]"
 * shows or switches the ARMv8 SHA-2 instructions (off: portable code).
 */
#include <command.h>
#include <ctype.h>
#include <env.h>
#include <hash.h>
#include <string.h>
#include <virtboot.h>

static void show(const struct hash_algo *algo, uint64_t addr, uint64_t len,
		 const uint8_t *digest)
{
	char hex[2 * HASH_MAX_DIGEST + 1];

	hash_hex(digest, hash_digest_size(algo), hex);
	printf("%s for %08llx ... %08llx ==> %s", hash_name(algo),
	       (unsigned long long)addr,
	       (unsigned long long)(addr + len - (len ? 1 : 0)), hex);
}

static int unhex(const char *s, uint8_t *out, size_t n)
{
	size_t i;
	int hi, lo;

	if (strlen(s) != 2 * n)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (!isxdigit((unsigned char)s[2 * i]) ||
		    !isxdigit((unsigned char)s[2 * i + 1]))
			return -EINVAL;
		hi = isdigit((unsigned char)s[2 * i]) ? s[2 * i] - '0' :
			(tolower((unsigned char)s[2 * i]) - 'a' + 10);
		lo = isdigit((unsigned char)s[2 * i + 1]) ? s[2 * i + 1] - '0' :
			(tolower((unsigned char)s[2 * i + 1]) - 'a' + 10);
		out[i] = hi << 4 | lo;
	}
	return 0;
}

/* The expected digest: *addr in memory, hex given, or a variable's hex. */
static int expected(const char *arg, size_t n, uint8_t *out)
{
	const char *val;
	uint64_t addr;

	if (*arg == '*') {
		if (parse_hex(arg + 1, &addr))
			return cmd_bad_number("hash", arg + 1);
		if (cmd_range("hash", addr, n, 1, &addr))
			return -EFAULT;
		parse_hex(arg + 1, &addr);
		memcpy(out, (const void *)(uintptr_t)addr, n);
		return 0;
	}
	val = strlen(arg) == 2 * n ? arg : env_get(arg);
	if (!val || unhex(val, out, n)) {
		printf("hash: '%s' is not a %zu-byte digest or a variable holding one\n",
		       arg, n);
		return -ERANGE;
	}
	return 0;
}

static int do_ce(int argc, char *argv[])
{
	if (argc > 2)
		hash_use_ce(!strcmp(argv[2], "on"));
	printf("sha256: %s\n", hash_ce_active() ? "ARMv8 SHA-2 instructions" :
	       "portable code");
	return argc > 2 && strcmp(argv[2], "on") && strcmp(argv[2], "off") ?
	       -EINVAL : 0;
}

static int do_hash(int argc, char *argv[])
{
	uint8_t digest[HASH_MAX_DIGEST], want[HASH_MAX_DIGEST];
	char hex[2 * HASH_MAX_DIGEST + 1];
	const struct hash_algo *algo;
	uint64_t addr, len, store;
	bool verify = false;
	size_t n;
	int err;

	if (argc > 1 && !strcmp(argv[1], "ce"))
		return do_ce(argc, argv);
	if (argc > 1 && !strcmp(argv[1], "-v")) {
		verify = true;
		argc--;
		argv++;
	}
	if (argc < 4 || argc > 5 || (verify && argc != 5))
		return -EINVAL;
	algo = hash_find(argv[1]);
	if (!algo) {
		printf("Unknown hash algorithm '%s'\n", argv[1]);
		return -ENOENT;
	}
	n = hash_digest_size(algo);
	if (parse_hex(argv[2], &addr))
		return cmd_bad_number("hash", argv[2]);
	if (parse_hex(argv[3], &len))
		return cmd_bad_number("hash", argv[3]);
	if (cmd_range("hash", addr, len, 1, &len) ||
	    cmd_readable("hash", addr, len))
		return -EFAULT;
	if (verify) {
		err = expected(argv[4], n, want);
		if (err)
			return err;
	} else if (argc == 5 && argv[4][0] == '*') {
		if (parse_hex(argv[4] + 1, &store))
			return cmd_bad_number("hash", argv[4] + 1);
		if (cmd_check_write("hash", store, n, false))
			return -EFAULT;
	}
	hash_block(algo, (const void *)(uintptr_t)addr, len, digest);
	if (verify) {
		if (!memcmp(digest, want, n))
			return 0;
		show(algo, addr, len, digest);
		hash_hex(want, n, hex);
		printf(" != %s ** ERROR **\n", hex);
		return -EBADMSG;
	}
	show(algo, addr, len, digest);
	printf("\n");
	if (argc == 5 && argv[4][0] == '*') {
		memcpy((void *)(uintptr_t)store, digest, n);
	} else if (argc == 5) {
		hash_hex(digest, n, hex);
		if (env_set(argv[4], hex))
			return -ENOSPC;
	}
	return 0;
}

COMMAND(hash, .run = do_hash,
	.usage = "hash [-v] algorithm address count [[*]hash_dest|expected]",
	.summary = "compute hash message digest",
	.help = "  algorithm: crc32, sha1, sha256, sha384, sha512\n"
		"  -v: verify against *addr, a variable or a hex digest\n"
		"  hash ce [on|off]: SHA-256 on the ARMv8 instructions or not");
