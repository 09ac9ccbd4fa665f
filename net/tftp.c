// SPDX-License-Identifier: MIT
/*
 * tftp.c - a TFTP client (RFC 1350) over lwIP's UDP, with the blksize,
 * tsize and windowsize options (RFC 2348, 2349, 7440) when the server
 * takes them. Each DATA payload is copied once, straight from the
 * received packet to its place, after the destination range has been
 * checked; lost packets are asked for again after a timeout, a bounded
 * number of times.
 */
#define pr_fmt(fmt) "tftp: " fmt
#include <boot.h>
#include <boot_hooks.h>
#include <command.h>
#include <console.h>
#include <env.h>
#include <errno.h>
#include <net.h>
#include <region.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#include <lwip/ip_addr.h>
#include <lwip/netif.h>
#include <lwip/pbuf.h>
#include <lwip/prot/ip.h>
#include <lwip/udp.h>

#include "net_priv.h"
#include "tftp_pkt.h"

#define BLKSIZE_ASK	1468	/* a 1500-byte IP packet */
#define WINDOW_ASK	16
#define AHEAD		32	/* blocks asked for ahead of QEMU's server */
#define TIMEOUT_MS_DEF	1000	/* $tftptimeout */
#define TRIES_DEF	8	/* $tftptimeoutcountmax */
#define HASH_BYTES	(64 * 1024)
#define HASHES_PER_LINE	65

struct xfer {
	struct udp_pcb *pcb;
	ip_addr_t server;
	u16_t port;			/* the server's TID, 0 until known */
	struct tftp_opts ask;
	uint32_t blksize, window;
	uint64_t addr, max;		/* the destination */
	uint64_t checked_end;		/* [addr, this) passed the check */
	uint64_t blocks, bytes;		/* in order so far */
	bool has_tsize;
	uint64_t tsize;
	bool size_only, quiet;
	bool mid_line;			/* "Loading: ###" is open */
	unsigned int flags;		/* NET_TFTP_* */
	int result;			/* 1 running, 0 done, < 0 failed */
	uint8_t last[600];		/* what to send again on a timeout */
	size_t last_len;
	uint64_t events;		/* good packets so far */
	unsigned int ahead;		/* acks run this far ahead (QEMU) */
	/* The fast path's view of the transfer (network order bytes). */
	bool fast;			/* the server's MAC is known */
	uint8_t peer_mac[6], peer_ip[4], our_ip[4];
	uint16_t local_port, ip_id;
	uint64_t hashes, next_hash;
};

/*
 * The fast path. Once the server's DATA frames come in, each is checked
 * here (Ethernet, IPv4 without options or fragments, the header and UDP
 * checksums, the transfer's addresses and ports) and its payload copied
 * straight from the receive buffer to its place; the acknowledgements go
 * out as frames built here, the server's MAC taken from its frames.
 * Anything else (OACK, ERROR, ARP, a frame that fails a check) goes
 * through lwIP as before. This halves the work per block, which is most
 * of the time a transfer takes under TCG.
 */
static struct xfer *active;

static void on_data(struct xfer *x, const struct tftp_pkt *pkt);

/* (With -ffreestanding, plain memcpy and memcmp are calls into the C
 * library's byte loops: the fixed-size builtins are single loads and
 * stores.) */
static bool same4(const uint8_t *a, const uint8_t *b)
{
	uint32_t x, y;

	__builtin_memcpy(&x, a, 4);
	__builtin_memcpy(&y, b, 4);
	return x == y;
}

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* The ones'-complement sum (RFC 1071) of len bytes, added to sum: 32-bit
 * words into 64 bits, folded at the end. Byte order does not matter as
 * long as the result is stored the way it was read. */
