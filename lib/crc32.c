// SPDX-License-Identifier: MIT
/* crc32.c - CRC-32 as zlib computes it (IEEE 802.3 polynomial, reflected),
 * one byte at a time through a 1 KiB table built on first use, or eight
 * at a time with the ARMv8 CRC32 instructions where the CPU has them
 * (ID_AA64ISAR0_EL1.CRC32; the same polynomial): the saved environment's
 * 256 KiB are checked at every start. */
#include <crc32.h>
#include <stdbool.h>
#include <string.h>

static uint32_t table[256];

static void make_table(void)
{
	uint32_t c;
	int n, k;

	for (n = 0; n < 256; n++) {
		c = n;
		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
		table[n] = c;
	}
}

#ifdef __ARM_FEATURE_CRC32
#include <arm_acle.h>

static bool has_crc_insns(void)
{
	uint64_t isar0;

	__asm__("mrs %0, id_aa64isar0_el1" : "=r"(isar0));
	return (isar0 >> 16) & 0xf;
}

static uint32_t crc32_insns(uint32_t crc, const uint8_t *p, size_t len)
{
	uint64_t v;

	for (; len && ((uintptr_t)p & 7); len--)
		crc = __crc32b(crc, *p++);
	/* p is aligned here: one 8-byte load (the saved environment is
	 * checked in place, in Device memory), never a library call. */
	for (; len >= 8; len -= 8, p += 8) {
		__builtin_memcpy(&v, p, 8);
		crc = __crc32d(crc, v);
	}
	while (len--)
		crc = __crc32b(crc, *p++);
	return crc;
}
#else
static bool has_crc_insns(void) { return false; }
static uint32_t crc32_insns(uint32_t crc, const uint8_t *p, size_t len)
{ return crc; }
#endif

uint32_t crc32(uint32_t crc, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	static int insns = -1;

	if (insns < 0)
		insns = has_crc_insns();
	if (insns)
		return ~crc32_insns(~crc, p, len);
	if (!table[1])
		make_table();
	crc = ~crc;
	while (len--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

/* zlib's inflate checks a gzip trailer with its crc32(), which the
 * Makefile renames to this when it builds zlib: the one above, with
 * zlib's argument types. */
unsigned long zlib_crc32(unsigned long crc, const unsigned char *buf,
			 unsigned int len);
unsigned long zlib_crc32(unsigned long crc, const unsigned char *buf,
			 unsigned int len)
{
	return crc32(crc, buf, len);
}
