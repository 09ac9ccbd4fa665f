/* SPDX-License-Identifier: MIT */
/* fs_fuzz.h - for the partition and filesystem fuzz targets: the input as
 * the start of a disk, the rest of which reads as zeros (so small seeds
 * can stand for a whole filesystem), and a walk that lists, stats and
 * reads what it finds. */
#ifndef FS_FUZZ_H
#define FS_FUZZ_H

#include <fs.h>
#include <stdint.h>
#include <string.h>

#define FUZZ_DISK_BYTES	(64u << 20)	/* the disk the input starts */

struct fuzz_disk {
	struct blk_dev dev;
	const uint8_t *data;
	size_t size;
};

static inline int fuzz_disk_read(struct blk_dev *dev, uint64_t lba,
				 uint64_t count, void *buf)
{
	struct fuzz_disk *d = dev->priv;
	uint64_t off = lba * dev->block_size, len = count * dev->block_size;
	uint64_t have = off < d->size ? d->size - off : 0;

	if (have > len)
		have = len;
	if (have)
		memcpy(buf, d->data + off, have);
	memset((uint8_t *)buf + have, 0, len - have);
	return 0;
}

static inline void fuzz_disk_init(struct fuzz_disk *d, const uint8_t *data,
				  size_t size, uint32_t block_size,
				  uint64_t disk_bytes)
{
	memset(d, 0, sizeof(*d));
	strcpy(d->dev.name, "fuzz");
	d->dev.block_size = block_size;
	d->dev.blocks = disk_bytes / block_size;
	d->dev.read = fuzz_disk_read;
	d->dev.priv = d;
	d->data = data;
	d->size = size;
}

#define FUZZ_NAMES	8

struct fuzz_names {
	int n;
	char name[FUZZ_NAMES][64];
	enum fs_type type[FUZZ_NAMES];
};

static inline int fuzz_collect(const struct fs_dirent *de, void *arg)
{
	struct fuzz_names *f = arg;
	size_t len = strlen(de->name);

	if (f->n >= FUZZ_NAMES || len >= 60)
		return f->n >= 64 ? 1 : 0;
	if (!strcmp(de->name, ".") || !strcmp(de->name, ".."))
		return 0;
	memcpy(f->name[f->n], de->name, len + 1);
	f->type[f->n] = de->type;
	f->n++;
	return 0;
}

/* List the root, then what is in it, and read (part of) what is there. */
static inline void fuzz_walk(struct fs *fs)
{
	static uint8_t buf[256 << 10];
	struct fuzz_names top = { 0 }, sub, more;
	struct fs_dirent st;
	char path[200];
	uint64_t got, size;
	int i, j;

	fs_ls(fs, "/", fuzz_collect, &top);
	for (i = 0; i < top.n; i++) {
		snprintf(path, sizeof(path), "/%s", top.name[i]);
		fs_stat(fs, path, &st);
		fs_size(fs, path, &size);
		fs_exists(fs, path);
		fs_read(fs, path, buf, 0, sizeof(buf), &got);
		fs_read(fs, path, buf, 4097, 5000, &got);
		if (top.type[i] != FS_TYPE_DIR &&
		    top.type[i] != FS_TYPE_SYMLINK)
			continue;
		memset(&sub, 0, sizeof(sub));
		fs_ls(fs, path, fuzz_collect, &sub);
		for (j = 0; j < sub.n; j++) {
			snprintf(path, sizeof(path), "/%s/%s", top.name[i],
				 sub.name[j]);
			fs_read(fs, path, buf, 0, sizeof(buf), &got);
			memset(&more, 0, sizeof(more));
			fs_ls(fs, path, fuzz_collect, &more);
		}
	}
	fs_read(fs, "/a/../b/./c", buf, 0, 100, &got);
}

#endif