static uint64_t csum_add(uint64_t sum, const uint8_t *p, size_t len)
{
	uint32_t w;
	uint16_t h;

	for (; len >= 4; p += 4, len -= 4) {
		__builtin_memcpy(&w, p, 4);
		sum += w;
	}
	if (len >= 2) {
		__builtin_memcpy(&h, p, 2);
		sum += h;
		p += 2;
		len -= 2;
	}
	if (len)
		sum += *p;		/* the high byte of a big-endian word */
	return sum;
}

static uint16_t csum_fold(uint64_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

static uint64_t pseudo_sum(const uint8_t *src, const uint8_t *dst,
			   uint16_t udp_len_be)
{
	uint8_t ph[12];

	__builtin_memcpy(ph, src, 4);
	__builtin_memcpy(ph + 4, dst, 4);
	ph[8] = 0;
	ph[9] = IP_PROTO_UDP;
	__builtin_memcpy(ph + 10, &udp_len_be, 2);
	return csum_add(0, ph, sizeof(ph));
}

static void fast_send(struct xfer *x, const uint8_t *buf, size_t len)
{
	uint8_t f[14 + 20 + 8 + 64];
	uint8_t *ip = f + 14, *udp = ip + 20;
	uint16_t v;

	__builtin_memcpy(f, x->peer_mac, 6);
	__builtin_memcpy(f + 6, net_current()->mac, 6);
	f[12] = 0x08;
	f[13] = 0x00;
	__builtin_memset(ip, 0, 20);
	ip[0] = 0x45;
	ip[2] = (uint8_t)((28 + len) >> 8);
	ip[3] = (uint8_t)(28 + len);
	ip[4] = (uint8_t)(x->ip_id >> 8);
	ip[5] = (uint8_t)x->ip_id++;
	ip[8] = 64;			/* TTL */
	ip[9] = IP_PROTO_UDP;
	__builtin_memcpy(ip + 12, x->our_ip, 4);
	__builtin_memcpy(ip + 16, x->peer_ip, 4);
	v = (uint16_t)~csum_fold(csum_add(0, ip, 20));
	__builtin_memcpy(ip + 10, &v, 2);
	udp[0] = (uint8_t)(x->local_port >> 8);
	udp[1] = (uint8_t)x->local_port;
	udp[2] = (uint8_t)(x->port >> 8);
	udp[3] = (uint8_t)x->port;
	udp[4] = (uint8_t)((8 + len) >> 8);
	udp[5] = (uint8_t)(8 + len);
	udp[6] = udp[7] = 0;
	__builtin_memcpy(udp + 8, buf, len);
	v = (uint16_t)~csum_fold(csum_add(pseudo_sum(ip + 12, ip + 16,
						     *(uint16_t *)(udp + 4)),
					  udp, 8 + len));
	if (!v)
		v = 0xffff;
	__builtin_memcpy(udp + 6, &v, 2);
	net_current()->send(net_current(), f, 14 + 28 + len);
}

bool net_tftp_frame(const uint8_t *f, size_t len)
{
	struct xfer *x = active;
	const uint8_t *ip = f + 14, *udp = ip + 20;
	struct tftp_pkt pkt;
	size_t tot, ulen;

	if (!x || x->result != 1 || !x->port || len < 14 + 28 + 4 ||
	    f[12] != 0x08 || f[13] != 0x00 || ip[0] != 0x45 ||
	    ip[9] != IP_PROTO_UDP || (be16(ip + 6) & 0x3fff) ||
	    !same4(ip + 12, x->peer_ip) || !same4(ip + 16, x->our_ip) ||
	    be16(udp) != x->port || be16(udp + 2) != x->local_port ||
	    be16(udp + 8) != TFTP_DATA)
		return false;
	tot = be16(ip + 2);
	ulen = be16(udp + 4);
	if (tot < 28 + 4 || 14 + tot > len || ulen != tot - 20 ||
	    ulen - 12 > x->blksize || csum_fold(csum_add(0, ip, 20)) != 0xffff)
		return false;
	if ((udp[6] || udp[7]) &&
	    csum_fold(csum_add(pseudo_sum(ip + 12, ip + 16,
					  *(const uint16_t *)(udp + 4)),
			       udp, ulen)) != 0xffff)
		return false;		/* lwIP drops it */
	if (!x->fast) {
		__builtin_memcpy(x->peer_mac, f + 6, 6);
		x->fast = true;
	}
	/* Only what on_data() reads: clearing the whole struct (its error
	 * text buffer) would be a byte loop per block. */
	pkt.op = TFTP_DATA;
	pkt.block = be16(udp + 10);
	pkt.data = udp + 12;
	pkt.len = ulen - 12;
	on_data(x, &pkt);
	return true;
}

/* "Loading: " once the transfer has started, as U-Boot's line. */
static void show_loading(struct xfer *x)
{
	if (!x->quiet && !x->mid_line) {
		printf("Loading: ");
		x->mid_line = true;
	}
}

/* Before a message: end the hash line if one is open. */
static void end_line(struct xfer *x)
{
	if (x->mid_line)
		putchar('\n');
	x->mid_line = false;
}

static void send_raw(struct xfer *x, const uint8_t *buf, size_t len,
		     u16_t port)
{
	struct pbuf *p;

	if (x->fast && port == x->port && len <= 64) {
		fast_send(x, buf, len);
		return;
	}
	p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM);
	if (!p)
		return;			/* a timeout sends it again */
	memcpy(p->payload, buf, len);
	udp_sendto(x->pcb, p, &x->server, port);
	pbuf_free(p);
}

