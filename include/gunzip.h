/* SPDX-License-Identifier: MIT */
/*
 * gunzip.h - gzip data (RFC 1952) inflated with zlib into a bounded
 * buffer, in steps: the output never passes the room it is given, the
 * input is never read past its length, and the trailer's CRC-32 and
 * length are checked.
 */
#ifndef GUNZIP_H
#define GUNZIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

struct gunzip {
	z_stream zs;
	const uint8_t *next;	/* input not yet handed to zlib */
	size_t left;
	uint64_t out;		/* bytes produced so far */
	const char *msg;	/* zlib's word for the last bad data */
};

/* The gzip magic and the deflate method (1f 8b 08). */
bool gunzip_is_gzip(const void *buf, size_t len);

/* Start on len bytes at src: -ENOEXEC when they are not gzip data,
 * -ENOMEM when zlib's state does not fit in the heap. */
int gunzip_init(struct gunzip *g, const void *src, size_t len);

/*
 * Inflate into dst, at most room bytes; *got says how many came. 0 when
 * the stream ended and its trailer is right; -EAGAIN when the room is
 * full and the stream goes on; -EBADMSG for damaged data or a wrong CRC
 * or length (gunzip_why() says which); -ENODATA when the input ends
 * before the stream does; -ENOMEM.
 */
int gunzip_read(struct gunzip *g, void *dst, size_t room, size_t *got);

/* After -EAGAIN: 0 when the stream ends there (trailer checked),
 * -EFBIG when it holds more output; writes nothing anywhere. */
int gunzip_check_end(struct gunzip *g);

/* Input bytes consumed so far (the compressed size once it ended). */
uint64_t gunzip_consumed(const struct gunzip *g);

/* What went wrong, for one line: "bad CRC", "truncated"... */
const char *gunzip_why(const struct gunzip *g, int err);

void gunzip_end(struct gunzip *g);

/* All of it in one go: 0 with *out bytes written, -EFBIG when it does
 * not fit in room (nothing past room written), or as gunzip_read(). */
int gunzip(void *dst, size_t room, const void *src, size_t len,
	   size_t *out, const char **why);

#endif
