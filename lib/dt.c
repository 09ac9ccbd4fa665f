// SPDX-License-Identifier: MIT
/*
 * dt.c - the live device tree and small helpers on libfdt (Devicetree
 * Specification v0.4). libfdt's error codes become errno values here.
 */
#define pr_fmt(fmt) "dt: " fmt
#include <dt.h>
#include <errno.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

/* Room the copy of the tree gets to grow (fix-ups, fdt set). */
#define DT_SLACK	(64 * 1024)
/* The protocol's limit for a DTB handed to Linux. */
#define DT_MAX_SIZE	(2 * 1024 * 1024)

static void *live;

int dt_errno(int err)
{
	switch (err) {
	case 0: return 0;
	case -FDT_ERR_NOTFOUND: return -ENOENT;
	case -FDT_ERR_EXISTS: return -EEXIST;
	case -FDT_ERR_NOSPACE: return -ENOSPC;
	case -FDT_ERR_BADPATH: return -EINVAL;
	case -FDT_ERR_BADOFFSET: return -EINVAL;
	default: return -EINVAL;
	}
}

const char *dt_strerror(int err)
{
	return fdt_strerror(err);
}

/* libfdt 1.6.1 reads a phandle at every offset an overlay's
 * __local_fixups__ names without checking that it lies inside the
 * property (later libfdt checks; found by fuzzing): check them all
 * first, node by node as libfdt walks them. A tree's blocks need not be
 * 4-aligned in memory, hence fdt32_ld(). */
static bool local_fixups_ok(const void *ov, int node, int fix, int depth)
{
	const fdt32_t *off;
	const char *name;
	int prop, len, tlen, child, tchild, i;

	if (depth > 32)
		return false;
	fdt_for_each_property_offset(prop, ov, fix) {
		off = fdt_getprop_by_offset(ov, prop, &name, &len);
		if (!off || len % 4 || !fdt_getprop(ov, node, name, &tlen) ||
		    tlen < 4)
			return false;
		for (i = 0; i < len / 4; i++)
			if (fdt32_ld(&off[i]) > (uint32_t)tlen - 4)
				return false;
	}
	fdt_for_each_subnode(child, ov, fix) {
		tchild = fdt_subnode_offset(ov, node,
					    fdt_get_name(ov, child, NULL));
		if (tchild < 0 || !local_fixups_ok(ov, tchild, child, depth + 1))
			return false;
	}
	return true;
}

int dt_apply_overlay(void *tree, const void *overlay, size_t len,
		     const char **why)
{
	size_t size;
	void *copy;
	int err, fix;

	size = len >= sizeof(struct fdt_header) ? fdt_totalsize(overlay) : 0;
	if (size < sizeof(struct fdt_header) || size > len) {
		pr_err("the overlay at %p is not a device tree\n", overlay);
		return -ENOEXEC;
	}
	copy = malloc(size);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, overlay, size);
	err = dt_check_tree(copy) ? -ENOEXEC : 0;
	fix = err ? -1 : fdt_subnode_offset(copy, 0, "__local_fixups__");
	if (fix >= 0 && !local_fixups_ok(copy, 0, fix, 0)) {
		pr_err("the overlay's __local_fixups__ point outside their properties\n");
		err = -ENOEXEC;
	}
	if (!err) {
		err = fdt_overlay_apply(tree, copy);
		*why = fdt_strerror(err);
		err = err ? -EINVAL : 0;
	}
	free(copy);
	return err;
}

/* The bytes a tree really uses when its blocks are in the usual order
 * (header, reservations, structure, strings), else its totalsize. QEMU
 * pads its tree to 1 MiB (a big -dtb to twice its size): only what is
 * used counts against the 2 MiB limit, and only that is copied. */
size_t dt_used_size(const void *blob)
{
	if (fdt_version(blob) < 17 ||
	    fdt_off_mem_rsvmap(blob) > fdt_off_dt_struct(blob) ||
	    fdt_off_dt_struct(blob) + fdt_size_dt_struct(blob) >
	    fdt_off_dt_strings(blob))
		return fdt_totalsize(blob);
	return MIN(fdt_off_dt_strings(blob) + fdt_size_dt_strings(blob),
		   fdt_totalsize(blob));
}

/* Whether every tag of the structure block moves past the one before.
 * libfdt 1.6.1 (Debian 12) takes a property of length 0xfffffff4 back to
 * its own tag, and every walk over the tree, fdt_check_full() included,
 * then loops for ever; each tag moving on bounds them all. */
static bool has_tags_moving_on(const void *blob)
{
	int offset = 0, next;
	uint32_t tag;

	do {
		tag = fdt_next_tag(blob, offset, &next);
		if (tag != FDT_END && next <= offset)
			return false;
		offset = next;
	} while (tag != FDT_END);
	return true;
}

