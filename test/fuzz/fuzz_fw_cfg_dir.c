// SPDX-License-Identifier: MIT
/* fuzz_fw_cfg_dir.c - libFuzzer target for QEMU fw_cfg's file directory
 * parser (drivers/firmware/fw_cfg_dir.c): the input is the directory
 * item (selector 0x19) as the device hands it over. */
#include <errno.h>
#include <fw_cfg.h>
#include <stdint.h>

static void parse(const uint8_t *data, size_t size, int max)
{
	struct fw_cfg_file *files = calloc(max ? max : 1, sizeof(*files));
	int n, i;

	n = fw_cfg_parse_dir(data, size, files, max);
	if (n < 0 && n != -EINVAL && n != -E2BIG)
		abort();
	if (n > max || (n > 0 && size < 4 + (size_t)n * FW_CFG_DIR_ENTRY_SIZE))
		abort();
	for (i = 0; i < n; i++)
		if (strnlen(files[i].name, sizeof(files[i].name)) ==
		    sizeof(files[i].name))
			abort();	/* names always NUL-terminated */
	free(files);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t count;

	/* As the driver does (a table for the count it read first, when
	 * that is plausible), then with tables too small for it. */
	if (size >= 4) {
		count = (uint32_t)data[0] << 24 | data[1] << 16 |
			data[2] << 8 | data[3];
		if (count <= FW_CFG_MAX_FILES)
			parse(data, size, count);
	}
	parse(data, size, 1);
	parse(data, size, 0);
	return 0;
}
