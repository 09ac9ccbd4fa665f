// SPDX-License-Identifier: MIT
/*
 * cli_parse.c - split a command line into commands and words the way
 * U-Boot's hush does for the common cases: ';', '&&', '||' between
 * commands; single quotes (literal), double quotes (variables expanded,
 * \" \\ \$ escaped), a backslash outside quotes; $name, ${name}, $?; a
 * word starting with '#' comments out the rest of the line.
 */
#include <cli.h>
#include <ctype.h>
#include <errno.h>
#include <string.h>

struct out {
	char *p, *end;
	int err;
};

static void emit(struct out *o, char c)
{
	if (o->p < o->end)
		*o->p++ = c;
	else
		o->err = -E2BIG;
}

static bool is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Expand the variable reference at s (just after the '$'); returns the
 * characters consumed, or -EINVAL for an unterminated ${. */
static int expand(const char *s, struct out *o, cli_lookup_t lookup,
		  void *ctx)
{
	char name[128];
	const char *value;
	size_t n;
	int used;

	if (*s == '{') {
		n = strcspn(s + 1, "}");
		if (s[1 + n] != '}' || n == 0)
			return -EINVAL;
		used = n + 2;
		s++;
	} else if (*s == '?') {
		n = 1;
		used = 1;
	} else {
		for (n = 0; is_name_char(s[n]); n++)
			;
		if (!n) {
			emit(o, '$');	/* a lone '$' stays */
			return 0;
		}
		used = n;
	}
	if (n >= sizeof(name))
		return -E2BIG;
	memcpy(name, s, n);
	name[n] = '\0';
	value = lookup ? lookup(name, ctx) : NULL;
	while (value && *value)
		emit(o, *value++);
	return used;
}

int cli_parse(const char **line, char *buf, size_t bufsize, char **argv,
	      int maxargs, enum cli_sep *sep, cli_lookup_t lookup, void *ctx)
{
	struct out o = { .p = buf, .end = buf + bufsize - 1, .err = 0 };
	const char *s = *line;
	int argc = 0, n;
	bool in_word = false;
	char quote = 0;

	*sep = CLI_SEP_END;
	for (;;) {
		char c = *s;

		if (!quote && (c == '\0' || c == ';' || c == ' ' || c == '\t' ||
			       c == '\n' || c == '\r' || (c == '&' && s[1] == '&') ||
			       (c == '|' && s[1] == '|'))) {
			if (in_word) {
				emit(&o, '\0');
				in_word = false;
			}
			if (c == '\0')
				break;
			if (c == ';') {
				*sep = CLI_SEP_SEMI;
				s++;
				break;
			}
			if (c == '&' || c == '|') {
				*sep = c == '&' ? CLI_SEP_AND : CLI_SEP_OR;
				s += 2;
				break;
			}
			s++;
			continue;
		}
		if (!in_word) {
			if (!quote && c == '#') {	/* comment */
				s += strlen(s);
				continue;
			}
			if (argc == maxargs - 1)
				return -E2BIG;
			argv[argc++] = o.p;
			in_word = true;
		}
		if (quote == '\'') {
			if (c == '\0')
				return -EINVAL;
			if (c == '\'')
				quote = 0;
			else
				emit(&o, c);
			s++;
		} else if (c == '\0') {
			return -EINVAL;		/* open double quote */
		} else if (c == '\'' && !quote) {
			quote = '\'';
			s++;
		} else if (c == '"') {
			quote = quote ? 0 : '"';
			s++;
		} else if (c == '\\' && s[1] &&
			   (!quote || strchr("\"\\$", s[1]))) {
			emit(&o, s[1]);
			s += 2;
		} else if (c == '$') {
			n = expand(s + 1, &o, lookup, ctx);
			if (n < 0)
				return n;
			s += 1 + n;
		} else {
			emit(&o, c);
			s++;
		}
		if (o.err)
			return o.err;
	}
	if (o.err)
		return o.err;
	argv[argc] = NULL;
	*line = s;
	return argc;
}
