// SPDX-License-Identifier: MIT
/* part.c - partition tables: which one a disk has (GPT behind a
 * protective MBR first, then a DOS MBR), U-Boot's numbering, and a
 * partition as a block device of its own. */
#include <part.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>
#include "fs_priv.h"

/* Walk whichever table dev has; *table says which. buf: one block. */
static int walk(struct blk_dev *dev, part_cb cb, void *arg,
		enum part_table *table)
{
	void *buf;
	int ret = -ENODEV;

	*table = PART_TABLE_NONE;
	if (!dev || !blk_size_ok(dev->block_size) || dev->blocks < 1)
		return -ENOENT;
	buf = malloc(dev->block_size);
	if (!buf)
		return -ENOMEM;
	if (IS_ENABLED(CONFIG_PART_EFI)) {
		ret = part_efi_walk(dev, buf, cb, arg);
		if (ret != -ENODEV)
			*table = PART_TABLE_EFI;
	}
	if (ret == -ENODEV && IS_ENABLED(CONFIG_PART_DOS)) {
		ret = part_dos_walk(dev, buf, cb, arg);
		if (ret != -ENODEV)
			*table = PART_TABLE_DOS;
	}
	free(buf);
	return ret == -ENODEV ? -ENOENT : ret;
}

static int stop_at_first(const struct part_info *info, void *arg)
{
	return 1;
}

enum part_table part_table_type(struct blk_dev *dev)
{
	enum part_table t;

	walk(dev, stop_at_first, NULL, &t);
	return t;
}

const char *part_table_name(enum part_table t)
{
	return t == PART_TABLE_DOS ? "DOS" : t == PART_TABLE_EFI ? "EFI" :
	       "none";
}

int part_foreach(struct blk_dev *dev, part_cb cb, void *arg)
{
	enum part_table t;

	return walk(dev, cb, arg, &t);
}

struct find {
	int n;
	struct part_info *info;
};

static int find_cb(const struct part_info *info, void *arg)
{
	struct find *f = arg;

	if (info->number != f->n)
		return 0;
	*f->info = *info;
	return 1;
}

int part_get_info(struct blk_dev *dev, int n, struct part_info *info)
{
	struct find f = { .n = n, .info = info };
	int ret;

	if (!dev || n < 0)
		return -ENOENT;
	if (n == 0) {
		memset(info, 0, sizeof(*info));
		info->start = 0;
		info->size = dev->blocks;
		info->block_size = dev->block_size;
		return 0;
	}
	ret = part_foreach(dev, find_cb, &f);
	if (ret == 1)
		return 0;
	return ret ? ret : -ENOENT;
}

static int count_cb(const struct part_info *info, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

int part_count(struct blk_dev *dev)
{
	int n = 0, ret;

	ret = part_foreach(dev, count_cb, &n);
	if (ret == -ENOENT)
		return 0;
	return ret ? ret : n;
}

struct auto_pick {
	int first, bootable;
};

static int auto_cb(const struct part_info *info, void *arg)
{
	struct auto_pick *a = arg;

	if (!a->first)
		a->first = info->number;
	if (info->bootable) {
		a->bootable = info->number;
		return 1;
	}
	return 0;
}

static int name_cb(const struct part_info *info, void *arg)
{
	return strcmp(info->name, arg) ? 0 : info->number;
}

int part_by_name(struct blk_dev *dev, const char *name)
{
	int ret = part_foreach(dev, name_cb, (void *)name);

	return ret ? ret : -ENOENT;
}

int part_auto(struct blk_dev *dev)
{
	struct auto_pick a = { 0, 0 };
	int ret = part_foreach(dev, auto_cb, &a);

	if (ret == -ENOENT)
		return 0;
	if (ret < 0)
		return ret;
	if (a.bootable)
		return a.bootable;
	return a.first ? a.first : -ENOENT;
}

static int part_view_read(struct blk_dev *view, uint64_t lba, uint64_t count,
			  void *buf)
{
	return blk_read(view->priv, view->offset + lba, count, buf);
}

int part_blk(struct blk_dev *dev, int n, struct blk_dev *view)
{
	struct part_info *info;
	int ret;

	info = malloc(sizeof(*info));
	if (!info)
		return -ENOMEM;
	ret = part_get_info(dev, n, info);
	if (!ret && (info->start > dev->blocks ||
		     info->size > dev->blocks - info->start))
		ret = -EUCLEAN;		/* the walkers never report these */
	if (!ret) {
		memset(view, 0, sizeof(*view));
		snprintf(view->name, sizeof(view->name), "%.19s:%d",
			 dev->name, n);
		view->block_size = dev->block_size;
		view->blocks = info->size;
		view->offset = info->start;
		view->priv = dev;
		view->read = part_view_read;
	}
	free(info);
	return ret;
}

void part_guid_str(const uint8_t *g, char *out)
{
	snprintf(out, PART_UUID_LEN,
		 "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 (unsigned)get_le32(g), get_le16(g + 4), get_le16(g + 6),
		 g[8], g[9], g[10], g[11], g[12], g[13], g[14], g[15]);
}
