/* SPDX-License-Identifier: MIT */
/* fuzz_tree.h - what the device-tree targets share: take the input as a
 * tree from outside the loader and adopt it as the loader does (lib/dt.c
 * dt_init: header, size and full structure checks, then a private copy
 * with room to grow), so that every target starts from the live tree. */
#ifndef FUZZ_TREE_H
#define FUZZ_TREE_H

#include <dt.h>
#include <libfdt.h>
#include <stdint.h>

/*
 * The live tree made from the input, or NULL when dt_init() refuses it;
 * free() it when done. *tail and *tail_len get the bytes after the
 * tree's totalsize (the targets' other inputs).
 */
static inline void *fuzz_adopt_tree(const uint8_t *data, size_t size,
				    const uint8_t **tail, size_t *tail_len)
{
	uint32_t total;
	void *blob;
	int err;

	if (size < sizeof(struct fdt_header))
		return NULL;
	/* The tree's header says how big it is: only that much is its. A
	 * copy of exactly that size, so any read past it is caught. */
	total = fdt_totalsize(data);
	if (total < sizeof(struct fdt_header) || total > size)
		return NULL;
	*tail = data + total;
	*tail_len = size - total;
	blob = malloc(total);
	memcpy(blob, data, total);
	err = dt_init(blob);
	free(blob);
	return err ? NULL : dt_blob();
}

/* The messages of refused trees, by the thousand, go nowhere. */
static inline void fuzz_quiet(void)
{
	if (!freopen("/dev/null", "w", stdout))
		abort();
}

#endif
