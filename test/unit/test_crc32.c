// SPDX-License-Identifier: MIT
/* Unit tests for lib/crc32.c against known zlib values. */
#include <crc32.h>

UNIT_MAIN(
	CHECK(crc32(0, "", 0) == 0);
	CHECK(crc32(0, "123456789", 9) == 0xcbf43926);
	CHECK(crc32(crc32(0, "1234", 4), "56789", 5) == 0xcbf43926);
	CHECK(crc32(0, "The quick brown fox jumps over the lazy dog", 43) ==
	      0x414fa339);
)
