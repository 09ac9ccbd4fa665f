/* SPDX-License-Identifier: MIT */
/* crc32.h - CRC-32 (IEEE 802.3, reflected 0xEDB88320; zlib's crc32). */
#ifndef CRC32_H
#define CRC32_H

#include <stddef.h>
#include <stdint.h>

/* Continue crc over buf; start with 0. */
uint32_t crc32(uint32_t crc, const void *buf, size_t len);

#endif
