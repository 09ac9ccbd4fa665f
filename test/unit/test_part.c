// SPDX-License-Identifier: MIT
/* test_part.c - host tests of the partition tables (fs/part*.c) on disks
 * made by sfdisk and sgdisk, and on damaged copies of them. */
#include <crc32.h>
#include <errno.h>
#include <fs.h>
#include <part.h>
#include "memdisk.h"

#define GUID_ESP	"c12a7328-f81f-11d2-ba4b-00a0c93ec93b"
#define GUID_LINUX	"0fc63daf-8483-4772-8e79-3d69d8477de4"

static void check_hello(struct blk_dev *disk, int n, const char *type)
{
	struct blk_dev view;
	struct fs *fs;
	char buf[64] = "";
	uint64_t got;

	CHECK(part_blk(disk, n, &view) == 0);
	CHECK(fs_open(&view, &fs) == 0);
	if (!fs)
		return;
	CHECK_STR(fs_type_name(fs), type);
	CHECK(fs_read(fs, "/hello.txt", buf, 0, sizeof(buf), &got) == 0);
	CHECK(got == 17);
	CHECK_STR(buf, "Hello, virtboot!\n");
	fs_close(fs);
}

static void test_mbr(void)
{
	struct memdisk m;
	struct part_info info;
	size_t size;
	uint8_t *img = load("mbr.img", &size);

	memdisk_init(&m, img, size, 512);
	CHECK(part_table_type(&m.dev) == PART_TABLE_DOS);
	CHECK_STR(part_table_name(PART_TABLE_DOS), "DOS");
	CHECK(part_count(&m.dev) == 4);

	CHECK(part_get_info(&m.dev, 0, &info) == 0);
	CHECK(info.start == 0 && info.size == size / 512);
	CHECK(part_get_info(&m.dev, 1, &info) == 0);
	CHECK(info.number == 1 && info.start == 2048 && info.size == 32768);
	CHECK(info.bootable && info.sys_ind == 0x06);
	CHECK(info.table == PART_TABLE_DOS);
	CHECK_STR(info.type, "0x06");
	CHECK_STR(info.uuid, "12345678-01");
	CHECK(part_get_info(&m.dev, 2, &info) == 0);
	CHECK(info.start == 34816 && info.size == 24576 && !info.bootable);
	CHECK(info.sys_ind == 0x83);
	CHECK(part_get_info(&m.dev, 3, &info) == -ENOENT);	/* extended */
	CHECK(part_get_info(&m.dev, 4, &info) == -ENOENT);
	CHECK(part_get_info(&m.dev, 5, &info) == 0);
	CHECK(info.start == 61440 && info.size == 32768);
	CHECK_STR(info.uuid, "12345678-05");
	CHECK(part_get_info(&m.dev, 6, &info) == 0);
	CHECK(info.start == 96256 && info.size == 4096 && info.sys_ind == 1);
	CHECK(part_get_info(&m.dev, 7, &info) == -ENOENT);
	CHECK(part_get_info(&m.dev, -1, &info) == -ENOENT);

	CHECK(part_auto(&m.dev) == 1);		/* the bootable one */
	check_hello(&m.dev, 1, "fat");
	check_hello(&m.dev, 2, "ext4");
	check_hello(&m.dev, 5, "ext4");
	check_hello(&m.dev, 6, "fat");

	/* A loop in the EBR chain: the second EBR links to itself. */
	{
		uint8_t *link1 = img + 59392 * 512 + 0x1be + 16;
		uint8_t *ebr2 = img + 94208 * 512 + 0x1be + 16;

		CHECK(link1[4] == 0x05 && le32(link1 + 8) == 94208 - 59392);
		ebr2[4] = 0x05;
		put_le32(ebr2 + 8, 94208 - 59392);
		put_le32(ebr2 + 12, 2048);
		CHECK(part_count(&m.dev) == 4);
		CHECK(part_get_info(&m.dev, 7, &info) == -ENOENT);
	}

	/* A logical partition past the end of the disk is left out. */
	put_le32(img + 94208 * 512 + 0x1be + 12, 0xfffffff0);
	CHECK(part_count(&m.dev) == 3);
	CHECK(part_get_info(&m.dev, 6, &info) == -ENOENT);

	/* A 4 KiB-block view of the same bytes: everything is past the end
	 * or garbage, and nothing breaks. */
	memdisk_init(&m, img, size, 4096);
	CHECK(part_count(&m.dev) >= 0);

	/* Truncated to 1 MiB: partitions beyond it are left out. */
	memdisk_init(&m, img, 1 << 20, 512);
	CHECK(part_count(&m.dev) == 0);
	CHECK(part_blk(&m.dev, 1, &(struct blk_dev){ 0 }) == -ENOENT);

	/* A boot flag other than 0 or 0x80: not an MBR. */
	memdisk_init(&m, img, size, 512);
	img[0x1be] = 0x12;
	CHECK(part_table_type(&m.dev) == PART_TABLE_NONE);
	CHECK(part_count(&m.dev) == 0);
	CHECK(part_get_info(&m.dev, 1, &info) == -ENOENT);
	CHECK(part_get_info(&m.dev, 0, &info) == 0);
	free(img);

	/* A FAT boot sector ends in 55 aa too: it is not a table. */
	img = load("fat16.img", &size);
	memdisk_init(&m, img, size, 512);
	CHECK(part_table_type(&m.dev) == PART_TABLE_NONE);
	CHECK(part_count(&m.dev) == 0);
	CHECK(part_auto(&m.dev) == 0);		/* the whole disk */
	check_hello(&m.dev, 0, "fat");
	free(img);
}

