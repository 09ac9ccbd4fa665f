// SPDX-License-Identifier: MIT
/*
 * part_efi.c - the GUID partition table (UEFI specification 2.10, section
 * 5.3): a protective MBR, the header at LBA 1 and its copy at the last
 * LBA, each with a CRC-32 of itself and of the entry array. A damaged
 * primary header or array falls back to the backup.
 */
#include <crc32.h>
#include <part.h>
#include <stdio.h>
#include <virtboot.h>
#include "fs_priv.h"

#undef pr_fmt
#define pr_fmt(fmt) "part: " fmt

#define GPT_SIGNATURE	"EFI PART"
#define GPT_HDR_MIN	92
#define GPT_MAX_ENTRIES	4096
#define GPT_ENTRY_MIN	128
#define GPT_ATTR_LEGACY_BOOT (1ULL << 2)

/* Header fields (byte offsets). */
#define H_SIZE		12
#define H_CRC		16
#define H_MY_LBA	24
#define H_FIRST		40
#define H_LAST		48
#define H_ENTRIES	72
#define H_NUM		80
#define H_ENTSIZE	84
#define H_ARRAY_CRC	88

/* Entry fields. */
#define E_TYPE		0
#define E_UNIQUE	16
#define E_START		32
#define E_END		40
#define E_ATTR		48
#define E_NAME		56
#define E_NAME_UNITS	36

struct gpt {
	uint64_t first, last;		/* usable blocks */
	uint64_t entries;		/* LBA of the array */
	uint32_t num, size;		/* entries and bytes per entry */
};

static bool has_pmbr(const uint8_t *b)
{
	int i;

	if (b[510] != 0x55 || b[511] != 0xaa)
		return false;
	for (i = 0; i < 4; i++)
		if (b[0x1be + 16 * i + 4] == 0xee)
			return true;
	return false;
}

/* Check the header at lba and its entry array: 0, -EUCLEAN with *why set,
 * or -EIO. */
static int check_header(struct blk_dev *dev, uint8_t *b, uint64_t lba,
			struct gpt *g, const char **why)
{
	uint32_t bs = dev->block_size, hsize, crc, i;
	uint64_t array_blocks;
	int ret;

	ret = blk_read(dev, lba, 1, b);
	if (ret)
		return ret;
	*why = "no signature";
	if (memcmp(b, GPT_SIGNATURE, 8))
		return -EUCLEAN;
	hsize = get_le32(b + H_SIZE);
	*why = "bad header size";
	if (hsize < GPT_HDR_MIN || hsize > bs)
		return -EUCLEAN;
	crc = get_le32(b + H_CRC);
	memset(b + H_CRC, 0, 4);
	*why = "bad header CRC";
	if (crc32(0, b, hsize) != crc)
		return -EUCLEAN;
	*why = "header in the wrong place";
	if (get_le64(b + H_MY_LBA) != lba)
		return -EUCLEAN;
	g->first = get_le64(b + H_FIRST);
	g->last = get_le64(b + H_LAST);
	g->entries = get_le64(b + H_ENTRIES);
	g->num = get_le32(b + H_NUM);
	g->size = get_le32(b + H_ENTSIZE);
	crc = get_le32(b + H_ARRAY_CRC);
	*why = "bad usable range";
	if (g->first > g->last || g->last >= dev->blocks)
		return -EUCLEAN;
	*why = "unsupported entry count or size";
	if (!g->num || g->num > GPT_MAX_ENTRIES || g->size < GPT_ENTRY_MIN ||
	    g->size > bs || (g->size & (g->size - 1)))
		return -EUCLEAN;
	array_blocks = ((uint64_t)g->num * g->size + bs - 1) / bs;
	*why = "entry array outside the disk";
	if (g->entries < 1 || g->entries > dev->blocks ||
	    array_blocks > dev->blocks - g->entries ||
	    (lba >= g->entries && lba < g->entries + array_blocks))
		return -EUCLEAN;
	/* The CRC covers num * size bytes, whole blocks but the last. */
	{
		uint64_t left = (uint64_t)g->num * g->size;
		uint32_t sum = 0;

		for (i = 0; i < array_blocks; i++) {
			ret = blk_read(dev, g->entries + i, 1, b);
			if (ret)
				return ret;
			sum = crc32(sum, b, left < bs ? left : bs);
			left -= left < bs ? left : bs;
		}
		*why = "bad entry array CRC";
		if (sum != crc)
			return -EUCLEAN;
	}
	*why = NULL;
	return 0;
}

static bool is_zero(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

int part_efi_walk(struct blk_dev *dev, void *buf, part_cb cb, void *arg)
{
	uint8_t *b = buf;
	struct part_info info;
	const uint8_t *e;
	const char *why;
	struct gpt g;
	uint64_t start, end, blk = UINT64_MAX;
	uint32_t i, per_block;
	int ret;

	ret = blk_read(dev, 0, 1, b);
	if (ret)
		return ret;
	if (!has_pmbr(b))
		return -ENODEV;
	ret = check_header(dev, b, 1, &g, &why);
	if (ret == -EUCLEAN) {
		pr_warn("%s: primary GPT header: %s; trying the backup\n",
			dev->name, why);
		ret = check_header(dev, b, dev->blocks - 1, &g, &why);
		if (ret == -EUCLEAN)
			pr_err("%s: backup GPT header: %s; no usable GPT\n",
			       dev->name, why);
	}
	if (ret)
		return ret;

	per_block = dev->block_size / g.size;
	for (i = 0; i < g.num; i++) {
		if (g.entries + i / per_block != blk) {
			blk = g.entries + i / per_block;
			ret = blk_read(dev, blk, 1, b);
			if (ret)
				return ret;
		}
		e = b + (i % per_block) * g.size;
		if (is_zero(e + E_TYPE, 16))
			continue;
		start = get_le64(e + E_START);
		end = get_le64(e + E_END);
		if (start < g.first || start > end || end > g.last) {
			pr_warn("%s: GPT entry %u (blocks %llu-%llu) outside "
				"the usable range, ignored\n", dev->name, i + 1,
				(unsigned long long)start,
				(unsigned long long)end);
			continue;
		}
		memset(&info, 0, sizeof(info));
		info.number = i + 1;
		info.start = start;
		info.size = end - start + 1;
		info.block_size = dev->block_size;
		info.table = PART_TABLE_EFI;
		info.attributes = get_le64(e + E_ATTR);
		info.bootable = info.attributes & GPT_ATTR_LEGACY_BOOT;
		fs_utf16_to_utf8(e + E_NAME, E_NAME_UNITS, info.name,
				 sizeof(info.name));
		part_guid_str(e + E_TYPE, info.type);
		part_guid_str(e + E_UNIQUE, info.uuid);
		ret = cb(&info, arg);
		if (ret)
			return ret;
	}
	return 0;
}
