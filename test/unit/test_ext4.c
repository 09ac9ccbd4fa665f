// SPDX-License-Identifier: MIT
/* test_ext4.c - host tests of the ext2/3/4 reader (fs/ext4.c) on images
 * from mkfs.ext4 -d (extents or block maps, 1 and 4 KiB blocks, meta_bg),
 * and on damaged copies of them. */
#include <virtboot.h>
#include "fs_check.h"

#define SB		1024	/* the superblock's byte offset */

static struct fs *open_img(struct memdisk *m, uint8_t *img, size_t size,
			   uint32_t bs)
{
	struct fs *fs = NULL;

	memdisk_init(m, img, size, bs);
	CHECK(fs_open(&m->dev, &fs) == 0);
	if (fs)
		CHECK_STR(fs_type_name(fs), "ext4");
	return fs;
}

/* Where debugfs said an inode is: byte offset in the image. */
static size_t inode_off(const char *img, const char *which, uint32_t bs)
{
	char name[256];
	size_t size, off;
	unsigned long blk, ioff;
	uint8_t *txt;

	snprintf(name, sizeof(name), "%s.%s.imap", img, which);
	txt = load(name, &size);
	txt = realloc(txt, size + 1);
	txt[size] = '\0';
	CHECK(sscanf((char *)txt, "%lu %lx", &blk, &ioff) == 2);
	off = blk * bs + ioff;
	free(txt);
	return off;
}

/* The first block of the root directory. */
static size_t root_block(const char *img, uint32_t bs)
{
	char name[256];
	size_t size;
	unsigned long blk = 0;
	uint8_t *txt;

	snprintf(name, sizeof(name), "%s.root.blocks", img);
	txt = load(name, &size);
	txt = realloc(txt, size + 1);
	txt[size] = '\0';
	CHECK(sscanf((char *)txt, "%lu", &blk) == 1);
	free(txt);
	return blk * bs;
}

static void check_sparse(struct fs *fs)
{
	size_t size, off, chunk = 1 << 20;
	uint8_t *src = load("src/sparse.bin", &size), *buf = malloc(chunk);
	uint64_t got, fsize;

	CHECK(fs_size(fs, "/sparse.bin", &fsize) == 0 && fsize == size);
	for (off = 0; off < size; off += chunk) {
		size_t n = MIN(chunk, size - off);

		memset(buf, 0xa5, n);
		CHECK(fs_read(fs, "/sparse.bin", buf, off, chunk, &got) == 0);
		CHECK(got == n && !memcmp(buf, src + off, n));
	}
	/* Across the data at 5 MiB, starting in the hole. */
	CHECK(fs_read(fs, "/sparse.bin", buf, (5 << 20) - 3000, 9000,
		      &got) == 0);
	CHECK(got == 9000 && !memcmp(buf, src + (5 << 20) - 3000, 9000));
	free(buf);
	free(src);
}

static void check_symlinks(struct fs *fs)
{
	static struct ls_result r;
	struct fs_dirent st;
	char buf[64];
	uint64_t got;
	int i;

	check_file(fs, "/link_abs", "dir/sub/deeper/file.txt");
	check_file(fs, "/link_rel", "dir/sub/deeper/file.txt");
	check_file(fs, "/chain1", "dir/sub/deeper/file.txt");
	check_file(fs, "/slowlink", "dir/sub/deeper/file.txt");
	check_file(fs, "/dirlink/deeper/file.txt", "dir/sub/deeper/file.txt");
	check_file(fs, "/dirlink/deeper/../data.bin", "dir/sub/data.bin");
	check_file(fs, "/dir/sub/uplink", "hello.txt");
	check_file(fs, "/dirlink/uplink", "hello.txt");
	CHECK(fs_read(fs, "/loop_a", buf, 0, sizeof(buf), &got) == -ELOOP);
	CHECK(fs_read(fs, "/loop_a/x", buf, 0, sizeof(buf), &got) == -ELOOP);
	CHECK(fs_read(fs, "/dangling", buf, 0, sizeof(buf), &got) == -ENOENT);
	CHECK(!fs_exists(fs, "/dangling"));
	CHECK(fs_stat(fs, "/dirlink", &st) == 0 && st.type == FS_TYPE_DIR);
	CHECK(fs_stat(fs, "/link_abs", &st) == 0 && st.type == FS_TYPE_FILE);
	CHECK(st.size == 5);
	memset(&r, 0, sizeof(r));
	CHECK(fs_ls(fs, "/dirlink", ls_collect, &r) == 0);
	CHECK(ls_find(&r, "data.bin") >= 0);
	memset(&r, 0, sizeof(r));
	CHECK(fs_ls(fs, "/", ls_collect, &r) == 0);
	CHECK(ls_find(&r, ".") >= 0 && ls_find(&r, "..") >= 0);
	CHECK(ls_find(&r, "lost+found") >= 0);
	i = ls_find(&r, "link_abs");
	CHECK(i >= 0 && r.types[i] == FS_TYPE_SYMLINK);
	CHECK(i >= 0 && r.sizes[i] == strlen("/dir/sub/deeper/file.txt"));
	i = ls_find(&r, "slowlink");
	CHECK(i >= 0 && r.types[i] == FS_TYPE_SYMLINK && r.sizes[i] > 60);
	CHECK(r.links == 10);
	i = ls_find(&r, "fragmented.bin");
	CHECK(i >= 0 && r.sizes[i] == 399 * 8192 + 1000);
}

