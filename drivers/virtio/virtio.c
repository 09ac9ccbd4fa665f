// SPDX-License-Identifier: MIT
/*
 * virtio.c - the virtio bus (Virtual I/O Device 1.2, 3.1 device
 * initialization): transports add devices, drivers bind by device ID,
 * and the steps every driver takes: features, queues, DRIVER_OK.
 */
#define pr_fmt(fmt) "virtio: " fmt
#include <errno.h>
#include <virtio.h>
#include <virtboot.h>

static bool virtio_match(const struct device *dev, const struct driver *drv)
{
	const struct virtio_dev *vd = dev_to_virtio(dev);
	const uint32_t *id;

	for (id = drv->ids; id && *id; id++)
		if (*id == vd->id)
			return true;
	return false;
}

const struct bus_type virtio_bus = { .name = "virtio",
				     .match = virtio_match };

void virtio_reset(struct virtio_dev *vd)
{
	vd->ops->set_status(vd, 0);
}

struct device *virtio_add(struct device *parent, struct virtio_dev *vd)
{
	char name[32];

	virtio_reset(vd);
	vd->ops->set_status(vd, VIRTIO_STATUS_ACKNOWLEDGE);
	snprintf(name, sizeof(name), "%s.virtio%u", parent->name,
		 (unsigned int)vd->id);
	return device_add(parent, &virtio_bus, name, vd);
}

int virtio_negotiate(struct virtio_dev *vd, uint64_t wanted)
{
	uint8_t status = VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER;
	uint64_t offered;

	vd->ops->set_status(vd, status);
	offered = vd->ops->get_features(vd);
	if (!vd->legacy) {
		if (!(offered & (1ULL << VIRTIO_F_VERSION_1))) {
			pr_err("device %u does not offer VIRTIO_F_VERSION_1\n",
			       (unsigned int)vd->id);
			return -ENODEV;
		}
		wanted |= 1ULL << VIRTIO_F_VERSION_1;
	} else {
		wanted &= 0xffffffff;	/* legacy devices have 32 bits */
	}
	vd->features = offered & wanted;
	vd->ops->set_features(vd, vd->features);
	if (vd->legacy)
		return 0;	/* no FEATURES_OK step before 1.0 */
	status |= VIRTIO_STATUS_FEATURES_OK;
	vd->ops->set_status(vd, status);
	if (!(vd->ops->get_status(vd) & VIRTIO_STATUS_FEATURES_OK)) {
		pr_err("device %u refused the features\n",
		       (unsigned int)vd->id);
		vd->ops->set_status(vd, VIRTIO_STATUS_FAILED);
		return -ENODEV;
	}
	return 0;
}

int virtio_find_vq(struct virtio_dev *vd, unsigned int index,
		   unsigned int max, struct virtqueue *vq)
{
	unsigned int num = vd->ops->queue_max(vd, index);
	int err;

	if (!num)
		return -ENOENT;
	if (num > max)
		num = max;
	while (num & (num - 1))		/* a power of two at most that */
		num &= num - 1;
	err = virtqueue_init(vq, vd, index, num);
	if (err)
		return err;
	err = vd->ops->queue_setup(vd, vq);
	if (err)
		virtqueue_free(vq);
	return err;
}

void virtio_ready(struct virtio_dev *vd)
{
	vd->ops->set_status(vd, vd->ops->get_status(vd) |
				VIRTIO_STATUS_DRIVER_OK);
}

uint64_t virtio_config_read(struct virtio_dev *vd, unsigned int off,
			    unsigned int len)
{
	uint64_t v = 0;

	while (len--)
		v = v << 8 | vd->ops->config_read8(vd, off + len);
	return v;
}
