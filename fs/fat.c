// SPDX-License-Identifier: MIT
/*
 * fat.c - FAT12/16/32, read only (Microsoft "FAT: General Overview of
 * On-Disk Format" 1.03, with VFAT long names). The type comes from the
 * cluster count, except that a BPB with a zero 16-bit FAT size is FAT32.
 * One FAT sector and one directory sector are cached; file data goes
 * straight to the caller's buffer, contiguous clusters in one read.
 */
#include <stdlib.h>
#include <virtboot.h>
#include "fs_priv.h"

#undef pr_fmt
#define pr_fmt(fmt) "fat: " fmt

/* Boot sector / BPB (byte offsets). */
#define BS_JMP		0x00
#define BPB_BPS		0x0b
#define BPB_SPC		0x0d
#define BPB_RSVD	0x0e
#define BPB_NFATS	0x10
#define BPB_ROOTENT	0x11
#define BPB_TOT16	0x13
#define BPB_MEDIA	0x15
#define BPB_FATSZ16	0x16
#define BPB_TOT32	0x20
#define BPB_FATSZ32	0x24
#define BPB_EXTFLAGS	0x28
#define BPB_ROOTCLUS	0x2c

/* Directory entry. */
#define DE_SIZE		32
#define DE_ATTR		11
#define DE_NTRES	12
#define DE_CLUS_HI	20
#define DE_CLUS_LO	26
#define DE_FILESIZE	28
#define ATTR_VOLUME	0x08
#define ATTR_DIR	0x10
#define ATTR_LFN	0x0f
#define NTRES_LOWER_BASE 0x08
#define NTRES_LOWER_EXT	0x10
#define LFN_LAST	0x40
#define LFN_MAX		20		/* entries: 20 * 13 = 260 units */
#define LFN_UNITS	13
#define DIR_MAX_ENTRIES	65536		/* the format's limit (2 MiB) */

#define FAT12_MAX	4084		/* clusters */
#define FAT16_MAX	65524
#define FAT32_MAX	0x0ffffff5
#define NAME_MAX_UTF8	(LFN_MAX * LFN_UNITS * 3 + 1)

struct fat {
	struct blk_dev *dev;
	uint32_t bps;			/* bytes per sector */
	uint32_t csize;			/* bytes per cluster */
	uint32_t bits;			/* 12, 16, 32 */
	uint32_t clusters;		/* valid: 2 .. clusters + 1 */
	uint32_t root_cluster;		/* FAT32; 0: the fixed root */
	uint32_t root_entries;		/* FAT12/16 */
	uint64_t fat_start;		/* byte offsets */
	uint64_t root_start;
	uint64_t data_start;
	uint8_t *bounce;		/* one device block */
	uint8_t *fatbuf;		/* one FAT sector */
	uint64_t fatbuf_off;
	uint8_t *dirbuf;		/* one directory sector */
	uint8_t lfn[LFN_MAX * LFN_UNITS * 2];
	char name[NAME_MAX_UTF8];
};

/* A directory entry as the walkers hand it on. */
struct fat_ent {
	const char *name;		/* long name, or the short one */
	char sname[13];			/* 8.3, with the NT lower-case bits */
	uint8_t attr;
	uint32_t cluster;
	uint32_t size;
};

static int corrupt(const char *what, uint32_t n)
{
	pr_err("%s %u\n", what, (unsigned)n);
	return -EUCLEAN;
}

static int read_bytes(struct fat *f, uint64_t off, uint64_t len, void *buf)
{
	int ret = blk_pread(f->dev, off, len, buf, f->bounce);

	if (ret)
		pr_err("read error at byte %llu of %s\n",
		       (unsigned long long)off, f->dev->name);
	return ret;
}

static int fat_byte(struct fat *f, uint64_t off, uint8_t *v)
{
	uint64_t sec = off - off % f->bps;
	int ret;

	if (sec != f->fatbuf_off) {
		f->fatbuf_off = UINT64_MAX;
		ret = read_bytes(f, f->fat_start + sec, f->bps, f->fatbuf);
		if (ret)
			return ret;
		f->fatbuf_off = sec;
	}
	*v = f->fatbuf[off % f->bps];
	return 0;
}

