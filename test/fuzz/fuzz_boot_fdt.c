// SPDX-License-Identifier: MIT
/* fuzz_boot_fdt.c - libFuzzer target for the /chosen fix-ups of the tree
 * handed to Linux (lib/boot_fdt.c boot_fdt_fixup): the input is a tree
 * from outside (adopted as lib/dt.c dt_init does), followed by the
 * bootargs; the tree is copied and fixed up as lib/boot.c does, and the
 * result must be a valid tree that says what was asked, once. */
#include <boot.h>
#include "fuzz_tree.h"

const char version_string[] = "virtboot fuzz";

#define DTB_ROOM	4096	/* lib/boot.c's room for /chosen */
#define DTB_MAX		(2 << 20)

/* Whether the node holds name at most once (removes the first). */
static bool at_most_one(void *fdt, int node, const char *name)
{
	return fdt_delprop(fdt, node, name) ||
	       !fdt_getprop(fdt, node, name, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *tail;
	size_t tail_len, room;
	char *bootargs;
	void *src, *fdt;
	uint64_t initrd = 0x48000000, initrd_end;
	const char *got;
	int err, node, len;

	src = fuzz_adopt_tree(data, size, &tail, &tail_len);
	if (!src)
		return 0;
	/* The bytes after the tree are the bootargs (up to a NUL); an odd
	 * count of them also brings an initrd. */
	bootargs = strndup((const char *)tail, tail_len);
	initrd_end = tail_len & 1 ? initrd + 0x100000 : initrd;
	room = (fdt_totalsize(src) + DTB_ROOM + strlen(bootargs) + 7) & ~7UL;
	if (room > DTB_MAX)
		goto out;
	fdt = malloc(room);
	err = fdt_open_into(src, fdt, room);
	if (!err)
		err = boot_fdt_fixup(fdt, bootargs, initrd, initrd_end);
	if (!err)
		err = dt_errno(fdt_pack(fdt));
	if (err) {
		/* Only a tree without a root node (libfdt's checks let one
		 * with no node at all through) may be refused. */
		if (fdt_get_name(src, 0, NULL))
			abort();
		goto out_fdt;
	}
	/* What Linux gets: a valid tree with the /chosen asked for. */
	if (fdt_check_full(fdt, fdt_totalsize(fdt)))
		abort();
	node = fdt_path_offset(fdt, "/chosen");
	if (node < 0)
		abort();
	got = fdt_getprop(fdt, node, "bootargs", &len);
	if (*bootargs ? !got || strcmp(got, bootargs) ||
	    len != (int)strlen(bootargs) + 1 : got != NULL)
		abort();
	got = fdt_getprop(fdt, node, "linux,initrd-start", &len);
	if (initrd_end > initrd ? !got || len != 8 : got != NULL)
		abort();
	got = fdt_getprop(fdt, node, "virtboot,version", NULL);
	if (!got || strcmp(got, version_string))
		abort();
	/* No second copy behind them (Linux could read a stale one). */
	if (!at_most_one(fdt, node, "bootargs") ||
	    !at_most_one(fdt, node, "linux,initrd-start") ||
	    !at_most_one(fdt, node, "linux,initrd-end") ||
	    !at_most_one(fdt, node, "virtboot,version"))
		abort();
out_fdt:
	free(fdt);
out:
	free(bootargs);
	free(src);
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_quiet();
	return 0;
}
