// SPDX-License-Identifier: MIT
/*
 * ext4.c - ext2, ext3 and ext4, read only (the kernel's "ext4 Data
 * Structures and Algorithms", Documentation/filesystems/ext4/): 32- and
 * 64-byte group descriptors, meta_bg, extent trees and the older indirect
 * block maps, sparse files, directories read linearly (an htree's index
 * blocks look like empty entries), fast and slow symlinks followed to a
 * bounded depth. The journal is not replayed.
 */
#include <stdlib.h>
#include <virtboot.h>
#include "fs_priv.h"

#undef pr_fmt
#define pr_fmt(fmt) "ext4: " fmt

/* Superblock (byte offsets in the 1024 bytes at byte 1024). */
#define SB_OFFSET		1024
#define SB_SIZE			1024
#define SB_INODES_COUNT		0x00
#define SB_BLOCKS_LO		0x04
#define SB_FIRST_DATA_BLOCK	0x14
#define SB_LOG_BLOCK_SIZE	0x18
#define SB_BLOCKS_PER_GROUP	0x20
#define SB_INODES_PER_GROUP	0x28
#define SB_MAGIC		0x38
#define SB_REV_LEVEL		0x4c
#define SB_INODE_SIZE		0x58
#define SB_COMPAT		0x5c
#define SB_INCOMPAT		0x60
#define SB_RO_COMPAT		0x64
#define SB_DESC_SIZE		0xfe
#define SB_FIRST_META_BG	0x104
#define SB_BLOCKS_HI		0x150
#define SB_BACKUP_BGS		0x24c
#define EXT4_MAGIC		0xef53

#define COMPAT_SPARSE_SUPER2	0x0200
#define RO_COMPAT_SPARSE_SUPER	0x0001

#define INCOMPAT_FILETYPE	0x0002
#define INCOMPAT_RECOVER	0x0004
#define INCOMPAT_META_BG	0x0010
#define INCOMPAT_EXTENTS	0x0040
#define INCOMPAT_64BIT		0x0080
#define INCOMPAT_MMP		0x0100
#define INCOMPAT_FLEX_BG	0x0200
#define INCOMPAT_EA_INODE	0x0400
#define INCOMPAT_CSUM_SEED	0x2000
#define INCOMPAT_LARGEDIR	0x4000
/* What reading needs nothing more for (checksums are not verified). */
#define INCOMPAT_SUPPORTED	(INCOMPAT_FILETYPE | INCOMPAT_RECOVER | \
	INCOMPAT_META_BG | INCOMPAT_EXTENTS | INCOMPAT_64BIT | INCOMPAT_MMP | \
	INCOMPAT_FLEX_BG | INCOMPAT_EA_INODE | INCOMPAT_CSUM_SEED | \
	INCOMPAT_LARGEDIR)

/* Group descriptor. */
#define GD_INODE_TABLE_LO	0x08
#define GD_INODE_TABLE_HI	0x28

/* Inode. */
#define I_MODE			0x00
#define I_SIZE_LO		0x04
#define I_FLAGS			0x20
#define I_BLOCK			0x28
#define I_SIZE_HI		0x6c
#define I_READ			0x70	/* bytes of the inode we use */
#define I_BLOCK_LEN		60
#define S_IFMT			0xf000
#define S_IFREG			0x8000
#define S_IFDIR			0x4000
#define S_IFLNK			0xa000
#define FL_EXTENTS		0x00080000
#define FL_INLINE_DATA		0x10000000
#define ROOT_INO		2

/* Extent tree. */
#define EH_MAGIC		0xf30a
#define EH_SIZE			12
#define EXT_MAX_DEPTH		5
#define EXT_INIT_MAX_LEN	32768

#define NDIR_BLOCKS		12
#define PATH_LEN		4096	/* longest path or symlink target */
#define MAX_SYMLINKS		8

