// SPDX-License-Identifier: MIT
/* fuzz_part.c - libFuzzer target for the partition tables (fs/part*.c):
 * the input is a whole disk (its last block holds a GPT's backup). */
#include <part.h>
#include "fs_fuzz.h"

static int visit(const struct part_info *info, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

static void probe(struct fuzz_disk *d)
{
	struct part_info info;
	struct blk_dev view;
	uint8_t block[4096];
	int n = 0, i;

	part_table_type(&d->dev);
	part_foreach(&d->dev, visit, &n);
	part_count(&d->dev);
	for (i = 0; i <= 8; i++) {
		if (part_get_info(&d->dev, i, &info))
			continue;
		if (!part_blk(&d->dev, i, &view) && view.blocks)
			blk_read(&view, view.blocks - 1, 1, block);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_disk d;

	fuzz_disk_init(&d, data, size, 512, size);
	probe(&d);
	if (size >= 8192) {
		fuzz_disk_init(&d, data, size, 4096, size);
		probe(&d);
	}
	return 0;
}
