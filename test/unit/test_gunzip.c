// SPDX-License-Identifier: MIT
/* Unit tests for lib/gunzip.c (host zlib): whole and stepwise inflation,
 * the room never passed, damaged and truncated streams refused. */
#include <errno.h>
#include <gunzip.h>

#define N 200000

/* gzip of len bytes at src (zlib's deflate with the gzip wrapper). */
static size_t compress_gz(uint8_t *dst, size_t room, const uint8_t *src,
			  size_t len)
{
	z_stream zs = { 0 };
	size_t n;

	if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	zs.next_in = (Bytef *)src;
	zs.avail_in = len;
	zs.next_out = dst;
	zs.avail_out = room;
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
		abort();
	n = zs.total_out;
	deflateEnd(&zs);
	return n;
}

static uint8_t data[N], gz[N * 2], out[N + 64];

static void fill(void)
{
	uint32_t x = 1;
	size_t i;

	for (i = 0; i < N; i++) {
		x = x * 1103515245 + 12345;
		data[i] = "abcdefgh"[(x >> 16) & 7];	/* compresses */
	}
}

static void test_whole(size_t n)
{
	const char *why;
	size_t got;

	memset(out, 0x5a, sizeof(out));
	CHECK(!gunzip(out, N, gz, n, &got, &why));
	CHECK(got == N && !memcmp(out, data, N));
	/* Exactly the room. */
	CHECK(!gunzip(out, N, gz, n, &got, &why));
	/* One byte short: refused, nothing past the room written. */
	memset(out, 0x5a, sizeof(out));
	CHECK(gunzip(out, N - 1, gz, n, &got, &why) == -EFBIG);
	CHECK_STR(why, "larger than the room for it");
	CHECK(out[N - 1] == 0x5a && got == N - 1);
	/* Extra bytes after the stream are not read as part of it. */
	CHECK(!gunzip(out, N, gz, n + 10, &got, &why));
}

static void test_steps(size_t n)
{
	struct gunzip g;
	size_t got, done;
	int err;

	CHECK(!gunzip_init(&g, gz, n));
	CHECK(gunzip_read(&g, out, 64, &got) == -EAGAIN && got == 64);
	done = got;
	do {
		err = gunzip_read(&g, out + done, 1000, &got);
		done += got;
	} while (err == -EAGAIN);
	CHECK(!err && done == N && !memcmp(out, data, N));
	CHECK(gunzip_consumed(&g) == n);
	gunzip_end(&g);

	/* The room full to the byte: the end is checked without output. */
	CHECK(!gunzip_init(&g, gz, n));
	CHECK(gunzip_read(&g, out, N, &got) == -EAGAIN || got == N);
	CHECK(got == N);
	gunzip_end(&g);
	CHECK(!gunzip_init(&g, gz, n));
	err = gunzip_read(&g, out, N, &got);
	if (err == -EAGAIN)
		err = gunzip_check_end(&g);
	CHECK(!err);
	gunzip_end(&g);
}

static void test_bad(size_t n)
{
	const char *why;
	size_t got;

	/* The trailer: CRC-32, then the length. */
	gz[n - 8] ^= 1;
	CHECK(gunzip(out, N, gz, n, &got, &why) == -EBADMSG);
	CHECK_STR(why, "bad CRC");
	gz[n - 8] ^= 1;
	gz[n - 3] ^= 1;
	CHECK(gunzip(out, N, gz, n, &got, &why) == -EBADMSG);
	CHECK_STR(why, "bad length in the trailer");
	gz[n - 3] ^= 1;
	CHECK(gunzip(out, N, gz, n - 1, &got, &why) == -ENODATA);
	CHECK_STR(why, "truncated");
	CHECK(gunzip(out, N, gz, n / 2, &got, &why) == -ENODATA);
	CHECK(gunzip(out, N, gz, 10, &got, &why) == -ENODATA);
	CHECK(gunzip(out, N, gz, 2, &got, &why) == -ENOEXEC);
	CHECK_STR(why, "not gzip data");
	CHECK(gunzip(out, N, data, N, &got, &why) == -ENOEXEC);
	/* A bad method flag byte in the header. */
	gz[3] = 0xe0;
	CHECK(gunzip(out, N, gz, n, &got, &why) == -EBADMSG);
	CHECK(!gunzip_is_gzip("\x1f\x8b\x07", 3));
}

UNIT_MAIN(
	size_t n;

	fill();
	n = compress_gz(gz, sizeof(gz), data, N);
	test_whole(n);
	test_steps(n);
	test_bad(n);
)