struct ext4 {
	struct blk_dev *dev;
	uint32_t bs;			/* block size */
	uint64_t blocks;		/* blocks in the filesystem */
	uint32_t first_data_block;
	uint32_t bpg, ipg;		/* blocks, inodes per group */
	uint32_t inodes;
	uint32_t inode_size, desc_size;
	uint32_t groups;
	uint32_t compat, incompat, ro_compat;
	uint32_t first_meta_bg;
	uint32_t backup_bgs[2];
	uint8_t *bounce;		/* one device block */
	uint8_t *mapbuf;		/* an extent or indirect block */
	uint64_t mapnr;			/* which one (0: none: block 0 is
					 * never an extent or indirect one) */
	uint8_t *dirbuf;		/* a directory block */
	char *path[2];			/* symlink resolution */
	char name[256];
};

struct inode {
	uint32_t ino;
	uint16_t mode;
	uint32_t flags;
	uint64_t size;
	uint8_t block[I_BLOCK_LEN];
};

static int corrupt(const char *what, uint64_t n)
{
	pr_err("%s %llu\n", what, (unsigned long long)n);
	return -EUCLEAN;
}

static int read_bytes(struct ext4 *e, uint64_t off, uint64_t len, void *buf)
{
	int ret = blk_pread(e->dev, off, len, buf, e->bounce);

	if (ret)
		pr_err("read error at byte %llu of %s\n",
		       (unsigned long long)off, e->dev->name);
	return ret;
}

/* Read whole block nr (checked against the filesystem) into buf. */
static int read_block(struct ext4 *e, uint64_t nr, void *buf)
{
	if (nr >= e->blocks)
		return corrupt("block number out of range:", nr);
	return read_bytes(e, nr * e->bs, e->bs, buf);
}

/* Block nr into mapbuf, unless it is there already: a file is mapped a
 * run at a time, and each run would read the same leaf again. */
static int read_map_block(struct ext4 *e, uint64_t nr)
{
	int ret;

	if (nr && nr == e->mapnr)
		return 0;
	e->mapnr = 0;
	ret = read_block(e, nr, e->mapbuf);
	if (!ret)
		e->mapnr = nr;
	return ret;
}

static bool is_power_of(uint32_t n, uint32_t base)
{
	while (n > 1 && n % base == 0)
		n /= base;
	return n == 1;
}

/* Whether group g holds a copy of the superblock (and descriptors). */
static bool has_super(const struct ext4 *e, uint32_t g)
{
	if (g == 0)
		return true;
	if (e->compat & COMPAT_SPARSE_SUPER2)
		return g == e->backup_bgs[0] || g == e->backup_bgs[1];
	if (!(e->ro_compat & RO_COMPAT_SPARSE_SUPER) || g == 1)
		return true;
	return is_power_of(g, 3) || is_power_of(g, 5) || is_power_of(g, 7);
}

/* The first block of inode table of group g. */
static int inode_table(struct ext4 *e, uint32_t g, uint64_t *table)
{
	uint32_t per_block = e->bs / e->desc_size, mg = g / per_block;
	uint64_t blk;
	uint8_t d[64];
	int ret;

	if ((e->incompat & INCOMPAT_META_BG) && mg >= e->first_meta_bg) {
		uint64_t first = (uint64_t)mg * per_block;

		blk = e->first_data_block + first * e->bpg +
		      (has_super(e, first) ? 1 : 0);
	} else {
		blk = e->first_data_block + 1 + (uint64_t)mg;
	}
	if (blk >= e->blocks)
		return corrupt("group descriptor outside the filesystem, group",
			       g);
	ret = read_bytes(e, blk * e->bs + (g % per_block) * e->desc_size,
			 e->desc_size >= 64 ? 64 : 32, d);
	if (ret)
		return ret;
	*table = get_le32(d + GD_INODE_TABLE_LO);
	if (e->desc_size >= 64)
		*table |= (uint64_t)get_le32(d + GD_INODE_TABLE_HI) << 32;
	return 0;
}

