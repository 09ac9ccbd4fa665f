// SPDX-License-Identifier: MIT
/*
 * virtio_net.c - virtio network devices (Virtual I/O Device 1.2, 5.1) as
 * NICs of the net class, on either transport, legacy or modern: the MAC
 * from the device configuration, no offloads, receive buffers kept
 * posted, polled (no interrupts).
 */
#define pr_fmt(fmt) "virtio-net: " fmt
#include <errno.h>
#include <malloc.h>
#include <net.h>
#include <stdlib.h>
#include <string.h>
#include <timer.h>
#include <virtio.h>
#include <virtboot.h>

#define VIRTIO_NET_F_MAC	5

#define CFG_MAC			0	/* u8 mac[6] */

#define RXQ			0
#define TXQ			1
#define RX_BUFS			64
#define TX_BUFS			32
#define BUF_SIZE		2048	/* header + a frame, rounded up */
#define TX_WAIT_US		(1000 * 1000)

struct vnet {
	struct virtio_dev *vd;
	struct virtqueue rxq, txq;
	struct net_dev net;
	unsigned int hdr_len;	/* 10 legacy, 12 with VERSION_1 */
	uint8_t *rx_bufs, *tx_bufs;
	uint8_t *rx_cur;	/* the buffer recv() handed out, or NULL */
	unsigned int tx_next;	/* the next tx buffer to try */
	bool tx_busy[TX_BUFS];
	bool tx_pending;	/* queued, not yet notified */
};

static int post_rx(struct vnet *n, uint8_t *buf)
{
	struct virtq_buf b = { buf, BUF_SIZE, true };

	return virtqueue_add(&n->rxq, &b, 1, buf);
}

/* Take back the transmit buffers the device is done with. */
static void reclaim_tx(struct vnet *n)
{
	uint8_t *buf;

	while ((buf = virtqueue_get(&n->txq, NULL)))
		n->tx_busy[(buf - n->tx_bufs) / BUF_SIZE] = false;
}

/* One notification for what send() queued: a notification is a trap to
 * QEMU that waits for its I/O thread's lock, so a burst of ACKs goes out
 * with one. */
static void vnet_flush(struct net_dev *dev)
{
	struct vnet *n = dev->priv;

	if (n->tx_pending) {
		n->tx_pending = false;
		virtqueue_kick(&n->txq);
	}
}

static int vnet_send(struct net_dev *dev, const void *frame, size_t len)
{
	struct vnet *n = dev->priv;
	uint64_t start = 0;
	struct virtq_buf b;
	unsigned int i;
	uint8_t *buf;

	if (len > BUF_SIZE - n->hdr_len)
		return -EMSGSIZE;
	for (;;) {
		reclaim_tx(n);
		i = n->tx_next;
		if (!n->tx_busy[i])
			break;
		vnet_flush(dev);	/* the queue is full: let it go */
		if (!start)
			start = timer_us();
		else if (timer_us() - start > TX_WAIT_US) {
			pr_err("%s: transmit queue stuck\n", dev->name);
			return -EIO;
		}
	}
	n->tx_next = (i + 1) % TX_BUFS;
	buf = n->tx_bufs + i * BUF_SIZE;
	memset(buf, 0, n->hdr_len);	/* no offloads, no GSO */
	memcpy(buf + n->hdr_len, frame, len);
	b = (struct virtq_buf){ buf, n->hdr_len + len, false };
	if (virtqueue_add(&n->txq, &b, 1, buf))
		return -ENOSPC;
	n->tx_busy[i] = true;
	n->tx_pending = true;
	return 0;
}

static size_t vnet_recv(struct net_dev *dev, const void **frame)
{
	struct vnet *n = dev->priv;
	uint32_t len;
	uint8_t *buf;

	if (n->rx_cur)
		return 0;		/* the last frame is still out */
	for (;;) {
		buf = virtqueue_get(&n->rxq, &len);
		if (!buf)
			return 0;
		/* A length the device made up is not trusted. */
		if (len > n->hdr_len && len <= BUF_SIZE)
			break;
		post_rx(n, buf);
		virtqueue_kick(&n->rxq);
	}
	n->rx_cur = buf;
	*frame = buf + n->hdr_len;
	return len - n->hdr_len;
}

static void vnet_recv_done(struct net_dev *dev)
{
	struct vnet *n = dev->priv;

	if (!n->rx_cur)
		return;
	post_rx(n, n->rx_cur);
	n->rx_cur = NULL;
	virtqueue_kick(&n->rxq);
}

static int vnet_probe(struct device *dev)
{
	struct virtio_dev *vd = dev_to_virtio(dev);
	struct vnet *n;
	unsigned int i;
	int err;

	err = virtio_negotiate(vd, 1ULL << VIRTIO_NET_F_MAC);
	if (err)
		return err;
	n = calloc(1, sizeof(*n));
	if (!n)
		return -ENOMEM;
	n->vd = vd;
	n->hdr_len = vd->legacy ? 10 : 12;
	n->rx_bufs = memalign(64, (size_t)BUF_SIZE * (RX_BUFS + TX_BUFS));
	if (!n->rx_bufs) {
		err = -ENOMEM;
		goto fail;
	}
	n->tx_bufs = n->rx_bufs + (size_t)BUF_SIZE * RX_BUFS;
	err = virtio_find_vq(vd, RXQ, RX_BUFS, &n->rxq);
	if (!err)
		err = virtio_find_vq(vd, TXQ, TX_BUFS, &n->txq);
	if (err) {
		pr_err("%s: no queues: %d\n", dev->name, err);
		goto fail;
	}
	for (i = 0; i < n->rxq.num; i++)
		post_rx(n, n->rx_bufs + i * BUF_SIZE);
	if (virtio_has(vd, VIRTIO_NET_F_MAC)) {
		for (i = 0; i < 6; i++)
			n->net.mac[i] = virtio_config_read(vd, CFG_MAC + i, 1);
	} else {
		/* No MAC from the device: a fixed locally administered
		 * one, as QEMU's own default. */
		memcpy(n->net.mac, "\x52\x54\x00\x12\x34\x56", 6);
	}
	n->net.send = vnet_send;
	n->net.flush = vnet_flush;
	n->net.recv = vnet_recv;
	n->net.recv_done = vnet_recv_done;
	n->net.priv = n;
	snprintf(n->net.name, sizeof(n->net.name), "virtio-net#%d",
		 net_count());
	virtio_ready(vd);
	virtqueue_kick(&n->rxq);
	dev->priv = n;
	err = net_register(&n->net);
	return err < 0 ? err : 0;
fail:
	virtio_reset(vd);
	free(n->rx_bufs);
	free(n);
	return err;
}

static const uint32_t vnet_ids[] = { VIRTIO_ID_NET, 0 };

DRIVER(virtio_net) = {
	.name = "virtio-net",
	.bus = &virtio_bus,
	.ids = vnet_ids,
	.probe = vnet_probe,
};
