// SPDX-License-Identifier: MIT
/*
 * fs_dev.c - U-Boot's "<interface> <dev>[:<part>]" arguments (doc/usage/
 * partitions.rst): "0:2" is partition 2 of disk 0, "0:0" the whole disk,
 * "0" or "0:auto" the first bootable partition, else the first one, else
 * the whole disk when it has no table; "0#name" a GPT partition by name.
 */
#include <blk.h>
#include <fs.h>
#include <part.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

struct pick {
	const char *name;	/* "#name", or NULL: auto */
	int first, bootable;
};

static int pick_cb(const struct part_info *info, void *arg)
{
	struct pick *p = arg;

	if (p->name)
		return strcmp(info->name, p->name) ? 0 : info->number;
	if (!p->first)
		p->first = info->number;
	if (info->bootable && !p->bootable)
		p->bootable = info->number;
	return 0;
}

int fs_dev_part(const char *ifname, const char *spec, struct blk_dev *view,
		int *partno)
{
	struct pick pick = { NULL, 0, 0 };
	struct blk_dev *disk;
	const char *sep;
	char *end;
	long dev, part = -1;
	int ret;

	dev = strtol(spec, &end, 16);
	if (end == spec || dev < 0 || (*end && *end != ':' && *end != '#') ||
	    !(disk = blk_get(ifname, dev))) {
		printf("** Bad device specification %s %s **\n", ifname, spec);
		return -ENODEV;
	}
	sep = end;
	if (*sep == '#') {
		pick.name = sep + 1;
	} else if (*sep == ':' && strcmp(sep + 1, "auto") && sep[1]) {
		part = strtol(sep + 1, &end, 16);
		if (*end || part < 0 || part > 128) {
			printf("** Bad partition specification %s %s **\n",
			       ifname, spec);
			return -EINVAL;
		}
	}
	if (part < 0) {
		ret = part_foreach(disk, pick_cb, &pick);
		if (pick.name) {
			if (ret <= 0) {
				printf("** No partition named %s on %s %lx **\n",
				       pick.name, ifname, dev);
				return -ENOENT;
			}
			part = ret;
		} else {
			part = pick.bootable ? pick.bootable : pick.first;
		}
	}
	ret = part_blk(disk, part, view);
	if (ret) {
		printf("** Invalid partition %ld **\n", part);
		return ret;
	}
	if (partno)
		*partno = part;
	return 0;
}

int fs_open_dev(const char *ifname, const char *spec, struct blk_dev *view,
		struct fs **fsp)
{
	int ret = fs_dev_part(ifname, spec, view, NULL);

	if (ret)
		return ret;
	ret = fs_open(view, fsp);
	if (ret == -ENODEV)
		printf("** Unrecognized filesystem type **\n");
	else if (ret)
		printf("** Cannot read the filesystem on %s %s: %s **\n",
		       ifname, spec, strerror(-ret));
	return ret;
}
