/* SPDX-License-Identifier: MIT */
/* env.h - the environment: name=value strings, kept sorted by name. */
#ifndef ENV_H
#define ENV_H

#include <stddef.h>
#include <stdint.h>

/* The value of name, or NULL. */
const char *env_get(const char *name);
/* Set name to value; a NULL or empty value deletes it. -EINVAL for a
 * name that is empty or holds '=' or a blank; -ENOMEM when the
 * environment would outgrow env_size_max() (or the heap). */
int env_set(const char *name, const char *value);
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

#endif
