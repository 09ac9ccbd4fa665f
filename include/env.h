/* SPDX-License-Identifier: MIT */
/* env.h - the environment: name=value strings, kept sorted by name. */
#ifndef ENV_H
#define ENV_H

#include <stddef.h>
#include <stdint.h>

/* The value of name, or NULL. */
const char *env_get(const char *name);
/* Set name to value; a NULL or empty value deletes it. -EINVAL for a
 * name that is empty or holds '=' or a blank. */
int env_set(const char *name, const char *value);
/* Set name to a hexadecimal number (like U-Boot's filesize). */
int env_set_hex(const char *name, uint64_t value);
/* A number (hexadecimal, like U-Boot) from the environment, or def. */
uint64_t env_get_hex(const char *name, uint64_t def);
/* Call fn for each variable in name order. */
void env_foreach(void (*fn)(const char *name, const char *value, void *arg),
		 void *arg);
/* Delete every variable. */
void env_clear(void);
/* Drop everything and load the built-in defaults (Kconfig). */
int env_set_default(void);
/* Import "name=value" lines: blank lines and '#' comments are skipped, a
 * malformed line is reported with its number and skipped. Returns the
 * number of malformed lines. 'origin' names the source in messages. */
int env_import(const char *text, size_t len, const char *origin);
/* Total bytes of name=value strings (printenv's summary). */
size_t env_size(void);

#endif
