// SPDX-License-Identifier: MIT
/*
 * extlinux.c - the extlinux.conf parser (syslinux's config syntax as
 * U-Boot's sysboot and pxe commands read it): one keyword a line, any
 * case, the rest of the line its argument; labels and their kernel,
 * initrds, append line and device tree; menu, timeout and includes.
 * Pure: the text comes in a buffer, includes through a callback.
 */
#define pr_fmt(fmt) "extlinux: " fmt
#include <errno.h>
#include <extlinux.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

struct parser {
	struct extlinux_config *cfg;
	const char *prefix;
	extlinux_read_fn read;
	void *arg;
	size_t total;		/* bytes parsed, includes too */
	int includes;		/* include lines followed */
	int label;		/* the label lines apply to, or -1 */
	bool in_text;		/* between "text" and "endtext" */
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether the word [s, s + n) is kw, in any case. */
static bool word_is(const char *s, size_t n, const char *kw)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!kw[i] || lower(s[i]) != kw[i])
			return false;
	return !kw[i];
}

/* Split "word rest" at the first blank: the word's length, *rest its
 * argument with blanks skipped. */
static size_t split(const char *s, size_t n, const char **rest, size_t *rn)
{
	size_t w = 0;

	while (w < n && !is_blank(s[w]))
		w++;
	*rest = s + w;
	*rn = n - w;
	while (*rn && is_blank(**rest)) {
		(*rest)++;
		(*rn)--;
	}
	return w;
}

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* prefix + path, or path alone when it is absolute (or there is no
 * prefix). NULL (and *err) when it is too long or memory ran out. */
static char *make_path(const struct parser *p, const char *s, size_t n,
		       int *err)
{
	size_t pn = s[0] == '/' ? 0 : strlen(p->prefix);
	char *path;

	if (pn + n >= EXTLINUX_PATH_MAX) {
		*err = -E2BIG;
		return NULL;
	}
	path = malloc(pn + n + 1);
	if (!path) {
		*err = -ENOMEM;
		return NULL;
	}
	memcpy(path, p->prefix, pn);
	memcpy(path + pn, s, n);
	path[pn + n] = '\0';
	return path;
}

static void set_str(char **slot, char *s)
{
	free(*slot);
	*slot = s;
}