/* Send and keep for a retransmission. */
static void send_kept(struct xfer *x, const uint8_t *buf, size_t len)
{
	if (buf != x->last)
		memcpy(x->last, buf, len);
	x->last_len = len;
	send_raw(x, x->last, len, x->port ? x->port : TFTP_PORT);
}

static void send_ack(struct xfer *x)
{
	uint8_t ack[4];

	send_kept(x, ack, tftp_make_ack(ack, (uint16_t)x->blocks));
}

/* Tell the server we stop (an ERROR packet), and fail with err. */
static void fail(struct xfer *x, int err, uint16_t code, const char *msg)
{
	uint8_t buf[64];

	if (x->port)
		send_raw(x, buf, tftp_make_error(buf, sizeof(buf), code, msg),
			 x->port);
	x->result = err;
}

static void progress(struct xfer *x)
{
	if (x->quiet)
		return;
	show_loading(x);
	while (x->bytes >= x->next_hash) {
		putchar('#');
		if (++x->hashes % HASHES_PER_LINE == 0)
			printf("\n\t ");
		x->next_hash += HASH_BYTES;
		if (x->has_tsize)
			boot_progress(x->bytes, x->tsize);
	}
}

/*
 * QEMU's own TFTP server (libslirp's tftp.c) ignores windowsize, but it
 * answers every ACK of block n with block n + 1, whatever came before:
 * acknowledgements sent ahead keep x->ahead blocks on the way instead of
 * one, so the transfer is not bound by one round trip per block. Only for
 * that server, known by its MAC address: a server that follows RFC 1350
 * to the letter would take an early ACK as a lost transfer's.
 */
static void ack_ahead(struct xfer *x, uint64_t block)
{
	uint8_t ack[4];

	/* Never past the last block, when the size is known. */
	if (x->has_tsize && block > x->tsize / x->blksize)
		return;
	send_raw(x, ack, tftp_make_ack(ack, (uint16_t)block), x->port);
}

/* (Re)fill the pipeline from the last block in order. */
static void prime(struct xfer *x)
{
	unsigned int i;

	x->ahead = AHEAD;
	for (i = 1; i < x->ahead; i++)
		ack_ahead(x, x->blocks + i);
}

