// SPDX-License-Identifier: MIT
/*
 * env_flash.c - the saved environment on the CFI flash, where U-Boot's
 * qemu_arm64 keeps it (env/flash.c): CONFIG_ENV_SIZE bytes at
 * CONFIG_ENV_OFFSET of the first flash bank the loader does not run from
 * (QEMU virt: bank 1, -drive if=pflash,format=raw,index=1,file=F). The
 * layout is U-Boot's: a little-endian CRC-32 of the rest, NUL-terminated
 * name=value strings, an empty string, padding (0xff here: erased flash
 * needs no programming), so fw_printenv/fw_setenv and mkenvimage images
 * work both ways. The messages are U-Boot's.
 */
#include <crc32.h>
#include <env.h>
#include <errno.h>
#include <flash.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

#define ENV_OFF		((uint64_t)CONFIG_ENV_OFFSET)
#define ENV_LEN		((size_t)CONFIG_ENV_SIZE)
#define VERIFY_CHUNK	4096

/* The bank that keeps the environment, or NULL (said unless quiet). */
static const struct flash_bank *env_bank(bool quiet)
{
	const struct flash_bank *b;
	unsigned int i;

	for (i = 0; (b = flash_bank(i)); i++)
		if (!b->is_firmware)
			break;
	if (!b) {
		if (!quiet)
			printf("no flash bank besides the loader's: start QEMU with -drive if=pflash,format=raw,index=1,file=envstore.img\n");
		return NULL;
	}
	if (!b->is_cfi || b->cmdset != 1) {
		if (!quiet)
			printf("the flash at 0x%llx does not answer as CFI Intel/Sharp flash\n",
			       (unsigned long long)b->base);
		return NULL;
	}
	/* Whole erase blocks only: part of one would take data beside it.
	 * (Kconfig values: no overflow.) */
	if (ENV_OFF + ENV_LEN > b->size || ENV_OFF % b->erase_size ||
	    ENV_LEN % b->erase_size) {
		if (!quiet)
			printf("the environment (0x%zx bytes at 0x%llx) is not whole erase blocks (0x%x) of the flash\n",
			       ENV_LEN, (unsigned long long)ENV_OFF,
			       b->erase_size);
		return NULL;
	}
	return b;
}

/*
 * The saved copy, checked in place (one pass of aligned loads: the CRC
 * of 256 KiB is the start-up's cost), then copied from its start up to
 * the strings' end (the empty string the import stops at), in *len
 * bytes of a new buffer (*err 0); NULL with *err -ENODATA (blank: the
 * header and the first entry all erased, 0xff, or all zero, as QEMU's
 * bank without a -drive), -EBADMSG (bad CRC) or -ENOMEM. A buffer of the whole 256 KiB would cost more
 * than the CRC (picolibc's malloc of a large block is slow).
 */
static bool blank(const volatile uint8_t *flash)
{
	unsigned int i;

	for (i = 1; i < ENV_HDR_SIZE + 64; i++)
		if (flash[i] != flash[0])
			return false;
	return flash[0] == 0 || flash[0] == 0xff;
}

