// SPDX-License-Identifier: MIT
/* ls - list a directory of a filesystem on a disk, in U-Boot's shapes
 * (ext4: "<DIR>  size name"; FAT: "size   name", then the count):
 * ls <interface> <dev[:part]> [directory]; fatls and ext4ls as aliases. */
#include <blk.h>
#include <command.h>
#include <fs.h>
#include <string.h>
#include <virtboot.h>

struct listing {
	bool fat;
	unsigned int files, dirs;
};

static int show(const struct fs_dirent *de, void *arg)
{
	struct listing *l = arg;

	if (l->fat) {
		if (de->type == FS_TYPE_DIR) {
			printf("            %s/\n", de->name);
			l->dirs++;
		} else {
			printf("%9llu   %s\n", (unsigned long long)de->size,
			       de->name);
			l->files++;
		}
		return 0;
	}
	printf("%5s %10llu %s\n", de->type == FS_TYPE_DIR ? "<DIR>" :
	       de->type == FS_TYPE_SYMLINK ? "<SYM>" : "",
	       (unsigned long long)de->size, de->name);
	return 0;
}

static int do_ls(int argc, char *argv[])
{
	struct listing l = { false, 0, 0 };
	struct blk_dev view;
	struct fs *fs;
	int err;

	if (argc < 3 || argc > 4)
		return -EINVAL;
	err = fs_open_dev(argv[1], argv[2], &view, &fs);
	if (err)
		return err;
	l.fat = !strcmp(fs_type_name(fs), "fat");
	err = fs_ls(fs, argc == 4 ? argv[3] : "/", show, &l);
	fs_close(fs);
	if (err) {
		printf("** Can not find directory. **\n");
		return err;
	}
	if (l.fat)
		printf("\n%u file(s), %u dir(s)\n\n", l.files, l.dirs);
	return 0;
}

#define LS_HELP "    - list files in 'directory' (default /) of partition 'part'\n" \
		"      of device 'dev' of type 'interface' (virtio)\n"

COMMAND(ls, .run = do_ls, .usage = "ls <interface> <dev[:part]> [directory]",
	.summary = "list files in a directory (default /)", .help = LS_HELP);
COMMAND(fatls, .run = do_ls,
	.usage = "fatls <interface> <dev[:part]> [directory]",
	.summary = "list files in a directory (default /)", .help = LS_HELP);
COMMAND(ext4ls, .run = do_ls,
	.usage = "ext4ls <interface> <dev[:part]> [directory]",
	.summary = "list files in a directory (default /)", .help = LS_HELP);
