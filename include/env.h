/* SPDX-License-Identifier: MIT */
/* env.h - the environment: name=value strings, kept sorted by name. */
#ifndef ENV_H
#define ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The value of name, or NULL. */
const char *env_get(const char *name);
/* Set name to value; a NULL or empty value deletes it. -EINVAL for a
 * name that is empty or holds '=' or a blank; -ENOMEM when the
 * environment would outgrow env_size_max() (or the heap). */
int env_set(const char *name, const char *value);
/* The same with a name of len bytes and a value of vlen (0 deletes). */
int env_set_n(const char *name, size_t len, const char *value, size_t vlen);
/* Set name to a hexadecimal number (like U-Boot's filesize). */
int env_set_hex(const char *name, uint64_t value);
/* A number (hexadecimal, like U-Boot) from the environment, or def when
 * it is unset or not a number. */
uint64_t env_get_hex(const char *name, uint64_t def);
/* The same, telling the cases apart: 0, -ENOENT (unset) or -EINVAL (not
 * a hexadecimal number, with or without 0x). */
int env_get_number(const char *name, uint64_t *value);
/* Call fn with each "name=value" entry, in name order. */
void env_foreach(void (*fn)(const char *entry, void *arg), void *arg);
/* Delete every variable. */
void env_clear(void);
/* Drop everything and load the built-in defaults (Kconfig), then those
 * added with env_default_hex(). */
int env_set_default(void);
/* A default known at run time (a hexadecimal number), for
 * env_set_default() from now on: 0 or -ENOSPC. */
int env_default_hex(const char *name, uint64_t value);
/* Import "name=value" lines: blank lines and '#' comments are skipped
 * (and a leading UTF-8 byte-order mark), a malformed line (no name, no
 * '=', a NUL byte) or one that no longer fits is reported with its
 * number and skipped. Returns the number of lines skipped so; 'origin'
 * names the source in messages. */
int env_import(const char *text, size_t len, const char *origin);
/* Total bytes of name=value strings with their NULs (printenv's
 * summary), and the most they may take (CONFIG_ENV_SIZE less the saved
 * form's CRC-32 and final NUL). */
size_t env_size(void);
size_t env_size_max(void);

/* --- U-Boot's saved and exported forms (lib/env_store.c, pure) --- */

#define ENV_HDR_SIZE	4	/* the little-endian CRC-32 of the data */

/*
 * The variables (all, or those of names[0..n-1] that are set), as
 * "name=value" entries each followed by sep, then a NUL: sep '\n' is
 * U-Boot's text form (a newline or backslash in an entry, and a '#'
 * starting one, are escaped with a backslash), '\0' its binary form
 * (the list ends with an empty string: two NULs). Writes what fits of
 * it in buf (size bytes; NULL with 0 to measure) and returns the bytes
 * the whole takes.
 */
size_t env_export_data(char *buf, size_t size, char sep, int n,
		       char *const names[]);
/* The saved form in size bytes: the CRC-32 of the rest, the binary
 * data, then pad bytes to the end. -ENOSPC (nothing written) when the
 * environment does not fit. */
int env_store_pack(void *buf, size_t size, uint8_t pad);
/* Whether buf (size bytes) holds a saved environment whose CRC-32
 * matches: 0, -EBADMSG (it does not), -EINVAL (too small to be one). */
int env_store_check(const void *buf, size_t size);

#define ENV_IMPORT_CRLF		1	/* -r: a CR ending a text line is dropped */
#define ENV_IMPORT_DELETE	2	/* -d with names: a named variable absent
					 * from the data is deleted */
/*
 * Import entries as env_export_data() makes them from data (len bytes;
 * text ends at a NUL, binary at an empty entry; both at len). An entry
 * "name" or "name=" deletes the variable, as in U-Boot; text lines that
 * are blank or start with '#' are skipped. Only names[0..n-1] when n > 0.
 * A bad entry (an invalid name, no room left) is reported with origin
 * and skipped. Returns the number skipped so, or -ENOMEM.
 */
int env_import_data(const char *data, size_t len, char sep,
		    unsigned int flags, int n, char *const names[],
		    const char *origin);

/* --- the saved environment (boot/env_flash.c) --- */

/* U-Boot's gd->env_valid, GD_FLG_ENV_READY and GD_FLG_ENV_DEFAULT, as
 * "env info" prints them. */
struct env_state {
	bool valid;		/* the environment came from a good saved copy */
	bool ready;		/* set up (defaults at least) */
	bool use_default;	/* the built-in defaults are in use */
	bool can_persist;	/* a place to save exists */
};
extern struct env_state env_state;

/* Start-up: the saved copy over the defaults when its CRC is good; a
 * bad or blank one is U-Boot's one-line warning, the defaults stay. */
int env_load_saved(void);
/* env load: the saved copy replaces the environment ("Loading
 * Environment from Flash... OK"); a bad one changes nothing. */
int env_reload(void);
/* saveenv: serialize first (refused if it does not fit), then erase the
 * saved copy's blocks, program, read back and compare. */
int env_save(void);
/* env erase: erase the saved copy's blocks. */
int env_erase(void);
/* The default value of name (lib/env_default.c), or NULL. */
const char *env_default_get(const char *name);

#endif
