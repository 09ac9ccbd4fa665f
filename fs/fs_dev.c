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

struct blk_dev *fs_dev_disk(const char *ifname, const char *spec,
			    const char **rest)
{
	struct blk_dev *disk;
	char *end;
	long dev = strtol(spec, &end, 16);

	if (end == spec || dev < 0 ||
	    (rest ? *end && *end != ':' && *end != '#' : *end) ||
	    !(disk = blk_get(ifname, dev))) {
		printf("** Bad device specification %s %s **\n", ifname, spec);
		return NULL;
	}
	if (rest)
		*rest = end;
	return disk;
}

int fs_dev_part(const char *ifname, const char *spec, struct blk_dev *view,
		int *partno)
{
	const char *name = NULL, *sep;
	struct blk_dev *disk = fs_dev_disk(ifname, spec, &sep);
	char *end;
	long part = -1;
	int ret;

	if (!disk)
		return -ENODEV;
	if (*sep == '#') {
		name = sep + 1;
	} else if (*sep == ':' && strcmp(sep + 1, "auto") && sep[1]) {
		part = strtol(sep + 1, &end, 16);
		if (*end || part < 0 || part > 128) {
			printf("** Bad partition specification %s %s **\n",
			       ifname, spec);
			return -EINVAL;
		}
	}
	if (name) {
		part = part_by_name(disk, name);
		if (part <= 0) {
			printf("** No partition named %s on %s %.*s **\n", name,
			       ifname, (int)(sep - spec), spec);
			return -ENOENT;
		}
	} else if (part < 0) {
		part = part_auto(disk);
		if (part < 0) {
			printf("** Cannot read the partitions of %s %.*s **\n",
			       ifname, (int)(sep - spec), spec);
			return part;
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
		       ifname, spec, errno_str(-ret));
	return ret;
}