static void on_oack(struct xfer *x, const struct tftp_pkt *pkt)
{
	x->blksize = pkt->blksize ? pkt->blksize : TFTP_BLKSIZE_DEF;
	x->window = pkt->windowsize ? pkt->windowsize : 1;
	x->has_tsize = pkt->has_tsize;
	x->tsize = pkt->tsize;
	x->events++;
	if (x->size_only) {
		fail(x, x->has_tsize ? 0 : -ENOTSUP, 0, "size known");
		return;
	}
	if (x->has_tsize && !(x->flags & NET_TFTP_PARTIAL)) {
		end_line(x);
		if (!(x->flags & NET_TFTP_TRUSTED) &&
		    cmd_check_write("tftp", x->addr, x->tsize, true)) {
			fail(x, -EFBIG, 3, "Disk full or allocation exceeded");
			return;
		}
		x->checked_end = x->addr + x->tsize;
		if (x->tsize > x->max) {
			end_line(x);
			printf("TFTP: the file (%llu bytes) does not fit at 0x%llx (%llu bytes free)\n",
			       (unsigned long long)x->tsize,
			       (unsigned long long)x->addr,
			       (unsigned long long)x->max);
			fail(x, -EFBIG, 3, "Disk full or allocation exceeded");
			return;
		}
	}
	send_ack(x);			/* block 0: start */
	/* Not for a few bytes (an Image's header): the blocks asked for
	 * ahead would come for nothing. */
	if (x->window == 1 && x->max / AHEAD >= x->blksize &&
	    net_is_qemu_server(ip4_addr_get_u32(ip_2_ip4(&x->server))))
		prime(x);
}

static void on_data(struct xfer *x, const struct tftp_pkt *pkt)
{
	uint64_t dst, n = pkt->len;

	switch (tftp_block_class(x->blocks, pkt->block)) {
	case TFTP_OLD:
	case TFTP_AHEAD:
		/* A duplicate, or past a lost one: say where we are. With
		 * acks ahead, the timeout fills the pipeline again. */
		if (!x->ahead)
			send_ack(x);
		return;
	}
	if (x->size_only) {
		fail(x, -ENOTSUP, 8, "tsize needed");
		return;
	}
	if (n > x->max - x->bytes && (x->flags & NET_TFTP_PARTIAL))
		n = x->max - x->bytes;		/* the first max bytes only */
	if (n > x->max - x->bytes) {
		end_line(x);
		printf("TFTP: the file does not fit at 0x%llx (%llu bytes free)\n",
		       (unsigned long long)x->addr,
		       (unsigned long long)x->max);
		fail(x, -EFBIG, 3, "Disk full or allocation exceeded");
		return;
	}
	dst = x->addr + x->bytes;
	/* Past what the server's size let us check at once (a server that
	 * lied about it, or said nothing), every block is checked. */
	if (dst + n > x->checked_end && !(x->flags & NET_TFTP_TRUSTED) &&
	    !region_is_free(dst, n))
		end_line(x);		/* the check below says why */
	if (dst + n > x->checked_end && !(x->flags & NET_TFTP_TRUSTED) &&
	    cmd_check_write("tftp", dst, n, true)) {
		fail(x, -EFBIG, 3, "Disk full or allocation exceeded");
		return;
	}
	memcpy((void *)(uintptr_t)dst, pkt->data, n);
	x->blocks++;
	x->bytes += n;
	x->events++;
	progress(x);
	if (n < pkt->len || (x->bytes == x->max && pkt->len == x->blksize &&
			     (x->flags & NET_TFTP_PARTIAL))) {
		fail(x, 0, 0, "Enough");	/* what was asked is in */
	} else if (pkt->len < x->blksize) {
		send_ack(x);
		x->result = 0;
	} else if (x->ahead) {
		/* Keep the last ACK in order for a timeout, and ask for
		 * the block 'ahead' blocks on. */
		tftp_make_ack(x->last, (uint16_t)x->blocks);
		x->last_len = 4;
		ack_ahead(x, x->blocks + x->ahead - 1);
	} else if (x->blocks % x->window == 0) {
		send_ack(x);
	}
}

