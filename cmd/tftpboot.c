// SPDX-License-Identifier: MIT
/* tftpboot - load a file over TFTP, as U-Boot's: tftpboot [addr]
 * [[host:]file] (addr: $loadaddr...; file: $bootfile; host: $serverip);
 * sets filesize and fileaddr. */
#include <command.h>
#include <net.h>
#include <string.h>

static bool is_hex(const char *s)
{
	uint64_t v;

	return !parse_hex(s, &v);
}

static int do_tftpboot(int argc, char *argv[])
{
	if (argc > 3)
		return -EINVAL;
	if (argc == 3)
		return net_load(argv[1], argv[2]);
	/* One argument: an address if it reads as one, else the file. */
	if (argc == 2)
		return is_hex(argv[1]) ? net_load(argv[1], NULL) :
					 net_load(NULL, argv[1]);
	return net_load(NULL, NULL);
}

COMMAND(tftpboot, .run = do_tftpboot,
	.usage = "tftpboot [loadAddress] [[hostIPaddr:]bootfilename]",
	.summary = "load file via network using TFTP protocol",
	.help = "    - load 'bootfilename' ($bootfile) from 'hostIPaddr'\n"
		"      ($serverip) to 'loadAddress' ($loadaddr, else\n"
		"      $kernel_addr_r, else the lowest free 2 MiB in RAM);\n"
		"      sets filesize and fileaddr\n");