/* A decimal number of at most 9 digits (a timeout of 3 years). */
static int parse_num(const char *s, size_t n, int *v)
{
	size_t i;

	if (!n || n > 9)
		return -EINVAL;
	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* Fill slots with the paths in a list separated by sep (and blanks):
 * each replaces what the label had. */
static int path_list(const struct parser *p, const char *s, size_t n,
		     char sep, char **slots, int *count)
{
	int i, err = 0;
	size_t w;

	for (i = 0; i < *count; i++)
		set_str(&slots[i], NULL);
	*count = 0;
	while (n) {
		if (s[0] == sep || is_blank(s[0])) {
			s++;
			n--;
			continue;
		}
		for (w = 0; w < n && s[w] != sep && !is_blank(s[w]); w++)
			;
		if (*count == EXTLINUX_FILES_MAX)
			return -E2BIG;
		slots[*count] = make_path(p, s, w, &err);
		if (!slots[*count])
			return err;
		(*count)++;
		s += w;
		n -= w;
	}
	return 0;
}

static int new_label(struct parser *p, const char *s, size_t n)
{
	struct extlinux_config *cfg = p->cfg;
	struct extlinux_label *l;

	if (!n)
		return -EINVAL;
	if (cfg->nlabels == EXTLINUX_LABELS_MAX)
		return -E2BIG;
	l = realloc(cfg->labels, (cfg->nlabels + 1) * sizeof(*l));
	if (!l)
		return -ENOMEM;
	cfg->labels = l;
	l += cfg->nlabels;
	memset(l, 0, sizeof(*l));
	l->name = dup_n(s, n);
	if (!l->name)
		return -ENOMEM;
	p->label = cfg->nlabels++;
	return 0;
}

static int parse_text(struct parser *p, const char *text, size_t len,
		      const char *name, int depth);

static int include(struct parser *p, const char *s, size_t n, int depth)
{
	char *path, *buf = NULL;
	size_t len = 0;
	int err = 0, label = p->label;
	size_t w;

	/* "include file [title]": the title is for submenus, unused. */
	for (w = 0; w < n && !is_blank(s[w]); w++)
		;
	if (!w)
		return -EINVAL;
	if (depth + 1 >= EXTLINUX_DEPTH_MAX ||
	    ++p->includes > EXTLINUX_INCLUDES_MAX) {
		pr_err("includes nested too deep (or too many)\n");
		return -ELOOP;
	}
	path = make_path(p, s, w, &err);
	if (!path)
		return err;
	err = p->read ? p->read(p->arg, path, &buf, &len) : -ENOSYS;
	if (err) {
		pr_err("cannot read the included %s: %d\n", path, err);
	} else {
		err = parse_text(p, buf, len, path, depth + 1);
		p->label = label;
	}
	free(buf);
	free(path);
	return err;
}

static int menu_line(struct parser *p, const char *s, size_t n, int depth)
{
	struct extlinux_label *l = p->label >= 0 ? &p->cfg->labels[p->label] :
						   NULL;
	const char *arg;
	size_t an, w = split(s, n, &arg, &an);

	if (word_is(s, w, "title")) {
		set_str(&p->cfg->title, dup_n(arg, an));
		return p->cfg->title ? 0 : -ENOMEM;
	}
	if (word_is(s, w, "include"))
		return include(p, arg, an, depth);
	if (!l)
		return 0;		/* colours, geometry... */
	if (word_is(s, w, "label")) {
		set_str(&l->menu, dup_n(arg, an));
		return l->menu ? 0 : -ENOMEM;
	}
	if (word_is(s, w, "default"))
		p->cfg->menu_default = p->label;
	return 0;
}

/* A label's keyword: 1 if s was not one. */
static int label_line(struct parser *p, const char *kw, size_t w,
		      const char *s, size_t n)
{
	struct extlinux_label *l = &p->cfg->labels[p->label];
	char **slot = NULL;
	int err = 0;

	if (word_is(kw, w, "kernel") || word_is(kw, w, "linux"))
		slot = &l->kernel;
	else if (word_is(kw, w, "fdt") || word_is(kw, w, "devicetree"))
		slot = &l->fdt;
	else if (word_is(kw, w, "fdtdir") || word_is(kw, w, "devicetreedir"))
		slot = &l->fdtdir;
	if (slot) {
		/* The first word: "kernel /Image#conf" keeps the suffix. */
		for (w = 0; w < n && !is_blank(s[w]); w++)
			;
		if (!w)
			return -EINVAL;
		set_str(slot, make_path(p, s, w, &err));
		return *slot ? 0 : err;
	}
	if (word_is(kw, w, "initrd"))
		return path_list(p, s, n, ',', l->initrd, &l->ninitrd);
	if (word_is(kw, w, "fdtoverlays") ||
	    word_is(kw, w, "devicetree-overlay"))
		return path_list(p, s, n, ' ', l->overlay, &l->noverlay);
	if (word_is(kw, w, "append")) {
		set_str(&l->append, dup_n(s, n));
		return l->append ? 0 : -ENOMEM;
	}
	if (word_is(kw, w, "localboot")) {
		l->localboot = true;
		return 0;
	}
	return 1;
}

static int parse_line(struct parser *p, const char *s, size_t n, int depth)
{
	struct extlinux_config *cfg = p->cfg;
	const char *arg;
	size_t an, w;
	int err;

	while (n && is_blank(*s)) {
		s++;
		n--;
	}
	while (n && is_blank(s[n - 1]))
		n--;
	w = split(s, n, &arg, &an);
	if (p->in_text) {
		p->in_text = !word_is(s, w, "endtext");
		return 0;
	}
	if (!n || s[0] == '#')
		return 0;
	if (word_is(s, w, "label"))
		return new_label(p, arg, an);
	if (word_is(s, w, "menu"))
		return menu_line(p, arg, an, depth);
	if (word_is(s, w, "include"))
		return include(p, arg, an, depth);
	if (word_is(s, w, "default") || word_is(s, w, "ontimeout")) {
		/* "default vesamenu.c32" picks a UI: ignored. */
		if (an > 4 && word_is(arg + an - 4, 4, ".c32"))
			return 0;
		set_str(&cfg->default_name, dup_n(arg, an));
		return cfg->default_name ? 0 : -ENOMEM;
	}
	if (word_is(s, w, "timeout"))
		return parse_num(arg, an, &cfg->timeout);
	if (word_is(s, w, "prompt")) {
		int v;

		err = parse_num(arg, an, &v);
		cfg->prompt = !err && v;
		return err;
	}
	if (word_is(s, w, "text")) {
		p->in_text = true;
		return 0;
	}
	if (p->label >= 0) {
		err = label_line(p, s, w, arg, an);
		if (err <= 0)
			return err;
	}
	return 0;			/* ipappend, ui, totaltimeout, say... */
}

static int parse_text(struct parser *p, const char *text, size_t len,
		      const char *name, int depth)
{
	size_t n, lineno = 0;
	const char *end;
	int err;

	if (len > EXTLINUX_FILE_MAX || len > EXTLINUX_TOTAL_MAX - p->total) {
		pr_err("%s: too large (%zu bytes)\n", name, len);
		return -E2BIG;
	}
	p->total += len;
	if (memchr(text, '\0', len)) {
		pr_err("%s: a NUL byte: not a text file\n", name);
		return -EINVAL;
	}
	while (len) {
		lineno++;
		end = memchr(text, '\n', len);
		n = end ? (size_t)(end - text) : len;
		if (n > EXTLINUX_LINE_MAX) {
			pr_err("%s:%zu: line too long\n", name, lineno);
			return -E2BIG;
		}
		err = parse_line(p, text, n, depth);
		if (err) {
			if (err == -EINVAL || err == -E2BIG)
				pr_err("%s:%zu: %s\n", name, lineno,
				       err == -E2BIG ? "too long, or too many" :
				       "bad line");
			return err;
		}
		n += end ? 1 : 0;
		text += n;
		len -= n;
	}
	return 0;
}

int extlinux_parse(struct extlinux_config *cfg, const char *text, size_t len,
		   const char *prefix, extlinux_read_fn read, void *arg)
{
	struct parser p = {
		.cfg = cfg, .prefix = prefix ? prefix : "", .read = read,
		.arg = arg, .label = -1,
	};
	int err;

	memset(cfg, 0, sizeof(*cfg));
	cfg->menu_default = -1;
	if (strlen(p.prefix) >= EXTLINUX_PATH_MAX)
		return -E2BIG;
	err = parse_text(&p, text, len, "the config", 0);
	if (!err && !cfg->nlabels) {
		pr_err("no label in the config\n");
		err = -ENOENT;
	}
	if (err)
		extlinux_free(cfg);
	return err;
}

void extlinux_free(struct extlinux_config *cfg)
{
	struct extlinux_label *l;
	int i, j;

	for (i = 0; i < cfg->nlabels; i++) {
		l = &cfg->labels[i];
		free(l->name);
		free(l->menu);
		free(l->kernel);
		free(l->append);
		free(l->fdt);
		free(l->fdtdir);
		for (j = 0; j < l->ninitrd; j++)
			free(l->initrd[j]);
		for (j = 0; j < l->noverlay; j++)
			free(l->overlay[j]);
	}
	free(cfg->labels);
	free(cfg->title);
	free(cfg->default_name);
	memset(cfg, 0, sizeof(*cfg));
	cfg->menu_default = -1;
}

int extlinux_default(const struct extlinux_config *cfg)
{
	int i;

	if (cfg->menu_default >= 0)
		return cfg->menu_default;
	if (!cfg->default_name)
		return 0;
	for (i = 0; i < cfg->nlabels; i++)
		if (!strcmp(cfg->labels[i].name, cfg->default_name))
			return i;
	pr_warn("no label '%s' (the default): the first one instead\n",
		cfg->default_name);
	return 0;
}
