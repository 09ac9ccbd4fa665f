// SPDX-License-Identifier: MIT
/* env.c - the environment (U-Boot's env semantics: printenv, setenv,
 * env default -a), a sorted array of malloc'd "name=value" strings. */
#define pr_fmt(fmt) "env: " fmt
#include <ctype.h>
#include <env.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

static char **vars;
static int nvars, capacity;

/* Index of name, or -(insertion point) - 1. */
static int find(const char *name, size_t len)
{
	int lo = 0, hi = nvars - 1, mid, c;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		c = strncmp(vars[mid], name, len);
		if (!c)
			c = vars[mid][len] == '=' ? 0 : 1;
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

static int set_n(const char *name, size_t len, const char *value)
{
	int i = find(name, len);
	char *s, **grown;

	if (!is_valid_name(name, len))
		return -EINVAL;
	if (!value || !*value) {
		if (i >= 0) {
			free(vars[i]);
			memmove(&vars[i], &vars[i + 1],
				(nvars - i - 1) * sizeof(*vars));
			nvars--;
		}
		return 0;
	}
	s = malloc(len + strlen(value) + 2);
	if (!s)
		return -ENOMEM;
	memcpy(s, name, len);
	s[len] = '=';
	strcpy(s + len + 1, value);
	if (i >= 0) {
		free(vars[i]);
		vars[i] = s;
		return 0;
	}
	if (nvars == capacity) {
		grown = realloc(vars, (capacity + 32) * sizeof(*vars));
		if (!grown) {
			free(s);
			return -ENOMEM;
		}
		vars = grown;
		capacity += 32;
	}
	i = -i - 1;
	memmove(&vars[i + 1], &vars[i], (nvars - i) * sizeof(*vars));
	vars[i] = s;
	nvars++;
	return 0;
}

int env_set(const char *name, const char *value)
{
	return set_n(name, strlen(name), value);
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

uint64_t env_get_hex(const char *name, uint64_t def)
{
	const char *v = env_get(name);
	char *end;
	uint64_t n;

	if (!v)
		return def;
	n = strtoull(v, &end, 16);
	return *v && !*end ? n : def;
}

void env_foreach(void (*fn)(const char *name, const char *value, void *arg),
		 void *arg)
{
	char name[128];
	size_t len;
	int i;

	for (i = 0; i < nvars; i++) {
		len = strcspn(vars[i], "=");
		if (len >= sizeof(name))
			len = sizeof(name) - 1;
		memcpy(name, vars[i], len);
		name[len] = '\0';
		fn(name, vars[i] + strcspn(vars[i], "=") + 1, arg);
	}
}

size_t env_size(void)
{
	size_t n = 0;
	int i;

	for (i = 0; i < nvars; i++)
		n += strlen(vars[i]) + 1;
	return n;
}

int env_import(const char *text, size_t len, const char *origin)
{
	const char *line = text, *end = text + len, *eol, *eq;
	char *value;
	int lineno = 0, bad = 0;
	size_t n;

	for (; line < end; line = eol + 1) {
		eol = memchr(line, '\n', end - line);
		if (!eol)
			eol = end;
		lineno++;
		n = eol - line;
		if (n && line[n - 1] == '\r')
			n--;
		while (n && isspace((unsigned char)*line)) {
			line++;
			n--;
		}
		if (!n || *line == '#')
			continue;
		eq = memchr(line, '=', n);
		if (!eq || !is_valid_name(line, eq - line)) {
			pr_err("%s:%d: not a name=value line, skipped\n", origin,
			       lineno);
			bad++;
			continue;
		}
		value = strndup(eq + 1, line + n - eq - 1);
		if (!value || set_n(line, eq - line, value))
			bad++;
		free(value);
	}
	return bad;
}

void env_clear(void)
{
	while (nvars)
		free(vars[--nvars]);
}
