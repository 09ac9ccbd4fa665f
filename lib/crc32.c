// SPDX-License-Identifier: MIT
/* crc32.c - CRC-32 as zlib computes it (IEEE 802.3 polynomial, reflected),
 * one byte at a time through a 1 KiB table built on first use. */
#include <crc32.h>

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

uint32_t crc32(uint32_t crc, const void *buf, size_t len)
{
	const uint8_t *p = buf;

	if (!table[1])
		make_table();
	crc = ~crc;
	while (len--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}