static int read_inode(struct ext4 *e, uint32_t ino, struct inode *in)
{
	uint32_t g, idx;
	uint64_t table, end;
	uint8_t b[I_READ];
	int ret;

	if (ino < 1 || ino > e->inodes)
		return corrupt("inode number out of range:", ino);
	g = (ino - 1) / e->ipg;
	idx = (ino - 1) % e->ipg;
	ret = inode_table(e, g, &table);
	if (ret)
		return ret;
	end = ((uint64_t)idx + 1) * e->inode_size;
	if (table >= e->blocks ||
	    (end + e->bs - 1) / e->bs > e->blocks - table)
		return corrupt("inode table outside the filesystem, group", g);
	ret = read_bytes(e, table * e->bs + (uint64_t)idx * e->inode_size,
			 sizeof(b), b);
	if (ret)
		return ret;
	in->ino = ino;
	in->mode = get_le16(b + I_MODE);
	in->flags = get_le32(b + I_FLAGS);
	in->size = get_le32(b + I_SIZE_LO) |
		   (uint64_t)get_le32(b + I_SIZE_HI) << 32;
	memcpy(in->block, b + I_BLOCK, I_BLOCK_LEN);
	if (in->flags & FL_INLINE_DATA) {
		pr_err("inode %u has inline data, not supported\n",
		       (unsigned)ino);
		return -EOPNOTSUPP;
	}
	return 0;
}

/*
 * Map logical block lblk of in through its extent tree: *pblk (0 for a
 * hole or an unwritten extent, both read as zeros) and *count, how many
 * blocks from lblk on map the same way, contiguously.
 */
static int map_extents(struct ext4 *e, const struct inode *in, uint32_t lblk,
		       uint64_t *pblk, uint64_t *count)
{
	const uint8_t *node = in->block, *ent, *hit;
	uint32_t node_len = I_BLOCK_LEN, entries, max, i, len;
	uint64_t limit = (uint64_t)UINT32_MAX + 1, start;
	int depth = -1, d, ret;

	for (;;) {
		if (get_le16(node) != EH_MAGIC)
			return corrupt("bad extent header in inode", in->ino);
		entries = get_le16(node + 2);
		max = get_le16(node + 4);
		d = get_le16(node + 6);
		if (entries > max || EH_SIZE + (uint64_t)max * 12 > node_len ||
		    d > EXT_MAX_DEPTH || (depth >= 0 && d != depth))
			return corrupt("bad extent node in inode", in->ino);
		depth = d;
		/* The last entry starting at or before lblk. */
		hit = NULL;
		for (i = 0; i < entries; i++) {
			ent = node + EH_SIZE + 12 * i;
			if (get_le32(ent) > lblk) {
				if (get_le32(ent) < limit)
					limit = get_le32(ent);
				break;
			}
			hit = ent;
		}
		if (depth == 0)
			break;
		if (!hit) {
			*pblk = 0;
			*count = limit - lblk;
			return 0;
		}
		start = get_le32(hit + 4) | (uint64_t)get_le16(hit + 8) << 32;
		ret = read_map_block(e, start);
		if (ret)
			return ret;
		node = e->mapbuf;
		node_len = e->bs;
		depth--;
	}
	if (hit) {
		len = get_le16(hit + 4);
		if (len > EXT_INIT_MAX_LEN)
			len -= EXT_INIT_MAX_LEN;	/* unwritten */
		start = get_le32(hit + 8) | (uint64_t)get_le16(hit + 6) << 32;
		if (lblk - get_le32(hit) < len) {
			if (start >= e->blocks || len > e->blocks - start)
				return corrupt("extent outside the filesystem "
					       "in inode", in->ino);
			*count = len - (lblk - get_le32(hit));
			*pblk = get_le16(hit + 4) > EXT_INIT_MAX_LEN ? 0 :
				start + (lblk - get_le32(hit));
			return 0;
		}
	}
	*pblk = 0;
	*count = limit - lblk;
	return 0;
}

/* The same for the ext2/3 map: 12 direct blocks, then single, double and
 * triple indirect blocks of 32-bit block numbers. */