static void on_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
		    const ip_addr_t *addr, u16_t port)
{
	static uint8_t hdr[4 + 2 * TFTP_MSG_MAX];
	struct xfer *x = arg;
	struct tftp_pkt pkt;
	uint16_t op;
	size_t n;
	int err;

	if (x->result != 1 || !ip_addr_cmp(addr, &x->server))
		goto out;
	if (x->port && port != x->port) {
		/* Another transfer's packet (RFC 1350: error 5). */
		n = tftp_make_error(hdr, sizeof(hdr), 5, "Unknown transfer ID");
		send_raw(x, hdr, n, port);
		goto out;
	}
	/* DATA is parsed from its header alone (the payload is copied
	 * once, below); anything else whole, from a bounded copy. */
	n = pbuf_copy_partial(p, hdr, MIN(p->tot_len, (u16_t)sizeof(hdr)), 0);
	op = n >= 2 ? (uint16_t)(hdr[0] << 8 | hdr[1]) : 0;
	if (op == TFTP_DATA && n >= 4) {
		memset(&pkt, 0, sizeof(pkt));
		pkt.op = op;
		pkt.block = (uint16_t)(hdr[2] << 8 | hdr[3]);
		pkt.len = p->tot_len - 4u;
		err = pkt.len > x->blksize ? -EMSGSIZE : 0;
	} else if (p->tot_len > sizeof(hdr)) {
		err = -EMSGSIZE;
	} else {
		err = tftp_parse(hdr, n, x->blksize, &x->ask, &pkt);
	}
	if (err) {
		end_line(x);
		printf("TFTP: bad packet from the server (%s)\n",
		       err == -EMSGSIZE ? "too long" :
		       err == -EPROTO ? "an option not asked for or out of range" :
		       "malformed");
		x->port = port;
		fail(x, -EPROTO, err == -EPROTO ? TFTP_ERR_OPTION : 4,
		     "Illegal TFTP operation");
		goto out;
	}
	if (!x->port) {
		/* The first answer: its port is the transfer's. Without an
		 * OACK the server took no option. */
		x->port = port;
		if (pkt.op != TFTP_OACK) {
			x->blksize = TFTP_BLKSIZE_DEF;
			x->window = 1;
			if (pkt.op == TFTP_DATA && pkt.len > x->blksize) {
				fail(x, -EPROTO, 4, "Illegal TFTP operation");
				goto out;
			}
		}
	}
	switch (pkt.op) {
	case TFTP_OACK:
		if (x->blocks == 0)
			on_oack(x, &pkt);
		break;
	case TFTP_DATA:
		/* A pool pbuf holds a whole frame: the payload is in one
		 * piece. */
		if (p->len != p->tot_len)
			break;
		pkt.data = (const uint8_t *)p->payload + 4;
		on_data(x, &pkt);
		break;
	case TFTP_ERROR:
		end_line(x);
		printf("TFTP error: '%s' (%u)\n", pkt.msg, pkt.code);
		x->result = pkt.code == 1 ? -ENOENT : -EIO;
		break;
	default:			/* an ACK or a request: not ours */
		break;
	}
out:
	pbuf_free(p);
}

static unsigned int env_num(const char *name, unsigned int def,
			    unsigned int min)
{
	uint64_t v;
	const char *s = env_get(name);

	if (!s || parse_dec(s, &v) || v < min || v > 60000)
		return def;
	return (unsigned int)v;
}

