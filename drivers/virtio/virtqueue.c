// SPDX-License-Identifier: MIT
/*
 * virtqueue.c - split virtqueues (Virtual I/O Device 1.2, 2.7): the
 * descriptor table, the available ring the driver fills and the used ring
 * the device fills, in the legacy layout (2.7.2: used ring on its own
 * 4 KiB page) that every transport accepts. Polled: no interrupts.
 */
#define pr_fmt(fmt) "virtio: " fmt
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <virtio.h>
#include <virtboot.h>

#define RING_ALIGN	4096

/* The device is another observer of RAM (QEMU's thread or the host):
 * order our ring writes before the index it polls, and its index before
 * the entries we read (the "weak barriers" of 2.7.13). */
#define virtio_wmb()	__asm__ volatile("dmb ishst" : : : "memory")
#define virtio_rmb()	__asm__ volatile("dmb ishld" : : : "memory")
#define virtio_mb()	__asm__ volatile("dmb ish" : : : "memory")

int virtqueue_init(struct virtqueue *vq, struct virtio_dev *vd,
		   unsigned int index, unsigned int num)
{
	uint64_t avail_end, used_off, size;
	unsigned int i;

	if (!num || num & (num - 1) || num > 32768)
		return -EINVAL;
	avail_end = 16ULL * num + 6 + 2ULL * num;
	used_off = ALIGN_UP(avail_end, RING_ALIGN);
	size = used_off + ALIGN_UP(6 + 8ULL * num, RING_ALIGN);
	*vq = (struct virtqueue){ .vdev = vd, .index = index, .num = num };
	vq->area = memalign(RING_ALIGN, size);
	vq->cookie = calloc(num, sizeof(*vq->cookie));
	if (!vq->area || !vq->cookie) {
		free(vq->area);
		free(vq->cookie);
		return -ENOMEM;
	}
	memset(vq->area, 0, size);
	vq->area_size = size;
	vq->desc = vq->area;
	vq->avail = (uint16_t *)((char *)vq->area + 16ULL * num);
	vq->used = (uint16_t *)((char *)vq->area + used_off);
	for (i = 0; i < num; i++)
		vq->desc[i].next = i + 1;
	/* Polled: no interrupt per used buffer. A pending interrupt that
	 * nobody takes also slows QEMU's TCG, which looks at it on every
	 * translation block while the CPU polls. */
	vq->avail[0] = VIRTQ_AVAIL_F_NO_INTERRUPT;
	vq->num_free = num;
	return 0;
}

void virtqueue_free(struct virtqueue *vq)
{
	free(vq->area);
	free(vq->cookie);
	vq->area = NULL;
	vq->cookie = NULL;
}

int virtqueue_add(struct virtqueue *vq, const struct virtq_buf *bufs,
		  unsigned int n, void *cookie)
{
	uint16_t head = vq->free_head, d = head, last = head;
	unsigned int i;

	if (!n || n > vq->num_free)
		return -ENOSPC;
	for (i = 0; i < n; i++) {
		last = d;
		vq->desc[d].addr = (uintptr_t)bufs[i].addr;
		vq->desc[d].len = bufs[i].len;
		vq->desc[d].flags = (bufs[i].device_writes ? VIRTQ_DESC_F_WRITE
							   : 0) |
				    (i + 1 < n ? VIRTQ_DESC_F_NEXT : 0);
		d = vq->desc[d].next;
	}
	vq->free_head = vq->desc[last].next;
	vq->num_free -= n;
	vq->cookie[head] = cookie;
	/* avail->ring[avail_idx % num] = head */
	vq->avail[2 + (vq->avail_idx & (vq->num - 1))] = head;
	vq->avail_idx++;
	return 0;
}

void virtqueue_kick(struct virtqueue *vq)
{
	virtio_wmb();		/* descriptors and ring entries first */
	vq->avail[1] = vq->avail_idx;
	virtio_mb();		/* the index before reading the flags */
	if (!(vq->used[0] & VIRTQ_USED_F_NO_NOTIFY))
		vq->vdev->ops->notify(vq->vdev, vq->index);
}

void *virtqueue_get(struct virtqueue *vq, uint32_t *len)
{
	volatile uint16_t *used_idx = &vq->used[1];
	const struct virtq_used_elem *e;
	uint16_t head, d;
	unsigned int n;
	void *cookie;

	if (*used_idx == vq->last_used)
		return NULL;
	virtio_rmb();		/* the index before the element */
	e = (const struct virtq_used_elem *)&vq->used[2] +
	    (vq->last_used & (vq->num - 1));
	head = e->id;
	if (head >= vq->num || !vq->cookie[head]) {
		/* A device that names a request it was never given is
		 * broken: take nothing back from it. */
		pr_err("queue %u: the device returned unknown request %u\n",
		       vq->index, head);
		vq->last_used++;
		return NULL;
	}
	if (len)
		*len = e->len;
	vq->last_used++;
	cookie = vq->cookie[head];
	vq->cookie[head] = NULL;
	/* Give the chain back to the free list. */
	for (d = head, n = 1; vq->desc[d].flags & VIRTQ_DESC_F_NEXT &&
	     n < vq->num; n++)
		d = vq->desc[d].next;
	vq->desc[d].next = vq->free_head;
	vq->free_head = head;
	vq->num_free += n;
	return cookie;
}