static int map_indirect(struct ext4 *e, const struct inode *in, uint32_t lblk,
			uint64_t *pblk, uint64_t *count)
{
	uint32_t apb = e->bs / 4, ptr, idx, n, i;
	uint64_t l = lblk, span = 1, left;
	const uint8_t *table;
	int levels, k, ret;

	if (l < NDIR_BLOCKS) {
		table = in->block;
		idx = l;
		n = NDIR_BLOCKS;
	} else {
		l -= NDIR_BLOCKS;
		for (levels = 1; levels <= 3; levels++) {
			span *= apb;		/* blocks under one pointer */
			if (l < span)
				break;
			l -= span;
		}
		if (levels > 3) {
			*pblk = 0;
			*count = 1;
			return 0;
		}
		ptr = get_le32(in->block + 4 * (NDIR_BLOCKS + levels - 1));
		for (k = 0; k < levels; k++) {
			if (!ptr) {
				*pblk = 0;
				*count = span - l % span;
				return 0;
			}
			ret = read_map_block(e, ptr);
			if (ret)
				return ret;
			span /= apb;
			idx = l / span % apb;
			if (k + 1 < levels)
				ptr = get_le32(e->mapbuf + 4 * idx);
		}
		table = e->mapbuf;
		idx = l % apb;
		n = apb;
	}
	ptr = get_le32(table + 4 * idx);
	left = n - idx;
	for (i = 1; i < left; i++) {
		uint32_t next = get_le32(table + 4 * (idx + i));

		if (ptr ? next != ptr + i : next != 0)
			break;
	}
	if (ptr && ((uint64_t)ptr >= e->blocks || i > e->blocks - ptr))
		return corrupt("block map outside the filesystem in inode",
			       in->ino);
	*pblk = ptr;
	*count = i;
	return 0;
}

static int map_block(struct ext4 *e, const struct inode *in, uint32_t lblk,
		     uint64_t *pblk, uint64_t *count)
{
	if (in->flags & FL_EXTENTS)
		return map_extents(e, in, lblk, pblk, count);
	return map_indirect(e, in, lblk, pblk, count);
}

/* Read len bytes of in's data from offset (the caller has clipped them to
 * the size); holes and unwritten extents read as zeros. */
static int read_data(struct ext4 *e, const struct inode *in, uint64_t off,
		     uint64_t len, uint8_t *dst)
{
	uint64_t pblk, count, n, lblk;
	uint32_t in_blk;
	int ret;

	while (len) {
		lblk = off / e->bs;
		in_blk = off % e->bs;
		if (lblk > UINT32_MAX) {
			pblk = 0;		/* past any map: a hole */
			count = UINT64_MAX / e->bs;
		} else {
			ret = map_block(e, in, lblk, &pblk, &count);
			if (ret)
				return ret;
		}
		n = count * e->bs - in_blk;
		if (count > UINT64_MAX / e->bs || n > len)
			n = len;
		if (pblk) {
			ret = read_bytes(e, pblk * e->bs + in_blk, n, dst);
			if (ret)
				return ret;
		} else {
			memset(dst, 0, n);
		}
		dst += n;
		off += n;
		len -= n;
	}
	return 0;
}

static enum fs_type inode_type(const struct inode *in)
{
	switch (in->mode & S_IFMT) {
	case S_IFREG:
		return FS_TYPE_FILE;
	case S_IFDIR:
		return FS_TYPE_DIR;
	case S_IFLNK:
		return FS_TYPE_SYMLINK;
	default:
		return FS_TYPE_OTHER;
	}
}

typedef int (*dirent_fn)(struct ext4 *e, uint32_t ino, const char *name,
			 void *arg);

/* Call fn for each used entry of directory dir, block by block; fn returns
 * non-zero to stop (returned). e->name holds the name during fn. */
