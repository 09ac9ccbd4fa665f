// SPDX-License-Identifier: MIT
/* virtio - the virtio disks, in U-Boot's shape: virtio scan (the buses
 * are enumerated at start-up), virtio info. */
#include <blk.h>
#include <command.h>
#include <string.h>
#include <virtboot.h>

/* U-Boot's capacity line: tenths of MB and GB, then blocks x size. */
static void print_capacity(const struct blk_dev *d)
{
	uint64_t mb = d->blocks * (d->block_size / 512) * 10 / 2048;
	uint64_t gb = mb / 1024;

	printf("            Capacity: %llu.%llu MB = %llu.%llu GB (%llu x %u)\n",
	       (unsigned long long)(mb / 10), (unsigned long long)(mb % 10),
	       (unsigned long long)(gb / 10), (unsigned long long)(gb % 10),
	       (unsigned long long)d->blocks, (unsigned int)d->block_size);
}

static int do_virtio(int argc, char *argv[])
{
	struct blk_dev *d;
	int i;

	if (argc != 2)
		return -EINVAL;
	if (!strcmp(argv[1], "scan"))
		return 0;	/* found when the buses were enumerated */
	if (strcmp(argv[1], "info"))
		return -EINVAL;
	if (!blk_count("virtio")) {
		printf("No virtio block device found\n");
		return 0;
	}
	for (i = 0; (d = blk_get("virtio", i)); i++) {
		printf("Device %d: %s\n", i, d->desc);
		printf("            Type: Hard Disk%s\n",
		       d->write ? "" : " (read-only)");
		print_capacity(d);
	}
	return 0;
}

COMMAND(virtio, .run = do_virtio, .usage = "virtio scan | info",
	.summary = "virtio block devices",
	.help = "    - the disks found on virtio-mmio and PCI\n");