int dt_check_full(const void *blob, size_t size)
{
	if (size < sizeof(struct fdt_header) || fdt_check_header(blob))
		return -FDT_ERR_BADMAGIC;
	if (fdt_totalsize(blob) > size)
		return -FDT_ERR_TRUNCATED;
	if (fdt_version(blob) < 17)
		return -FDT_ERR_BADVERSION;
	if (!has_tags_moving_on(blob))
		return -FDT_ERR_BADSTRUCTURE;
	return fdt_check_full(blob, size);
}

int dt_check_tree(const void *blob)
{
	int err = fdt_check_header(blob);

	if (err) {
		pr_err("no valid device tree at %p: %s\n", blob,
		       fdt_strerror(err));
		return -EINVAL;
	}
	/* Version 17 only (QEMU's, and what Linux gets). On older trees
	 * libfdt 1.6.1's fdt_check_full() reads through a NULL name (2-15,
	 * a root not named "/") or leaves property names unchecked against
	 * the strings block (16), which a copy then cuts off. */
	if (fdt_version(blob) < 17) {
		pr_err("device tree at %p is version %u, older than 17\n",
		       blob, fdt_version(blob));
		return -EINVAL;
	}
	if (!has_tags_moving_on(blob)) {
		pr_err("device tree at %p is malformed: a property length loops back\n",
		       blob);
		return -EINVAL;
	}
	err = fdt_check_full(blob, fdt_totalsize(blob));
	if (err) {
		pr_err("device tree at %p is malformed: %s\n", blob,
		       fdt_strerror(err));
		return -EINVAL;
	}
	if (dt_used_size(blob) > DT_MAX_SIZE) {
		pr_err("device tree at %p uses %zu bytes, more than 2 MiB\n",
		       blob, dt_used_size(blob));
		return -EFBIG;
	}
	return 0;
}

int dt_copy(const void *src, void *dst, size_t size)
{
	size_t used = dt_used_size(src);

	if (used > size)
		return -ENOSPC;
	if (used < fdt_totalsize(src)) {
		memmove(dst, src, used);	/* (memcpy would add 4 KiB) */
		fdt_set_totalsize(dst, size);
		return 0;
	}
	return fdt_open_into(src, dst, size) ? -ENOSPC : 0;
}

int dt_init(const void *blob)
{
	size_t size;
	void *copy;
	int err;

	err = dt_check_tree(blob);
	if (err)
		return err;
	size = dt_used_size(blob) + DT_SLACK;
	copy = malloc(size);
	if (!copy) {
		/* Bigger than the loader's heap: use it where QEMU put it
		 * (the board keeps that RAM reserved). */
		pr_err("device tree at %p (%zu bytes) used in place: no room for a copy\n",
		       blob, dt_used_size(blob));
		live = (void *)blob;
		return 0;
	}
	err = dt_copy(blob, copy, size);
	if (err) {
		pr_err("device tree at %p cannot be copied\n", blob);
		free(copy);
		return err;
	}
	live = copy;
	return 0;
}

void *dt_blob(void)
{
	return live;
}

int dt_set_blob(void *blob)
{
	int err = dt_check_tree(blob);

	if (err)
		return err;
	live = blob;
	return 0;
}

static bool is_okay(const char *status)
{
	return !strcmp(status, "okay") || !strcmp(status, "ok");
}

bool dt_node_is_okay(const void *fdt, int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return !status || is_okay(status);
}

static bool secure_world;

void dt_set_secure(bool secure)
{
	secure_world = secure;
}

bool dt_node_is_enabled(const void *fdt, int node)
{
	const char *status = NULL;

	if (secure_world)
		status = fdt_getprop(fdt, node, "secure-status", NULL);
	return status ? is_okay(status) : dt_node_is_okay(fdt, node);
}

uint64_t dt_read_cells(const uint32_t *cells, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v << 32 | fdt32_to_cpu(*cells++);
	return v;
}

int dt_read_reg(const void *fdt, int node, int index, uint64_t *addr,
		uint64_t *size)
{
	return dt_read_reg_in(fdt, fdt_parent_offset(fdt, node), node, index,
			      addr, size);
}

int dt_read_reg_in(const void *fdt, int parent, int node, int index,
		   uint64_t *addr, uint64_t *size)
{
	int ac, sc, len;
	const uint32_t *reg;

	if (parent < 0)
		return dt_errno(parent);
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return -EINVAL;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg)
		return dt_errno(len);
	if (index < 0 || (index + 1) * (ac + sc) * 4 > len)
		return -ENOENT;
	reg += index * (ac + sc);
	*addr = dt_read_cells(reg, ac);
	if (size)
		*size = dt_read_cells(reg + ac, sc);
	return 0;
}

int dt_stdout_node(const void *fdt)
{
	const char *path;
	int chosen, len, node;

	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen < 0)
		return dt_errno(chosen);
	path = fdt_getprop(fdt, chosen, "stdout-path", &len);
	if (!path)
		return -ENOENT;
	len = strcspn(path, ":");
	node = fdt_path_offset_namelen(fdt, path, len);
	return node < 0 ? dt_errno(node) : node;
}
