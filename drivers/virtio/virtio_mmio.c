// SPDX-License-Identifier: MIT
/*
 * virtio_mmio.c - the virtio-mmio transport (Virtual I/O Device 1.2, 4.2):
 * version 2, and the legacy version 1 (4.2.4) that QEMU gives unless
 * started with -global virtio-mmio.force-legacy=false. QEMU's virt lists
 * 32 transports; an empty one reads device ID 0 and is left alone.
 */
#define pr_fmt(fmt) "virtio-mmio: " fmt
#include <driver.h>
#include <errno.h>
#include <io.h>
#include <stdlib.h>
#include <virtio.h>
#include <virtboot.h>

#define MAGIC_VALUE		0x000
#define  VIRTIO_MMIO_MAGIC	0x74726976	/* "virt" */
#define VERSION			0x004
#define DEVICE_ID		0x008
#define VENDOR_ID		0x00c
#define DEVICE_FEATURES		0x010
#define DEVICE_FEATURES_SEL	0x014
#define DRIVER_FEATURES		0x020
#define DRIVER_FEATURES_SEL	0x024
#define GUEST_PAGE_SIZE		0x028	/* legacy */
#define QUEUE_SEL		0x030
#define QUEUE_NUM_MAX		0x034
#define QUEUE_NUM		0x038
#define QUEUE_ALIGN		0x03c	/* legacy */
#define QUEUE_PFN		0x040	/* legacy */
#define QUEUE_READY		0x044
#define QUEUE_NOTIFY		0x050
#define STATUS			0x070
#define QUEUE_DESC_LOW		0x080
#define QUEUE_DESC_HIGH		0x084
#define QUEUE_DRIVER_LOW	0x090
#define QUEUE_DRIVER_HIGH	0x094
#define QUEUE_DEVICE_LOW	0x0a0
#define QUEUE_DEVICE_HIGH	0x0a4
#define CONFIG			0x100

#define LEGACY_PAGE		4096

struct vmmio {
	uintptr_t base;
	struct virtio_dev vd;
};

static uintptr_t base_of(struct virtio_dev *vd)
{
	return ((struct vmmio *)vd->transport)->base;
}

static uint8_t mmio_get_status(struct virtio_dev *vd)
{
	return readl(base_of(vd) + STATUS);
}

static void mmio_set_status(struct virtio_dev *vd, uint8_t status)
{
	writel(status, base_of(vd) + STATUS);
}

static uint64_t mmio_get_features(struct virtio_dev *vd)
{
	uintptr_t b = base_of(vd);
	uint64_t f;

	writel(0, b + DEVICE_FEATURES_SEL);
	f = readl(b + DEVICE_FEATURES);
	if (!vd->legacy) {
		writel(1, b + DEVICE_FEATURES_SEL);
		f |= (uint64_t)readl(b + DEVICE_FEATURES) << 32;
	}
	return f;
}

static void mmio_set_features(struct virtio_dev *vd, uint64_t f)
{
	uintptr_t b = base_of(vd);

	writel(0, b + DRIVER_FEATURES_SEL);
	writel((uint32_t)f, b + DRIVER_FEATURES);
	if (!vd->legacy) {
		writel(1, b + DRIVER_FEATURES_SEL);
		writel(f >> 32, b + DRIVER_FEATURES);
	}
}

static unsigned int mmio_queue_max(struct virtio_dev *vd, unsigned int index)
{
	uintptr_t b = base_of(vd);

	writel(index, b + QUEUE_SEL);
	if (!vd->legacy && readl(b + QUEUE_READY))
		return 0;	/* already in use */
	if (vd->legacy && readl(b + QUEUE_PFN))
		return 0;
	return readl(b + QUEUE_NUM_MAX);
}

static int mmio_queue_setup(struct virtio_dev *vd, struct virtqueue *vq)
{
	uintptr_t b = base_of(vd);
	uint64_t desc = (uintptr_t)vq->desc, avail = (uintptr_t)vq->avail,
		 used = (uintptr_t)vq->used;

	writel(vq->index, b + QUEUE_SEL);
	writel(vq->num, b + QUEUE_NUM);
	if (vd->legacy) {
		/* One area: descriptors, available ring, and the used ring
		 * on the next page boundary (2.7.2). */
		writel(LEGACY_PAGE, b + GUEST_PAGE_SIZE);
		writel(LEGACY_PAGE, b + QUEUE_ALIGN);
		if (desc / LEGACY_PAGE > 0xffffffff)
			return -ERANGE;
		writel(desc / LEGACY_PAGE, b + QUEUE_PFN);
		return 0;
	}
	writel((uint32_t)desc, b + QUEUE_DESC_LOW);
	writel(desc >> 32, b + QUEUE_DESC_HIGH);
	writel((uint32_t)avail, b + QUEUE_DRIVER_LOW);
	writel(avail >> 32, b + QUEUE_DRIVER_HIGH);
	writel((uint32_t)used, b + QUEUE_DEVICE_LOW);
	writel(used >> 32, b + QUEUE_DEVICE_HIGH);
	writel(1, b + QUEUE_READY);
	return 0;
}

static void mmio_notify(struct virtio_dev *vd, unsigned int index)
{
	writel(index, base_of(vd) + QUEUE_NOTIFY);
}

static uint8_t mmio_config_read8(struct virtio_dev *vd, unsigned int off)
{
	return readb(base_of(vd) + CONFIG + off);
}

static const struct virtio_ops mmio_ops = {
	.get_status = mmio_get_status,
	.set_status = mmio_set_status,
	.get_features = mmio_get_features,
	.set_features = mmio_set_features,
	.queue_max = mmio_queue_max,
	.queue_setup = mmio_queue_setup,
	.notify = mmio_notify,
	.config_read8 = mmio_config_read8,
};


static int vmmio_probe(struct device *dev)
{
	uint64_t base, size;
	uint32_t version, id;
	struct vmmio *m;
	int err;

	err = dev_read_reg(dev, 0, &base, &size);
	if (err)
		return err;
	if (size < CONFIG)
		return -EINVAL;
	if (readl(base + MAGIC_VALUE) != VIRTIO_MMIO_MAGIC) {
		pr_err("%s: no virtio-mmio magic\n", dev->name);
		return -ENODEV;
	}
	version = readl(base + VERSION);
	id = readl(base + DEVICE_ID);
	if (!id)
		return -ENODEV;		/* an empty transport */
	if (version != 1 && version != 2) {
		pr_err("%s: unknown version %u\n", dev->name, version);
		return -ENODEV;
	}
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->base = base;
	m->vd = (struct virtio_dev){
		.ops = &mmio_ops,
		.transport = m, .id = id, .legacy = version == 1,
		.vendor = readl(base + VENDOR_ID),
	};
	dev->priv = m;
	virtio_add(dev, &m->vd);
	return 0;
}

static const char *const vmmio_compatible[] = { "virtio,mmio", NULL };

DRIVER(virtio_mmio) = {
	.name = "virtio-mmio",
	.compatible = vmmio_compatible,
	.probe = vmmio_probe,
};
