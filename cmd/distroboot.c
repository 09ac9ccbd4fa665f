// SPDX-License-Identifier: MIT
/* distroboot - the distro boot scan (boot/distro.c) over the targets given,
 * else $boot_targets; the default bootcmd runs it. */
#include <boot.h>
#include <command.h>
#include <env.h>
#include <string.h>
#include <virtboot.h>

static int do_distroboot(int argc, char *argv[])
{
	char targets[128] = "";
	const char *env = env_get("boot_targets");
	int i;

	if (argc == 1) {
		if (!env) {
			printf("distroboot: boot_targets is not set\n");
			return -ENOENT;
		}
		return distro_boot(env);
	}
	for (i = 1; i < argc; i++) {
		if (strlen(targets) + strlen(argv[i]) + 2 > sizeof(targets))
			return -E2BIG;
		strcat(strcat(targets, " "), argv[i]);
	}
	return distro_boot(targets);
}

COMMAND(distroboot, .run = do_distroboot,
	.usage = "distroboot [target...]",
	.summary = "boot the first thing found on the boot targets",
	.help = "    - targets: fwcfg (QEMU's -kernel), virtio (every virtio\n"
		"      disk), virtioN; default $boot_targets. On each disk\n"
		"      partition (bootable ones first): extlinux.conf, then\n"
		"      boot.scr, in / and /boot\n");
