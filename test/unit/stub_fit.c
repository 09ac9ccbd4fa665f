// SPDX-License-Identifier: MIT
/* stub_fit.c - what the FIT code uses from the loader, for host builds:
 * no SHA-2 instructions, an fw_cfg with the one file opt/virtboot/keys
 * (unit_keys, set by the test), no keys built in. */
#include <fw_cfg.h>
#include <sha256_ce.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* No keys built in: both symbols at one place, as the link makes them. */
__asm__(".section .rodata\n.globl fit_builtin_keys, fit_builtin_keys_end\n"
	"fit_builtin_keys:\nfit_builtin_keys_end:\n.previous\n");
const void *unit_keys;
size_t unit_keys_len;

bool sha256_ce_present(void)
{
	return false;
}

void sha256_ce_blocks(uint32_t state[8], const uint8_t *data, size_t n)
{
	abort();
}

const struct fw_cfg_file *fw_cfg_find(const char *name)
{
	static struct fw_cfg_file f;

	if (!unit_keys || strcmp(name, "opt/virtboot/keys"))
		return NULL;
	f.size = unit_keys_len;
	strcpy(f.name, name);
	return &f;
}

int fw_cfg_read_file(const char *name, uint64_t offset, void *buf,
		     uint64_t len)
{
	memcpy(buf, (const uint8_t *)unit_keys + offset, len);
	return 0;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	abort();
}
