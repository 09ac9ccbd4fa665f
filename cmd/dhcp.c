// SPDX-License-Identifier: MIT
/* dhcp - get an address by DHCP, as U-Boot's: dhcp [addr] [[host:]file];
 * then, unless $autoload is "no", load the boot file by TFTP. */
#include <command.h>
#include <env.h>
#include <net.h>

static int do_dhcp(int argc, char *argv[])
{
	const char *autoload = env_get("autoload");
	const char *addr, *file;
	int err;

	if (argc > 3)
		return -EINVAL;
	net_load_args(argc, argv, &addr, &file);
	err = net_dhcp();
	if (err)
		return err;
	if (autoload && (autoload[0] == 'n' || autoload[0] == 'N' ||
			 autoload[0] == '0'))
		return 0;
	if (!file && !env_get("bootfile"))
		return 0;
	return net_load(addr, file);
}

COMMAND(dhcp, .run = do_dhcp,
	.usage = "dhcp [loadAddress] [[hostIPaddr:]bootfilename]",
	.summary = "boot image via network using DHCP/TFTP protocol",
	.help = "    - get an address by DHCP (sets ipaddr, netmask,\n"
		"      gatewayip, serverip, bootfile, dnsip), then load the\n"
		"      boot file by TFTP unless autoload is 'no'\n");
