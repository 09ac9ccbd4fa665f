// SPDX-License-Identifier: MIT
/*
 * part_dos.c - the DOS/MBR partition table: four primary entries at 0x1be
 * of block 0, and logical partitions in a chain of extended boot records
 * (each: one logical entry relative to itself, one link relative to the
 * extended partition). Logical partitions are numbered from 5.
 */
#include <part.h>
#include <stdio.h>
#include <virtboot.h>
#include "fs_priv.h"

#undef pr_fmt
#define pr_fmt(fmt) "part: " fmt

#define MBR_DISK_ID	0x1b8
#define MBR_TABLE	0x1be
#define MBR_SIG		0x1fe
#define ENT_BOOT	0
#define ENT_TYPE	4
#define ENT_START	8
#define ENT_SIZE	12
#define TYPE_GPT_PMBR	0xee
#define MAX_LOGICAL	128	/* bounds the EBR chain (and any loop in it) */

static bool is_extended(uint8_t type)
{
	return type == 0x05 || type == 0x0f || type == 0x85;
}

static bool has_signature(const uint8_t *b)
{
	return b[MBR_SIG] == 0x55 && b[MBR_SIG + 1] == 0xaa;
}

/* A FAT boot sector also ends in 55 aa: do not read its code as a table. */
static bool is_fat_boot_sector(const uint8_t *b)
{
	return (b[0] == 0xeb || b[0] == 0xe9) &&
	       (!memcmp(b + 0x36, "FAT", 3) || !memcmp(b + 0x52, "FAT32", 5));
}

/* Fill info for the entry e (start relative to base); false if it is not
 * inside the disk. */
static bool fill(struct blk_dev *dev, const uint8_t *e, uint64_t base,
		 int number, uint32_t disk_id, struct part_info *info)
{
	uint64_t start = base + get_le32(e + ENT_START);
	uint64_t size = get_le32(e + ENT_SIZE);

	if (start > dev->blocks || size > dev->blocks - start) {
		pr_warn("partition %d (blocks %llu+%llu) is past the end of "
			"%s, ignored\n", number, (unsigned long long)start,
			(unsigned long long)size, dev->name);
		return false;
	}
	memset(info, 0, sizeof(*info));
	info->number = number;
	info->start = start;
	info->size = size;
	info->block_size = dev->block_size;
	info->table = PART_TABLE_DOS;
	info->sys_ind = e[ENT_TYPE];
	info->bootable = e[ENT_BOOT] & 0x80;
	snprintf(info->type, sizeof(info->type), "0x%02x", e[ENT_TYPE]);
	snprintf(info->uuid, sizeof(info->uuid), "%08x-%02x",
		 (unsigned)disk_id, number);
	return true;
}

static int walk_logical(struct blk_dev *dev, uint8_t *b, uint64_t ext_start,
			uint64_t ext_size, uint32_t disk_id, part_cb cb,
			void *arg)
{
	struct part_info info;
	uint64_t ebr = ext_start, seen[MAX_LOGICAL];
	const uint8_t *e;
	int number = 5, i, j, ret;

	for (i = 0; i < MAX_LOGICAL; i++) {
		for (j = 0; j < i; j++) {
			if (seen[j] == ebr) {
				pr_warn("%s: extended boot records form a "
					"loop, stopped\n", dev->name);
				return 0;
			}
		}
		seen[i] = ebr;
		if (ebr >= ext_start + ext_size || ebr >= dev->blocks) {
			pr_warn("%s: extended boot record outside the extended "
				"partition or the disk\n", dev->name);
			return 0;
		}
		ret = blk_read(dev, ebr, 1, b);
		if (ret)
			return ret;
		if (!has_signature(b)) {
			pr_warn("%s: extended boot record at %llu has no "
				"signature\n", dev->name,
				(unsigned long long)ebr);
			return 0;
		}
		e = b + MBR_TABLE;
		if (e[ENT_TYPE] && get_le32(e + ENT_SIZE) &&
		    !is_extended(e[ENT_TYPE]) &&
		    fill(dev, e, ebr, number, disk_id, &info)) {
			number++;
			ret = cb(&info, arg);
			if (ret)
				return ret;
		}
		e = b + MBR_TABLE + 16;
		if (!is_extended(e[ENT_TYPE]) || !get_le32(e + ENT_SIZE) ||
		    !get_le32(e + ENT_START))
			return 0;
		ebr = ext_start + get_le32(e + ENT_START);
	}
	pr_warn("%s: more than %d logical partitions, stopped\n",
		dev->name, MAX_LOGICAL);
	return 0;
}

int part_dos_walk(struct blk_dev *dev, void *buf, part_cb cb, void *arg)
{
	uint8_t *b = buf;
	struct part_info info;
	uint64_t ext_start = 0, ext_size = 0;
	uint32_t disk_id;
	const uint8_t *e;
	int i, ret;

	ret = blk_read(dev, 0, 1, b);
	if (ret)
		return ret;
	if (!has_signature(b) || is_fat_boot_sector(b))
		return -ENODEV;
	for (i = 0; i < 4; i++) {
		e = b + MBR_TABLE + 16 * i;
		if ((e[ENT_BOOT] & 0x7f) || e[ENT_TYPE] == TYPE_GPT_PMBR)
			return -ENODEV;
	}
	disk_id = get_le32(b + MBR_DISK_ID);
	for (i = 0; i < 4; i++) {
		e = b + MBR_TABLE + 16 * i;
		if (!e[ENT_TYPE] || !get_le32(e + ENT_SIZE))
			continue;
		if (is_extended(e[ENT_TYPE])) {
			if (!ext_size && get_le32(e + ENT_START)) {
				ext_start = get_le32(e + ENT_START);
				ext_size = get_le32(e + ENT_SIZE);
			}
			continue;
		}
		if (!fill(dev, e, 0, i + 1, disk_id, &info))
			continue;
		ret = cb(&info, arg);
		if (ret)
			return ret;
	}
	if (ext_size)
		return walk_logical(dev, b, ext_start, ext_size, disk_id, cb,
				    arg);
	return 0;
}
