// SPDX-License-Identifier: MIT
/*
 * ping.c - one ICMP echo request (RFC 792) through an lwIP raw pcb, and
 * its answer awaited, bounded, as U-Boot's ping.
 */
#include <console.h>
#include <errno.h>
#include <net.h>
#include <stdio.h>
#include <string.h>
#include <timer.h>

#include <lwip/inet_chksum.h>
#include <lwip/ip.h>
#include <lwip/pbuf.h>
#include <lwip/prot/icmp.h>
#include <lwip/raw.h>

#include "net_priv.h"

#define PING_ID		0x7662	/* "vb" */
#define PING_TIMEOUT_US	(10ULL * 1000000)	/* U-Boot's 10 s */
#define PING_RESEND_US	(1000000)

static bool answered;
static uint16_t seq;

static u8_t on_recv(void *arg, struct raw_pcb *pcb, struct pbuf *p,
		    const ip_addr_t *addr)
{
	struct icmp_echo_hdr h;
	const ip_addr_t *want = arg;
	u16_t hlen;

	/* A raw pcb sees the IP header first. */
	if (p->tot_len < 20 || pbuf_copy_partial(p, &h, 1, 0) != 1)
		return 0;
	hlen = (((const u8_t *)&h)[0] & 0x0f) * 4;
	if (pbuf_copy_partial(p, &h, sizeof(h), hlen) != sizeof(h) ||
	    !ip_addr_cmp(addr, want) || h.type != ICMP_ER ||
	    h.id != lwip_htons(PING_ID) || h.seqno != lwip_htons(seq))
		return 0;
	answered = true;
	pbuf_free(p);
	return 1;			/* eaten */
}

static int send_echo(struct raw_pcb *pcb, const ip_addr_t *to)
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
	e = raw_sendto(pcb, p, to);
	pbuf_free(p);
	return e == ERR_OK || e == ERR_RTE ? 0 : -EIO;
}

int net_ping(const char *host)
{
	uint64_t start, last, next = 0;
	struct raw_pcb *pcb;
	ip_addr_t to;
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
	ip_addr_set_ip4_u32(&to, ip);
	pcb = raw_new(IP_PROTO_ICMP);
	if (!pcb)
		return -ENOMEM;
	answered = false;
	raw_recv(pcb, on_recv, &to);
	err = send_echo(pcb, &to);
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
			err = send_echo(pcb, &to);
		}
	}
	raw_remove(pcb);
	if (answered) {
		printf("host %s is alive\n", host);
		return 0;
	}
	if (err != -EINTR)
		printf("ping failed; host %s is not alive\n", host);
	return err ? err : -ETIMEDOUT;
}
