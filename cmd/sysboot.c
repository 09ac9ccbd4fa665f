// SPDX-License-Identifier: MIT
/* sysboot - boot from an extlinux.conf on a disk, as U-Boot's:
 * sysboot [-p] <interface> <dev[:part]> <ext2|fat|any> [addr] [filename]
 * (filename defaults to $bootfile, else /extlinux/extlinux.conf; -p
 * always shows the menu). */
#include <command.h>
#include <env.h>
#include <extlinux.h>
#include <string.h>
#include <virtboot.h>

static int do_sysboot(int argc, char *argv[])
{
	bool prompt = argc > 1 && !strcmp(argv[1], "-p");
	const char *path;
	uint64_t addr;

	argc -= prompt;
	argv += prompt;
	if (argc < 4 || argc > 6)
		return -EINVAL;
	/* The config is read into the loader's own memory: the address
	 * is taken for U-Boot's syntax, and checked. */
	if (argc > 4 && parse_hex(argv[4], &addr))
		return cmd_bad_number(argv[0], argv[4]);
	path = argc > 5 ? argv[5] : env_get("bootfile");
	if (!path)
		path = "/extlinux/extlinux.conf";
	return extlinux_sysboot(argv[1], argv[2], argv[3], path, prompt);
}

COMMAND(sysboot, .run = do_sysboot,
	.usage = "sysboot [-p] <interface> <dev[:part]> <ext2|fat|any> [addr] [filename]",
	.summary = "command to get and boot from syslinux files",
	.help = "    - load and parse syslinux menu file 'filename' ($bootfile,\n"
		"      else /extlinux/extlinux.conf) from partition 'part' of\n"
		"      device 'dev' and boot the chosen label (-p: show the menu)\n");
