// SPDX-License-Identifier: MIT
/*
 * fw_cfg_dir.c - parse QEMU fw_cfg's file directory (QEMU docs/specs/
 * fw_cfg.rst, "File Directory"): a big-endian u32 count, then 64-byte
 * entries {be32 size; be16 select; u16 reserved; char name[56]}. Pure
 * code, no device access, so the host unit tests run it too.
 */
#include <errno.h>
#include <fw_cfg.h>
#include <string.h>

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

int fw_cfg_parse_dir(const void *raw, size_t len, struct fw_cfg_file *files,
		     int max)
{
	const uint8_t *p = raw;
	uint32_t count, i;

	if (len < 4)
		return -EINVAL;
	count = get_be32(p);
	if (count > (len - 4) / FW_CFG_DIR_ENTRY_SIZE)
		return -EINVAL;
	if (max < 0 || count > (uint32_t)max)
		return -E2BIG;
	for (i = 0; i < count; i++) {
		const uint8_t *e = p + 4 + i * FW_CFG_DIR_ENTRY_SIZE;
		struct fw_cfg_file *f = &files[i];

		f->size = get_be32(e);
		f->select = (uint16_t)(e[4] << 8 | e[5]);
		memcpy(f->name, e + 8, sizeof(f->name));
		f->name[sizeof(f->name) - 1] = '\0';
	}
	return count;
}
