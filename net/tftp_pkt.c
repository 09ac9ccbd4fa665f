// SPDX-License-Identifier: MIT
/*
 * tftp_pkt.c - TFTP packets (RFC 1350) and the option extension (RFC
 * 2347-2349, RFC 7440): built and parsed with every length checked.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "tftp_pkt.h"

static size_t put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
	return 2;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Append s with its NUL; false when it does not fit. */
static bool put_str(uint8_t *buf, size_t size, size_t *at, const char *s)
{
	size_t n = strlen(s) + 1;

	if (n > size - *at)
		return false;
	memcpy(buf + *at, s, n);
	*at += n;
	return true;
}

int tftp_make_rrq(uint8_t *buf, size_t size, const char *file,
		  const struct tftp_opts *opts)
{
	char num[16];
	size_t at;

	if (size < 2 || !*file)
		return -ENAMETOOLONG;
	at = put16(buf, TFTP_RRQ);
	if (!put_str(buf, size, &at, file) || !put_str(buf, size, &at, "octet"))
		return -ENAMETOOLONG;
	if (opts->blksize) {
		snprintf(num, sizeof(num), "%u", (unsigned int)opts->blksize);
		if (!put_str(buf, size, &at, "blksize") ||
		    !put_str(buf, size, &at, num))
			return -ENAMETOOLONG;
	}
	if (opts->tsize && (!put_str(buf, size, &at, "tsize") ||
			    !put_str(buf, size, &at, "0")))
		return -ENAMETOOLONG;
	if (opts->windowsize) {
		snprintf(num, sizeof(num), "%u",
			 (unsigned int)opts->windowsize);
		if (!put_str(buf, size, &at, "windowsize") ||
		    !put_str(buf, size, &at, num))
			return -ENAMETOOLONG;
	}
	return (int)at;
}

size_t tftp_make_ack(uint8_t *buf, uint16_t block)
{
	put16(buf, TFTP_ACK);
	put16(buf + 2, block);
	return 4;
}

size_t tftp_make_error(uint8_t *buf, size_t size, uint16_t code,
		       const char *msg)
{
	size_t n = strlen(msg);

	if (size < 5)
		return 0;
	if (n > size - 5)
		n = size - 5;
	put16(buf, TFTP_ERROR);
	put16(buf + 2, code);
	memcpy(buf + 4, msg, n);
	buf[4 + n] = '\0';
	return n + 5;
}

/* A decimal number of at most 19 digits; false for anything else. */
static bool parse_dec(const char *s, uint64_t *v)
{
	unsigned int n = 0;

	*v = 0;
	for (; *s; s++, n++) {
		if (*s < '0' || *s > '9' || n == 19)
			return false;
		*v = *v * 10 + (uint64_t)(*s - '0');
	}
	return n > 0;
}

static int parse_oack(const uint8_t *p, size_t len,
		      const struct tftp_opts *req, struct tftp_pkt *pkt)
{
	const char *name, *val;
	const uint8_t *end = p + len, *nul;
	uint64_t v;

	while (p < end) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (!nul)
			return -EBADMSG;
		name = (const char *)p;
		p = nul + 1;
		if (p >= end)
			return -EBADMSG;
		nul = memchr(p, '\0', (size_t)(end - p));
		if (!nul)
			return -EBADMSG;
		val = (const char *)p;
		p = nul + 1;
		if (!parse_dec(val, &v))
			return -EPROTO;
		if (!strcasecmp(name, "blksize") && req->blksize) {
			if (v < TFTP_BLKSIZE_MIN || v > req->blksize)
				return -EPROTO;
			pkt->blksize = (uint32_t)v;
		} else if (!strcasecmp(name, "windowsize") &&
			   req->windowsize) {
			if (v < 1 || v > req->windowsize)
				return -EPROTO;
			pkt->windowsize = (uint32_t)v;
		} else if (!strcasecmp(name, "tsize") && req->tsize) {
			pkt->has_tsize = true;
			pkt->tsize = v;
		} else {
			return -EPROTO;		/* not asked for */
		}
	}
	return 0;
}

int tftp_parse(const uint8_t *buf, size_t len, uint32_t blksize,
	       const struct tftp_opts *req, struct tftp_pkt *pkt)
{
	size_t n;

	memset(pkt, 0, sizeof(*pkt));
	if (len < 2)
		return -EBADMSG;
	pkt->op = get16(buf);
	switch (pkt->op) {
	case TFTP_DATA:
	case TFTP_ACK:
		if (len < 4)
			return -EBADMSG;
		pkt->block = get16(buf + 2);
		if (pkt->op == TFTP_ACK)
			return len == 4 ? 0 : -EBADMSG;
		pkt->data = buf + 4;
		pkt->len = len - 4;
		return pkt->len > blksize ? -EMSGSIZE : 0;
	case TFTP_ERROR:
		if (len < 4)
			return -EBADMSG;
		pkt->code = get16(buf + 2);
		/* The text up to its NUL, or the end; cut to what we keep;
		 * anything unprintable shown as '?'. */
		for (n = 0; 4 + n < len && buf[4 + n] &&
			    n < sizeof(pkt->msg) - 1; n++)
			pkt->msg[n] = buf[4 + n] >= 0x20 && buf[4 + n] < 0x7f ?
				      (char)buf[4 + n] : '?';
		pkt->msg[n] = '\0';
		return 0;
	case TFTP_OACK:
		return parse_oack(buf + 2, len - 2, req, pkt);
	default:
		return -EBADMSG;
	}
}

int tftp_block_class(uint64_t received, uint16_t block)
{
	uint16_t last = (uint16_t)received;
	uint16_t behind = (uint16_t)(last - block);

	if (block == (uint16_t)(received + 1))
		return TFTP_NEXT;
	/* Up to a window behind, and not before the first block. */
	if (behind < TFTP_WINDOW_MAX && behind < received + 1)
		return TFTP_OLD;
	return TFTP_AHEAD;
}
