/* SPDX-License-Identifier: MIT */
/*
 * dt.h - the loader's device tree and helpers on top of libfdt. Functions
 * return 0 or a negative errno: libfdt's -FDT_ERR_* codes stop here.
 */
#ifndef DT_H
#define DT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Check the blob (well-formed, at most 2 MiB used) and adopt a private
 * copy with room to grow as the live tree, or the blob in place when the
 * heap has no room for a copy. -EINVAL (malformed) or -EFBIG with a
 * message when it cannot be used. */
int dt_init(const void *blob);
/* The bytes a checked tree uses (its totalsize less trailing padding). */
size_t dt_used_size(const void *blob);
/* Copy a checked tree into size bytes at dst (its new totalsize): only
 * the used part is copied. -ENOSPC when it does not fit. */
int dt_copy(const void *src, void *dst, size_t size);
/* The live tree, or NULL when there is none. */
void *dt_blob(void);
/* Make another blob the live tree (fdt addr); it is checked first, as
 * dt_init() checks. */
int dt_set_blob(void *blob);
/* Check a tree from outside the loader before libfdt walks it: header,
 * version 17, the whole structure, at most 2 MiB used. 0, or -EINVAL /
 * -EFBIG with a message saying what is wrong. */
int dt_check_tree(const void *blob);

/* fdt_check_full() as it is safe on libfdt 1.6.1 for a tree from outside
 * (size bytes at blob): the header, version 17 and every structure tag
 * moving on first (dt_check_tree() says why). 0, or a libfdt error. */
int dt_check_full(const void *blob, size_t size);

/* Apply an overlay from outside (len bytes at overlay, checked as
 * dt_check_tree() does, on a copy: applying consumes it) to tree, which
 * has room for it (fdt_open_into). 0; -ENOEXEC when the overlay is not
 * a sound tree (said); -ENOMEM; -EINVAL with libfdt's reason in *why
 * when it does not apply, and then tree may be damaged. */
int dt_apply_overlay(void *tree, const void *overlay, size_t len,
		     const char **why);

/* libfdt error -> errno. */
int dt_errno(int fdt_err);
/* A libfdt error code as text (for messages). */
const char *dt_strerror(int err);

/* "status" is okay (or absent): the node is there for the normal world. */
bool dt_node_is_okay(const void *fdt, int node);
/* Whether virtboot runs in the secure world (EL3): then "secure-status",
 * where present, decides instead of "status" (Devicetree Specification
 * v0.4, 2.3.4; QEMU's secure=on marks its secure devices that way). */
void dt_set_secure(bool secure);
/* The node is enabled for the world virtboot runs in. */
bool dt_node_is_enabled(const void *fdt, int node);
/* The index-th (address, size) pair of a node's "reg", with the parent's
 * #address-cells and #size-cells. */
int dt_read_reg(const void *fdt, int node, int index, uint64_t *addr,
		uint64_t *size);
/* The same when the parent's offset is known (a search from the root
 * each time costs a walk of the tree). */
int dt_read_reg_in(const void *fdt, int parent, int node, int index,
		   uint64_t *addr, uint64_t *size);
/* Deeper nodes than this are not probed. */
#define DT_MAX_DEPTH	16
/* The node /chosen/stdout-path names (options after ':' ignored). */
int dt_stdout_node(const void *fdt);
/* Read a big-endian number of 'cells' 32-bit cells. */
uint64_t dt_read_cells(const uint32_t *cells, int n);

#endif
