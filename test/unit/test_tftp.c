// SPDX-License-Identifier: MIT
/* Unit tests for net/tftp_pkt.c: requests as servers expect them, and
 * what a server (or anyone on the wire) may send, good and damaged. */
#include <errno.h>
#include "../../net/tftp_pkt.h"

static const struct tftp_opts ask = { 1468, 16, true };

static int parse(const void *buf, size_t len, uint32_t blksize,
		 struct tftp_pkt *p)
{
	return tftp_parse(buf, len, blksize, &ask, p);
}

static void test_rrq(void)
{
	static const char want[] = "\0\1Image\0octet\0blksize\0001468\0"
				   "tsize\0000\0windowsize\00016";
	struct tftp_opts none = { 0, 0, false };
	uint8_t buf[600];
	char big[700];
	int n;

	n = tftp_make_rrq(buf, sizeof(buf), "Image", &ask);
	CHECK(n == (int)sizeof(want));
	CHECK(!memcmp(buf, want, sizeof(want)));
	n = tftp_make_rrq(buf, sizeof(buf), "a", &none);
	CHECK(n == 2 + 2 + 6);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK(tftp_make_rrq(buf, sizeof(buf), big, &ask) == -ENAMETOOLONG);
	CHECK(tftp_make_rrq(buf, sizeof(buf), "", &ask) == -ENAMETOOLONG);
	/* Exactly full, and one byte short. */
	CHECK(tftp_make_rrq(buf, 10, "a", &none) == 10);
	CHECK(tftp_make_rrq(buf, 9, "a", &none) == -ENAMETOOLONG);
}

static void test_ack_error(void)
{
	uint8_t buf[16];

	CHECK(tftp_make_ack(buf, 0x1234) == 4);
	CHECK(!memcmp(buf, "\0\4\x12\x34", 4));
	CHECK(tftp_make_error(buf, sizeof(buf), 1, "File not found") == 16);
	CHECK(!memcmp(buf, "\0\5\0\1File not fo", 16));
	CHECK(buf[15] == '\0');		/* cut, still terminated */
	CHECK(tftp_make_error(buf, 4, 1, "x") == 0);
}

static void test_data(void)
{
	uint8_t pkt[4 + 1468 + 1] = { 0, 3, 0xff, 0xff };
	struct tftp_pkt p;

	CHECK(parse(pkt, 4 + 512, 512, &p) == 0);
	CHECK(p.op == TFTP_DATA && p.block == 0xffff && p.len == 512);
	CHECK(p.data == pkt + 4);
	CHECK(parse(pkt, 4, 512, &p) == 0 && p.len == 0);	/* the end */
	CHECK(parse(pkt, 4 + 513, 512, &p) == -EMSGSIZE);	/* oversized */
	CHECK(parse(pkt, 4 + 1469, 1468, &p) == -EMSGSIZE);
	CHECK(parse(pkt, 3, 512, &p) == -EBADMSG);		/* truncated */
	CHECK(parse(pkt, 1, 512, &p) == -EBADMSG);
	CHECK(parse(pkt, 0, 512, &p) == -EBADMSG);
}

static void test_error(void)
{
	struct tftp_pkt p;
	char big[300] = "\0\5\0\1";

	CHECK(parse("\0\5\0\1File not found\0", 19, 512, &p) == 0);
	CHECK(p.op == TFTP_ERROR && p.code == 1);
	CHECK_STR(p.msg, "File not found");
	/* No NUL, control characters, no text at all, too long. */
	CHECK(parse("\0\5\0\2ab\ncd", 9, 512, &p) == 0);
	CHECK_STR(p.msg, "ab?cd");
	CHECK(parse("\0\5\0\3", 4, 512, &p) == 0 && !p.msg[0]);
	CHECK(parse("\0\5\0", 3, 512, &p) == -EBADMSG);
	memset(big + 4, 'e', sizeof(big) - 4);
	CHECK(parse(big, sizeof(big), 512, &p) == 0);
	CHECK(strlen(p.msg) == TFTP_MSG_MAX - 1);
}

