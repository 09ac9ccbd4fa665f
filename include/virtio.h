/* SPDX-License-Identifier: MIT */
/*
 * virtio.h - virtio devices (Virtual I/O Device (VIRTIO) Version 1.2):
 * a transport (virtio-mmio, virtio-pci) finds a device and adds it to the
 * virtio bus; a device driver (virtio-blk) binds by device ID, negotiates
 * features and drives split virtqueues, polled.
 */
#ifndef VIRTIO_H
#define VIRTIO_H

#include <driver.h>
#include <stdbool.h>
#include <stdint.h>

#define VIRTIO_ID_NET		1
#define VIRTIO_ID_BLOCK		2

/* Device status (2.1) */
#define VIRTIO_STATUS_ACKNOWLEDGE	0x01
#define VIRTIO_STATUS_DRIVER		0x02
#define VIRTIO_STATUS_DRIVER_OK		0x04
#define VIRTIO_STATUS_FEATURES_OK	0x08
#define VIRTIO_STATUS_NEEDS_RESET	0x40
#define VIRTIO_STATUS_FAILED		0x80

/* Reserved feature bits (6) */
#define VIRTIO_F_VERSION_1		32

#define VIRTQ_DESC_F_NEXT	1
#define VIRTQ_DESC_F_WRITE	2	/* the device writes this buffer */
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1
#define VIRTQ_USED_F_NO_NOTIFY	1

struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
};

/* A split virtqueue (2.7), laid out as legacy devices need it (one
 * area: descriptors and the available ring, then the used ring on the
 * next page), which modern devices accept too. */
struct virtqueue {
	struct virtio_dev *vdev;
	unsigned int index;
	unsigned int num;		/* entries, a power of two */
	struct virtq_desc *desc;
	uint16_t *avail;		/* flags, idx, ring[num] */
	uint16_t *used;			/* flags, idx, then the elements */
	void *area;			/* what was allocated */
	uint64_t area_size;
	uint16_t free_head, num_free, last_used, avail_idx;
	void **cookie;			/* per head descriptor */
};

struct virtio_dev;

/* What a transport does for the core. Queue addresses are physical (the
 * identity map). */
struct virtio_ops {
	uint8_t (*get_status)(struct virtio_dev *vd);
	void (*set_status)(struct virtio_dev *vd, uint8_t status);
	uint64_t (*get_features)(struct virtio_dev *vd);
	void (*set_features)(struct virtio_dev *vd, uint64_t features);
	/* The largest queue the device offers at index (0: none). */
	unsigned int (*queue_max)(struct virtio_dev *vd, unsigned int index);
	/* Tell the device where the queue is, and enable it. */
	int (*queue_setup)(struct virtio_dev *vd, struct virtqueue *vq);
	void (*notify)(struct virtio_dev *vd, unsigned int index);
	/* Device-specific configuration, byte by byte. */
	uint8_t (*config_read8)(struct virtio_dev *vd, unsigned int off);
};

struct virtio_dev {
	const struct virtio_ops *ops;
	void *transport;		/* the transport's state */
	uint32_t id;			/* VIRTIO_ID_* */
	uint32_t vendor;
	bool legacy;			/* no VIRTIO_F_VERSION_1 */
	uint64_t features;		/* negotiated */
};

extern const struct bus_type virtio_bus;

static inline struct virtio_dev *dev_to_virtio(const struct device *dev)
{
	return dev->bus_priv;
}

/* A transport found a device: reset it, acknowledge it and add it to the
 * bus under parent (the driver binds by vd->id: a driver's ids are a
 * 0-terminated uint32_t list). */
struct device *virtio_add(struct device *parent, struct virtio_dev *vd);

/* Offer the device's features that are in 'wanted' (VIRTIO_F_VERSION_1
 * always, unless legacy), set FEATURES_OK and check it held. */
int virtio_negotiate(struct virtio_dev *vd, uint64_t wanted);
static inline bool virtio_has(const struct virtio_dev *vd, unsigned int bit)
{
	return vd->features & (1ULL << bit);
}
/* Set up queue index with at most max entries. */
int virtio_find_vq(struct virtio_dev *vd, unsigned int index,
		   unsigned int max, struct virtqueue *vq);
/* DRIVER_OK: the device may now use the queues. */
void virtio_ready(struct virtio_dev *vd);
/* Reset the device (it forgets its queues) and free a queue's memory. */
void virtio_reset(struct virtio_dev *vd);
/* Little-endian device configuration fields. */
uint64_t virtio_config_read(struct virtio_dev *vd, unsigned int off,
			    unsigned int len);

/* --- virtqueue.c -------------------------------------------------------- */

struct virtq_buf {
	void *addr;
	uint32_t len;
	bool device_writes;
};

/* Allocate and initialise a queue of num entries (a power of two). */
int virtqueue_init(struct virtqueue *vq, struct virtio_dev *vd,
		   unsigned int index, unsigned int num);
void virtqueue_free(struct virtqueue *vq);
/* Chain n buffers (those the device reads first) as one request known
 * by cookie; -ENOSPC when there are not enough free descriptors. */
int virtqueue_add(struct virtqueue *vq, const struct virtq_buf *bufs,
		  unsigned int n, void *cookie);
/* Make the added requests visible to the device and notify it. */
void virtqueue_kick(struct virtqueue *vq);
/* A request the device has finished (its cookie; *len: bytes the device
 * wrote), or NULL when none has. Its descriptors are free again. */
void *virtqueue_get(struct virtqueue *vq, uint32_t *len);

#endif
