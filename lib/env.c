// SPDX-License-Identifier: MIT
/* env.c - the environment (U-Boot's env semantics: printenv, setenv,
 * env default -a), a sorted array of malloc'd "name=value" strings whose
 * total stays within CONFIG_ENV_SIZE, the size of U-Boot's saved
 * environment (a CRC-32, the strings, a final NUL). */
#define pr_fmt(fmt) "env: " fmt
#include <ctype.h>
#include <env.h>
#include <errno.h>
#include <inttypes.h>
#include <parse.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

/* What the strings may take: the saved form's CRC-32 and final NUL come
 * off CONFIG_ENV_SIZE. */
#define ENV_DATA_MAX	(CONFIG_ENV_SIZE - 4 - 1)

static char **vars;
static int nvars, capacity;
static size_t used;		/* sum of strlen(vars[i]) + 1 */

/*
 * Order the stored "name=value" entry against the name (len bytes) by
 * name alone: the stored '=' ends the name, so it sorts before any
 * character ("bootargs" < "bootargs2" although '=' > '2').
 */
static int name_cmp(const char *entry, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (entry[i] == '=')
			return -1;
		if (entry[i] != name[i])
			return (unsigned char)entry[i] < (unsigned char)name[i] ?
			       -1 : 1;
	}
	return entry[len] == '=' ? 0 : 1;
}

/* Index of name, or -(insertion point) - 1. */
static int find(const char *name, size_t len)
{
	int lo = 0, hi = nvars - 1, mid, c;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		c = name_cmp(vars[mid], name, len);
		if (!c)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -lo - 1;
}

static bool is_valid_name(const char *name, size_t len)
{
	size_t i;

	if (!len)
		return false;
	for (i = 0; i < len; i++)
		if (name[i] == '=' || !isgraph((unsigned char)name[i]))
			return false;
	return true;
}

static void remove_at(int i)
{
	used -= strlen(vars[i]) + 1;
	free(vars[i]);
	memmove(&vars[i], &vars[i + 1], (nvars - i - 1) * sizeof(*vars));
	nvars--;
}

int env_set_n(const char *name, size_t len, const char *value,
	      size_t vlen)
{
	size_t old, need = len + 1 + vlen + 1;
	int i;
	char *s, **grown;

	if (!is_valid_name(name, len))
		return -EINVAL;
	i = find(name, len);
	if (!vlen) {
		if (i >= 0)
			remove_at(i);
		return 0;
	}
	old = i >= 0 ? strlen(vars[i]) + 1 : 0;
	if (need > ENV_DATA_MAX || used - old > ENV_DATA_MAX - need)
		return -ENOMEM;		/* would not fit in a saved env */
	if (i < 0 && nvars == capacity) {
		grown = realloc(vars, (capacity + 32) * sizeof(*vars));
		if (!grown)
			return -ENOMEM;
		vars = grown;
		capacity += 32;
	}
	s = malloc(need);
	if (!s)
		return -ENOMEM;
	memcpy(s, name, len);
	s[len] = '=';
	memcpy(s + len + 1, value, vlen);
	s[need - 1] = '\0';
	used += need - old;
	if (i >= 0) {
		free(vars[i]);
		vars[i] = s;
		return 0;
	}
	i = -i - 1;
	memmove(&vars[i + 1], &vars[i], (nvars - i) * sizeof(*vars));
	vars[i] = s;
	nvars++;
	return 0;
}

int env_set(const char *name, const char *value)
{
	return env_set_n(name, strlen(name), value ? value : "",
		     value ? strlen(value) : 0);
}

const char *env_get(const char *name)
{
	size_t len = strlen(name);
	int i = find(name, len);

	return i >= 0 ? vars[i] + len + 1 : NULL;
}

int env_set_hex(const char *name, uint64_t value)
{
	char buf[20];

	snprintf(buf, sizeof(buf), "%" PRIx64, value);
	return env_set(name, buf);
}

int env_get_number(const char *name, uint64_t *value)
{
	const char *v = env_get(name);

	return v ? parse_hex(v, value) : -ENOENT;
}

uint64_t env_get_hex(const char *name, uint64_t def)
{
	uint64_t n;

	return env_get_number(name, &n) ? def : n;
}

void env_foreach(void (*fn)(const char *entry, void *arg), void *arg)
{
	int i;

	for (i = 0; i < nvars; i++)
		fn(vars[i], arg);
}

size_t env_size(void)
{
	return used;
}

size_t env_size_max(void)
{
	return ENV_DATA_MAX;
}

/* Import one line (len bytes, no newline); false when it is malformed. */
static bool import_line(const char *line, size_t n, const char *origin,
			int lineno)
{
	const char *eq;
	int err;

	if (memchr(line, '\0', n)) {
		pr_err("%s:%d: holds a NUL byte, skipped\n", origin, lineno);
		return false;
	}
	eq = memchr(line, '=', n);
	if (!eq || !is_valid_name(line, eq - line)) {
		pr_err("%s:%d: not a name=value line, skipped\n", origin,
		       lineno);
		return false;
	}
	err = env_set_n(line, eq - line, eq + 1, line + n - eq - 1);
	if (err == -ENOMEM)
		pr_err("%s:%d: the environment is full (%u bytes), skipped\n",
		       origin, lineno, (unsigned int)ENV_DATA_MAX);
	return !err;
}

int env_import(const char *text, size_t len, const char *origin)
{
	const char *pos = text, *end = text + len, *line;
	int lineno = 0, bad = 0;
	size_t n;

	/* A UTF-8 byte-order mark, as some editors write, is not a name. */
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		pos += 3;
	while (text_line(&pos, end, &line, &n)) {
		lineno++;
		while (n && isspace((unsigned char)*line)) {
			line++;
			n--;
		}
		if (!n || *line == '#')
			continue;
		if (!import_line(line, n, origin, lineno))
			bad++;
	}
	return bad;
}

void env_clear(void)
{
	while (nvars)
		free(vars[--nvars]);
	used = 0;
}
