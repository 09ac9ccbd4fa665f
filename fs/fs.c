// SPDX-License-Identifier: MIT
/*
 * fs.c - the filesystem front end behind fs.h: probe a block device for
 * each driver in turn, then hand paths to the one that took it.
 *
 * The probe order is a short explicit list rather than a linker section:
 * the order is policy (FAT first, as U-Boot's fs_types), and a kept
 * section would link every filesystem in even when nothing uses one.
 */
#include <stdlib.h>
#include <virtboot.h>
#include "fs_priv.h"

struct fs {
	const struct fs_ops *ops;
	void *priv;
};

static const struct fs_ops *const fs_drivers[] = {
	IS_ENABLED(CONFIG_FS_FAT) ? &fat_fs_ops : NULL,
	IS_ENABLED(CONFIG_FS_EXT4) ? &ext4_fs_ops : NULL,
};

int fs_open(struct blk_dev *dev, struct fs **fsp)
{
	int ret, first = -ENODEV;
	void *priv;
	struct fs *fs;
	size_t i;

	*fsp = NULL;
	if (!dev || !dev->read)
		return -ENODEV;
	for (i = 0; i < ARRAY_SIZE(fs_drivers); i++) {
		if (!fs_drivers[i])
			continue;
		ret = fs_drivers[i]->mount(dev, &priv);
		if (!ret) {
			fs = malloc(sizeof(*fs));
			if (!fs) {
				fs_drivers[i]->unmount(priv);
				return -ENOMEM;
			}
			fs->ops = fs_drivers[i];
			fs->priv = priv;
			*fsp = fs;
			return 0;
		}
		/* The first driver that recognised the device says why. */
		if (first == -ENODEV)
			first = ret;
	}
	return first;
}

void fs_close(struct fs *fs)
{
	if (!fs)
		return;
	fs->ops->unmount(fs->priv);
	free(fs);
}

const char *fs_type_name(const struct fs *fs)
{
	return fs->ops->name;
}

int fs_ls(struct fs *fs, const char *path,
	  int (*cb)(const struct fs_dirent *de, void *arg), void *arg)
{
	return fs->ops->ls(fs->priv, path, cb, arg);
}

int fs_stat(struct fs *fs, const char *path, struct fs_dirent *st)
{
	return fs->ops->stat(fs->priv, path, st);
}

int fs_size(struct fs *fs, const char *path, uint64_t *size)
{
	struct fs_dirent st;
	int ret = fs_stat(fs, path, &st);

	if (!ret)
		*size = st.size;
	return ret;
}

bool fs_exists(struct fs *fs, const char *path)
{
	struct fs_dirent st;

	return !fs_stat(fs, path, &st);
}

int fs_read(struct fs *fs, const char *path, void *buf, uint64_t offset,
	    uint64_t len, uint64_t *actread)
{
	return fs->ops->read(fs->priv, path, buf, offset, len, actread);
}
