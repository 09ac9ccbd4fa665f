/* SPDX-License-Identifier: MIT */
/*
 * extlinux.h - extlinux.conf (the syslinux/pxelinux menu syntax as U-Boot's
 * sysboot reads it): the parser (boot/extlinux.c, pure, host-tested) and
 * the boot of a label from a disk (boot/extlinux_boot.c).
 */
#ifndef EXTLINUX_H
#define EXTLINUX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EXTLINUX_FILE_MAX	(64 * 1024)	/* bytes of one config file */
#define EXTLINUX_TOTAL_MAX	(256 * 1024)	/* of a file and its includes */
#define EXTLINUX_LINE_MAX	4096		/* bytes of one line */
#define EXTLINUX_PATH_MAX	512		/* a path with its prefix */
#define EXTLINUX_DEPTH_MAX	8		/* nested includes */
#define EXTLINUX_INCLUDES_MAX	32		/* include lines followed in all */
#define EXTLINUX_LABELS_MAX	128
#define EXTLINUX_FILES_MAX	8		/* initrds, overlays of a label */

struct extlinux_label {
	char *name;		/* after "label" */
	char *menu;		/* "menu label", or NULL */
	char *kernel;		/* "kernel"/"linux", prefixed; or NULL */
	char *initrd[EXTLINUX_FILES_MAX];	/* loaded one after another */
	int ninitrd;
	char *append;		/* or NULL: bootargs left alone */
	char *fdt;		/* "fdt"/"devicetree", prefixed */
	char *fdtdir;		/* "fdtdir"/"devicetreedir", prefixed */
	char *overlay[EXTLINUX_FILES_MAX];	/* "fdtoverlays" */
	int noverlay;
	bool localboot;
};

struct extlinux_config {
	char *title;		/* "menu title" */
	char *default_name;	/* "default" or "ontimeout" */
	int menu_default;	/* the label with "menu default", or -1 */
	int timeout;		/* tenths of a second, 0: none */
	bool prompt;
	struct extlinux_label *labels;
	int nlabels;
};

/*
 * Read the file at path (already prefixed) for an include: a buffer from
 * malloc() in *buf holding *len bytes, which the parser frees. 0 or a
 * negative errno (the parser says which file failed).
 */
typedef int (*extlinux_read_fn)(void *arg, const char *path, char **buf,
				size_t *len);

/*
 * Parse len bytes of text (NUL bytes are refused). prefix is the
 * directory of the config file with its trailing '/' ("/boot/extlinux/"),
 * or "": relative paths get it in front, absolute ones are kept, as with
 * U-Boot's sysboot. read (may be NULL: includes fail) reads included
 * files, at most EXTLINUX_DEPTH_MAX deep. Unknown keywords are skipped.
 * Returns 0, or -EINVAL (a line said why, with its number), -E2BIG (a
 * bound above), -ENOENT (no label), -ENOMEM; cfg is empty then.
 */
int extlinux_parse(struct extlinux_config *cfg, const char *text, size_t len,
		   const char *prefix, extlinux_read_fn read, void *arg);
void extlinux_free(struct extlinux_config *cfg);

/* The label to boot without a choice: "menu default", else the one
 * "default" names (a missing one is said), else the first. */
int extlinux_default(const struct extlinux_config *cfg);

/*
 * Where a config's files come from: a filesystem (sysboot) or a TFTP
 * server (pxe). size gives the size of the file at path (0, or -ENOENT
 * and other negative errnos); read stores its first min(size, max) bytes
 * at addr and their number in *len (0 or a negative errno).
 */
struct extlinux_files {
	int (*size)(void *arg, const char *path, uint64_t *size);
	int (*read)(void *arg, const char *path, uint64_t addr, uint64_t max,
		    uint64_t *len);
	void *arg;
};

/*
 * Read the config at path (its directory is the prefix of relative
 * paths) from src, show the menu when it asks for one (or always with
 * force_prompt), load the chosen label's kernel, initrds and device tree
 * from src and boot it. Returns only on failure (said) or Ctrl-C at the
 * menu (-EINTR).
 */
int extlinux_boot(const struct extlinux_files *src, const char *path,
		  bool force_prompt);

/* The same with the files on an open filesystem. */
struct fs;
int extlinux_boot_fs(struct fs *fs, const char *path, bool force_prompt);

/* The menu (boot/extlinux_menu.c): the label to boot, or -EINTR. */
int extlinux_menu(const struct extlinux_config *cfg);

/*
 * sysboot: read the config at path on <ifname> <devpart> (fstype "ext2",
 * "ext4", "fat" or "any"), show the menu when it asks for one (or always
 * with force_prompt), load the chosen label's kernel, initrds and device
 * tree from the same filesystem and boot it. Returns only on failure
 * (said) or Ctrl-C at the menu.
 */
int extlinux_sysboot(const char *ifname, const char *devpart,
		     const char *fstype, const char *path, bool force_prompt);

#endif