static int run(struct xfer *x, const char *file)
{
	unsigned int timeout_ms = env_num("tftptimeout", TIMEOUT_MS_DEF, 100);
	unsigned int tries = env_num("tftptimeoutcountmax", TRIES_DEF, 1);
	uint64_t deadline, next_ctrlc = 0, seen;
	unsigned int n = 0;
	int len;

	len = tftp_make_rrq(x->last, sizeof(x->last), file, &x->ask);
	if (len < 0) {
		printf("TFTP: file name too long\n");
		return len;
	}
	x->pcb = udp_new();
	if (!x->pcb || udp_bind(x->pcb, IP_ADDR_ANY, 0) != ERR_OK) {
		if (x->pcb)
			udp_remove(x->pcb);
		return -ENOMEM;
	}
	udp_recv(x->pcb, on_recv, x);
	x->local_port = x->pcb->local_port;
	memcpy(x->peer_ip, &ip_2_ip4(&x->server)->addr, 4);
	memcpy(x->our_ip, &netif_ip4_addr(net_netif())->addr, 4);
	active = x;
	x->result = 1;
	send_kept(x, x->last, (size_t)len);
	deadline = timer_us() + timeout_ms * 1000ULL;
	seen = x->events;
	while (x->result == 1) {
		net_poll();
		if (x->events != seen) {
			/* Progress: the clock starts again. */
			seen = x->events;
			n = 0;
			deadline = timer_us() + timeout_ms * 1000ULL;
		} else if (timer_us() > deadline) {
			if (++n >= tries) {
				end_line(x);
				printf("TFTP: no answer from %s after %u tries, giving up\n",
				       ipaddr_ntoa(&x->server), n);
				x->result = -ETIMEDOUT;
				break;
			}
			if (!x->quiet) {
				show_loading(x);
				printf("T ");
			}
			send_kept(x, x->last, x->last_len);
			if (x->ahead)
				prime(x);
			deadline = timer_us() + timeout_ms * 1000ULL;
		}
		if (net_ctrlc_due(&next_ctrlc) && console_ctrlc()) {
			end_line(x);
			printf("Abort\n");
			fail(x, -EINTR, 0, "Cancelled");
		}
	}
	active = NULL;
	udp_remove(x->pcb);
	return x->result;
}

/* A transfer from server asking for window (0: none); NULL (*err says
 * why) when the network cannot start or there is no memory. */
static struct xfer *xfer_new(uint32_t server, uint16_t window, int *err)
{
	struct xfer *x;

	*err = net_start();
	if (*err)
		return NULL;
	x = calloc(1, sizeof(*x));
	if (!x) {
		*err = -ENOMEM;
		return NULL;
	}
	ip_addr_set_ip4_u32(&x->server, server);
	x->ask = (struct tftp_opts){ BLKSIZE_ASK, window, true };
	x->blksize = BLKSIZE_ASK;
	return x;
}

int net_tftp_get(uint32_t server, const char *file, uint64_t addr,
		 uint64_t max, uint64_t *len, unsigned int flags)
{
	bool quiet = flags & NET_TFTP_QUIET;
	struct xfer *x;
	uint64_t t0, us, rate;
	int err;

	x = xfer_new(server, WINDOW_ASK, &err);
	if (!x)
		return err;
	x->addr = addr;
	x->max = max;
	x->quiet = quiet;
	x->flags = flags;
	x->next_hash = HASH_BYTES;
	if (!quiet) {
		printf("Using %s device\n", net_current()->name);
		char ours[IP4ADDR_STRLEN_MAX];

		ip4addr_ntoa_r(netif_ip4_addr(net_netif()), ours, sizeof(ours));
		printf("TFTP from server %s; our IP address is %s\n",
		       ipaddr_ntoa(&x->server), ours);
		printf("Filename '%s'.\n", file);
		printf("Load address: 0x%llx\n", (unsigned long long)addr);
	}
	boot_progress(0, 0);
	t0 = timer_us();
	err = run(x, file);
	us = timer_us() - t0;
	if (!err && !quiet) {
		rate = us ? x->bytes * 1000000 / us : 0;
		show_loading(x);
		printf("\n\t %llu.%llu MiB/s\ndone\n",
		       (unsigned long long)(rate >> 20),
		       (unsigned long long)((rate & 0xfffff) * 10 >> 20));
		printf("Bytes transferred = %llu (%llx hex)\n",
		       (unsigned long long)x->bytes,
		       (unsigned long long)x->bytes);
	}
	if (!err)
		boot_progress(x->bytes, x->bytes);
	*len = x->bytes;
	free(x);
	return err;
}

