// SPDX-License-Identifier: MIT
/*
 * env_store.c - the environment in U-Boot's external forms (cmd/nvedit.c's
 * env export/import, env/flash.c's saved copy): text (name=value lines),
 * binary (NUL-terminated strings, an empty one last) and the saved form
 * (a little-endian CRC-32 of the rest, then the binary form, padded).
 * Pure: what comes in is untrusted and bounded by its length.
 */
#define pr_fmt(fmt) "env: " fmt
#include <crc32.h>
#include <env.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

struct export_ctx {
	char *buf;
	size_t size, len;
	char sep;
	int n;
	char *const *names;
};

static void put(struct export_ctx *c, char ch)
{
	if (c->len < c->size)
		c->buf[c->len] = ch;
	c->len++;
}

static bool is_named(const char *entry, size_t nlen, int n,
		     char *const names[])
{
	int i;

	if (!n)
		return true;
	for (i = 0; i < n; i++)
		if (strlen(names[i]) == nlen && !memcmp(names[i], entry, nlen))
			return true;
	return false;
}

static void export_one(const char *entry, void *arg)
{
	struct export_ctx *c = arg;
	const char *s;

	if (!is_named(entry, strcspn(entry, "="), c->n, c->names))
		return;
	if (c->sep == '\n' && *entry == '#')
		put(c, '\\');	/* a name, not a comment line */
	for (s = entry; *s; s++) {
		if (c->sep == '\n' && (*s == '\n' || *s == '\\'))
			put(c, '\\');
		put(c, *s);
	}
	put(c, c->sep);
}

size_t env_export_data(char *buf, size_t size, char sep, int n,
		       char *const names[])
{
	struct export_ctx c = { buf, size, 0, sep, n, names };

	env_foreach(export_one, &c);
	if (!sep && !c.len)
		put(&c, '\0');	/* an empty list is still two NULs */
	put(&c, '\0');
	return c.len;
}

int env_store_pack(void *buf, size_t size, uint8_t pad)
{
	uint8_t *p = buf;
	uint32_t crc;
	size_t len;

	if (size <= ENV_HDR_SIZE)
		return -ENOSPC;
	len = env_export_data(NULL, 0, '\0', 0, NULL);
	if (len > size - ENV_HDR_SIZE)
		return -ENOSPC;
	env_export_data((char *)p + ENV_HDR_SIZE, len, '\0', 0, NULL);
	memset(p + ENV_HDR_SIZE + len, pad, size - ENV_HDR_SIZE - len);
	crc = crc32(0, p + ENV_HDR_SIZE, size - ENV_HDR_SIZE);
	p[0] = crc;
	p[1] = crc >> 8;
	p[2] = crc >> 16;
	p[3] = crc >> 24;
	return 0;
}

int env_store_check(const void *buf, size_t size)
{
	const uint8_t *p = buf;
	uint32_t crc;

	if (size <= ENV_HDR_SIZE)
		return -EINVAL;
	crc = p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
	return crc32(0, p + ENV_HDR_SIZE, size - ENV_HDR_SIZE) == crc ?
	       0 : -EBADMSG;
}

/* Where the name the entry (n bytes, unescaped) sets is in names, or -1. */
static int name_index(const char *s, size_t nlen, int n, char *const names[])
{
	int i;

	for (i = 0; i < n; i++)
		if (strlen(names[i]) == nlen && !memcmp(names[i], s, nlen))
			return i;
	return -1;
}

/* One entry (raw, len bytes): false when it was skipped as bad. */
static bool import_entry(const char *raw, size_t len, char sep,
			 unsigned int flags, int n, char *const names[],
			 bool *seen, char *tmp, const char *origin, int num)
{
	const char *eq;
	size_t i, m = 0, nlen;
	int idx, err;

	if (sep == '\n') {
		while (len && (*raw == ' ' || *raw == '\t')) {
			raw++;
			len--;
		}
		if (!len || *raw == '#')
			return true;
		if ((flags & ENV_IMPORT_CRLF) && raw[len - 1] == '\r')
			len--;
		for (i = 0; i < len; i++) {
			if (raw[i] == '\\' && i + 1 < len)
				i++;
			tmp[m++] = raw[i];
		}
	} else {
		tmp = (char *)raw;	/* binary: nothing to unescape */
		m = len;
	}
	eq = memchr(tmp, '=', m);
	nlen = eq ? (size_t)(eq - tmp) : m;
	idx = name_index(tmp, nlen, n, names);
	if (n && idx < 0)
		return true;
	if (idx >= 0)
		seen[idx] = true;
	err = env_set_n(tmp, nlen, eq ? eq + 1 : "", eq ? m - nlen - 1 : 0);
	if (err == -EINVAL)
		pr_err("%s: entry %d: not a name=value entry, skipped\n",
		       origin, num);
	else if (err)
		pr_err("%s: entry %d: the environment is full, skipped\n",
		       origin, num);
	return !err;
}

int env_import_data(const char *data, size_t len, char sep,
		    unsigned int flags, int n, char *const names[],
		    const char *origin)
{
	const char *pos = data, *end = data + len, *e;
	bool *seen = NULL;
	char *tmp;
	int bad = 0, num = 0, i;

	tmp = sep ? malloc(len ? len : 1) : NULL;
	if (n > 0)
		seen = calloc(n, sizeof(*seen));
	if ((sep && !tmp) || (n > 0 && !seen)) {
		free(tmp);
		free(seen);
		return -ENOMEM;
	}
	while (pos < end && *pos) {
		for (e = pos; e < end && *e && *e != sep; e++)
			if (sep == '\n' && *e == '\\' && e + 1 < end && e[1])
				e++;
		num++;
		if (!import_entry(pos, e - pos, sep, flags, n, names, seen,
				  tmp, origin, num))
			bad++;
		/* Past the separator; a NUL ending text stops the loop. */
		pos = e < end && *e == sep ? e + 1 : e;
	}
	if (flags & ENV_IMPORT_DELETE)
		for (i = 0; i < n; i++)
			if (!seen[i])
				env_set(names[i], NULL);
	free(tmp);
	free(seen);
	return bad;
}
