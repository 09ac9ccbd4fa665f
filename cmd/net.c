// SPDX-License-Identifier: MIT
/* net - the network devices, as U-Boot's "net list". */
#include <command.h>
#include <env.h>
#include <net.h>
#include <stdio.h>
#include <string.h>

static int do_net(int argc, char *argv[])
{
	const char *act = env_get("ethact");
	struct net_dev *d;
	const uint8_t *m;
	int i;

	if (argc != 2 || strcmp(argv[1], "list"))
		return -EINVAL;
	if (!act && net_get(0))
		act = net_get(0)->name;
	for (i = 0; (d = net_get(i)); i++) {
		m = d->mac;
		printf("eth%d : %s %02x:%02x:%02x:%02x:%02x:%02x %s\n", i,
		       d->name, m[0], m[1], m[2], m[3], m[4], m[5],
		       act && !strcmp(act, d->name) ? "active" : "");
	}
	return 0;
}

COMMAND(net, .run = do_net, .usage = "net list",
	.summary = "NET sub-system",
	.help = "    - list the network devices, the active one marked\n");
