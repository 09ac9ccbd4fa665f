// SPDX-License-Identifier: MIT
/*
 * ping.c - one ICMP echo request (RFC 792) sent through lwIP's IPv4
 * output, its reply picked from the received frames (net_poll() shows
 * them here first), awaited, bounded, as U-Boot's ping.
 */
#include <console.h>
#include <errno.h>
#include <net.h>
#include <stdio.h>
#include <string.h>
#include <timer.h>

#include <lwip/inet_chksum.h>
#include <lwip/ip4.h>
#include <lwip/prot/ip.h>
#include <lwip/pbuf.h>
#include <lwip/prot/icmp.h>

#include "net_priv.h"

#define PING_ID		0x7662	/* "vb" */
#define PING_TIMEOUT_US	(10ULL * 1000000)	/* U-Boot's 10 s */
#define PING_RESEND_US	(1000000)

static uint32_t waiting_for;	/* the host, network order; 0: none */
static uint16_t seq;
static bool answered;

void net_ping_frame(const uint8_t *f, size_t len)
{
	size_t ihl;

	/* Ethernet, IPv4 (its header length checked), ICMP echo reply
	 * with our id and sequence, from the host pinged. */
	if (!waiting_for || len < 14 + 20 || f[12] != 0x08 || f[13] != 0 ||
	    (f[14] >> 4) != 4 || f[23] != IP_PROTO_ICMP)
		return;
	ihl = (size_t)(f[14] & 0x0f) * 4;
	if (ihl < 20 || len < 14 + ihl + 8 || memcmp(f + 26, &waiting_for, 4))
		return;
	f += 14 + ihl;
	if (f[0] == ICMP_ER && f[4] == PING_ID >> 8 &&
	    f[5] == (PING_ID & 0xff) && f[6] == seq >> 8 &&
	    f[7] == (seq & 0xff))
		answered = true;
}

static int send_echo(const ip4_addr_t *to)
{
	struct icmp_echo_hdr *h;
	struct pbuf *p;
	err_t e;

	p = pbuf_alloc(PBUF_IP, sizeof(*h) + 32, PBUF_RAM);
	if (!p)
		return -ENOMEM;
	h = p->payload;
	memset(h, 0, p->len);
	h->type = ICMP_ECHO;
	h->id = lwip_htons(PING_ID);
	h->seqno = lwip_htons(++seq);
	h->chksum = inet_chksum(h, p->len);
	e = ip4_output(p, NULL, to, 64, 0, IP_PROTO_ICMP);
	pbuf_free(p);
	return e == ERR_OK || e == ERR_RTE ? 0 : -EIO;
}

int net_ping(const char *host)
{
	uint64_t start, last, next = 0;
	ip4_addr_t to;
	uint32_t ip;
	int err;

	if (net_parse_ip(host, &ip)) {
		printf("ping: bad address '%s'\n", host);
		return -ERANGE;
	}
	err = net_start();
	if (err)
		return err;
	printf("Using %s device\n", net_current()->name);
	ip4_addr_set_u32(&to, ip);
	answered = false;
	waiting_for = ip;
	err = send_echo(&to);
	start = last = timer_us();
	while (!err && !answered) {
		net_poll();
		if (timer_us() - start > PING_TIMEOUT_US) {
			err = -ETIMEDOUT;
			break;
		}
		if (net_ctrlc_due(&next) && console_ctrlc()) {
			printf("\nAbort\n");
			err = -EINTR;
			break;
		}
		/* The first try may only have fetched the ARP answer. */
		if (timer_us() - last > PING_RESEND_US) {
			last = timer_us();
			err = send_echo(&to);
		}
	}
	waiting_for = 0;
	if (answered) {
		printf("host %s is alive\n", host);
		return 0;
	}
	if (err != -EINTR)
		printf("ping failed; host %s is not alive\n", host);
	return err ? err : -ETIMEDOUT;
}