static bool valid_cluster(const struct fat *f, uint32_t c)
{
	return c >= 2 && c - 2 < f->clusters;
}

/* The cluster after c: *next is 0 at the end of the chain. */
static int fat_next(struct fat *f, uint32_t c, uint32_t *next)
{
	uint64_t off = f->bits == 12 ? c + c / 2 : (uint64_t)c * (f->bits / 8);
	uint32_t v = 0, eoc;
	uint8_t b;
	unsigned i;
	int ret;

	for (i = 0; i < (f->bits == 32 ? 4u : 2u); i++) {
		ret = fat_byte(f, off + i, &b);
		if (ret)
			return ret;
		v |= (uint32_t)b << (8 * i);
	}
	if (f->bits == 12) {
		v = c & 1 ? v >> 4 : v & 0xfff;
		eoc = 0xff8;
	} else if (f->bits == 16) {
		eoc = 0xfff8;
	} else {
		v &= 0x0fffffff;
		eoc = 0x0ffffff8;
	}
	if (v >= eoc) {
		*next = 0;
		return 0;
	}
	if (!valid_cluster(f, v))
		return corrupt("bad FAT entry for cluster", c);
	if (v == c)
		return corrupt("cluster chain loop at cluster", c);
	*next = v;
	return 0;
}

static uint64_t cluster_off(const struct fat *f, uint32_t c)
{
	return f->data_start + (uint64_t)(c - 2) * f->csize;
}

static uint8_t lfn_checksum(const uint8_t *sname)
{
	uint8_t sum = 0;
	int i;

	for (i = 0; i < 11; i++)
		sum = ((sum & 1) << 7) + (sum >> 1) + sname[i];
	return sum;
}

static char short_char(uint8_t c, bool lower)
{
	if (c < 0x20 || c >= 0x7f)
		return '_';
	if (lower && c >= 'A' && c <= 'Z')
		return c + 'a' - 'A';
	return c;
}

static void short_name(const uint8_t *de, char *out)
{
	int i, n = 0, base = 8, ext = 3;

	while (base > 0 && de[base - 1] == ' ')
		base--;
	while (ext > 0 && de[8 + ext - 1] == ' ')
		ext--;
	for (i = 0; i < base; i++)
		out[n++] = short_char(i == 0 && de[0] == 0x05 ? 0xe5 : de[i],
				      de[DE_NTRES] & NTRES_LOWER_BASE);
	if (ext)
		out[n++] = '.';
	for (i = 0; i < ext; i++)
		out[n++] = short_char(de[8 + i],
				      de[DE_NTRES] & NTRES_LOWER_EXT);
	out[n] = '\0';
}

typedef int (*ent_fn)(struct fat *f, const struct fat_ent *e, void *arg);

/*
 * Call fn for each entry of the directory starting at cluster dir (0: the
 * fixed FAT12/16 root). fn returns non-zero to stop (returned).
 */
