// SPDX-License-Identifier: MIT
/* fuzz_fit.c - libFuzzer target for boot/fit.c and boot/fit_sig.c: the
 * input is a FIT image (8-byte aligned copy, avail = its length); it is
 * opened, listed, every image fetched and its hashes checked, every
 * configuration's references resolved and every signature node's signed
 * regions computed (each must lie inside the tree). */
#include <fit.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t covered;

static void count(void *arg, const void *buf, size_t len)
{
	const uint8_t *base = arg;

	/* Every region lies inside the tree. */
	if ((const uint8_t *)buf < base ||
	    (const uint8_t *)buf + len > base + fdt_totalsize(base))
		abort();
	covered += len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = { "kernel", "ramdisk", "fdt",
					     "script" };
	struct fit_image img;
	const char *why;
	uint64_t extent;
	uint8_t *b;
	int node, conf, confs, images, sig;
	size_t i;

	if (size > (1 << 20))
		return 0;
	if (!stdout || !freopen("/dev/null", "w", stdout))
		return 0;
	b = aligned_alloc(8, (size + 8) & ~(size_t)7);
	memcpy(b, data, size);
	if (fit_open(b, size, &extent, &why))
		goto out;
	if (extent > size)
		abort();
	fit_print(b);
	images = fdt_path_offset(b, "/images");
	fdt_for_each_subnode(node, b, images) {
		if (fit_image_get(b, node, &img, &why))
			continue;
		if (img.data < b || img.data + img.size > b + size)
			abort();
		fit_image_verify(b, &img, "", &why);
	}
	confs = fdt_path_offset(b, "/configurations");
	if (confs >= 0)
		fit_conf_find(b, NULL, &conf, &why);
	fdt_for_each_subnode(conf, b, confs) {
		fit_conf_verify(b, conf, "", &why);
		for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
			fit_conf_image(b, conf, kinds[i], 0, &img, &why);
		fdt_for_each_subnode(sig, b, conf)
			fit_sig_regions(b, conf, sig, count, b, &why);
	}
out:
	free(b);
	return 0;
}
