// SPDX-License-Identifier: MIT
/* fuzz_fat.c - libFuzzer target for the FAT reader (fs/fat.c): the input
 * is the start of a disk holding a FAT filesystem. */
#include "fs_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_disk d;
	struct fs *fs;
	/* An input ending in 'K' is read as 4 KiB device blocks. */
	uint32_t bs = size && data[size - 1] == 'K' ? 4096 : 512;

	fuzz_disk_init(&d, data, size, bs, FUZZ_DISK_BYTES);
	if (fs_open(&d.dev, &fs))
		return 0;
	fuzz_walk(fs);
	fs_close(fs);
	return 0;
}
