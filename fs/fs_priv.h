/* SPDX-License-Identifier: MIT */
/*
 * fs_priv.h - what the partition and filesystem parsers share: unaligned
 * little-endian loads, UTF-16 to UTF-8, and the filesystem driver ops
 * behind fs.h.
 */
#ifndef FS_PRIV_H
#define FS_PRIV_H

#include <fs.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint16_t get_le16(const void *p)
{
	const uint8_t *b = p;

	return b[0] | b[1] << 8;
}

static inline uint32_t get_le32(const void *p)
{
	const uint8_t *b = p;

	return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
}

static inline uint64_t get_le64(const void *p)
{
	const uint8_t *b = p;

	return get_le32(b) | (uint64_t)get_le32(b + 4) << 32;
}

/*
 * Convert up to units UTF-16LE code units at src (stopping at a NUL) to
 * NUL-terminated UTF-8 in dst (size bytes, at least 1). Unpaired
 * surrogates become '?'; what does not fit is cut at a character
 * boundary. Returns the length written.
 */
size_t fs_utf16_to_utf8(const uint8_t *src, size_t units, char *dst,
			size_t size);

/* Split off the next component of *path ('/'s skipped): its start and
 * length, or 0 at the end; *path moves past it. */
size_t fs_path_next(const char **path, const char **comp);

/* Partition table walkers (part_dos.c, part_efi.c) for part.c: -ENODEV
 * quietly when dev holds no table of that kind; else as part_foreach(). */
struct part_info;
typedef int (*part_cb)(const struct part_info *info, void *arg);
int part_dos_walk(struct blk_dev *dev, void *buf, part_cb cb, void *arg);
int part_efi_walk(struct blk_dev *dev, void *buf, part_cb cb, void *arg);
/* Format a GPT-style GUID (the first three fields little-endian). */
void part_guid_str(const uint8_t *guid, char *out);

/* A filesystem driver (fat.c, ext4.c). The core keeps the probe order. */
struct fs_ops {
	const char *name;
	/* -ENODEV quietly when dev does not hold this filesystem; another
	 * error after a message when it does but cannot be used. */
	int (*mount)(struct blk_dev *dev, void **priv);
	void (*unmount)(void *priv);
	int (*stat)(void *priv, const char *path, struct fs_dirent *st);
	int (*ls)(void *priv, const char *path,
		  int (*cb)(const struct fs_dirent *de, void *arg), void *arg);
	int (*read)(void *priv, const char *path, void *buf, uint64_t offset,
		    uint64_t len, uint64_t *actread);
};

extern const struct fs_ops fat_fs_ops;
extern const struct fs_ops ext4_fs_ops;

#endif
