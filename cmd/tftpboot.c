// SPDX-License-Identifier: MIT
/* tftpboot - load a file over TFTP, as U-Boot's: tftpboot [addr]
 * [[host:]file] (addr: $loadaddr...; file: $bootfile; host: $serverip);
 * sets filesize and fileaddr. */
#include <command.h>
#include <net.h>

static int do_tftpboot(int argc, char *argv[])
{
	const char *addr, *file;

	if (argc > 3)
		return -EINVAL;
	net_load_args(argc, argv, &addr, &file);
	return net_load(addr, file);
}

COMMAND(tftpboot, .run = do_tftpboot,
	.usage = "tftpboot [loadAddress] [[hostIPaddr:]bootfilename]",
	.summary = "load file via network using TFTP protocol",
	.help = "    - load 'bootfilename' ($bootfile) from 'hostIPaddr'\n"
		"      ($serverip) to 'loadAddress' ($loadaddr, else\n"
		"      $kernel_addr_r, else the lowest free 2 MiB in RAM);\n"
		"      sets filesize and fileaddr\n");