static int walk_dir(struct fat *f, uint32_t dir, ent_fn fn, void *arg)
{
	struct fat_ent ent;
	uint32_t c = dir, pos = 0, steps = 0, n;
	uint64_t off;
	int lfn_next = 0, lfn_count = 0, ret, i;
	uint8_t lfn_sum = 0, *u;
	const uint8_t *de;

	if (dir && !valid_cluster(f, dir))
		return corrupt("bad directory cluster", dir);
	for (n = 0; n < DIR_MAX_ENTRIES; n++, pos += DE_SIZE) {
		if (!dir && n >= f->root_entries)
			return 0;
		if (dir && pos == f->csize) {
			ret = fat_next(f, c, &c);
			if (ret)
				return ret;
			if (!c)
				return 0;
			if (++steps > f->clusters)
				return corrupt("cluster chain loop in "
					       "directory", dir);
			pos = 0;
		}
		if (pos % f->bps == 0) {
			off = dir ? cluster_off(f, c) + pos :
				    f->root_start + (uint64_t)n * DE_SIZE;
			ret = read_bytes(f, off, f->bps, f->dirbuf);
			if (ret)
				return ret;
		}
		de = f->dirbuf + pos % f->bps;
		if (de[0] == 0)
			return 0;
		if (de[0] == 0xe5) {
			lfn_next = 0;
			continue;
		}
		if ((de[DE_ATTR] & 0x3f) == ATTR_LFN) {
			int ord = de[0] & 0x3f;

			if (de[0] & LFN_LAST) {
				lfn_next = ord >= 1 && ord <= LFN_MAX ? ord : 0;
				lfn_count = lfn_next;
				lfn_sum = de[13];
				memset(f->lfn, 0, sizeof(f->lfn));
			} else if (ord != lfn_next || de[13] != lfn_sum) {
				lfn_next = 0;
			}
			if (!lfn_next)
				continue;
			u = f->lfn + (ord - 1) * LFN_UNITS * 2;
			memcpy(u, de + 1, 10);
			memcpy(u + 10, de + 14, 12);
			memcpy(u + 22, de + 28, 4);
			/* next: the one before; -1: complete */
			lfn_next = ord - 1 ? ord - 1 : -1;
			continue;
		}
		if (de[DE_ATTR] & ATTR_VOLUME) {
			lfn_next = 0;
			continue;
		}
		short_name(de, ent.sname);
		ent.name = ent.sname;
		if (lfn_next == -1 && lfn_checksum(de) == lfn_sum) {
			/* 0xffff pads after the NUL; stop at either */
			for (i = 0; i < lfn_count * LFN_UNITS; i++)
				if (get_le16(f->lfn + 2 * i) == 0xffff)
					memset(f->lfn + 2 * i, 0, 2);
			if (fs_utf16_to_utf8(f->lfn, lfn_count * LFN_UNITS,
					     f->name, sizeof(f->name)))
				ent.name = f->name;
		}
		lfn_next = 0;
		ent.attr = de[DE_ATTR];
		ent.cluster = get_le16(de + DE_CLUS_LO);
		if (f->bits == 32)
			ent.cluster |=
				(uint32_t)get_le16(de + DE_CLUS_HI) << 16;
		ent.size = get_le32(de + DE_FILESIZE);
		ret = fn(f, &ent, arg);
		if (ret)
			return ret;
	}
	return corrupt("directory has more entries than FAT allows, at cluster",
		       dir);
}

static bool name_eq(const char *a, size_t alen, const char *b)
{
	size_t i;
	char x, y;

	for (i = 0; i < alen; i++) {
		x = a[i];
		y = b[i];
		if (!y)
			return false;
		if (x >= 'a' && x <= 'z')
			x -= 'a' - 'A';
		if (y >= 'a' && y <= 'z')
			y -= 'a' - 'A';
		if (x != y)
			return false;
	}
	return !b[alen];
}

struct match {
	const char *comp;
	size_t len;
	struct fat_ent *out;
};

static int match_fn(struct fat *f, const struct fat_ent *e, void *arg)
{
	struct match *m = arg;

	if (!name_eq(m->comp, m->len, e->name) &&
	    !name_eq(m->comp, m->len, e->sname))
		return 0;
	*m->out = *e;
	m->out->name = NULL;	/* both names live only during the walk */
	return 1;
}

/* The directory entry path names; the root is a directory at cluster
 * f->root_cluster (0 for the fixed root). */
static int lookup(struct fat *f, const char *path, struct fat_ent *out)
{
	struct match m = { .out = out };
	const char *comp;
	size_t len;
	int ret;

	memset(out, 0, sizeof(*out));
	out->attr = ATTR_DIR;
	out->cluster = f->root_cluster;
	while ((len = fs_path_next(&path, &comp))) {
		if (!(out->attr & ATTR_DIR))
			return -ENOTDIR;
		if (len > 255)
			return -ENAMETOOLONG;
		if (len == 1 && comp[0] == '.')
			continue;
		if (out->cluster == f->root_cluster && len == 2 &&
		    !memcmp(comp, "..", 2))
			continue;		/* the root is its own parent */
		m.comp = comp;
		m.len = len;
		ret = walk_dir(f, out->cluster, match_fn, &m);
		if (ret < 0)
			return ret;
		if (!ret)
			return -ENOENT;
		if (out->attr & ATTR_DIR) {
			if (!out->cluster && len == 2 && !memcmp(comp, "..", 2))
				out->cluster = f->root_cluster;
			else if (!valid_cluster(f, out->cluster))
				return corrupt("bad directory cluster",
					       out->cluster);
		}
	}
	return 0;
}

