// SPDX-License-Identifier: MIT
/* fuzz_tftp.c - libFuzzer target for the TFTP packet parser
 * (net/tftp_pkt.c): the input is one UDP payload from the "server"; the
 * first byte picks the block size in force and what was asked. */
#include <errno.h>
#include <stdint.h>
#include "../../net/tftp_pkt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t sizes[] = { 512, 1428, 1468, 8 };
	struct tftp_opts ask = { 1468, 16, true };
	struct tftp_pkt p;
	uint32_t blksize;
	uint8_t *copy;
	int err;

	if (!size)
		return 0;
	blksize = sizes[data[0] & 3];
	if (data[0] & 4)
		ask = (struct tftp_opts){ 0, 0, false };
	/* An exact-size copy: ASan sees any read past the end. */
	copy = malloc(size - 1 ? size - 1 : 1);
	memcpy(copy, data + 1, size - 1);
	err = tftp_parse(copy, size - 1, blksize, &ask, &p);
	if (err && err != -EBADMSG && err != -EMSGSIZE && err != -EPROTO)
		abort();
	if (!err) {
		if (p.op == TFTP_DATA &&
		    (p.len > blksize || p.data != copy + 4 ||
		     p.len != size - 1 - 4))
			abort();
		if (strnlen(p.msg, sizeof(p.msg)) == sizeof(p.msg))
			abort();
		if (p.op == TFTP_OACK &&
		    ((p.blksize && (p.blksize < 8 || p.blksize > ask.blksize)) ||
		     (p.windowsize && p.windowsize > ask.windowsize) ||
		     (p.has_tsize && !ask.tsize)))
			abort();
	}
	if (size >= 3)
		tftp_block_class((uint64_t)data[0] << 10,
				 (uint16_t)(data[1] << 8 | data[2]));
	free(copy);
	return 0;
}
