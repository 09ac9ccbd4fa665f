// SPDX-License-Identifier: MIT
/* fuzz_ext4.c - libFuzzer target for the ext2/3/4 reader (fs/ext4.c): the
 * input is the start of a disk holding the filesystem. */
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
