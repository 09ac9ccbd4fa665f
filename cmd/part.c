// SPDX-License-Identifier: MIT
/* part - partition tables in U-Boot's shapes: part list, uuid, start,
 * size, number (U-Boot's cmd/part.c usage; DOS and GPT listings as its
 * part_print). */
#include <blk.h>
#include <command.h>
#include <env.h>
#include <fs.h>
#include <part.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

static int print_dos(const struct part_info *p, void *arg)
{
	printf("%3d\t%-10llu\t%-10llu\t%s\t%02x%s\n", p->number,
	       (unsigned long long)p->start, (unsigned long long)p->size,
	       p->uuid, p->sys_ind, p->bootable ? " Boot" : "");
	return 0;
}

static int print_efi(const struct part_info *p, void *arg)
{
	printf("%3d\t0x%08llx\t0x%08llx\t\"%s\"\n", p->number,
	       (unsigned long long)p->start,
	       (unsigned long long)(p->start + p->size - 1), p->name);
	printf("\tattrs:\t0x%016llx\n", p->bootable ? 4ULL : 0ULL);
	printf("\ttype:\t%s\n\tguid:\t%s\n", p->type, p->uuid);
	return 0;
}

struct numbers {
	char *list;
	size_t len;
	bool bootable_only;
};

static int add_number(const struct part_info *p, void *arg)
{
	struct numbers *n = arg;
	size_t used = strlen(n->list);

	if (!n->bootable_only || p->bootable)
		snprintf(n->list + used, n->len - used, "%s%d",
			 used ? " " : "", p->number);
	return 0;
}

static int part_list(int argc, char *argv[])
{
	struct numbers num = { NULL, 0, false };
	struct blk_dev *d;
	enum part_table t;
	int err;

	if (argc < 4 || argc > 6)
		return -EINVAL;
	d = fs_dev_disk(argv[2], argv[3], NULL);
	if (!d)
		return -ENODEV;
	t = part_table_type(d);
	if (argc > 4) {		/* [-bootable] varname: the numbers */
		num.bootable_only = argc == 6;
		if (argc == 6 && strcmp(argv[4], "-bootable"))
			return -EINVAL;
		num.len = 4 * 128;
		num.list = calloc(1, num.len);
		if (!num.list)
			return -ENOMEM;
		part_foreach(d, add_number, &num);
		err = env_set(argv[argc - 1], num.list);
		free(num.list);
		return err;
	}
	if (t == PART_TABLE_NONE) {
		printf("## Unknown partition table type 0\n");
		return -ENOENT;
	}
	printf("\nPartition Map for %s device %s  --   Partition Type: %s\n\n",
	       !strcmp(argv[2], "virtio") ? "VirtIO" : argv[2], argv[3],
	       part_table_name(t));
	if (t == PART_TABLE_DOS) {
		printf("Part\tStart Sector\tNum Sectors\tUUID\t\tType\n");
		err = part_foreach(d, print_dos, NULL);
	} else {
		printf("Part\tStart LBA\tEnd LBA\t\tName\n\tAttributes\n"
		       "\tType GUID\n\tPartition GUID\n");
		err = part_foreach(d, print_efi, NULL);
	}
	return err < 0 ? err : 0;
}

/* part uuid <if> <dev>:<part> [varname] */
static int part_uuid(int argc, char *argv[])
{
	struct part_info info;
	struct blk_dev view;
	int n, err;

	if (argc != 4 && argc != 5)
		return -EINVAL;
	err = fs_dev_part(argv[2], argv[3], &view, &n);
	if (err)
		return err;
	err = part_get_info(view.priv, n, &info);
	if (err || !n) {
		printf("** No partition table - %s %s **\n", argv[2], argv[3]);
		return -ENOENT;
	}
	if (argc == 5)
		return env_set(argv[4], info.uuid);
	printf("%s\n", info.uuid);
	return 0;
}

/* part start|size|number <if> <dev> <part> <varname>: part is a number
 * or a GPT name (number: a name only). */
static int part_field(int argc, char *argv[])
{
	struct part_info info;
	struct blk_dev *d;
	uint64_t n = 0;
	char *end;
	int ret;

	if (argc != 6)
		return -EINVAL;
	d = fs_dev_disk(argv[2], argv[3], NULL);
	if (!d)
		return -ENODEV;
	if (strcmp(argv[1], "number"))
		n = strtoul(argv[4], &end, 16);
	if (!strcmp(argv[1], "number") || *end || end == argv[4]) {
		ret = part_by_name(d, argv[4]);
		if (ret <= 0) {
			printf("** No partition '%s' on %s %s **\n", argv[4],
			       argv[2], argv[3]);
			return -ENOENT;
		}
		n = ret;
	}
	if (!n || n > 128 || part_get_info(d, n, &info)) {
		printf("** Invalid partition %s **\n", argv[4]);
		return -ENOENT;
	}
	if (!strcmp(argv[1], "start"))
		return env_set_hex(argv[5], info.start);
	if (!strcmp(argv[1], "size"))
		return env_set_hex(argv[5], info.size);
	return env_set_hex(argv[5], info.number);
}

static int do_part(int argc, char *argv[])
{
	if (argc < 2)
		return -EINVAL;
	if (!strcmp(argv[1], "list"))
		return part_list(argc, argv);
	if (!strcmp(argv[1], "uuid"))
		return part_uuid(argc, argv);
	if (!strcmp(argv[1], "start") || !strcmp(argv[1], "size") ||
	    !strcmp(argv[1], "number"))
		return part_field(argc, argv);
	if (!strcmp(argv[1], "types") && argc == 2) {
		printf("Supported partition tables: DOS EFI\n");
		return 0;
	}
	return -EINVAL;
}

COMMAND(part, .run = do_part,
	.usage = "part list <interface> <dev> [[-bootable] <varname>]",
	.summary = "disk partition related commands",
	.help = "    - print a device's partition table, or set varname to the\n"
		"      partition numbers (-bootable: the bootable ones only)\n"
		"part uuid <interface> <dev>:<part> [<varname>]\n"
		"    - print (or set varname to) a partition's UUID\n"
		"part start|size <interface> <dev> <part> <varname>\n"
		"    - set varname to the start or size of a partition, in blocks\n"
		"      (part: a number or a GPT name)\n"
		"part number <interface> <dev> <name> <varname>\n"
		"    - set varname to the number of the partition with that name\n"
		"part types\n    - list the partition tables understood\n");
