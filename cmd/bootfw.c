// SPDX-License-Identifier: MIT
/*
 * bootfw - boot the kernel, initrd and command line QEMU passes through
 * fw_cfg (-kernel, -initrd, -append; QEMU docs/specs/fw_cfg.rst).
 */
#include <boot.h>
#include <command.h>
#include <string.h>
#include <virtboot.h>

static int do_bootfw(int argc, char *argv[])
{
	bool dry_run = argc == 2 && !strcmp(argv[1], "-n");

	if (argc > 2 || (argc == 2 && !dry_run))
		return -EINVAL;
	return boot_fw_cfg(dry_run);
}

COMMAND(bootfw, .run = do_bootfw, .usage = "bootfw [-n]",
	.summary = "boot QEMU's -kernel/-initrd/-append from fw_cfg",
	.help = "  -n: dry run, print where kernel, initrd and DTB would go\n"
		"  bootargs is -append's (copied at start-up) or the environment's");