static int walk_dir(struct ext4 *e, const struct inode *dir, dirent_fn fn,
		    void *arg)
{
	uint64_t nblocks = (dir->size + e->bs - 1) / e->bs, b, pblk, count;
	uint32_t off, ino, rec_len, name_len;
	const uint8_t *de;
	int ret;

	if (nblocks > e->blocks || nblocks > UINT32_MAX)
		return corrupt("directory larger than the filesystem, inode",
			       dir->ino);
	for (b = 0; b < nblocks; b++) {
		ret = map_block(e, dir, b, &pblk, &count);
		if (ret)
			return ret;
		if (!pblk)
			return corrupt("hole in directory inode", dir->ino);
		ret = read_block(e, pblk, e->dirbuf);
		if (ret)
			return ret;
		for (off = 0; off + 8 <= e->bs; off += rec_len) {
			de = e->dirbuf + off;
			ino = get_le32(de);
			rec_len = get_le16(de + 4);
			if (e->bs >= 65536 && (rec_len == 65535 || !rec_len))
				rec_len = 65536;
			name_len = de[6];
			if (rec_len < 8 || rec_len % 4 ||
			    rec_len > e->bs - off || name_len + 8 > rec_len)
				return corrupt("bad directory entry in inode",
					       dir->ino);
			if (!ino || !name_len)
				continue;
			memcpy(e->name, de + 8, name_len);
			e->name[name_len] = '\0';
			ret = fn(e, ino, e->name, arg);
			if (ret)
				return ret;
		}
	}
	return 0;
}

struct match {
	const char *comp;
	size_t len;
	uint32_t ino;
};

static int match_fn(struct ext4 *e, uint32_t ino, const char *name, void *arg)
{
	struct match *m = arg;

	if (strlen(name) != m->len || memcmp(name, m->comp, m->len))
		return 0;
	m->ino = ino;
	return 1;
}

/* Read the target of symlink in into buf (PATH_LEN bytes). */
static int read_link(struct ext4 *e, const struct inode *in, char *buf)
{
	int ret;

	if (!in->size)
		return corrupt("empty symlink, inode", in->ino);
	if (in->size >= PATH_LEN || in->size > e->bs)
		return -ENAMETOOLONG;
	if (!(in->flags & FL_EXTENTS) && in->size < I_BLOCK_LEN) {
		memcpy(buf, in->block, in->size);	/* a fast symlink */
	} else {
		ret = read_data(e, in, 0, in->size, (uint8_t *)buf);
		if (ret)
			return ret;
	}
	buf[in->size] = '\0';
	return 0;
}

/* The inode path names, following symlinks (the last one too if
 * follow). */
static int lookup(struct ext4 *e, const char *path, bool follow,
		  struct inode *out)
{
	struct inode cur;
	struct match m;
	const char *p, *comp;
	char *rest = e->path[0], *other = e->path[1], *tmp;
	size_t len, tlen;
	int links = 0, ret;

	if (strlen(path) >= PATH_LEN)
		return -ENAMETOOLONG;
	strcpy(rest, path);
	p = rest;
	ret = read_inode(e, ROOT_INO, &cur);
	if (ret)
		return ret;
	if (inode_type(&cur) != FS_TYPE_DIR)
		return corrupt("root is not a directory, inode", ROOT_INO);
	while ((len = fs_path_next(&p, &comp))) {
		if (inode_type(&cur) != FS_TYPE_DIR)
			return -ENOTDIR;
		if (len > 255)
			return -ENAMETOOLONG;
		if (len == 1 && comp[0] == '.')
			continue;
		m.comp = comp;
		m.len = len;
		ret = walk_dir(e, &cur, match_fn, &m);
		if (ret < 0)
			return ret;
		if (!ret)
			return -ENOENT;
		ret = read_inode(e, m.ino, out);
		if (ret)
			return ret;
		while (*p == '/')
			p++;
		if (inode_type(out) != FS_TYPE_SYMLINK || (!*p && !follow)) {
			cur = *out;
			continue;
		}
		if (++links > MAX_SYMLINKS)
			return -ELOOP;
		/* other = target + "/" + what is left of the path */
		ret = read_link(e, out, other);
		if (ret)
			return ret;
		tlen = strlen(other);
		if (tlen + 1 + strlen(p) >= PATH_LEN)
			return -ENAMETOOLONG;
		other[tlen] = '/';
		strcpy(other + tlen + 1, p);
		tmp = rest;
		rest = other;
		other = tmp;
		p = rest;
		if (*p == '/') {
			ret = read_inode(e, ROOT_INO, &cur);
			if (ret)
				return ret;
		}
	}
	*out = cur;
	return 0;
}

