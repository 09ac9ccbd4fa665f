// SPDX-License-Identifier: MIT
/* test_fat.c - host tests of the FAT reader (fs/fat.c) on FAT12/16/32
 * images from mkfs.vfat and mtools, and on damaged copies of them. */
#include <virtboot.h>
#include "fs_check.h"

static struct fs *open_img(struct memdisk *m, uint8_t *img, size_t size,
			   uint32_t bs)
{
	struct fs *fs = NULL;

	memdisk_init(m, img, size, bs);
	CHECK(fs_open(&m->dev, &fs) == 0);
	if (fs)
		CHECK_STR(fs_type_name(fs), "fat");
	return fs;
}

static void test_good(const char *name, uint32_t bs)
{
	static struct ls_result r;
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
	/* Names compare without case; 8.3 aliases work too. */
	check_file(fs, "/HELLO.TXT", "hello.txt");
	check_file(fs, "/Dir/SUB/Data.Bin", "dir/sub/data.bin");
	check_file(fs, "/ALONGF~1.TXT", "A long file name, with spaces.txt");
	check_file(fs, "/a LONG file NAME, with SPACES.txt",
		   "A long file name, with spaces.txt");
	check_file(fs, "/../hello.txt", "hello.txt");	/* root's parent */
	memset(&r, 0, sizeof(r));
	CHECK(fs_ls(fs, "/", ls_collect, &r) == 0);
	CHECK(ls_find(&r, ".") < 0);		/* the root has no . or .. */
	CHECK(ls_find(&r, "VIRTBOOT") < 0);	/* the volume label */
	CHECK(r.count == 7);
	fs_close(fs);
	free(img);
}

/* Open a copy of name with one change; expect ret from fs_open, or from
 * reading big.bin when the open succeeds. */
struct bpb_case {
	const char *what;
	int off, width;
	uint32_t value;
	int open_ret;
};

static void test_bpb(const char *name, const struct bpb_case *c)
{
	struct memdisk m;
	struct fs *fs = (void *)1;
	size_t size;
	uint8_t *img = load(name, &size);

	if (c->width == 1)
		img[c->off] = c->value;
	else if (c->width == 2)
		put_le16(img + c->off, c->value);
	else
		put_le32(img + c->off, c->value);
	memdisk_init(&m, img, size, 512);
	if (fs_open(&m.dev, &fs) != c->open_ret)
		fprintf(stderr, "  %s: %s: not refused as expected\n", name,
			c->what);
	CHECK(fs == NULL);
	fs_close(fs);
	free(img);
}

static const struct bpb_case bpb_cases[] = {
	{ "no jump", 0, 1, 0x00, -ENODEV },
	{ "bytes per sector 0", 0x0b, 2, 0, -ENODEV },
	{ "bytes per sector 1000", 0x0b, 2, 1000, -ENODEV },
	{ "sectors per cluster 3", 0x0d, 1, 3, -ENODEV },
	{ "no reserved sectors", 0x0e, 2, 0, -ENODEV },
	{ "no FATs", 0x10, 1, 0, -ENODEV },
	{ "bad media", 0x15, 1, 0x12, -ENODEV },
	{ "FAT size 0 (FAT32 layout with a root)", 0x16, 2, 0, -EUCLEAN },
	{ "no root entries", 0x11, 2, 0, -EUCLEAN },
	{ "no sectors", 0x13, 2, 0, -EUCLEAN },
	{ "reserved sectors past the end", 0x0e, 2, 0xffff, -EUCLEAN },
	{ "too small a FAT", 0x16, 2, 1, -EUCLEAN },
	{ "total sectors 16 past the device", 0x13, 2, 0xfff0, -EUCLEAN },
};

static const struct bpb_case bpb32_cases[] = {
	{ "total sectors past the device", 0x20, 4, 0xfffffff0, -EUCLEAN },
	{ "FAT32 size 0", 0x24, 4, 0, -EUCLEAN },
	{ "FAT32 root cluster 0", 0x2c, 4, 0, -EUCLEAN },
	{ "FAT32 root cluster huge", 0x2c, 4, 0x0ffffff0, -EUCLEAN },
	{ "FAT32 active FAT 5", 0x28, 2, 0x85, -EUCLEAN },
	{ "FAT32 with root entries", 0x11, 2, 512, -EUCLEAN },
	{ "FAT32 FAT size huge", 0x24, 4, 0x10000000, -EUCLEAN },
};

/* Byte offsets of the FAT and the root directory of a FAT12/16 image. */
static void layout(const uint8_t *img, size_t *fat, size_t *fat_len,
		   size_t *root)
{
	uint32_t bps = le16(img + 0x0b), rsvd = le16(img + 0x0e);

	*fat = (size_t)rsvd * bps;
	*fat_len = (size_t)le16(img + 0x16) * bps;
	*root = *fat + img[0x10] * *fat_len;
}