static void test_good(const char *name, uint32_t bs)
{
	struct memdisk m;
	size_t size;
	uint8_t *img = load(name, &size);
	struct fs *fs = open_img(&m, img, size, bs);

	if (!fs) {
		fprintf(stderr, "  %s, %u-byte blocks: not opened\n", name, bs);
		free(img);
		return;
	}
	check_common(fs);
	check_symlinks(fs);
	check_sparse(fs);
	check_file(fs, "/fragmented.bin", "fragmented.bin");
	/* ext4 names keep their case. */
	CHECK(!fs_exists(fs, "/HELLO.TXT"));
	fs_close(fs);
	free(img);
}

struct sb_case {
	const char *what;
	int off, width;
	uint32_t value;
	int open_ret;
};

static const struct sb_case sb_cases[] = {
	{ "magic", 0x38, 2, 0xef54, -ENODEV },
	{ "block size 128 KiB", 0x18, 4, 7, -EUCLEAN },
	{ "no inodes per group", 0x28, 4, 0, -EUCLEAN },
	{ "inodes per group huge", 0x28, 4, 0x7fffffff, -EUCLEAN },
	{ "no blocks per group", 0x20, 4, 0, -EUCLEAN },
	{ "blocks per group huge", 0x20, 4, 0xffffffff, -EUCLEAN },
	{ "unknown incompat feature", 0x60, 4, 0x800002c2, -EOPNOTSUPP },
	{ "inline data", 0x60, 4, 0x82c2, -EOPNOTSUPP },
	{ "inode size 100", 0x58, 2, 100, -EUCLEAN },
	{ "inode size 8192", 0x58, 2, 8192, -EUCLEAN },
	{ "descriptor size 48", 0xfe, 2, 48, -EUCLEAN },
	{ "descriptor size 0", 0xfe, 2, 0, -EUCLEAN },
	{ "blocks past the device", 0x04, 4, 0x10000000, -EUCLEAN },
	{ "64-bit block count", 0x150, 4, 1, -EUCLEAN },
	{ "no inodes", 0x00, 4, 0, -EUCLEAN },
	{ "more inodes than groups hold", 0x00, 4, 0xfffffff0, -EUCLEAN },
	{ "first data block 5", 0x14, 4, 5, -EUCLEAN },
};

static void test_sb(const struct sb_case *c)
{
	struct memdisk m;
	struct fs *fs = (void *)1;
	size_t size;
	uint8_t *img = load("ext4.img", &size);

	if (c->width == 2)
		put_le16(img + SB + c->off, c->value);
	else
		put_le32(img + SB + c->off, c->value);
	memdisk_init(&m, img, size, 512);
	if (fs_open(&m.dev, &fs) != c->open_ret)
		fprintf(stderr, "  ext4.img: %s: not refused as expected\n",
			c->what);
	CHECK(fs == NULL);
	fs_close(fs);
	free(img);
}

