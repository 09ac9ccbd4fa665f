// SPDX-License-Identifier: MIT
/* size - set filesize to a file's size, as U-Boot's:
 * size <interface> <dev[:part]> <filename> */
#include <blk.h>
#include <command.h>
#include <env.h>
#include <fs.h>
#include <virtboot.h>

static int do_size(int argc, char *argv[])
{
	struct blk_dev view;
	struct fs *fs;
	uint64_t size;
	int err;

	if (argc != 4)
		return -EINVAL;
	err = fs_open_dev(argv[1], argv[2], &view, &fs);
	if (err)
		return err;
	err = fs_size(fs, argv[3], &size);
	fs_close(fs);
	if (err) {
		printf("** Cannot find file %s **\n", argv[3]);
		return err;
	}
	return env_set_hex("filesize", size);
}

COMMAND(size, .run = do_size,
	.usage = "size <interface> <dev[:part]> <filename>",
	.summary = "determine a file's size",
	.help = "    - set filesize to the size of 'filename'\n");