static void to_dirent(const struct inode *in, struct fs_dirent *d)
{
	d->type = inode_type(in);
	d->size = in->size;
}

static int ext4_stat(void *priv, const char *path, struct fs_dirent *st)
{
	struct inode in;
	int ret = lookup(priv, path, true, &in);

	if (ret)
		return ret;
	to_dirent(&in, st);
	st->name = NULL;
	return 0;
}

struct ls_arg {
	int (*cb)(const struct fs_dirent *de, void *arg);
	void *arg;
};

static int ls_fn(struct ext4 *e, uint32_t ino, const char *name, void *arg)
{
	struct ls_arg *a = arg;
	struct fs_dirent d;
	struct inode in;
	int ret = read_inode(e, ino, &in);

	if (ret)
		return ret;
	to_dirent(&in, &d);
	d.name = name;
	return a->cb(&d, a->arg);
}

static int ext4_ls(void *priv, const char *path,
		   int (*cb)(const struct fs_dirent *de, void *arg), void *arg)
{
	struct ls_arg a = { .cb = cb, .arg = arg };
	struct inode dir;
	int ret = lookup(priv, path, true, &dir);

	if (ret)
		return ret;
	if (inode_type(&dir) != FS_TYPE_DIR)
		return -ENOTDIR;
	return walk_dir(priv, &dir, ls_fn, &a);
}

static int ext4_read(void *priv, const char *path, void *buf, uint64_t offset,
		     uint64_t len, uint64_t *actread)
{
	struct inode in;
	int ret;

	*actread = 0;
	ret = lookup(priv, path, true, &in);
	if (ret)
		return ret;
	if (inode_type(&in) == FS_TYPE_DIR)
		return -EISDIR;
	if (inode_type(&in) != FS_TYPE_FILE)
		return -EINVAL;
	if (offset >= in.size || !len)
		return 0;
	if (len > in.size - offset)
		len = in.size - offset;
	ret = read_data(priv, &in, offset, len, buf);
	if (!ret)
		*actread = len;
	return ret;
}

static int bad_sb(const char *what)
{
	pr_err("bad superblock: %s\n", what);
	return -EUCLEAN;
}

static bool pow2(uint32_t x)
{
	return x && !(x & (x - 1));
}

