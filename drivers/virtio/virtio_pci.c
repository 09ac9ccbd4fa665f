// SPDX-License-Identifier: MIT
/*
 * virtio_pci.c - the virtio-pci transport, modern interface (Virtual I/O
 * Device 1.2, 4.1.4): the common, notify and device configuration
 * structures that vendor-specific capabilities locate in the BARs.
 * QEMU's virtio-*-pci devices on virt (PCIe) offer it, transitional ones
 * (device IDs 0x1000-0x103f) included.
 */
#define pr_fmt(fmt) "virtio-pci: " fmt
#include <driver.h>
#include <errno.h>
#include <io.h>
#include <pci.h>
#include <stdlib.h>
#include <virtio.h>
#include <virtboot.h>

#define VIRTIO_PCI_VENDOR	0x1af4

/* struct virtio_pci_cap */
#define CAP_CFG_TYPE		3
#define CAP_BAR			4
#define CAP_OFFSET		8
#define CAP_LENGTH		12
#define CAP_NOTIFY_MULT		16
#define CFG_COMMON		1
#define CFG_NOTIFY		2
#define CFG_DEVICE		4

/* struct virtio_pci_common_cfg */
#define DEVICE_FEATURE_SELECT	0x00
#define DEVICE_FEATURE		0x04
#define DRIVER_FEATURE_SELECT	0x08
#define DRIVER_FEATURE		0x0c
#define NUM_QUEUES		0x12
#define DEVICE_STATUS		0x14
#define QUEUE_SELECT		0x16
#define QUEUE_SIZE		0x18
#define QUEUE_ENABLE		0x1c
#define QUEUE_NOTIFY_OFF	0x1e
#define QUEUE_DESC		0x20
#define QUEUE_DRIVER		0x28
#define QUEUE_DEVICE		0x30
#define COMMON_MIN_LEN		0x38

struct vpci {
	uintptr_t common, notify, device;
	uint64_t device_len;
	uint32_t notify_mult;
	struct virtio_dev vd;
};

static struct vpci *vp(struct virtio_dev *vd)
{
	return vd->transport;
}

static uint8_t pci_get_status(struct virtio_dev *vd)
{
	return readb(vp(vd)->common + DEVICE_STATUS);
}

static void pci_set_status(struct virtio_dev *vd, uint8_t status)
{
	writeb(status, vp(vd)->common + DEVICE_STATUS);
}

static uint64_t pci_get_features(struct virtio_dev *vd)
{
	uintptr_t c = vp(vd)->common;
	uint64_t f;

	writel(0, c + DEVICE_FEATURE_SELECT);
	f = readl(c + DEVICE_FEATURE);
	writel(1, c + DEVICE_FEATURE_SELECT);
	return f | (uint64_t)readl(c + DEVICE_FEATURE) << 32;
}

static void pci_set_features(struct virtio_dev *vd, uint64_t f)
{
	uintptr_t c = vp(vd)->common;

	writel(0, c + DRIVER_FEATURE_SELECT);
	writel((uint32_t)f, c + DRIVER_FEATURE);
	writel(1, c + DRIVER_FEATURE_SELECT);
	writel(f >> 32, c + DRIVER_FEATURE);
}

static unsigned int pci_queue_max(struct virtio_dev *vd, unsigned int index)
{
	uintptr_t c = vp(vd)->common;

	if (index >= readw(c + NUM_QUEUES))
		return 0;
	writew(index, c + QUEUE_SELECT);
	if (readw(c + QUEUE_ENABLE))
		return 0;
	return readw(c + QUEUE_SIZE);
}

static int pci_queue_setup(struct virtio_dev *vd, struct virtqueue *vq)
{
	uintptr_t c = vp(vd)->common;

	writew(vq->index, c + QUEUE_SELECT);
	writew(vq->num, c + QUEUE_SIZE);
	writeq((uintptr_t)vq->desc, c + QUEUE_DESC);
	writeq((uintptr_t)vq->avail, c + QUEUE_DRIVER);
	writeq((uintptr_t)vq->used, c + QUEUE_DEVICE);
	writew(1, c + QUEUE_ENABLE);
	return 0;
}

