// SPDX-License-Identifier: MIT
/* blk_class.c - the block device class: disks by interface type and
 * number, as U-Boot's commands name them ("virtio 0"). */
#define pr_fmt(fmt) "blk: " fmt
#include <blk.h>
#include <string.h>
#include <virtboot.h>

static struct {
	struct blk_dev *dev;
	const char *if_type;
	int n;
} disks[BLK_MAX_DEVS];
static int ndisks;

int blk_register(struct blk_dev *dev, const char *if_type)
{
	int n = blk_count(if_type);

	if (ndisks == BLK_MAX_DEVS) {
		pr_err("more than %d disks: %s ignored\n", BLK_MAX_DEVS,
		       dev->desc ? dev->desc : if_type);
		return -ENOSPC;
	}
	disks[ndisks].dev = dev;
	disks[ndisks].if_type = if_type;
	disks[ndisks].n = n;
	ndisks++;
	snprintf(dev->name, sizeof(dev->name), "%s%d", if_type, n);
	return n;
}

struct blk_dev *blk_get(const char *if_type, int n)
{
	int i;

	for (i = 0; i < ndisks; i++)
		if (disks[i].n == n && !strcmp(disks[i].if_type, if_type))
			return disks[i].dev;
	return NULL;
}

int blk_count(const char *if_type)
{
	int i, n = 0;

	for (i = 0; i < ndisks; i++)
		n += !strcmp(disks[i].if_type, if_type);
	return n;
}
