/* SPDX-License-Identifier: MIT */
/*
 * tftp_pkt.h - TFTP packets (RFC 1350) and options (RFC 2347 OACK,
 * RFC 2348 blksize, RFC 2349 tsize, RFC 7440 windowsize): building
 * requests and acknowledgements, parsing what a server sends. Pure code,
 * no I/O: every received byte is untrusted.
 */
#ifndef TFTP_PKT_H
#define TFTP_PKT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	TFTP_RRQ = 1, TFTP_WRQ, TFTP_DATA, TFTP_ACK, TFTP_ERROR, TFTP_OACK,
};

#define TFTP_PORT		69
#define TFTP_BLKSIZE_DEF	512
#define TFTP_BLKSIZE_MIN	8		/* RFC 2348 */
#define TFTP_BLKSIZE_MAX	65464
#define TFTP_WINDOW_MAX		64		/* what we ever ask for */
#define TFTP_MSG_MAX		128		/* an error text we keep */
#define TFTP_ERR_OPTION		8		/* RFC 2347 option refused */

/* What we ask for in a read request. */
struct tftp_opts {
	uint32_t blksize;	/* 0: no option */
	uint32_t windowsize;	/* 0: no option */
	bool tsize;
};

struct tftp_pkt {
	unsigned int op;
	uint16_t block;		/* DATA, ACK */
	const uint8_t *data;	/* DATA: the payload, inside the packet */
	size_t len;
	uint16_t code;		/* ERROR: the code and its text */
	char msg[TFTP_MSG_MAX];
	/* OACK: what the server took (0 / false: not in the OACK) */
	uint32_t blksize, windowsize;
	bool has_tsize;
	uint64_t tsize;
};

/* A read request for file in buf (size bytes): its length, or -ENAMETOOLONG
 * when it does not fit (or the name is empty). */
int tftp_make_rrq(uint8_t *buf, size_t size, const char *file,
		  const struct tftp_opts *opts);
/* An ACK of block (4 bytes). */
size_t tftp_make_ack(uint8_t *buf, uint16_t block);
/* An ERROR with code and msg (its length; msg cut to fit size). */
size_t tftp_make_error(uint8_t *buf, size_t size, uint16_t code,
		       const char *msg);

/*
 * Parse len bytes from the server. blksize is the data size in force:
 * a DATA payload larger is refused. An OACK is checked against what was
 * asked (req): an option not asked for, a value that is not a decimal
 * number, a blksize or windowsize out of [1, asked] is refused.
 * 0, -EBADMSG (malformed: short, unknown opcode, unterminated strings),
 * -EMSGSIZE (DATA larger than blksize), -EPROTO (an option refused).
 */
int tftp_parse(const uint8_t *buf, size_t len, uint32_t blksize,
	       const struct tftp_opts *req, struct tftp_pkt *pkt);

/* Where a DATA block falls, given how many blocks are in (blocks 1..n):
 * TFTP_NEXT (the one expected, block n + 1 modulo 65536), TFTP_OLD (one of
 * the last window again: a duplicate; ack the last in-order block),
 * TFTP_AHEAD (past a gap: out of order; ack the last in-order block). */
enum { TFTP_NEXT, TFTP_OLD, TFTP_AHEAD };
int tftp_block_class(uint64_t received, uint16_t block);

#endif