static void pci_notify(struct virtio_dev *vd, unsigned int index)
{
	struct vpci *p = vp(vd);
	uint16_t off;

	writew(index, p->common + QUEUE_SELECT);
	off = readw(p->common + QUEUE_NOTIFY_OFF);
	writew(index, p->notify + (uintptr_t)off * p->notify_mult);
}

static uint8_t pci_config_read8(struct virtio_dev *vd, unsigned int off)
{
	struct vpci *p = vp(vd);

	return off < p->device_len ? readb(p->device + off) : 0;
}

static const struct virtio_ops pci_ops = {
	.get_status = pci_get_status,
	.set_status = pci_set_status,
	.get_features = pci_get_features,
	.set_features = pci_set_features,
	.queue_max = pci_queue_max,
	.queue_setup = pci_queue_setup,
	.notify = pci_notify,
	.config_read8 = pci_config_read8,
};

/* Where a capability's structure is: inside an assigned memory BAR. */
static int cap_region(const struct pci_dev *pd, unsigned int cap,
		      uintptr_t *addr, uint64_t *len)
{
	unsigned int bar = pci_read8(pd, cap + CAP_BAR);
	uint32_t off = pci_read32(pd, cap + CAP_OFFSET);

	*len = pci_read32(pd, cap + CAP_LENGTH);
	if (bar >= PCI_NUM_BARS || !pd->bar[bar] || pd->bar_io[bar] ||
	    off > pd->bar_size[bar] || *len > pd->bar_size[bar] - off)
		return -EINVAL;
	*addr = pd->bar[bar] + off;
	return 0;
}

static int vpci_probe(struct device *dev)
{
	struct pci_dev *pd = dev_to_pci(dev);
	unsigned int cap = 0, type, found = 0;
	uint64_t len;
	struct vpci *p;
	uintptr_t addr;

	if (pd->device < 0x1000 || pd->device > 0x107f)
		return -ENODEV;		/* virtio's range of the vendor ID */
	p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	while ((cap = pci_find_capability(pd, PCI_CAP_ID_VNDR, cap))) {
		type = pci_read8(pd, cap + CAP_CFG_TYPE);
		if (type != CFG_COMMON && type != CFG_NOTIFY &&
		    type != CFG_DEVICE)
			continue;
		if (found & 1 << type || cap_region(pd, cap, &addr, &len))
			continue;	/* the first usable one of each */
		if (type == CFG_COMMON && len < COMMON_MIN_LEN)
			continue;
		found |= 1 << type;
		if (type == CFG_COMMON)
			p->common = addr;
		else if (type == CFG_NOTIFY) {
			p->notify = addr;
			p->notify_mult = pci_read32(pd, cap + CAP_NOTIFY_MULT);
		} else {
			p->device = addr;
			p->device_len = len;
		}
	}
	if (!(found & 1 << CFG_COMMON) || !(found & 1 << CFG_NOTIFY)) {
		pr_err("%s: no modern virtio interface (a legacy-only device?)\n",
		       dev->name);
		free(p);
		return -ENODEV;
	}
	p->vd = (struct virtio_dev){
		.ops = &pci_ops, .transport = p,
		.vendor = pci_read16(pd, PCI_SUBSYSTEM_VENDOR_ID),
		/* Modern IDs are 0x1040 + the device ID; transitional ones
		 * carry it in the subsystem ID. */
		.id = pd->device >= 0x1040 ? pd->device - 0x1040u
					   : pci_read16(pd, PCI_SUBSYSTEM_ID),
	};
	dev->priv = p;
	virtio_add(dev, &p->vd);
	return 0;
}

static const struct pci_id vpci_ids[] = {
	{ VIRTIO_PCI_VENDOR, PCI_ANY_ID, 0, 0 },
	{ 0, 0, 0, 0 },
};

DRIVER(virtio_pci) = {
	.name = "virtio-pci",
	.bus = &pci_bus,
	.ids = vpci_ids,
	.probe = vpci_probe,
};
