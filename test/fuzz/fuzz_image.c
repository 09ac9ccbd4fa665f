// SPDX-License-Identifier: MIT
/* fuzz_image.c - libFuzzer target for the arm64 Image header parser
 * (lib/image.c image_parse): the input is the start of a kernel file. */
#include <image.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct image_info info;
	const char *why = "unset";
	uint64_t file_size = size;
	int err;

	/* The loader reads the first bytes of a possibly larger file; the
	 * file's size comes apart from the header (fw_cfg, booti). */
	if (size >= IMAGE_HEADER_SIZE + 8) {
		memcpy(&file_size, data + size - 8, 8);
		size -= 8;
	}
	err = image_parse(data, size, file_size, &info, &why);
	if (err) {
		if (!why || !*why)
			abort();	/* a refusal always says why */
		return 0;
	}
	if (why || !info.image_size || info.image_size < file_size ||
	    info.text_offset & 0xfff || info.text_offset >= (2UL << 20) ||
	    info.flags & IMAGE_FLAG_BE)
		abort();
	return 0;
}
