// SPDX-License-Identifier: MIT
/* cfi_query.c - the CFI query table (JESD68.01: "QRY", command set,
 * device size, write buffer, erase block regions) turned into a flash
 * bank's geometry; pure, so the host tests run it on hostile tables. */
#include <errno.h>
#include <flash.h>

#define Q_MAGIC		0x10	/* "QRY" */
#define Q_CMDSET	0x13	/* primary vendor command set, LE16 */
#define Q_DEV_SIZE	0x27	/* device size 2^n bytes */
#define Q_BUF_SIZE	0x2a	/* write buffer 2^n bytes, LE16 */
#define Q_NREGIONS	0x2c	/* erase block regions */
#define Q_REGION	0x2d	/* blocks - 1 (LE16), block size / 256 (LE16) */

static unsigned int le16(const uint8_t *q, unsigned int i)
{
	return q[i] | q[i + 1] << 8;
}

int cfi_parse_query(const uint8_t q[CFI_QUERY_LEN], uint64_t bank_size,
		    unsigned int width, struct flash_bank *out)
{
	uint64_t dev_size, block, blocks;
	unsigned int chips, buf_log;

	if (q[Q_MAGIC] != 'Q' || q[Q_MAGIC + 1] != 'R' ||
	    q[Q_MAGIC + 2] != 'Y')
		return -EINVAL;
	if (!width || width > 8 || (width & (width - 1)))
		return -EINVAL;
	if (q[Q_DEV_SIZE] < 12 || q[Q_DEV_SIZE] > 40)
		return -EINVAL;
	dev_size = 1ULL << q[Q_DEV_SIZE];
	if (!bank_size || bank_size % dev_size)
		return -EINVAL;
	chips = bank_size / dev_size;
	if (chips < 1 || chips > width)
		return -EINVAL;
	/* One uniform region is all this driver handles (QEMU's pflash,
	 * most parallel NOR); more would need a block map. */
	if (q[Q_NREGIONS] != 1)
		return -EINVAL;
	blocks = le16(q, Q_REGION) + 1ULL;
	block = le16(q, Q_REGION + 2) ? le16(q, Q_REGION + 2) * 256ULL : 128;
	if (blocks * block != dev_size)
		return -EINVAL;
	buf_log = le16(q, Q_BUF_SIZE);
	if (buf_log > 16)
		return -EINVAL;
	out->width = width;
	out->chips = chips;
	out->erase_size = block * chips;
	out->buffer_size = buf_log ? (1u << buf_log) * chips : 0;
	if (out->buffer_size < width)
		out->buffer_size = 0;	/* not even one bus word: word program */
	out->cmdset = le16(q, Q_CMDSET);
	out->is_cfi = true;
	return 0;
}
