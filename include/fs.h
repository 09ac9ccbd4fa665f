/* SPDX-License-Identifier: MIT */
/*
 * fs.h - read-only filesystems (FAT12/16/32, ext2/3/4) on a block device,
 * shaped for U-Boot's ls, load, size and test -e. Paths are absolute or
 * relative to the root, '/'-separated; FAT names compare without case.
 * Errors are negative errnos: -ENOENT, -ENOTDIR, -EISDIR, -ELOOP (too
 * many symlinks), -ENAMETOOLONG, -EUCLEAN (damaged filesystem: a line with
 * a "fat: " or "ext4: " prefix said why), -EIO (read error), -ENODEV (no
 * filesystem this code knows), -EOPNOTSUPP (a feature it does not read).
 */
#ifndef FS_H
#define FS_H

#include <blk.h>
#include <stdbool.h>
#include <stdint.h>

struct fs;

enum fs_type {
	FS_TYPE_FILE,
	FS_TYPE_DIR,
	FS_TYPE_SYMLINK,
	FS_TYPE_OTHER,		/* device, fifo, socket */
};

struct fs_dirent {
	const char *name;	/* UTF-8, valid during the callback only */
	enum fs_type type;
	uint64_t size;		/* bytes (a symlink: its target's length) */
};

/* Probe dev for FAT, then ext2/3/4. *fsp is for the other calls, freed by
 * fs_close(). dev must outlive it. */
int fs_open(struct blk_dev *dev, struct fs **fsp);
void fs_close(struct fs *fs);
const char *fs_type_name(const struct fs *fs);	/* "fat", "ext4" */

/* Call cb for each entry of the directory at path ("." and ".." too, as
 * the disk has them); cb returns non-zero to stop (returned). */
int fs_ls(struct fs *fs, const char *path,
	  int (*cb)(const struct fs_dirent *de, void *arg), void *arg);

/* What path is, after following symlinks (the name is NULL). */
int fs_stat(struct fs *fs, const char *path, struct fs_dirent *st);
int fs_size(struct fs *fs, const char *path, uint64_t *size);
bool fs_exists(struct fs *fs, const char *path);

/*
 * Read the file at path from byte offset on into buf, at most len bytes
 * (the size of buf): the end of the file stops it earlier. *actread is how
 * many bytes were read. An offset past the end reads 0 bytes.
 */
int fs_read(struct fs *fs, const char *path, void *buf, uint64_t offset,
	    uint64_t len, uint64_t *actread);

/* The disk "<dev>" names (hexadecimal) of an interface type: with rest,
 * *rest is what follows the number (":2", "#name" or ""); without, the
 * number must be all. NULL, said in U-Boot's words, when there is none. */
struct blk_dev *fs_dev_disk(const char *ifname, const char *spec,
			    const char **rest);
/*
 * U-Boot's "<interface> <dev>[:<part>]" (see fs_dev.c): point view at the
 * partition (0: the whole disk; none or "auto": the first bootable one,
 * else the first, else the whole disk without a table; "#name" by GPT
 * name); *partno gets its number when not NULL. Says what is wrong, in
 * U-Boot's words, and returns -ENODEV, -EINVAL or -ENOENT.
 */
int fs_dev_part(const char *ifname, const char *spec, struct blk_dev *view,
		int *partno);
/* The same, then fs_open() on it; a missing or unreadable filesystem is
 * said too. view must outlive *fsp. */
int fs_open_dev(const char *ifname, const char *spec, struct blk_dev *view,
		struct fs **fsp);

#endif