static void test_oack(void)
{
	static const char all[] = "\0\6blksize\0001428\0tsize\0005000000\0";
	static const char upper[] = "\0\6BLKSIZE\000512\0WindowSize\0004\0";
	struct tftp_pkt p;

	CHECK(parse(all, sizeof(all) - 1, 1468, &p) == 0);
	CHECK(p.op == TFTP_OACK && p.blksize == 1428 && !p.windowsize);
	CHECK(p.has_tsize && p.tsize == 5000000);
	CHECK(parse(upper, sizeof(upper) - 1, 1468, &p) == 0);
	CHECK(p.blksize == 512 && p.windowsize == 4 && !p.has_tsize);
	CHECK(parse("\0\6", 2, 1468, &p) == 0);		/* nothing taken */
	/* More than asked, less than the minimum, not a number, not
	 * asked for, unterminated, a name without a value. */
	CHECK(parse("\0\6blksize\0001469\0", 15, 1468, &p) == -EPROTO);
	CHECK(parse("\0\6blksize\0007\0", 12, 1468, &p) == -EPROTO);
	CHECK(parse("\0\6windowsize\00017\0", 16, 1468, &p) == -EPROTO);
	CHECK(parse("\0\6windowsize\0000\0", 15, 1468, &p) == -EPROTO);
	CHECK(parse("\0\6blksize\0001x\0", 13, 1468, &p) == -EPROTO);
	CHECK(parse("\0\6blksize\0\0", 11, 1468, &p) == -EPROTO);
	CHECK(parse("\0\6tsize\00099999999999999999999\0", 29, 1468, &p) ==
	      -EPROTO);
	CHECK(parse("\0\6timeout\0001\0", 12, 1468, &p) == -EPROTO);
	CHECK(parse("\0\6blksize\000512", 13, 1468, &p) == -EBADMSG);
	CHECK(parse("\0\6blksize\0", 10, 1468, &p) == -EBADMSG);
	CHECK(parse("\0\6blksize", 9, 1468, &p) == -EBADMSG);
	struct tftp_opts none = { 0, 0, false };
	CHECK(tftp_parse((const uint8_t *)all, sizeof(all) - 1, 1468, &none,
			 &p) == -EPROTO);
}

static void test_opcodes(void)
{
	struct tftp_pkt p;

	CHECK(parse("\0\4\0\1", 4, 512, &p) == 0 && p.op == TFTP_ACK);
	CHECK(parse("\0\4\0\1x", 5, 512, &p) == -EBADMSG);
	CHECK(parse("\0\1", 2, 512, &p) == -EBADMSG);	/* a request */
	CHECK(parse("\0\2", 2, 512, &p) == -EBADMSG);
	CHECK(parse("\0\7", 2, 512, &p) == -EBADMSG);
	CHECK(parse("\1\3\0\1", 4, 512, &p) == -EBADMSG);
	CHECK(parse("\xff\xff", 2, 512, &p) == -EBADMSG);
}

static void test_blocks(void)
{
	CHECK(tftp_block_class(0, 1) == TFTP_NEXT);
	CHECK(tftp_block_class(0, 2) == TFTP_AHEAD);
	CHECK(tftp_block_class(5, 6) == TFTP_NEXT);
	CHECK(tftp_block_class(5, 5) == TFTP_OLD);	/* duplicate */
	CHECK(tftp_block_class(5, 1) == TFTP_OLD);
	CHECK(tftp_block_class(5, 7) == TFTP_AHEAD);	/* one lost */
	CHECK(tftp_block_class(5, 0xffff) == TFTP_AHEAD); /* not before 1 */
	/* Across the 16-bit roll-over. */
	CHECK(tftp_block_class(65535, 0) == TFTP_NEXT);
	CHECK(tftp_block_class(65536, 1) == TFTP_NEXT);
	CHECK(tftp_block_class(65536, 0xffff) == TFTP_OLD);
	CHECK(tftp_block_class(65536, 0) == TFTP_OLD);
	CHECK(tftp_block_class(100000, 100000 & 0xffff) == TFTP_OLD);
	CHECK(tftp_block_class(100000, (100000 - 200) & 0xffff) ==
	      TFTP_AHEAD);
}

UNIT_MAIN(
	test_rrq();
	test_ack_error();
	test_data();
	test_error();
	test_oack();
	test_opcodes();
	test_blocks();
)
