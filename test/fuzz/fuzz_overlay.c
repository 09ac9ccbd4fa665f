// SPDX-License-Identifier: MIT
/* fuzz_overlay.c - libFuzzer target for lib/dt.c dt_apply_overlay: the
 * input is an overlay from outside (a FIT's or an extlinux fdtoverlays
 * file), applied to a fixed tree with room. It is never written to;
 * when it applies, the result must be a sound tree. */
#include <dt.h>
#include <libfdt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ROOM	(64 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char tree[ROOM];
	const char *why;

	fdt_create_empty_tree(tree, sizeof(tree));
	fdt_add_subnode(tree, 0, "chosen");
	if (!dt_apply_overlay(tree, data, size, &why) &&
	    fdt_check_full(tree, sizeof(tree)))
		abort();
	return 0;
}
