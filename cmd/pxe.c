// SPDX-License-Identifier: MIT
/* pxe - get and boot a pxelinux config over TFTP, as U-Boot's:
 * pxe get; pxe boot [pxefile_addr_r]. */
#include <command.h>
#include <net.h>
#include <string.h>

static int do_pxe(int argc, char *argv[])
{
	uint64_t addr = 0;

	if (argc == 2 && !strcmp(argv[1], "get"))
		return net_pxe_get();
	if ((argc == 2 || argc == 3) && !strcmp(argv[1], "boot")) {
		if (argc == 3 && parse_hex(argv[2], &addr))
			return cmd_bad_number(argv[0], argv[2]);
		return net_pxe_boot(addr, argc == 3);
	}
	return -EINVAL;
}

COMMAND(pxe, .run = do_pxe, .usage = "pxe get | pxe boot [pxefile_addr_r]",
	.summary = "commands to get and boot from pxe files",
	.help = "    get - try to retrieve a pxe file using tftp (to\n"
		"          $pxefile_addr_r): pxelinux.cfg/01-<mac>, then the\n"
		"          address in hex, shorter and shorter, then default\n"
		"    boot - boot from the pxe file pxe get retrieved\n");
