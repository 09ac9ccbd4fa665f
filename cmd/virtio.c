// SPDX-License-Identifier: MIT
/* virtio - the virtio disks, in U-Boot's shape: virtio scan (the buses
 * are enumerated at start-up), info, device [dev], part [dev], and raw
 * block read and write, checked against the disk and free RAM. */
#include <blk.h>
#include <command.h>
#include <mem.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

static int current;		/* "virtio device N" */

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

static void print_info(int n, const struct blk_dev *d)
{
	printf("Device %d: %s\n", n, d->desc);
	printf("            Type: Hard Disk%s\n", d->write ? "" : " (read-only)");
	print_capacity(d);
}

/* virtio read|write addr blk# cnt on the current device */
static int rw(int argc, char *argv[], bool write)
{
	struct blk_dev *d = blk_get("virtio", current);
	uint64_t addr, blk, cnt, len;
	int err;

	if (argc != 5)
		return -EINVAL;
	if (parse_hex(argv[2], &addr))
		return cmd_bad_number("virtio", argv[2]);
	if (parse_hex(argv[3], &blk))
		return cmd_bad_number("virtio", argv[3]);
	if (parse_hex(argv[4], &cnt))
		return cmd_bad_number("virtio", argv[4]);
	if (!d) {
		printf("no virtio device %d\n", current);
		return -ENODEV;
	}
	if (cmd_range("virtio", addr, cnt, d->block_size, &len))
		return -EFAULT;
	/* The device writes memory by DMA: free RAM only. Reading memory
	 * for a disk write is harmless anywhere in RAM. */
	if (!write && cmd_check_write("virtio", addr, len, true))
		return -EFAULT;
	if (write && len && !mem_is_ram(addr, len)) {
		printf("virtio: 0x%llx..0x%llx is not inside RAM\n",
		       (unsigned long long)addr, (unsigned long long)(addr + len));
		return -EFAULT;
	}
	printf("\nvirtio %s: device %d block # %llu, count %llu ... ",
	       write ? "write" : "read", current, (unsigned long long)blk,
	       (unsigned long long)cnt);
	err = write ? blk_write(d, blk, cnt, (void *)(uintptr_t)addr) :
		      blk_read(d, blk, cnt, (void *)(uintptr_t)addr);
	printf("%lld blocks %s: %s\n", err ? (long long)err : (long long)cnt,
	       write ? "written" : "read", err ? "ERROR" : "OK");
	return err;
}

static int do_virtio(int argc, char *argv[])
{
	struct blk_dev *d;
	char *end;
	int i;

	if (argc < 2)
		return -EINVAL;
	if (!strcmp(argv[1], "scan") && argc == 2)
		return 0;	/* found when the buses were enumerated */
	if (!strcmp(argv[1], "info") && argc == 2) {
		if (!blk_count("virtio")) {
			printf("No virtio block device found\n");
			return 0;
		}
		for (i = 0; (d = blk_get("virtio", i)); i++)
			print_info(i, d);
		return 0;
	}
	if (!strcmp(argv[1], "device") && argc <= 3) {
		i = argc == 3 ? strtol(argv[2], &end, 16) : current;
		d = blk_get("virtio", i);
		if (!d || (argc == 3 && *end)) {
			printf("\nDevice %s: unknown device\n",
			       argc == 3 ? argv[2] : "0");
			return -ENODEV;
		}
		current = i;
		printf("\n");
		print_info(i, d);
		return 0;
	}
	if (!strcmp(argv[1], "read"))
		return rw(argc, argv, false);
	if (!strcmp(argv[1], "write"))
		return rw(argc, argv, true);
	return -EINVAL;
}

COMMAND(virtio, .run = do_virtio,
	.usage = "virtio scan - initialize virtio bus\n"
		 "virtio info - show all available virtio block devices\n"
		 "virtio device [dev] - show or set current virtio block device\n"
		 "virtio read addr blk# cnt - read `cnt' blocks starting at block\n"
		 "     `blk#' to memory address `addr'\n"
		 "virtio write addr blk# cnt - write `cnt' blocks starting at block\n"
		 "     `blk#' from memory address `addr'",
	.summary = "virtio block devices sub-system");
