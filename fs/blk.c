// SPDX-License-Identifier: MIT
/* blk.c - byte-granular reads over a block device (whole blocks straight
 * to the caller's buffer, partial ones through a bounce block). */
#include <blk.h>
#include <string.h>

int blk_pread(struct blk_dev *dev, uint64_t off, uint64_t len, void *buf,
	      void *bounce)
{
	uint8_t *dst = buf;
	uint32_t bs = dev->block_size;
	uint64_t lba, head, n;
	int ret;

	if (!blk_size_ok(bs) || off + len < off)
		return -EIO;
	lba = off / bs;
	head = off % bs;
	if (head) {
		n = bs - head < len ? bs - head : len;
		ret = blk_read(dev, lba, 1, bounce);
		if (ret)
			return ret;
		memcpy(dst, (uint8_t *)bounce + head, n);
		dst += n;
		len -= n;
		lba++;
	}
	n = len / bs;
	if (n) {
		ret = blk_read(dev, lba, n, dst);
		if (ret)
			return ret;
		dst += n * bs;
		len -= n * bs;
		lba += n;
	}
	if (len) {
		ret = blk_read(dev, lba, 1, bounce);
		if (ret)
			return ret;
		memcpy(dst, bounce, len);
	}
	return 0;
}