static void fix_header_crc(uint8_t *h)
{
	put_le32(h + 16, 0);
	put_le32(h + 16, crc32(0, h, le32(h + 12)));
}

static void check_gpt_parts(struct blk_dev *dev)
{
	struct part_info info;

	CHECK(part_count(dev) == 2);
	CHECK(part_get_info(dev, 1, &info) == 0);
	CHECK(info.start == 2048 && info.size == 81920 && !info.bootable);
	CHECK(info.table == PART_TABLE_EFI && info.sys_ind == 0);
	CHECK_STR(info.name, "EFI system");
	CHECK_STR(info.type, GUID_ESP);
	CHECK_STR(info.uuid, "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
	CHECK(part_get_info(dev, 2, &info) == 0);
	CHECK(info.start == 83968 && info.size == 24576 && info.bootable);
	CHECK(info.attributes == 4);
	CHECK_STR(info.name, "rootfs");
	CHECK_STR(info.type, GUID_LINUX);
	CHECK(part_get_info(dev, 3, &info) == -ENOENT);
}

static void test_gpt(void)
{
	struct memdisk m;
	struct part_info info;
	size_t size;
	uint8_t *img = load("gpt.img", &size), *copy = malloc(size);
	uint8_t *h = img + 512, *bh = img + size - 512;

	memcpy(copy, img, size);
	memdisk_init(&m, img, size, 512);
	CHECK(part_table_type(&m.dev) == PART_TABLE_EFI);
	CHECK_STR(part_table_name(PART_TABLE_EFI), "EFI");
	check_gpt_parts(&m.dev);
	check_hello(&m.dev, 1, "fat");
	check_hello(&m.dev, 2, "ext4");
	CHECK(part_auto(&m.dev) == 2);		/* legacy BIOS bootable */

	/* Primary header CRC wrong: the backup header is used. */
	h[56] ^= 1;
	check_gpt_parts(&m.dev);
	h[56] ^= 1;
	/* Primary entry array CRC wrong. */
	img[1024 + 56] ^= 0x20;
	check_gpt_parts(&m.dev);
	img[1024 + 56] ^= 0x20;
	/* A huge entry count (with a good header CRC). */
	put_le32(h + 80, 0xffffffff);
	fix_header_crc(h);
	check_gpt_parts(&m.dev);
	/* An entry size that is not a power of two, or bigger than a block. */
	memcpy(img, copy, 1024);
	put_le32(h + 84, 130);
	fix_header_crc(h);
	check_gpt_parts(&m.dev);
	put_le32(h + 84, 1024);
	fix_header_crc(h);
	check_gpt_parts(&m.dev);
	/* A header size past the block. */
	memcpy(img, copy, 1024);
	put_le32(h + 12, 4096);
	check_gpt_parts(&m.dev);
	/* The array placed past the end of the disk. */
	memcpy(img, copy, 1024);
	put_le32(h + 72, 0xfffffff0);
	fix_header_crc(h);
	check_gpt_parts(&m.dev);
	/* The backup alone damaged: the primary is enough. */
	memcpy(img, copy, 1024);
	bh[0] ^= 1;
	check_gpt_parts(&m.dev);
	/* Both damaged: no table, a clean error. */
	h[0] ^= 1;
	CHECK(part_count(&m.dev) == -EUCLEAN);
	CHECK(part_auto(&m.dev) == -EUCLEAN);
	CHECK(part_get_info(&m.dev, 1, &info) == -EUCLEAN);
	CHECK(part_table_type(&m.dev) == PART_TABLE_EFI);
	memcpy(img, copy, size);

	/* An entry outside the usable range (CRCs made good): left out. */
	{
		uint8_t *e = img + 1024 + 128;	/* entry 2 */
		uint64_t far = 1ULL << 40;

		memcpy(e + 40, &far, 8);
		put_le32(h + 88, crc32(0, img + 1024, 128 * 128));
		fix_header_crc(h);
		CHECK(part_count(&m.dev) == 1);
		CHECK(part_get_info(&m.dev, 2, &info) == -ENOENT);
		memcpy(img, copy, size);
	}

	/* Truncated: the primary's range is past the end, and the last
	 * block holds no backup. */
	memdisk_init(&m, img, size / 2, 512);
	CHECK(part_count(&m.dev) == -EUCLEAN);
	/* Read as 4 KiB blocks: no header where one is looked for. */
	memdisk_init(&m, img, size, 4096);
	CHECK(part_count(&m.dev) == -EUCLEAN);
	/* No protective MBR: not GPT (and an empty MBR). */
	memdisk_init(&m, img, size, 512);
	img[0x1be + 4] = 0;
	CHECK(part_table_type(&m.dev) == PART_TABLE_DOS);
	CHECK(part_count(&m.dev) == 0);
	CHECK(part_auto(&m.dev) == -ENOENT);
	memcpy(img, copy, size);

	/* Random damage to the first 34 blocks: never a crash. */
	{
		uint32_t seed = 12345;
		int i, j;

		quiet(true);
		for (i = 0; i < 3000; i++) {
			memcpy(img, copy, 34 * 512);
			for (j = rnd(&seed) % 8 + 1; j; j--)
				img[rnd(&seed) % (34 * 512)] = rnd(&seed);
			if (i % 3 == 0)
				fix_header_crc(h);
			part_count(&m.dev);
			part_get_info(&m.dev, rnd(&seed) % 130, &info);
		}
		quiet(false);
	}
	free(copy);
	free(img);
}

UNIT_MAIN(
	test_mbr();
	test_gpt();
)
