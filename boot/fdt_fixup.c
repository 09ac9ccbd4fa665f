// SPDX-License-Identifier: MIT
/*
 * fdt_fixup.c - the /chosen fix-ups of the tree handed to Linux (Linux
 * Documentation/devicetree/bindings/chosen.txt, booting.rst).
 */
#include <boot.h>
#include <dt.h>
#include <libfdt.h>
#include <string.h>
#include <virtboot.h>

/* Every copy of the property goes first: a tree from outside may name
 * one twice, and fdt_setprop() and fdt_delprop() see only the first, so
 * a stale second bootargs or initrd range would reach Linux. */
static int set_or_del(void *fdt, int node, const char *name,
		      const void *val, int len, bool set)
{
	int err;

	do
		err = fdt_delprop(fdt, node, name);
	while (!err);
	if (err != -FDT_ERR_NOTFOUND)
		return dt_errno(err);
	return set ? dt_errno(fdt_setprop(fdt, node, name, val, len)) : 0;
}

int boot_fdt_fixup(void *fdt, const char *bootargs, uint64_t initrd_start,
		   uint64_t initrd_end)
{
	bool has_initrd = initrd_end > initrd_start;
	fdt64_t start = cpu_to_fdt64(initrd_start);
	fdt64_t end = cpu_to_fdt64(initrd_end);
	int node, err;

	node = fdt_path_offset(fdt, "/chosen");
	if (node == -FDT_ERR_NOTFOUND)
		node = fdt_add_subnode(fdt, 0, "chosen");
	if (node < 0)
		return dt_errno(node);
	err = set_or_del(fdt, node, "bootargs", bootargs,
			 bootargs ? strlen(bootargs) + 1 : 0,
			 bootargs && *bootargs);
	if (!err)
		err = set_or_del(fdt, node, "linux,initrd-start", &start,
				 sizeof(start), has_initrd);
	if (!err)
		err = set_or_del(fdt, node, "linux,initrd-end", &end,
				 sizeof(end), has_initrd);
	if (!err)
		err = set_or_del(fdt, node, "virtboot,version", version_string,
				 strlen(version_string) + 1, true);
	return err;
}
