// SPDX-License-Identifier: MIT
/*
 * gunzip.c - gzip data (RFC 1952) inflated by Debian's zlib in steps,
 * bounded on both sides: zlib's 32-bit counters are fed at most a chunk
 * at a time, the room given is never passed, and the input is never
 * read beyond its length.
 */
#include <errno.h>
#include <gunzip.h>
#include <string.h>

#define CHUNK		(1U << 30)	/* fits zlib's uInt counters */
#define GZIP_WBITS	(16 + MAX_WBITS)	/* gzip wrapper only */

bool gunzip_is_gzip(const void *buf, size_t len)
{
	const uint8_t *b = buf;

	return len >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8;
}

int gunzip_init(struct gunzip *g, const void *src, size_t len)
{
	int ret;

	memset(g, 0, sizeof(*g));
	if (!gunzip_is_gzip(src, len))
		return -ENOEXEC;
	g->next = src;
	g->left = len;
	ret = inflateInit2(&g->zs, GZIP_WBITS);
	if (ret == Z_MEM_ERROR)
		return -ENOMEM;
	return ret == Z_OK ? 0 : -EINVAL;
}

static void feed(struct gunzip *g)
{
	size_t n;

	if (g->zs.avail_in || !g->left)
		return;
	n = g->left < CHUNK ? g->left : CHUNK;
	g->zs.next_in = (Bytef *)g->next;
	g->zs.avail_in = n;
	g->next += n;
	g->left -= n;
}

/* One inflate() call into [dst, dst + n); returns zlib's code and adds
 * what it wrote to *got. */
static int step(struct gunzip *g, uint8_t *dst, size_t n, size_t *got)
{
	int ret;

	feed(g);
	g->zs.next_out = dst;
	g->zs.avail_out = n;
	ret = inflate(&g->zs, Z_NO_FLUSH);
	n -= g->zs.avail_out;
	*got += n;
	g->out += n;
	return ret;
}

static int map(struct gunzip *g, int ret)
{
	switch (ret) {
	case Z_STREAM_END:
		return 0;
	case Z_OK:
		return -EAGAIN;
	case Z_BUF_ERROR:	/* no progress: the input ran out */
		return g->zs.avail_in || g->left ? -EBADMSG : -ENODATA;
	case Z_MEM_ERROR:
		return -ENOMEM;
	default:		/* Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR */
		g->msg = g->zs.msg;
		return -EBADMSG;
	}
}

int gunzip_read(struct gunzip *g, void *dst, size_t room, size_t *got)
{
	uint8_t *out = dst;
	size_t n;
	int ret;

	*got = 0;
	while (*got < room) {
		n = room - *got < CHUNK ? room - *got : CHUNK;
		ret = step(g, out + *got, n, got);
		if (ret != Z_OK)
			return map(g, ret);
		/* Z_OK with nothing left to read and room to spare: the
		 * next call says Z_BUF_ERROR, i.e. truncated. */
	}
	return -EAGAIN;
}

int gunzip_check_end(struct gunzip *g)
{
	uint8_t scratch;
	size_t got = 0;
	int ret;

	/* One byte of scratch room: the trailer is read without output;
	 * a byte coming out means the data is larger than the room. */
	ret = step(g, &scratch, 1, &got);
	if (got)
		return -EFBIG;
	ret = map(g, ret);
	return ret == -EAGAIN ? -EBADMSG : ret;
}

uint64_t gunzip_consumed(const struct gunzip *g)
{
	return g->zs.total_in;
}

const char *gunzip_why(const struct gunzip *g, int err)
{
	switch (err) {
	case -ENOEXEC:
		return "not gzip data";
	case -ENODATA:
		return "truncated";
	case -EFBIG:
		return "larger than the room for it";
	case -ENOMEM:
		return "out of memory";
	case -EBADMSG:
		if (g->msg && !strcmp(g->msg, "incorrect data check"))
			return "bad CRC";
		if (g->msg && !strcmp(g->msg, "incorrect length check"))
			return "bad length in the trailer";
		return g->msg ? g->msg : "bad data";
	default:
		return "cannot inflate";
	}
}

void gunzip_end(struct gunzip *g)
{
	inflateEnd(&g->zs);
}

int gunzip(void *dst, size_t room, const void *src, size_t len,
	   size_t *out, const char **why)
{
	struct gunzip g;
	int err;

	*out = 0;
	err = gunzip_init(&g, src, len);
	if (err) {
		*why = gunzip_why(&g, err);
		return err;
	}
	err = gunzip_read(&g, dst, room, out);
	if (err == -EAGAIN)
		err = gunzip_check_end(&g);
	*why = gunzip_why(&g, err);
	gunzip_end(&g);
	return err;
}