static uint8_t *read_saved(const struct flash_bank *b, size_t *len,
			   int *err)
{
	const volatile uint8_t *flash = flash_map(b, ENV_OFF, ENV_LEN);
	uint8_t hdr[ENV_HDR_SIZE], *buf;
	size_t end;

	*err = flash ? flash_read(b, ENV_OFF, hdr, sizeof(hdr)) : -ERANGE;
	if (*err)
		return NULL;
	if (crc32(0, (const uint8_t *)flash + ENV_HDR_SIZE,
		  ENV_LEN - ENV_HDR_SIZE) !=
	    (hdr[0] | hdr[1] << 8 | hdr[2] << 16 | (uint32_t)hdr[3] << 24)) {
		*err = blank(flash) ? -ENODATA : -EBADMSG;
		return NULL;
	}
	/* Byte loads (Device memory) up to the first entry that is empty. */
	for (end = ENV_HDR_SIZE; end < ENV_LEN - 1; end++)
		if (!flash[end] && (end == ENV_HDR_SIZE || !flash[end - 1]))
			break;
	*len = MIN(ALIGN_UP(end + 1, 8), ENV_LEN);
	buf = malloc(*len);
	*err = buf ? flash_read(b, ENV_OFF, buf, *len) : -ENOMEM;
	if (*err) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Replace the environment with the saved copy in buf (CRC good). */
static void import_saved(const uint8_t *buf, size_t len)
{
	env_clear();
	env_import_data((const char *)buf + ENV_HDR_SIZE, len - ENV_HDR_SIZE,
			'\0', 0, 0, NULL, "flash");
	/* As U-Boot: the running loader's version, not the saved one. */
	env_set("ver", version_string);
	env_state.valid = true;
	env_state.use_default = false;
}

int env_load_saved(void)
{
	const struct flash_bank *b = env_bank(true);
	uint8_t *buf;
	size_t len;
	int err;

	env_state.can_persist = b != NULL;
	if (!b)
		return 0;
	buf = read_saved(b, &len, &err);
	/* Nothing saved yet: the defaults, with nothing to warn about
	 * (U-Boot warns of a bad CRC then too, on every first boot). */
	if (err == -ENODATA)
		err = 0;
	else if (err == -EBADMSG)
		printf("*** Warning - bad CRC, using default environment\n");
	else if (err)
		printf("*** Warning - cannot read the environment (%d), using default environment\n",
		       err);
	else
		import_saved(buf, len);
	free(buf);
	return err;
}

int env_reload(void)
{
	const struct flash_bank *b;
	uint8_t *buf;
	size_t len;
	int err;

	printf("Loading Environment from Flash... ");
	b = env_bank(false);
	if (!b) {
		printf("Failed (%d)\n", -ENODEV);
		return -ENODEV;
	}
	buf = read_saved(b, &len, &err);
	if (buf && !err)
		import_saved(buf, len);
	free(buf);
	if (err == -EBADMSG)
		printf("bad CRC, environment unchanged\n");
	else if (err == -ENODATA)
		printf("nothing saved, environment unchanged\n");
	printf(err ? "Failed (%d)\n" : "OK\n", err);
	return err;
}

static int erase_blocks(const struct flash_bank *b)
{
	uint64_t off;
	unsigned int n = 0;
	int err = 0;

	for (off = ENV_OFF; off < ENV_OFF + ENV_LEN && !err;
	     off += b->erase_size) {
		err = flash_erase_block(b, off);
		if (!err) {
			putchar('.');
			n++;
		}
	}
	if (!err)
		printf(" done\nErased %u sectors\n", n);
	return err;
}

static int verify(const struct flash_bank *b, const uint8_t *want)
{
	uint8_t got[VERIFY_CHUNK];
	size_t i, n;
	int err;

	for (i = 0; i < ENV_LEN; i += n) {
		n = MIN(ENV_LEN - i, sizeof(got));
		err = flash_read(b, ENV_OFF + i, got, n);
		if (err)
			return err;
		if (memcmp(got, want + i, n)) {
			printf("verify failed: the flash at 0x%llx differs from what was written\n",
			       (unsigned long long)(b->base + ENV_OFF + i));
			return -EIO;
		}
	}
	return 0;
}

int env_save(void)
{
	const struct flash_bank *b;
	uint8_t *buf = NULL;
	int err;

	printf("Saving Environment to Flash... ");
	b = env_bank(false);
	if (!b) {
		err = -ENODEV;
		goto out;
	}
	buf = malloc(ENV_LEN);
	if (!buf) {
		err = -ENOMEM;
		goto out;
	}
	/* Serialized and sized before anything is erased. */
	err = env_store_pack(buf, ENV_LEN, 0xff);
	if (err) {
		printf("the environment does not fit in 0x%zx bytes; the saved copy is unchanged\n",
		       ENV_LEN - ENV_HDR_SIZE);
		goto out;
	}
	printf("Erasing Flash...\n");
	err = erase_blocks(b);
	if (err)
		goto out;
	printf("Writing to Flash... ");
	err = flash_write(b, ENV_OFF, buf, ENV_LEN);
	if (!err)
		err = verify(b, buf);
	if (!err) {
		printf("done\n");
		env_state.valid = true;
	}
out:
	free(buf);
	printf(err ? "Failed (%d)\n" : "OK\n", err);
	return err;
}

int env_erase(void)
{
	const struct flash_bank *b;
	int err;

	printf("Erasing Environment on Flash... ");
	b = env_bank(false);
	err = b ? erase_blocks(b) : -ENODEV;
	if (!err)
		env_state.valid = false;
	printf(err ? "Failed (%d)\n" : "OK\n", err);
	return err;
}