static void test_damage_extents(void)
{
	size_t size, big, root, rootdir;
	uint8_t *img = load("ext4.img", &size), *copy = malloc(size);
	uint8_t *buf = malloc(400000), *eh;
	static struct ls_result r;
	struct memdisk m;
	struct fs *fs;
	uint64_t got, data;

	memcpy(copy, img, size);
	big = inode_off("ext4.img", "big", 4096);
	root = inode_off("ext4.img", "root", 4096);
	rootdir = root_block("ext4.img", 4096);
	eh = img + big + 0x28;
	CHECK(le16(eh) == 0xf30a && le16(eh + 6) == 0);	/* a leaf root */
	data = le32(eh + 12 + 8);

	fs = open_img(&m, img, size, 512);
	/* Depth past the limit, a bad magic, more entries than room. */
	put_le16(eh + 6, 6);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == -EUCLEAN);
	CHECK(fs_exists(fs, "/big.bin"));	/* the inode itself is fine */
	put_le16(eh + 6, 0xffff);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == -EUCLEAN);
	memcpy(img, copy, size);
	eh[0] ^= 1;
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == -EUCLEAN);
	memcpy(img, copy, size);
	put_le16(eh + 2, 5);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == -EUCLEAN);
	memcpy(img, copy, size);
	/* The leaf read as an index: whatever block it names is no node. */
	put_le16(eh + 6, 1);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == -EUCLEAN);
	memcpy(img, copy, size);
	/* An index node that names itself: its depth cannot match. */
	put_le16(eh + 6, 2);
	put_le16(eh + 2, 1);
	put_le32(eh + 12, 0);
	put_le32(eh + 12 + 4, data);
	put_le16(eh + 12 + 8, 0);
	{
		uint8_t *node = img + data * 4096;

		put_le16(node, 0xf30a);
		put_le16(node + 2, 1);
		put_le16(node + 4, 340);
		put_le16(node + 6, 1);
		put_le32(node + 12, 0);
		put_le32(node + 12 + 4, data);
		put_le16(node + 12 + 8, 0);
	}
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == -EUCLEAN);
	memcpy(img, copy, size);
	/* An extent past the end of the filesystem. */
	put_le16(eh + 12 + 6, 0xffff);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == -EUCLEAN);
	memcpy(img, copy, size);
	/* An unwritten extent reads as zeros. */
	put_le16(eh + 12 + 4, le16(eh + 12 + 4) + 32768);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == 0);
	CHECK(got == 300000 && !buf[0] && !buf[4095] && !buf[299999]);
	memcpy(img, copy, size);

	/* A directory larger than the filesystem; a bad entry length; an
	 * entry naming an inode that does not exist. */
	put_le32(img + root + 0x6c, 0xffffffff);
	CHECK(fs_ls(fs, "/", ls_collect, &r) == -EUCLEAN);
	CHECK(!fs_exists(fs, "/hello.txt"));
	memcpy(img, copy, size);
	put_le16(img + rootdir + 4, 0);
	CHECK(fs_ls(fs, "/", ls_collect, &r) == -EUCLEAN);
	put_le16(img + rootdir + 4, 0xfffc);
	CHECK(fs_ls(fs, "/", ls_collect, &r) == -EUCLEAN);
	put_le16(img + rootdir + 4, 12);
	img[rootdir + 6] = 200;			/* name longer than the entry */
	CHECK(fs_ls(fs, "/", ls_collect, &r) == -EUCLEAN);
	memcpy(img, copy, size);
	put_le32(img + rootdir, 0xfffffff0);
	CHECK(fs_ls(fs, "/", ls_collect, &r) == -EUCLEAN);
	memcpy(img, copy, size);
	/* The root directory with a hole in it. */
	put_le32(img + root + 0x28 + 12 + 0, 5);	/* its extent at 5 */
	CHECK(fs_ls(fs, "/", ls_collect, &r) == -EUCLEAN);
	memcpy(img, copy, size);
	/* Group 0's inode table past the end. */
	put_le32(img + 4096 + 8, 0xfffffff0);
	CHECK(!fs_exists(fs, "/"));
	CHECK(fs_ls(fs, "/", ls_collect, &r) == -EUCLEAN);
	memcpy(img, copy, size);
	/* The root not a directory. */
	put_le16(img + root, 0x81a4);
	CHECK(fs_ls(fs, "/", ls_collect, &r) == -EUCLEAN);
	memcpy(img, copy, size);
	fs_close(fs);

	/* A journal that needs recovery: read as it is, with a warning. */
	put_le32(img + SB + 0x60, le32(img + SB + 0x60) | 0x4);
	fs = open_img(&m, img, size, 512);
	if (fs)
		check_file(fs, "/big.bin", "big.bin");
	fs_close(fs);
	memcpy(img, copy, size);

	/* Truncated image. */
	memdisk_init(&m, img, size / 2, 512);
	fs = (void *)1;
	CHECK(fs_open(&m.dev, &fs) == -EUCLEAN && !fs);
	free(buf);
	free(copy);
	free(img);
}

