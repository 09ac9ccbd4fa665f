// SPDX-License-Identifier: MIT
/* fuzz_extlinux.c - libFuzzer target for the extlinux.conf parser
 * (boot/extlinux.c): the input is the config; an included file is the
 * input again from an offset its name picks, so includes nest and loop. */
#include <extlinux.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const uint8_t *input;
static size_t input_size;

static int read_include(void *arg, const char *path, char **buf, size_t *len)
{
	size_t off = 0;

	while (*path)
		off = off * 31 + (unsigned char)*path++;
	off = input_size ? off % (input_size + 1) : 0;
	*len = input_size - off;
	*buf = malloc(*len + 1);
	if (!*buf)
		return -12;
	memcpy(*buf, input + off, *len);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extlinux_config cfg;
	int i, j;

	input = data;
	input_size = size;
	if (extlinux_parse(&cfg, (const char *)data, size, "/boot/extlinux/",
			   read_include, NULL))
		return 0;
	/* Touch everything a boot would read. */
	extlinux_default(&cfg);
	for (i = 0; i < cfg.nlabels; i++) {
		const struct extlinux_label *l = &cfg.labels[i];

		if (strlen(l->name) + (l->kernel ? strlen(l->kernel) : 0) +
		    (l->append ? strlen(l->append) : 0) == (size_t)-1)
			abort();
		for (j = 0; j < l->ninitrd; j++)
			if (!l->initrd[j][0])
				abort();
		for (j = 0; j < l->noverlay; j++)
			if (!l->overlay[j][0])
				abort();
	}
	extlinux_free(&cfg);
	return 0;
}