static void to_dirent(const struct fat_ent *e, struct fs_dirent *d)
{
	d->name = e->name;
	d->type = e->attr & ATTR_DIR ? FS_TYPE_DIR : FS_TYPE_FILE;
	d->size = e->attr & ATTR_DIR ? 0 : e->size;
}

static int fat_stat(void *priv, const char *path, struct fs_dirent *st)
{
	struct fat_ent e;
	int ret = lookup(priv, path, &e);

	if (ret)
		return ret;
	to_dirent(&e, st);
	st->name = NULL;
	return 0;
}

struct ls_arg {
	int (*cb)(const struct fs_dirent *de, void *arg);
	void *arg;
};

static int ls_fn(struct fat *f, const struct fat_ent *e, void *arg)
{
	struct ls_arg *a = arg;
	struct fs_dirent d;

	to_dirent(e, &d);
	return a->cb(&d, a->arg);
}

static int fat_ls(void *priv, const char *path,
		  int (*cb)(const struct fs_dirent *de, void *arg), void *arg)
{
	struct ls_arg a = { .cb = cb, .arg = arg };
	struct fat *f = priv;
	struct fat_ent e;
	int ret = lookup(f, path, &e);

	if (ret)
		return ret;
	if (!(e.attr & ATTR_DIR))
		return -ENOTDIR;
	return walk_dir(f, e.cluster, ls_fn, &a);
}

static int fat_read(void *priv, const char *path, void *buf, uint64_t offset,
		    uint64_t len, uint64_t *actread)
{
	struct fat *f = priv;
	struct fat_ent e;
	uint8_t *dst = buf;
	uint32_t c, next, run, steps = 0;
	uint64_t skip, in, n;
	int ret;

	*actread = 0;
	ret = lookup(f, path, &e);
	if (ret)
		return ret;
	if (e.attr & ATTR_DIR)
		return -EISDIR;
	if (offset >= e.size || !len)
		return 0;
	if (len > e.size - offset)
		len = e.size - offset;
	c = e.cluster;
	if (!valid_cluster(f, c))
		return corrupt("bad first cluster", c);
	/* Walk to the cluster holding offset. */
	for (skip = offset / f->csize; skip; skip--) {
		ret = fat_next(f, c, &c);
		if (ret)
			return ret;
		if (!c || ++steps > f->clusters)
			return corrupt("cluster chain shorter than the file, "
				       "at cluster", e.cluster);
	}
	in = offset % f->csize;
	while (len) {
		/* Gather a run of consecutive clusters. */
		run = 1;
		for (;;) {
			if ((uint64_t)run * f->csize - in >= len) {
				next = 0;
				break;
			}
			ret = fat_next(f, c + run - 1, &next);
			if (ret)
				return ret;
			if (++steps > f->clusters)
				return corrupt("cluster chain loop at cluster",
					       e.cluster);
			if (next != c + run)
				break;
			run++;
		}
		n = (uint64_t)run * f->csize - in;
		if (n > len)
			n = len;
		ret = read_bytes(f, cluster_off(f, c) + in, n, dst);
		if (ret)
			return ret;
		dst += n;
		len -= n;
		*actread += n;
		in = 0;
		if (len && !next)
			return corrupt("cluster chain shorter than the file, "
				       "at cluster", e.cluster);
		c = next;
	}
	return 0;
}

static int bad_bpb(const char *what)
{
	pr_err("bad BPB: %s\n", what);
	return -EUCLEAN;
}

static bool pow2(uint32_t x)
{
	return x && !(x & (x - 1));
}

/* Check the BPB in b and fill f: -ENODEV quietly if it does not look like
 * FAT at all, -EUCLEAN after a message if it is FAT but inconsistent. */
