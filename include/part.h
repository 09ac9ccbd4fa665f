/* SPDX-License-Identifier: MIT */
/*
 * part.h - partition tables (MBR/DOS with extended partitions, GPT), read
 * only, numbered as in U-Boot: 0 is the whole disk, 1-4 the MBR's primary
 * entries (or GPT entries 1..N), 5 on the logical partitions in chain
 * order.
 */
#ifndef PART_H
#define PART_H

#include <blk.h>
#include <stdbool.h>
#include <stdint.h>

enum part_table {
	PART_TABLE_NONE,	/* no table: only partition 0 */
	PART_TABLE_DOS,
	PART_TABLE_EFI,
};

#define PART_NAME_LEN	112	/* a GPT name (36 UTF-16 units) in UTF-8 */
#define PART_UUID_LEN	37	/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" */

struct part_info {
	int number;
	uint64_t start;		/* first block, in the disk's blocks */
	uint64_t size;		/* blocks */
	uint32_t block_size;
	enum part_table table;
	uint8_t sys_ind;	/* DOS type byte (0x83, 0x0c...); 0 for GPT */
	bool bootable;		/* DOS 0x80 flag, or GPT attribute bit 2
				 * (legacy BIOS bootable) */
	uint64_t attributes;	/* GPT attribute bits; DOS: 0 */
	char name[PART_NAME_LEN];	/* GPT name; DOS: "" */
	char type[PART_UUID_LEN];	/* GPT type GUID; DOS: "0x83" */
	char uuid[PART_UUID_LEN];	/* GPT unique GUID; DOS: the Linux
					 * PARTUUID, "<disk id>-<nn>" */
};

/* The table on dev: PART_TABLE_NONE when there is none (or it is not
 * readable: a message says why). */
enum part_table part_table_type(struct blk_dev *dev);
const char *part_table_name(enum part_table t);	/* "DOS", "EFI", "none" */

/*
 * Call cb for each partition in number order (not partition 0); cb returns
 * non-zero to stop, and that value is returned. 0 when all were seen,
 * -ENOENT when dev has no partition table, -EUCLEAN when the table is
 * damaged beyond use, -EIO on a read error.
 */
int part_foreach(struct blk_dev *dev,
		 int (*cb)(const struct part_info *info, void *arg), void *arg);

/* Partition n (0: the whole disk): 0, -ENOENT (no such partition or no
 * table), -EUCLEAN, -EIO. */
int part_get_info(struct blk_dev *dev, int n, struct part_info *info);

/* How many partitions (0 without a table), or a negative errno. */
int part_count(struct blk_dev *dev);

/* The partition U-Boot's "dev" or "dev:auto" means: the whole disk (0)
 * without a table, else the first bootable partition, else the first one;
 * a negative errno for a damaged table or a table with no partition. */
int part_auto(struct blk_dev *dev);

/* The number of the GPT partition with that name; -ENOENT when there is
 * none (or no table), or as part_foreach. */
int part_by_name(struct blk_dev *dev, const char *name);

/* Make view a block device for partition n of dev (0: the whole disk),
 * named "<dev>:<n>". dev must outlive view. 0 or as part_get_info. */
int part_blk(struct blk_dev *dev, int n, struct blk_dev *view);

#endif
