// SPDX-License-Identifier: MIT
/* fuzz_part.c - libFuzzer target for the partition tables (fs/part*.c):
 * the input is a whole disk (its last block holds a GPT's backup). */
#include <crc32.h>
#include <part.h>
#include <stdlib.h>
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
	part_auto(&d->dev);
	for (i = 0; i <= 8; i++) {
		if (part_get_info(&d->dev, i, &info))
			continue;
		if (!part_blk(&d->dev, i, &view) && view.blocks)
			blk_read(&view, view.blocks - 1, 1, block);
	}
}

static uint64_t le(const uint8_t *p, int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

/* Make the primary GPT's two CRCs right again, so that mutations reach
 * past them. */
static void fix_gpt_crcs(uint8_t *b, size_t size)
{
	uint8_t *h = b + 512;
	uint64_t hsize, lba, bytes;

	if (size < 1024)
		return;
	hsize = le(h + 12, 4);
	lba = le(h + 72, 8);
	bytes = le(h + 80, 4) * le(h + 84, 4);
	if (lba < size / 512 && bytes <= size - lba * 512)
		put32(h + 88, crc32(0, b + lba * 512, bytes));
	if (hsize >= 92 && hsize <= 512) {
		put32(h + 16, 0);
		put32(h + 16, crc32(0, h, hsize));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_disk d;
	uint8_t *copy;

	fuzz_disk_init(&d, data, size, 512, size);
	probe(&d);
	if (size >= 8192) {
		fuzz_disk_init(&d, data, size, 4096, size);
		probe(&d);
	}
	copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	fix_gpt_crcs(copy, size);
	fuzz_disk_init(&d, copy, size, 512, size);
	probe(&d);
	free(copy);
	return 0;
}