static int parse_bpb(struct fat *f, const uint8_t *b)
{
	uint32_t bps = get_le16(b + BPB_BPS), spc = b[BPB_SPC];
	uint32_t rsvd = get_le16(b + BPB_RSVD), nfats = b[BPB_NFATS];
	uint32_t rootent = get_le16(b + BPB_ROOTENT), media = b[BPB_MEDIA];
	uint64_t total, fatsz, root_secs, data, clusters, need, active = 0;
	struct blk_dev *dev = f->dev;

	if (!((b[BS_JMP] == 0xeb && b[BS_JMP + 2] == 0x90) ||
	      b[BS_JMP] == 0xe9) ||
	    bps < 512 || bps > 4096 || !pow2(bps) || !pow2(spc) ||
	    !rsvd || !nfats || (media < 0xf8 && media != 0xf0))
		return -ENODEV;
	total = get_le16(b + BPB_TOT16);
	if (!total)
		total = get_le32(b + BPB_TOT32);
	fatsz = get_le16(b + BPB_FATSZ16);
	if (!fatsz) {
		f->bits = 32;
		fatsz = get_le32(b + BPB_FATSZ32);
		if (rootent)
			return bad_bpb("FAT32 with a fixed root directory");
		if (get_le16(b + BPB_EXTFLAGS) & 0x80)
			active = get_le16(b + BPB_EXTFLAGS) & 0x0f;
		if (active >= nfats)
			return bad_bpb("active FAT out of range");
	} else if (!rootent) {
		return bad_bpb("no root directory entries");
	}
	if (!total)
		return bad_bpb("no sectors");
	if (!fatsz)
		return bad_bpb("FAT size 0");
	root_secs = ((uint64_t)rootent * DE_SIZE + bps - 1) / bps;
	data = rsvd + (uint64_t)nfats * fatsz + root_secs;
	if (data >= total)
		return bad_bpb("no room for data");
	if (total * bps > dev->blocks * (uint64_t)dev->block_size)
		return bad_bpb("larger than the device");
	clusters = (total - data) / spc;
	if (!clusters)
		return bad_bpb("no clusters");
	if (f->bits != 32)
		f->bits = clusters <= FAT12_MAX ? 12 : 16;
	if ((f->bits == 16 && clusters > FAT16_MAX) ||
	    (f->bits == 32 && clusters > FAT32_MAX))
		return bad_bpb("too many clusters for the FAT type");
	need = ((clusters + 2) * f->bits + 7) / 8;
	if (need > fatsz * bps)
		return bad_bpb("FAT too small for the cluster count");
	f->bps = bps;
	f->csize = bps * spc;
	f->clusters = clusters;
	f->fat_start = (rsvd + active * fatsz) * bps;
	f->root_start = (rsvd + (uint64_t)nfats * fatsz) * bps;
	f->root_entries = rootent;
	f->data_start = data * bps;
	if (f->bits == 32) {
		f->root_cluster = get_le32(b + BPB_ROOTCLUS);
		if (!valid_cluster(f, f->root_cluster))
			return bad_bpb("root cluster out of range");
	}
	return 0;
}

static void fat_unmount(void *priv)
{
	struct fat *f = priv;

	if (!f)
		return;
	free(f->bounce);
	free(f->fatbuf);
	free(f->dirbuf);
	free(f);
}

static int fat_mount(struct blk_dev *dev, void **priv)
{
	uint8_t bs[512];
	struct fat *f;
	int ret;

	if (!blk_size_ok(dev->block_size) ||
	    dev->blocks * (uint64_t)dev->block_size < sizeof(bs))
		return -ENODEV;
	f = calloc(1, sizeof(*f));
	if (!f)
		return -ENOMEM;
	f->dev = dev;
	f->fatbuf_off = UINT64_MAX;
	f->bounce = malloc(dev->block_size);
	ret = -ENOMEM;
	if (!f->bounce)
		goto fail;
	ret = blk_pread(dev, 0, sizeof(bs), bs, f->bounce);
	if (ret)
		goto fail;
	ret = parse_bpb(f, bs);
	if (ret)
		goto fail;
	f->fatbuf = malloc(f->bps);
	f->dirbuf = malloc(f->bps);
	ret = -ENOMEM;
	if (!f->fatbuf || !f->dirbuf)
		goto fail;
	*priv = f;
	return 0;
fail:
	fat_unmount(f);
	return ret;
}

const struct fs_ops fat_fs_ops = {
	.name = "fat",
	.mount = fat_mount,
	.unmount = fat_unmount,
	.stat = fat_stat,
	.ls = fat_ls,
	.read = fat_read,
};
