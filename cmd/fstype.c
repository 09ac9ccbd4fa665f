// SPDX-License-Identifier: MIT
/* fstype - name the filesystem on a partition, as U-Boot's:
 * fstype <interface> <dev[:part]> [varname] */
#include <blk.h>
#include <command.h>
#include <env.h>
#include <fs.h>
#include <virtboot.h>

static int do_fstype(int argc, char *argv[])
{
	struct blk_dev view;
	struct fs *fs;
	int err;

	if (argc != 3 && argc != 4)
		return -EINVAL;
	err = fs_open_dev(argv[1], argv[2], &view, &fs);
	if (err)
		return err;
	if (argc == 4)
		err = env_set(argv[3], fs_type_name(fs));
	else
		printf("%s\n", fs_type_name(fs));
	fs_close(fs);
	return err;
}

COMMAND(fstype, .run = do_fstype,
	.usage = "fstype <interface> <dev[:part]> [varname]",
	.summary = "look up a filesystem type",
	.help = "    - print the filesystem type, or set varname to it\n");
