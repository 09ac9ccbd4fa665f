// SPDX-License-Identifier: MIT
/*
 * net.c - lwIP's glue (NO_SYS, raw API): one netif over the chosen NIC of
 * the net class, polled; sys_now() from the generic timer; the addresses
 * from U-Boot's variables (ipaddr, netmask, gatewayip).
 */
#define pr_fmt(fmt) "net: " fmt
#include <env.h>
#include <errno.h>
#include <net.h>
#include <parse.h>
#include <region.h>
#include <stdio.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#include <lwip/etharp.h>
#include <lwip/init.h>
#include <lwip/netif.h>
#include <lwip/pbuf.h>
#include <lwip/timeouts.h>
#include <netif/ethernet.h>

#include "net_priv.h"

static struct netif netif;
static struct net_dev *cur;
static bool lwip_up;

uint32_t sys_now(void)
{
	return (uint32_t)(timer_us() / 1000);
}

struct netif *net_netif(void)
{
	return &netif;
}

struct net_dev *net_current(void)
{
	return cur;
}

static err_t link_output(struct netif *nif, struct pbuf *p)
{
	static uint8_t frame[NET_FRAME_MAX];
	const void *data = p->payload;

	if (p->tot_len > sizeof(frame))
		return ERR_BUF;
	if (p->next) {
		pbuf_copy_partial(p, frame, p->tot_len, 0);
		data = frame;
	}
	if (cur->send(cur, data, p->tot_len))
		return ERR_IF;
	cur->flush(cur);
	return ERR_OK;
}

static err_t netif_setup(struct netif *nif)
{
	nif->name[0] = 'e';
	nif->name[1] = 't';
	nif->output = etharp_output;
	nif->linkoutput = link_output;
	nif->mtu = 1500;
	nif->hwaddr_len = ETH_HWADDR_LEN;
	memcpy(nif->hwaddr, cur->mac, ETH_HWADDR_LEN);
	nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP |
		     NETIF_FLAG_ETHERNET | NETIF_FLAG_LINK_UP;
	return ERR_OK;
}

void net_poll(void)
{
	const void *frame;
	struct pbuf *p;
	size_t len;
	int budget = 32;

	/* A bounded batch, then the timers: a flood cannot starve them. */
	while (budget-- && (len = cur->recv(cur, &frame))) {
		net_ping_frame(frame, len);
		if (net_tftp_frame(frame, len)) {
			cur->recv_done(cur);
			continue;
		}
		p = pbuf_alloc(PBUF_RAW, len, PBUF_POOL);
		if (p && p->len == len)		/* one pool pbuf: a frame */
			memcpy(p->payload, frame, len);
		else if (p)
			pbuf_take(p, frame, len);
		cur->recv_done(cur);
		if (p && netif.input(p, &netif) != ERR_OK)
			pbuf_free(p);
	}
	cur->flush(cur);		/* the fast path's ACKs */
	sys_check_timeouts();
}

int net_parse_ip(const char *s, uint32_t *ip)
{
	uint8_t b[4];
	unsigned int i, v, digits;

	for (i = 0; s && i < 4; i++, s++) {
		for (v = digits = 0; *s >= '0' && *s <= '9' && digits < 3;
		     s++, digits++)
			v = v * 10 + (unsigned int)(*s - '0');
		if (!digits || v > 255 || *s != (i < 3 ? '.' : '\0'))
			return -EINVAL;
		b[i] = (uint8_t)v;
	}
	if (!s)
		return -EINVAL;
	memcpy(ip, b, 4);		/* network order */
	return 0;
}

static void env_ip(const char *name, ip4_addr_t *a)
{
	uint32_t v;

	ip4_addr_set_zero(a);
	if (!net_parse_ip(env_get(name), &v))
		ip4_addr_set_u32(a, v);
}

static struct net_dev *pick_device(void)
{
	const char *act = env_get("ethact");
	struct net_dev *d;
	int i;

	for (i = 0; act && (d = net_get(i)); i++)
		if (!strcmp(d->name, act))
			return d;
	return net_get(0);
}

int net_start(void)
{
	struct net_dev *d = pick_device();
	ip4_addr_t ip, mask, gw;

	if (!d) {
		printf("No ethernet found.\n");
		return -ENODEV;
	}
	if (!lwip_up) {
		lwip_init();
		lwip_up = true;
	}
	if (d != cur) {
		if (cur)
			netif_remove(&netif);
		cur = d;
		if (!netif_add(&netif, NULL, NULL, NULL, NULL, netif_setup,
			       ethernet_input)) {
			cur = NULL;
			return -ENOMEM;
		}
		netif_set_default(&netif);
		netif_set_up(&netif);
		env_set("ethact", d->name);
	}
	/* The addresses are the variables' (after dhcp, what it set; a
	 * setenv after it wins, as in U-Boot). */
	env_ip("ipaddr", &ip);
	env_ip("netmask", &mask);
	env_ip("gatewayip", &gw);
	netif_set_addr(&netif, &ip, &mask, &gw);
	return 0;
}

int net_load_addr(uint64_t *addr)
{
	uint64_t best = 0, best_len = 0, a, len;
	const struct region *r;
	int i, n = region_count();

	if (!env_get_number("loadaddr", addr) ||
	    !env_get_number("kernel_addr_r", addr))
		return 0;
	/* The start of the largest free range, on a 2 MiB boundary (where
	 * a kernel may stay): free ranges start at a bank's start or at
	 * the end of a reservation. */
	for (i = 0; i < region_ram_count() + n; i++) {
		r = i < n ? region_at(i) : region_ram_at(i - n);
		a = i < n ? r->base + r->size : r->base;
		a = (a + (2 << 20) - 1) & ~((uint64_t)(2 << 20) - 1);
		len = net_free_from(a);
		if (len > best_len) {
			best = a;
			best_len = len;
		}
	}
	if (!best_len)
		return -ENOMEM;
	*addr = best;
	return 0;
}

bool net_ctrlc_due(uint64_t *next)
{
	uint64_t now = timer_us();

	/* Reading the UART is slow under TCG: every 20 ms is enough. */
	if (now < *next)
		return false;
	*next = now + 20000;
	return true;
}

bool net_is_qemu_server(uint32_t ip)
{
	const ip4_addr_t *found_ip;
	struct eth_addr *mac;
	ip4_addr_t a;

	ip4_addr_set_u32(&a, ip);
	if (etharp_find_addr(&netif, &a, &mac, &found_ip) < 0)
		return false;
	/* libslirp's special_ethaddr with the address in the last four
	 * bytes: 52:55:0a:00:02:02 for 10.0.2.2. */
	return mac->addr[0] == 0x52 && mac->addr[1] == 0x55 &&
	       !memcmp(&mac->addr[2], &ip, 4);
}