static void test_damage(void)
{
	size_t size, fat, fat_len, root, i;
	uint8_t *img = load("fat16.img", &size), *copy = malloc(size);
	struct memdisk m;
	struct fs *fs;
	uint64_t got;
	char buf[64];
	uint8_t *big = malloc(400000), *de;
	static struct ls_result r;

	memcpy(copy, img, size);
	layout(img, &fat, &fat_len, &root);

	/* Every FAT entry pointing to itself: chains loop at once. */
	for (i = 2; i < fat_len / 2; i++)
		put_le16(img + fat + 2 * i, i);
	fs = open_img(&m, img, size, 512);
	CHECK(fs_read(fs, "/big.bin", big, 0, 400000, &got) == -EUCLEAN);
	CHECK(fs_read(fs, "/hello.txt", buf, 0, sizeof(buf), &got) == 0);
	CHECK(fs_ls(fs, "/many", ls_collect, &r) == -EUCLEAN);
	fs_close(fs);

	/* Entries pointing past the last cluster, or free in a chain. */
	for (i = 2; i < fat_len / 2; i++)
		put_le16(img + fat + 2 * i, i & 1 ? 0xfff0 : 0);
	fs = open_img(&m, img, size, 512);
	CHECK(fs_read(fs, "/big.bin", big, 0, 400000, &got) == -EUCLEAN);
	CHECK(fs_read(fs, "/big.bin", big, 100000, 10, &got) == -EUCLEAN);
	fs_close(fs);
	memcpy(img, copy, size);

	/* A longer loop in a directory's own chain (its second cluster
	 * leads back to the first): the directory walk is bounded. */
	fs = open_img(&m, img, size, 512);
	for (de = img + root; de < img + root + 512 * 32; de += 32) {
		if (!memcmp(de, "MANY       ", 11)) {
			uint16_t first = le16(de + 26);
			uint16_t second = le16(img + fat + 2 * first);

			CHECK(second >= 2 && second < 0xfff0);
			put_le16(img + fat + 2 * second, first);
		}
	}
	memset(&r, 0, sizeof(r));
	CHECK(fs_ls(fs, "/many", ls_collect, &r) == -EUCLEAN);
	CHECK(r.count > 302);	/* entries come round again, then stop */
	fs_close(fs);
	memcpy(img, copy, size);

	/* Long names with a wrong checksum: the short names are used. */
	for (de = img + root; de < img + root + 512 * 32; de += 32)
		if (de[11] == 0x0f)
			de[13] ^= 0x55;
	fs = open_img(&m, img, size, 512);
	CHECK(!fs_exists(fs, "/A long file name, with spaces.txt"));
	check_file(fs, "/ALONGF~1.TXT", "A long file name, with spaces.txt");
	memset(&r, 0, sizeof(r));
	CHECK(fs_ls(fs, "/", ls_collect, &r) == 0);
	CHECK(ls_find(&r, "ALONGF~1.TXT") >= 0);
	fs_close(fs);
	memcpy(img, copy, size);

	/* A directory whose cluster is out of range; a file with cluster 0. */
	for (de = img + root; de < img + root + 512 * 32; de += 32) {
		if (!memcmp(de, "DIR        ", 11))
			put_le16(de + 26, 0xfff0);
		if (!memcmp(de, "HELLO   TXT", 11))
			put_le16(de + 26, 0);
		if (!memcmp(de, "BIG     BIN", 11))
			put_le32(de + 28, 0xffffffff);	/* chain too short */
	}
	fs = open_img(&m, img, size, 512);
	CHECK(fs_ls(fs, "/dir", ls_collect, &r) == -EUCLEAN);
	CHECK(fs_read(fs, "/dir/sub/data.bin", big, 0, 10, &got) == -EUCLEAN);
	CHECK(fs_read(fs, "/hello.txt", buf, 0, sizeof(buf), &got) ==
	      -EUCLEAN);
	CHECK(fs_read(fs, "/big.bin", big, 0, 400000, &got) == -EUCLEAN);
	fs_close(fs);
	memcpy(img, copy, size);

	/* Truncated: the BPB says more than the device holds. */
	memdisk_init(&m, img, size / 2, 512);
	fs = (void *)1;
	CHECK(fs_open(&m.dev, &fs) == -EUCLEAN && !fs);

	/* Seeded random damage to the boot sector, FAT and root: errors at
	 * worst, never a crash or a hang. */
	{
		uint32_t seed = 777;
		size_t span = root + 512 * 32;
		int k, j;

		quiet(true);
		for (k = 0; k < 1500; k++) {
			memcpy(img, copy, span);
			for (j = rnd(&seed) % 16 + 1; j; j--) {
				i = k % 4 == 0 ? rnd(&seed) % 64 :
				    rnd(&seed) % span;
				img[i] = rnd(&seed);
			}
			memdisk_init(&m, img, size, 512);
			if (fs_open(&m.dev, &fs))
				continue;
			fs_ls(fs, "/", ls_collect, &r);
			memset(&r, 0, sizeof(r));
			fs_ls(fs, "/many", ls_collect, &r);
			memset(&r, 0, sizeof(r));
			fs_read(fs, "/big.bin", big, 0, 400000, &got);
			fs_read(fs, "/dir/sub/data.bin", big, 7, 90000, &got);
			fs_close(fs);
		}
		quiet(false);
	}
	free(big);
	free(copy);
	free(img);
}

UNIT_MAIN(
	size_t i;

	test_good("fat12.img", 512);
	test_good("fat16.img", 512);
	test_good("fat32.img", 512);
	test_good("fat12.img", 4096);
	test_good("fat16.img", 4096);
	test_good("fat32.img", 4096);
	test_good("fat16-4k.img", 4096);
	test_good("fat16-4k.img", 512);
	for (i = 0; i < ARRAY_SIZE(bpb_cases); i++)
		test_bpb("fat16.img", &bpb_cases[i]);
	for (i = 0; i < ARRAY_SIZE(bpb32_cases); i++)
		test_bpb("fat32.img", &bpb32_cases[i]);
	test_damage();
)
