// SPDX-License-Identifier: MIT
/*
 * fw_cfg_env.c - configuration from the QEMU command line: the
 * environment from the fw_cfg file opt/virtboot/env (name=value lines) and
 * shell commands from opt/virtboot/script (QEMU docs/specs/fw_cfg.rst,
 * "-fw_cfg name=opt/...,file=..." or ",string=...").
 */
#define pr_fmt(fmt) "fw_cfg: " fmt
#include <boot.h>
#include <cli.h>
#include <env.h>
#include <errno.h>
#include <fw_cfg.h>
#include <parse.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

/* Room for a full environment with comments; the heap holds it. */
#define MAX_CONFIG_SIZE (2 * CONFIG_ENV_SIZE)

/* An item (select, size bytes) whole, in a new NUL-terminated buffer;
 * NULL when there is no fw_cfg or the read fails, which is reported. */
static char *read_item(uint16_t select, uint32_t size, const char *name)
{
	char *buf;
	int err;

	if (size > MAX_CONFIG_SIZE) {
		pr_err("%s: %u bytes, more than %u: ignored\n", name, size,
		       MAX_CONFIG_SIZE);
		return NULL;
	}
	buf = malloc(size + 1);
	if (!buf) {
		pr_err("%s: out of memory\n", name);
		return NULL;
	}
	err = fw_cfg_read(select, 0, buf, size);
	if (err) {
		pr_err("%s: read failed (%d)\n", name, err);
		free(buf);
		return NULL;
	}
	buf[size] = '\0';	/* ",string=" content may end in a NUL too */
	return buf;
}

/* The named file as text (*len bytes, NULs included, then a NUL), or
 * NULL when it (or fw_cfg) is absent. */
static char *read_text(const char *name, size_t *len)
{
	const struct fw_cfg_file *f;

	if (!IS_ENABLED(CONFIG_FW_CFG) || !fw_cfg_get_info())
		return NULL;
	f = fw_cfg_find(name);
	if (!f)
		return NULL;
	*len = f->size;
	return read_item(f->select, f->size, name);
}

/* ",string=" content ends in the NUL QEMU adds: not part of the text. */
static size_t trim_final_nul(const char *text, size_t len)
{
	return len && !text[len - 1] ? len - 1 : len;
}

int fw_cfg_env_import(void)
{
	size_t len;
	char *text = read_text(FW_CFG_ENV_FILE, &len);
	int bad;

	if (!text)
		return 0;
	bad = env_import(text, trim_final_nul(text, len), FW_CFG_ENV_FILE);
	free(text);
	return bad ? -EINVAL : 0;
}

int fw_cfg_import_cmdline(void)
{
	uint32_t len;
	char *args;
	int err = 0;

	if (!IS_ENABLED(CONFIG_FW_CFG) || !fw_cfg_get_info())
		return 0;
	len = fw_cfg_read_u32(FW_CFG_CMDLINE_SIZE);
	if (len <= 1)
		return 0;	/* no -append: bootargs from the environment */
	args = read_item(FW_CFG_CMDLINE_DATA, len, "-append");
	if (args && strlen(args) > BOOT_ARGS_MAX)
		pr_warn("-append is %zu bytes; arm64 Linux keeps %d: booting it will be refused\n",
			strlen(args), BOOT_ARGS_MAX);
	err = args ? env_set("bootargs", args) : -EIO;
	if (err == -ENOMEM)
		pr_err("-append (%u bytes) does not fit in the environment\n",
		       len);
	/* Never boot with other bootargs than the user gave: the boot
	 * refuses an -append that is missing from bootargs. */
	if (err)
		env_set("bootargs", NULL);
	free(args);
	return err;
}

int fw_cfg_script_run(void)
{
	size_t len;
	char *text = read_text(FW_CFG_SCRIPT_FILE, &len);

	if (!text)
		return 0;
	cli_run_script(text, trim_final_nul(text, len), FW_CFG_SCRIPT_FILE);
	free(text);
	return 0;
}