static void test_damage_indirect(void)
{
	size_t size, big;
	uint8_t *img = load("ext2.img", &size), *buf = malloc(400000);
	struct memdisk m;
	struct fs *fs;
	uint64_t got;

	big = inode_off("ext2.img", "big", 1024);
	fs = open_img(&m, img, size, 512);
	/* The single indirect block past the end: the first 12 blocks are
	 * still readable, the rest is an error. */
	put_le32(img + big + 0x28 + 4 * 12, 0xfffffff0);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 12 * 1024, &got) == 0);
	CHECK(got == 12 * 1024);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == -EUCLEAN);
	/* A direct block past the end. */
	put_le32(img + big + 0x28, 0xfffffff0);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 100, &got) == -EUCLEAN);
	/* No map at all: a file of holes reads as zeros. */
	memset(img + big + 0x28, 0, 60);
	CHECK(fs_read(fs, "/big.bin", buf, 0, 400000, &got) == 0);
	CHECK(got == 300000 && !buf[0] && !buf[299999]);
	fs_close(fs);
	free(buf);
	free(img);
}

/* Seeded random damage to the metadata of a small filesystem: errors at
 * worst, never a crash or a hang. */
static void test_random(const char *name, uint32_t bs, int rounds)
{
	size_t size, span, itable = inode_off(name, "root", bs);
	uint8_t *img = load(name, &size), *copy, *buf = malloc(1 << 20);
	static struct ls_result r;
	uint32_t seed = 4242;
	struct memdisk m;
	struct fs *fs;
	uint64_t got;
	size_t i;
	int k, j;

	span = itable + 64 * 1024;
	copy = malloc(span);
	memcpy(copy, img, span);
	quiet(true);
	for (k = 0; k < rounds; k++) {
		memcpy(img, copy, span);
		for (j = rnd(&seed) % 12 + 1; j; j--) {
			switch (k % 4) {
			case 0:			/* the superblock */
				i = SB + rnd(&seed) % 1024;
				break;
			case 1:			/* descriptors */
				i = (bs == 1024 ? 2048 : 4096) +
				    rnd(&seed) % 1024;
				break;
			case 2:			/* inodes near the root */
				i = itable - itable % bs +
				    rnd(&seed) % (4 * bs);
				break;
			default:
				i = rnd(&seed) % span;
				break;
			}
			img[i] = rnd(&seed);
		}
		memdisk_init(&m, img, size, 512);
		if (fs_open(&m.dev, &fs))
			continue;
		memset(&r, 0, sizeof(r));
		fs_ls(fs, "/", ls_collect, &r);
		memset(&r, 0, sizeof(r));
		fs_ls(fs, "/many", ls_collect, &r);
		fs_read(fs, "/big.bin", buf, 0, 1 << 20, &got);
		fs_read(fs, "/chain1", buf, 0, 1 << 20, &got);
		fs_read(fs, "/sparse.bin", buf, 5 << 20, 1 << 20, &got);
		fs_read(fs, "/" DEEP "/bottom.txt", buf, 0, 1 << 20, &got);
		fs_close(fs);
	}
	quiet(false);
	free(copy);
	free(buf);
	free(img);
}

UNIT_MAIN(
	size_t i;

	test_good("ext4.img", 512);
	test_good("ext4.img", 4096);
	test_good("ext4-1k.img", 512);
	test_good("ext4-1k.img", 4096);
	test_good("ext4-noext.img", 512);
	test_good("ext4-metabg.img", 512);
	test_good("ext3.img", 512);
	test_good("ext2.img", 512);
	test_good("ext2.img", 4096);
	test_good("ext2-rev0.img", 512);
	for (i = 0; i < ARRAY_SIZE(sb_cases); i++)
		test_sb(&sb_cases[i]);
	test_damage_extents();
	test_damage_indirect();
	test_random("ext4-1k.img", 1024, 1000);
	test_random("ext2.img", 1024, 1000);
	test_random("ext4.img", 4096, 600);
)