int net_tftp_size(uint32_t server, const char *file, uint64_t *size)
{
	struct xfer *x;
	int err;

	x = xfer_new(server, 0, &err);
	if (!x)
		return err;
	x->size_only = x->quiet = true;
	err = run(x, file);
	*size = x->tsize;
	free(x);
	return err;
}

int net_tftp_server(const char *arg, uint32_t *server, const char **file)
{
	const char *colon = strchr(arg, ':');
	char host[16];

	if (colon && (size_t)(colon - arg) < sizeof(host)) {
		memcpy(host, arg, (size_t)(colon - arg));
		host[colon - arg] = '\0';
		if (!net_parse_ip(host, server)) {
			*file = colon + 1;
			return 0;
		}
	}
	*file = arg;
	if (net_parse_ip(env_get("serverip"), server)) {
		printf("*** ERROR: `serverip' not set\n");
		return -EINVAL;
	}
	return 0;
}

uint64_t net_free_from(uint64_t addr)
{
	const struct region *r;
	uint64_t end = 0;
	int i;

	for (i = 0; i < region_ram_count(); i++) {
		r = region_ram_at(i);
		if (addr >= r->base && addr - r->base < r->size)
			end = r->base + r->size;
	}
	for (i = 0; i < region_count(); i++) {
		r = region_at(i);
		if (r->base <= addr && addr - r->base < r->size)
			return 0;
		if (r->base > addr && r->base < end)
			end = r->base;
	}
	return end > addr ? end - addr : 0;
}

void net_load_args(int argc, char *argv[], const char **addr,
		   const char **file)
{
	uint64_t v;

	*addr = argc > 1 ? argv[1] : NULL;
	*file = argc > 2 ? argv[2] : NULL;
	if (argc == 2 && parse_hex(argv[1], &v)) {
		*file = argv[1];
		*addr = NULL;
	}
}

int net_load(const char *addr_arg, const char *file_arg)
{
	char name[16];
	const char *file;
	uint64_t addr, len;
	uint32_t server;
	int err;

	if (addr_arg) {
		if (parse_hex(addr_arg, &addr))
			return cmd_bad_number("tftpboot", addr_arg);
	} else if (net_load_addr(&addr)) {
		printf("tftpboot: no free RAM to load to\n");
		return -ENOMEM;
	}
	if (!file_arg)
		file_arg = env_get("bootfile");
	err = net_start();
	if (err)
		return err;
	if (!file_arg) {
		/* U-Boot's name from our address: 0A00020F.img */
		uint32_t ip = lwip_ntohl(ip4_addr_get_u32(
				netif_ip4_addr(net_netif())));

		snprintf(name, sizeof(name), "%08X.img", (unsigned int)ip);
		printf("*** Warning: no boot file name; using '%s'\n", name);
		file_arg = name;
	}
	err = net_tftp_server(file_arg, &server, &file);
	if (err)
		return err;
	err = net_tftp_get(server, file, addr, net_free_from(addr), &len, 0);
	if (err)
		return err;
	env_set_hex("filesize", len);
	env_set_hex("fileaddr", addr);
	return 0;
}

int net_boot_dhcp(void)
{
	struct boot_spec spec = { 0 };
	int err;

	err = net_dhcp();
	if (err)
		return err;
	if (!env_get("bootfile")) {
		printf("dhcp: the server named no boot file\n");
		return -ENOENT;
	}
	/* Where the distro scan's kernels go, as U-Boot's dhcp target. */
	err = net_load(env_get("kernel_addr_r"), NULL);
	if (err)
		return err;
	spec.kernel = env_get_hex("fileaddr", 0);
	spec.kernel_size = env_get_hex("filesize", 0);
	return boot_linux(&spec);
}
