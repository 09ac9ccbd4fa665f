// SPDX-License-Identifier: MIT
/*
 * dhcp.c - DHCP (RFC 2131) through lwIP's client: wait, bounded, for an
 * address, then set U-Boot's variables from the lease: ipaddr, netmask,
 * gatewayip, serverip (siaddr), bootfile (the BOOTP file field), dnsip.
 */
#define pr_fmt(fmt) "dhcp: " fmt
#include <console.h>
#include <env.h>
#include <errno.h>
#include <net.h>
#include <stdio.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#include <lwip/dhcp.h>
#include <lwip/netif.h>
#include <lwip/prot/dhcp.h>

#include "net_priv.h"

#define DHCP_TIMEOUT_US		(20ULL * 1000000)

static uint32_t dns;

/* lwIP's option hook (lwipopts.h): options it does not decode itself. */
void net_dhcp_option(int option, int len, const struct pbuf *p, int offset)
{
	uint32_t v;

	if (option == DHCP_OPTION_DNS_SERVER && len >= 4 &&
	    pbuf_copy_partial(p, &v, 4, offset) == 4)
		dns = v;
}

static void set_ip(const char *name, const ip4_addr_t *a)
{
	char buf[IP4ADDR_STRLEN_MAX];

	env_set(name, ip4addr_ntoa_r(a, buf, sizeof(buf)));
}

int net_dhcp(void)
{
	uint64_t start, next = 0;
	struct netif *nif;
	struct dhcp *d;
	ip4_addr_t a;
	int err;

	err = net_start();
	if (err)
		return err;
	nif = net_netif();
	netif_set_addr(nif, IP4_ADDR_ANY4, IP4_ADDR_ANY4, IP4_ADDR_ANY4);
	dns = 0;
	start = timer_us();
	if (dhcp_start(nif) != ERR_OK) {
		printf("DHCP: cannot start\n");
		return -ENOMEM;
	}
	printf("BOOTP broadcast 1\n");
	while (!dhcp_supplied_address(nif)) {
		net_poll();
		if (timer_us() - start > DHCP_TIMEOUT_US) {
			dhcp_stop(nif);
			printf("DHCP: no answer in %llu s, giving up\n",
			       (unsigned long long)(DHCP_TIMEOUT_US / 1000000));
			return -ETIMEDOUT;
		}
		if (net_ctrlc_due(&next) && console_ctrlc()) {
			dhcp_stop(nif);
			printf("\nAbort\n");
			return -EINTR;
		}
	}
	d = netif_dhcp_data(nif);
	printf("DHCP client bound to address %s (%llu ms)\n",
	       ip4addr_ntoa(netif_ip4_addr(nif)),
	       (unsigned long long)((timer_us() - start) / 1000));
	set_ip("ipaddr", netif_ip4_addr(nif));
	set_ip("netmask", netif_ip4_netmask(nif));
	if (!ip4_addr_isany(netif_ip4_gw(nif)))
		set_ip("gatewayip", netif_ip4_gw(nif));
	if (!ip4_addr_isany_val(d->offered_si_addr))
		set_ip("serverip", &d->offered_si_addr);
	if (d->boot_file_name[0]) {
		char file[sizeof(d->boot_file_name) + 1];

		memcpy(file, d->boot_file_name, sizeof(d->boot_file_name));
		file[sizeof(d->boot_file_name)] = '\0';
		env_set("bootfile", file);
	}
	if (dns) {
		ip4_addr_set_u32(&a, dns);
		set_ip("dnsip", &a);
	}
	return 0;
}
