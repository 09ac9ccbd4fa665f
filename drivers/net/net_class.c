// SPDX-License-Identifier: MIT
/* net_class.c - the network device class: NICs numbered in the order
 * they come (eth0, eth1... as U-Boot's ethaddr/eth1addr variables name
 * them), whatever driver is behind each. */
#define pr_fmt(fmt) "net: " fmt
#include <env.h>
#include <errno.h>
#include <net.h>
#include <stdio.h>
#include <virtboot.h>

static struct net_dev *devs[NET_MAX_DEVS];
static int ndevs;

int net_register(struct net_dev *dev)
{
	if (ndevs == NET_MAX_DEVS) {
		pr_err("more than %d network devices: %s ignored\n",
		       NET_MAX_DEVS, dev->name);
		return -ENOSPC;
	}
	devs[ndevs] = dev;
	return ndevs++;
}

struct net_dev *net_get(int n)
{
	return n >= 0 && n < ndevs ? devs[n] : NULL;
}

int net_count(void)
{
	return ndevs;
}

int net_env_init(void)
{
	char name[16], mac[18];
	const uint8_t *m;
	int i;

	for (i = 0; i < ndevs; i++) {
		if (i)
			snprintf(name, sizeof(name), "eth%daddr", i);
		else
			snprintf(name, sizeof(name), "ethaddr");
		if (env_get(name))
			continue;
		m = devs[i]->mac;
		snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
			 m[0], m[1], m[2], m[3], m[4], m[5]);
		env_set(name, mac);
	}
	return 0;
}
