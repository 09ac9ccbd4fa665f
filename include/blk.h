/* SPDX-License-Identifier: MIT */
/*
 * blk.h - the block device class as partitions and filesystems see it.
 * A driver (virtio-blk...) fills a struct blk_dev; a partition is another
 * blk_dev whose reads land at an offset in its parent (part.h).
 */
#ifndef BLK_H
#define BLK_H

#include <errno.h>
#include <stdint.h>

/* Damaged on-disk data (Linux's EFSCORRUPTED). picolibc has no EUCLEAN:
 * there it is EBADMSG, whose 117 is taken by EHOSTDOWN. */
#ifndef EUCLEAN
#define EUCLEAN		EBADMSG
#endif

#define BLK_NAME_LEN	32

struct blk_dev {
	char name[BLK_NAME_LEN];	/* "virtio0", "virtio0:1" */
	uint32_t block_size;		/* bytes: a power of two, 512..65536 */
	uint64_t blocks;		/* device size in blocks */
	/* Read count whole blocks from lba on; 0 or a negative errno. Only
	 * called through blk_read(), which has checked the range. */
	int (*read)(struct blk_dev *dev, uint64_t lba, uint64_t count,
		    void *buf);
	/* Write count blocks; NULL on a read-only device. As read. */
	int (*write)(struct blk_dev *dev, uint64_t lba, uint64_t count,
		     const void *buf);
	void *priv;			/* the driver's (a partition: parent) */
	const char *desc;		/* "QEMU VirtIO Block Device" */
	uint64_t offset;		/* a partition: where it starts in
					 * its parent, in blocks */
};

/* Read count blocks at lba into buf: -EIO when the range is not inside
 * the device (overflow-safe) or the driver fails, else 0. */
static inline int blk_read(struct blk_dev *dev, uint64_t lba, uint64_t count,
			   void *buf)
{
	if (!dev || !dev->read || lba > dev->blocks ||
	    count > dev->blocks - lba)
		return -EIO;
	if (!count)
		return 0;
	return dev->read(dev, lba, count, buf);
}

/* Write count blocks from buf at lba: -EROFS on a read-only device, -EIO
 * out of range or on a failure, else 0. */
static inline int blk_write(struct blk_dev *dev, uint64_t lba,
			    uint64_t count, const void *buf)
{
	if (!dev || !dev->write)
		return -EROFS;
	if (lba > dev->blocks || count > dev->blocks - lba)
		return -EIO;
	if (!count)
		return 0;
	return dev->write(dev, lba, count, buf);
}

/* True if the block size is one this code handles. */
static inline int blk_size_ok(uint32_t size)
{
	return size >= 512 && size <= 65536 && !(size & (size - 1));
}

/*
 * Read len bytes from byte offset off of dev into buf. Whole blocks go
 * straight to buf; a partial first or last block goes through bounce
 * (dev->block_size bytes). -EIO past the end of the device.
 */
int blk_pread(struct blk_dev *dev, uint64_t off, uint64_t len, void *buf,
	      void *bounce);

/* --- the class: disks by interface type and number ------------------- */

#define BLK_MAX_DEVS	16

/* A driver registers a disk: numbered per interface type ("virtio") in
 * the order they come, and named "<type><n>". The number, or -ENOSPC. */
int blk_register(struct blk_dev *dev, const char *if_type);
/* Disk n of an interface type, or NULL. */
struct blk_dev *blk_get(const char *if_type, int n);
/* How many disks of an interface type there are. */
int blk_count(const char *if_type);

#endif
