// SPDX-License-Identifier: MIT
/* load - read a file from a filesystem on a disk into memory, as U-Boot's:
 * load <interface> <dev[:part]> [addr [filename [bytes [pos]]]] (addr
 * defaults to $loadaddr, filename to $bootfile); sets filesize. The
 * destination must be free RAM, as for fwcfg load. fatload and ext4load
 * are the same. */
#include <blk.h>
#include <command.h>
#include <env.h>
#include <fs.h>
#include <timer.h>
#include <virtboot.h>

static int do_load(int argc, char *argv[])
{
	uint64_t addr, size, pos = 0, len = 0, got, t0;
	const char *path;
	struct blk_dev view;
	struct fs *fs;
	int err;

	if (argc < 3 || argc > 7)
		return -EINVAL;
	if (argc > 3 ? parse_hex(argv[3], &addr) :
		       env_get_number("loadaddr", &addr))
		return cmd_bad_number(argv[0], argc > 3 ? argv[3] : "$loadaddr");
	path = argc > 4 ? argv[4] : env_get("bootfile");
	if (!path) {
		printf("%s: no file name, and no bootfile\n", argv[0]);
		return -ENOENT;
	}
	if (argc > 5 && parse_hex(argv[5], &len))
		return cmd_bad_number(argv[0], argv[5]);
	if (argc > 6 && parse_hex(argv[6], &pos))
		return cmd_bad_number(argv[0], argv[6]);
	err = fs_open_dev(argv[1], argv[2], &view, &fs);
	if (err)
		return err;
	err = fs_size(fs, path, &size);
	if (!err && pos > size)
		err = -EINVAL;
	if (err) {
		printf("Failed to load '%s'\n", path);
		goto out;
	}
	if (!len || len > size - pos)
		len = size - pos;
	err = cmd_check_write(argv[0], addr, len, true);
	if (err)
		goto out;
	t0 = timer_us();
	err = fs_read(fs, path, (void *)(uintptr_t)addr, pos, len, &got);
	if (err) {
		printf("Failed to load '%s'\n", path);
		goto out;
	}
	cmd_print_rate(got, timer_us() - t0);
	env_set_hex("filesize", got);
out:
	fs_close(fs);
	return err;
}

#define LOAD_USAGE(cmd) cmd " <interface> <dev[:part]> [<addr> [<filename> [bytes [pos]]]]"
#define LOAD_HELP "    - load 'filename' from partition 'part' of device 'dev' of\n" \
		  "      type 'interface' to 'addr' ($loadaddr); 'bytes' (0: all)\n" \
		  "      from byte 'pos' on; sets filesize\n"

COMMAND(load, .run = do_load, .usage = LOAD_USAGE("load"),
	.summary = "load binary file from a filesystem", .help = LOAD_HELP);
COMMAND(fatload, .run = do_load, .usage = LOAD_USAGE("fatload"),
	.summary = "load binary file from a filesystem", .help = LOAD_HELP);
COMMAND(ext4load, .run = do_load, .usage = LOAD_USAGE("ext4load"),
	.summary = "load binary file from a filesystem", .help = LOAD_HELP);
