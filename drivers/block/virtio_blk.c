// SPDX-License-Identifier: MIT
/*
 * virtio_blk.c - virtio block devices (Virtual I/O Device 1.2, 5.2) as
 * disks of the block class. A large read goes out as several large
 * requests at once, straight into the destination, so that a kernel
 * loads at the speed QEMU can copy it; polled, with a bounded wait.
 */
#define pr_fmt(fmt) "virtio-blk: " fmt
#include <blk.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <timer.h>
#include <virtio.h>
#include <virtboot.h>

#define VIRTIO_BLK_F_SIZE_MAX	1
#define VIRTIO_BLK_F_SEG_MAX	2
#define VIRTIO_BLK_F_RO		5
#define VIRTIO_BLK_F_BLK_SIZE	6

/* struct virtio_blk_config */
#define CFG_CAPACITY		0	/* le64, 512-byte sectors */
#define CFG_SIZE_MAX		8
#define CFG_SEG_MAX		12

#define VIRTIO_BLK_T_IN		0
#define VIRTIO_BLK_T_OUT	1
#define VIRTIO_BLK_S_OK		0

#define SECTOR			512
#define QUEUE_MAX		128
#define REQ_BYTES		(4UL << 20)	/* one request at most */
#define INFLIGHT		8
#define MAX_SEGS		16		/* data descriptors a request */
#define TIMEOUT_US		(10ULL * 1000000)

struct vblk_req {
	struct {		/* struct virtio_blk_req's header */
		uint32_t type;
		uint32_t reserved;
		uint64_t sector;
	} hdr;
	uint8_t status;
	bool busy;
};

struct vblk {
	struct virtio_dev *vd;
	struct virtqueue vq;
	struct blk_dev blk;
	uint32_t seg_bytes;	/* largest data descriptor (size_max) */
	unsigned int max_segs;	/* data descriptors a request may have */
	bool broken;		/* stopped answering: no more requests */
	struct vblk_req req[INFLIGHT];
	char desc[32];
};

/* Queue one request for [sector, + bytes) at buf; the data is cut into
 * descriptors of at most seg_bytes. */
static int submit(struct vblk *b, struct vblk_req *r, bool write,
		  uint64_t sector, uint8_t *buf, uint64_t bytes)
{
	struct virtq_buf bufs[MAX_SEGS + 2];
	unsigned int n = 0;
	uint64_t chunk;

	r->hdr.type = write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN;
	r->hdr.reserved = 0;
	r->hdr.sector = sector;
	r->status = 0xff;
	bufs[n++] = (struct virtq_buf){ &r->hdr, sizeof(r->hdr), false };
	while (bytes) {
		chunk = MIN(bytes, (uint64_t)b->seg_bytes);
		bufs[n++] = (struct virtq_buf){ buf, chunk, !write };
		buf += chunk;
		bytes -= chunk;
	}
	bufs[n++] = (struct virtq_buf){ &r->status, 1, true };
	r->busy = true;
	return virtqueue_add(&b->vq, bufs, n, r);
}

/* Wait for one request to finish: 0, -EIO (the device said so), or
 * -ETIMEDOUT (it said nothing: the disk is given up). */
static int complete_one(struct vblk *b)
{
	uint64_t start = timer_us();
	struct vblk_req *r;
	unsigned int spins = 0;

	while (!(r = virtqueue_get(&b->vq, NULL))) {
		/* The clock only now and then: reading it is slow under
		 * TCG, and QEMU's I/O thread wants the CPU meanwhile. */
		if (++spins % 4096)
			continue;
		if (timer_us() - start > TIMEOUT_US) {
			pr_err("%s: no answer in %llu s, disk given up\n",
			       b->blk.name,
			       (unsigned long long)(TIMEOUT_US / 1000000));
			b->broken = true;
			virtio_reset(b->vd);
			return -ETIMEDOUT;
		}
	}
	r->busy = false;
	if (r->status != VIRTIO_BLK_S_OK) {
		pr_err("%s: %s error at sector %llu (status %u)\n",
		       b->blk.name,
		       r->hdr.type == VIRTIO_BLK_T_OUT ? "write" : "read",
		       (unsigned long long)r->hdr.sector, r->status);
		return -EIO;
	}
	return 0;
}

