// SPDX-License-Identifier: MIT
/*
 * fw_cfg_env.c - configuration from the QEMU command line: the
 * environment from the fw_cfg file opt/virtboot/env (name=value lines) and
 * shell commands from opt/virtboot/script (QEMU docs/specs/fw_cfg.rst,
 * "-fw_cfg name=opt/...,file=..." or ",string=...").
 */
#define pr_fmt(fmt) "fw_cfg: " fmt
#include <cli.h>
#include <env.h>
#include <errno.h>
#include <fw_cfg.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

#define MAX_CONFIG_SIZE (64 * 1024)

/* The named file, whole, in a new NUL-terminated buffer; NULL (and *len
 * 0) when it is absent or unreadable, which is reported. */
static char *read_text(const char *name, size_t *len)
{
	const struct fw_cfg_file *f = fw_cfg_find(name);
	char *buf;
	int err;

	*len = 0;
	if (!f)
		return NULL;
	if (f->size > MAX_CONFIG_SIZE) {
		pr_err("%s: %u bytes, more than %u: ignored\n", name, f->size,
		       MAX_CONFIG_SIZE);
		return NULL;
	}
	buf = malloc(f->size + 1);
	if (!buf) {
		pr_err("%s: out of memory\n", name);
		return NULL;
	}
	err = fw_cfg_read(f->select, 0, buf, f->size);
	if (err) {
		pr_err("%s: read failed (%d)\n", name, err);
		free(buf);
		return NULL;
	}
	buf[f->size] = '\0';
	*len = strlen(buf);	/* ",string=" content may end in a NUL */
	return buf;
}

int fw_cfg_env_import(void)
{
	size_t len;
	char *text;
	int bad;

	if (!IS_ENABLED(CONFIG_FW_CFG) || !fw_cfg_get_info())
		return 0;
	text = read_text(FW_CFG_ENV_FILE, &len);
	if (!text)
		return 0;
	bad = env_import(text, len, FW_CFG_ENV_FILE);
	free(text);
	return bad ? -EINVAL : 0;
}

int fw_cfg_script_run(void)
{
	char *text, *line, *next;
	size_t len;

	if (!IS_ENABLED(CONFIG_FW_CFG) || !fw_cfg_get_info())
		return 0;
	text = read_text(FW_CFG_SCRIPT_FILE, &len);
	if (!text)
		return 0;
	/* One shell line per text line; a failing line does not stop the
	 * rest (as a sequence of lines typed at the prompt). */
	for (line = text; *line; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		len = strlen(line);
		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		if (*line)
			cli_run(line);
	}
	free(text);
	return 0;
}
