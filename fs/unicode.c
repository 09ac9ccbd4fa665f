// SPDX-License-Identifier: MIT
/* unicode.c - UTF-16LE (GPT partition names, VFAT long names) to UTF-8
 * (RFC 3629), and '/'-separated path splitting. */
#include "fs_priv.h"

static size_t utf8_len(uint32_t c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

size_t fs_utf16_to_utf8(const uint8_t *src, size_t units, char *dst,
			size_t size)
{
	size_t i, o = 0, n;
	uint32_t c, lo;

	for (i = 0; i < units; i++) {
		c = get_le16(src + 2 * i);
		if (!c)
			break;
		if (c >= 0xd800 && c < 0xdc00 && i + 1 < units) {
			lo = get_le16(src + 2 * (i + 1));
			if (lo >= 0xdc00 && lo < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				i++;
			}
		}
		if (c >= 0xd800 && c < 0xe000)
			c = '?';
		n = utf8_len(c);
		if (o + n >= size)
			break;
		switch (n) {
		case 1:
			dst[o++] = c;
			break;
		case 2:
			dst[o++] = 0xc0 | c >> 6;
			dst[o++] = 0x80 | (c & 0x3f);
			break;
		case 3:
			dst[o++] = 0xe0 | c >> 12;
			dst[o++] = 0x80 | (c >> 6 & 0x3f);
			dst[o++] = 0x80 | (c & 0x3f);
			break;
		default:
			dst[o++] = 0xf0 | c >> 18;
			dst[o++] = 0x80 | (c >> 12 & 0x3f);
			dst[o++] = 0x80 | (c >> 6 & 0x3f);
			dst[o++] = 0x80 | (c & 0x3f);
			break;
		}
	}
	dst[o] = '\0';
	return o;
}

size_t fs_path_next(const char **path, const char **comp)
{
	const char *p = *path;
	size_t n = 0;

	while (*p == '/')
		p++;
	*comp = p;
	while (p[n] && p[n] != '/')
		n++;
	*path = p + n;
	return n;
}