static int transfer(struct vblk *b, uint64_t lba, uint64_t count,
		    uint8_t *buf, bool write)
{
	uint64_t left = count * SECTOR, per_req, n;
	unsigned int inflight = 0, i;
	int err = 0, e;

	if (b->broken)
		return -EIO;
	per_req = MIN((uint64_t)REQ_BYTES,
		      (uint64_t)b->seg_bytes * b->max_segs);
	per_req -= per_req % SECTOR;
	while ((left || inflight) && !b->broken) {
		/* Keep INFLIGHT requests going while there is more. */
		while (left && inflight < INFLIGHT && !err) {
			for (i = 0; b->req[i].busy; i++)
				;
			n = MIN(left, per_req);
			if (submit(b, &b->req[i], write, lba, buf, n))
				break;		/* ring full: wait a bit */
			inflight++;
			lba += n / SECTOR;
			buf += n;
			left -= n;
		}
		virtqueue_kick(&b->vq);
		if (!inflight)
			break;
		e = complete_one(b);
		if (e == -ETIMEDOUT)
			return e;
		inflight--;
		if (e && !err) {
			err = e;
			left = 0;	/* let the rest drain, start no more */
		}
	}
	return err;
}

static int vblk_read(struct blk_dev *dev, uint64_t lba, uint64_t count,
		     void *buf)
{
	return transfer(dev->priv, lba, count, buf, false);
}

static int vblk_write(struct blk_dev *dev, uint64_t lba, uint64_t count,
		      const void *buf)
{
	return transfer(dev->priv, lba, count, (void *)buf, true);
}

static int vblk_probe(struct device *dev)
{
	struct virtio_dev *vd = dev_to_virtio(dev);
	uint32_t size_max = 0, seg_max = 0;
	struct vblk *b;
	int err;

	err = virtio_negotiate(vd, 1ULL << VIRTIO_BLK_F_SIZE_MAX |
				   1ULL << VIRTIO_BLK_F_SEG_MAX |
				   1ULL << VIRTIO_BLK_F_RO |
				   1ULL << VIRTIO_BLK_F_BLK_SIZE);
	if (err)
		return err;
	b = calloc(1, sizeof(*b));
	if (!b)
		return -ENOMEM;
	b->vd = vd;
	if (virtio_has(vd, VIRTIO_BLK_F_SIZE_MAX))
		size_max = virtio_config_read(vd, CFG_SIZE_MAX, 4);
	if (virtio_has(vd, VIRTIO_BLK_F_SEG_MAX))
		seg_max = virtio_config_read(vd, CFG_SEG_MAX, 4);
	b->seg_bytes = size_max >= SECTOR ? size_max & ~(SECTOR - 1) :
					    REQ_BYTES;
	b->max_segs = seg_max ? MIN(seg_max, (uint32_t)MAX_SEGS) : 1;
	err = virtio_find_vq(vd, 0, QUEUE_MAX, &b->vq);
	if (err) {
		pr_err("%s: no request queue: %d\n", dev->name, err);
		free(b);
		return err;
	}
	virtio_ready(vd);
	if (vd->vendor == 0x554d4551)	/* "QEMU", virtio-mmio's vendor */
		snprintf(b->desc, sizeof(b->desc), "QEMU VirtIO Block Device");
	else
		snprintf(b->desc, sizeof(b->desc), "%04x VirtIO Block Device",
			 (unsigned int)vd->vendor);
	b->blk = (struct blk_dev){
		.block_size = SECTOR,
		.blocks = virtio_config_read(vd, CFG_CAPACITY, 8),
		.read = vblk_read,
		.write = virtio_has(vd, VIRTIO_BLK_F_RO) ? NULL : vblk_write,
		.priv = b,
		.desc = b->desc,
	};
	dev->priv = b;
	err = blk_register(&b->blk, "virtio");
	return err < 0 ? err : 0;
}

static const uint32_t vblk_ids[] = { VIRTIO_ID_BLOCK, 0 };

DRIVER(virtio_blk) = {
	.name = "virtio-blk",
	.bus = &virtio_bus,
	.ids = vblk_ids,
	.probe = vblk_probe,
};
