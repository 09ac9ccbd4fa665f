// SPDX-License-Identifier: MIT
/* ping - send an ICMP echo request, as U-Boot's: ping <host>. */
#include <command.h>
#include <net.h>

static int do_ping(int argc, char *argv[])
{
	if (argc != 2)
		return -EINVAL;
	return net_ping(argv[1]);
}

COMMAND(ping, .run = do_ping, .usage = "ping pingAddress",
	.summary = "send ICMP ECHO_REQUEST to network host");
