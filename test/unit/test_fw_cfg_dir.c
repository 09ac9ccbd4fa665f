// SPDX-License-Identifier: MIT
/* Unit tests for drivers/firmware/fw_cfg_dir.c: the fw_cfg file directory
 * (QEMU docs/specs/fw_cfg.rst) as QEMU lays it out, and broken ones. */
#include <errno.h>
#include <fw_cfg.h>

static uint8_t raw[1 + 4 + 4 * FW_CFG_DIR_ENTRY_SIZE];

/* Entry i of a directory starting at dir: big-endian size and select. */
static void put_entry(uint8_t *dir, int i, uint32_t size, uint16_t sel,
		      const char *name)
{
	uint8_t *e = dir + 4 + i * FW_CFG_DIR_ENTRY_SIZE;
	size_t n = strlen(name);

	e[0] = size >> 24;
	e[1] = size >> 16;
	e[2] = size >> 8;
	e[3] = size;
	e[4] = sel >> 8;
	e[5] = sel;
	e[6] = e[7] = 0xee;	/* reserved: ignored */
	memcpy(e + 8, name, n < 56 ? n : 56);
}

static void put_count(uint8_t *dir, uint32_t n)
{
	dir[0] = n >> 24;
	dir[1] = n >> 16;
	dir[2] = n >> 8;
	dir[3] = n;
}

UNIT_MAIN(
	/* Odd address: the parser must not assume alignment. */
	uint8_t *dir = raw + 1;
	struct fw_cfg_file files[4];
	char long_name[57];
	size_t len3 = 4 + 3 * FW_CFG_DIR_ENTRY_SIZE;

	memset(long_name, 'n', 56);
	long_name[56] = '\0';
	put_count(dir, 3);
	put_entry(dir, 0, 28, 0x0025, "etc/ramfb");
	put_entry(dir, 1, 0x01020304, 0x0123, "opt/virtboot/env");
	put_entry(dir, 2, 0, 0xff00, long_name);	/* no NUL in 56 */

	CHECK(fw_cfg_parse_dir(dir, len3, files, 4) == 3);
	CHECK(files[0].size == 28);
	CHECK(files[0].select == 0x25);
	CHECK_STR(files[0].name, "etc/ramfb");
	CHECK(files[1].size == 0x01020304);
	CHECK(files[1].select == 0x123);
	CHECK_STR(files[1].name, "opt/virtboot/env");
	CHECK(files[2].size == 0);
	CHECK(files[2].select == 0xff00);
	CHECK(strlen(files[2].name) == 55);

	/* Exactly max entries fit; one fewer does not. */
	CHECK(fw_cfg_parse_dir(dir, len3, files, 3) == 3);
	CHECK(fw_cfg_parse_dir(dir, len3, files, 2) == -E2BIG);
	CHECK(fw_cfg_parse_dir(dir, len3, files, -1) == -E2BIG);
	/* Shorter than the count says, or not even a count. */
	CHECK(fw_cfg_parse_dir(dir, len3 - 1, files, 4) == -EINVAL);
	CHECK(fw_cfg_parse_dir(dir, 3, files, 4) == -EINVAL);
	CHECK(fw_cfg_parse_dir(dir, 0, files, 4) == -EINVAL);
	/* A count that would overflow a size computation. */
	put_count(dir, 0xffffffff);
	CHECK(fw_cfg_parse_dir(dir, len3, files, 4) == -EINVAL);
	put_count(dir, 0x04000001);
	CHECK(fw_cfg_parse_dir(dir, len3, files, 4) == -EINVAL);
	/* Longer data than the count needs is fine; an empty directory too. */
	put_count(dir, 1);
	memset(files, 0, sizeof(files));
	CHECK(fw_cfg_parse_dir(dir, len3, files, 4) == 1);
	CHECK_STR(files[0].name, "etc/ramfb");
	CHECK(files[1].size == 0);
	put_count(dir, 0);
	CHECK(fw_cfg_parse_dir(dir, 4, files, 0) == 0);
)