static int parse_sb(struct ext4 *e, const uint8_t *sb)
{
	uint32_t log = get_le32(sb + SB_LOG_BLOCK_SIZE), rev, per_block;
	uint64_t groups, dev_bytes;

	if (get_le16(sb + SB_MAGIC) != EXT4_MAGIC)
		return -ENODEV;
	e->incompat = get_le32(sb + SB_INCOMPAT);
	e->compat = get_le32(sb + SB_COMPAT);
	e->ro_compat = get_le32(sb + SB_RO_COMPAT);
	if (e->incompat & ~INCOMPAT_SUPPORTED) {
		pr_err("unsupported incompatible features 0x%x\n",
		       (unsigned)(e->incompat & ~INCOMPAT_SUPPORTED));
		return -EOPNOTSUPP;
	}
	if (log > 6)
		return bad_sb("block size");
	e->bs = 1024u << log;
	e->blocks = get_le32(sb + SB_BLOCKS_LO);
	if (e->incompat & INCOMPAT_64BIT)
		e->blocks |= (uint64_t)get_le32(sb + SB_BLOCKS_HI) << 32;
	e->first_data_block = get_le32(sb + SB_FIRST_DATA_BLOCK);
	e->bpg = get_le32(sb + SB_BLOCKS_PER_GROUP);
	e->ipg = get_le32(sb + SB_INODES_PER_GROUP);
	e->inodes = get_le32(sb + SB_INODES_COUNT);
	e->first_meta_bg = get_le32(sb + SB_FIRST_META_BG);
	e->backup_bgs[0] = get_le32(sb + SB_BACKUP_BGS);
	e->backup_bgs[1] = get_le32(sb + SB_BACKUP_BGS + 4);
	rev = get_le32(sb + SB_REV_LEVEL);
	e->inode_size = rev ? get_le16(sb + SB_INODE_SIZE) : 128;
	e->desc_size = 32;
	if (e->incompat & INCOMPAT_64BIT)
		e->desc_size = get_le16(sb + SB_DESC_SIZE);
	if (e->first_data_block >= e->blocks || e->first_data_block > 1)
		return bad_sb("first data block");
	if (!e->bpg || e->bpg > 8 * e->bs || !e->ipg || e->ipg > 8 * e->bs)
		return bad_sb("blocks or inodes per group");
	if (e->inode_size < 128 || e->inode_size > e->bs ||
	    !pow2(e->inode_size))
		return bad_sb("inode size");
	if (e->desc_size < 32 || e->desc_size > 1024 ||
	    e->desc_size > e->bs || !pow2(e->desc_size) ||
	    ((e->incompat & INCOMPAT_64BIT) && e->desc_size < 64))
		return bad_sb("group descriptor size");
	groups = (e->blocks - e->first_data_block + e->bpg - 1) / e->bpg;
	if (groups > UINT32_MAX || e->inodes < ROOT_INO ||
	    e->inodes > groups * e->ipg)
		return bad_sb("group or inode count");
	e->groups = groups;
	per_block = e->bs / e->desc_size;
	if (!(e->incompat & INCOMPAT_META_BG) &&
	    (groups + per_block - 1) / per_block >=
	    e->blocks - e->first_data_block)
		return bad_sb("group descriptors do not fit");
	dev_bytes = e->dev->blocks * (uint64_t)e->dev->block_size;
	if (e->blocks > dev_bytes / e->bs)
		return bad_sb("larger than the device");
	if (e->incompat & INCOMPAT_RECOVER)
		pr_warn("the journal needs recovery; reading without it\n");
	return 0;
}

static void ext4_unmount(void *priv)
{
	struct ext4 *e = priv;

	if (!e)
		return;
	free(e->bounce);
	free(e->mapbuf);
	free(e->dirbuf);
	free(e->path[0]);
	free(e->path[1]);
	free(e);
}

static int ext4_mount(struct blk_dev *dev, void **priv)
{
	struct ext4 *e;
	uint8_t *sb;
	int ret;

	if (!blk_size_ok(dev->block_size) ||
	    dev->blocks * (uint64_t)dev->block_size < SB_OFFSET + SB_SIZE)
		return -ENODEV;
	e = calloc(1, sizeof(*e));
	if (!e)
		return -ENOMEM;
	e->dev = dev;
	e->bounce = malloc(dev->block_size);
	sb = malloc(SB_SIZE);
	ret = -ENOMEM;
	if (!e->bounce || !sb)
		goto fail;
	ret = blk_pread(dev, SB_OFFSET, SB_SIZE, sb, e->bounce);
	if (!ret)
		ret = parse_sb(e, sb);
	if (ret)
		goto fail;
	free(sb);
	sb = NULL;
	e->mapbuf = malloc(e->bs);
	e->dirbuf = malloc(e->bs);
	e->path[0] = malloc(PATH_LEN);
	e->path[1] = malloc(PATH_LEN);
	ret = -ENOMEM;
	if (!e->mapbuf || !e->dirbuf || !e->path[0] || !e->path[1])
		goto fail;
	*priv = e;
	return 0;
fail:
	free(sb);
	ext4_unmount(e);
	return ret;
}

const struct fs_ops ext4_fs_ops = {
	.name = "ext4",
	.mount = ext4_mount,
	.unmount = ext4_unmount,
	.stat = ext4_stat,
	.ls = ext4_ls,
	.read = ext4_read,
};
