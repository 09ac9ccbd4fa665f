// SPDX-License-Identifier: MIT
/*
 * cli_parse.c - the shell's language, as U-Boot's hush has it: commands
 * separated by ';' or newlines, '&&' and '||'; single quotes (literal),
 * double quotes ($ expanded; \" \\ \$ escaped), a backslash outside
 * quotes; $name, ${name}, $? (a value stays one word, but splits at
 * blanks unquoted in a for list); '#' comments; if/then/elif/else/fi, for/in/do/done, while and until loops;
 * name=value shell variables; exit.
 *
 * There is no syntax tree: the text is interpreted where it lies by a
 * recursive-descent parser that takes a "run" flag. Skipping a branch is
 * parsing it with run false; a loop goes back to where its condition or
 * body starts. Each top-level command (an and-or list, with whatever
 * compound commands it holds) is first parsed without running anything,
 * so that a syntax error anywhere in it runs none of it.
 */
#include <cli.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok { T_END, T_NL, T_SEMI, T_AND, T_OR, T_WORD };

/* What stopped a parse. */
enum { E_NONE, E_SYNTAX, E_INCOMPLETE };

struct parser {
	struct cli_shell *sh;
	const char *p;		/* the next token */
	const char *text;
	char *buf;		/* words of the simple command being run */
	size_t bufsize;
	char **argv;
	int maxargs;
	int err;		/* E_* */
	const char *why;	/* for E_SYNTAX */
	int expected;		/* the keyword missing, for "expected" */
	const char *errpos;
	bool exit;		/* exit ran: leave this text */
};

/* The reserved words, by number (K_...; 0: not a keyword). */
static const char keywords[][6] = {
	"", "if", "then", "elif", "else", "fi", "for", "in", "do", "done",
	"while", "until",
};
enum { K_IF = 1, K_THEN, K_ELIF, K_ELSE, K_FI, K_FOR, K_IN, K_DO, K_DONE,
       K_WHILE, K_UNTIL };
#define BIT(k)	(1u << (k))

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* --- tokens (raw: nothing expanded) ---------------------------------- */

/* The end of the word at p; E_SYNTAX/E_INCOMPLETE in *err. */
static const char *word_end(const char *p, int *err, const char **why)
{
	char q = 0;
	size_t n;

	for (;;) {
		char c = *p;

		if (!c) {
			if (q) {
				*err = E_INCOMPLETE;
				*why = "unterminated quote";
			}
			return p;
		}
		if (q == '\'') {
			if (c == '\'')
				q = 0;
			p++;
			continue;
		}
		if (!q && (is_blank(c) || c == '\n' || c == ';' ||
			   (c == '&' && p[1] == '&') ||
			   (c == '|' && p[1] == '|')))
			return p;
		if (c == '"') {
			q = q ? 0 : '"';
		} else if (c == '\'' && !q) {
			q = '\'';
		} else if (c == '\\' && p[1]) {
			p++;
		} else if (c == '$' && p[1] == '{') {
			n = strcspn(p + 2, "}\n");
			if (p[2 + n] != '}' || !n) {
				*err = E_SYNTAX;
				*why = "bad ${...}";
				return p;
			}
			p += 2 + n;
		}
		p++;
	}
}

/* The token at p: its type and start; returns where the next begins. */
static const char *lex(struct parser *ps, const char *p, enum tok *t,
		       const char **start)
{
	for (;;) {
		if (is_blank(*p))
			p++;
		else if (p[0] == '\\' && p[1] == '\n')
			p += 2;
		else if (*p == '#')
			p += strcspn(p, "\n");
		else
			break;
	}
	*start = p;
	switch (*p) {
	case '\0':
		*t = T_END;
		return p;
	case '\n':
		*t = T_NL;
		return p + 1;
	case ';':
		*t = T_SEMI;
		return p + 1;
	}
	if ((p[0] == '&' || p[0] == '|') && p[1] == p[0]) {
		*t = p[0] == '&' ? T_AND : T_OR;
		return p + 2;
	}
	*t = T_WORD;
	return word_end(p, &ps->err, &ps->why);
}

static enum tok peek(struct parser *ps, const char **start,
		     const char **end)
{
	enum tok t;
	const char *s, *e = lex(ps, ps->p, &t, &s);

	if (start)
		*start = s;
	if (end)
		*end = e;
	if (ps->err && !ps->errpos)
		ps->errpos = s;
	return t;
}

static void advance(struct parser *ps)
{
	const char *end;

	peek(ps, NULL, &end);
	ps->p = end;
}

/* The keyword the next token is (an unquoted reserved word), or 0. */
static int peek_keyword(struct parser *ps)
{
	const char *s, *e;
	int i;

	if (peek(ps, &s, &e) != T_WORD)
		return 0;
	for (i = K_IF; i <= K_UNTIL; i++)
		if ((size_t)(e - s) == strlen(keywords[i]) &&
		    !memcmp(s, keywords[i], e - s))
			return i;
	return 0;
}

static void fail(struct parser *ps, const char *why)
{
	const char *s;

	if (ps->err)
		return;
	peek(ps, &s, NULL);
	ps->err = *s ? E_SYNTAX : E_INCOMPLETE;
	ps->why = why;
	ps->errpos = s;
}

static bool stopped(struct parser *ps)
{
	return ps->err || ps->exit || ps->sh->stop;
}

static void expect(struct parser *ps, int kw)
{
	if (stopped(ps))
		return;
	if (peek_keyword(ps) == kw) {
		advance(ps);
		return;
	}
	fail(ps, "expected");
	ps->expected = kw;
}

/* Newlines and ';' between commands. */
static void skip_separators(struct parser *ps)
{
	enum tok t;

	while (!ps->err && ((t = peek(ps, NULL, NULL)) == T_NL ||
			    t == T_SEMI))
		advance(ps);
}

/* --- shell variables --------------------------------------------------- */

static struct cli_var *var_find(struct cli_shell *sh, const char *name,
				size_t len)
{
	int i;

	for (i = 0; i < CLI_VARS_MAX; i++)
		if (sh->vars[i].value && strlen(sh->vars[i].name) == len &&
		    !memcmp(sh->vars[i].name, name, len))
			return &sh->vars[i];
	return NULL;
}

int cli_var_set(struct cli_shell *sh, const char *name, const char *value)
{
	struct cli_var *v = var_find(sh, name, strlen(name));
	char *copy;
	int i;

	if (strlen(name) >= sizeof(v->name))
		return -E2BIG;
	copy = strdup(value);
	if (!copy)
		return -ENOMEM;
	for (i = 0; !v && i < CLI_VARS_MAX; i++)
		if (!sh->vars[i].value)
			v = &sh->vars[i];
	if (!v) {
		free(copy);
		return -ENOSPC;
	}
	free(v->value);
	strcpy(v->name, name);
	v->value = copy;
	return 0;
}

const char *cli_var_get(struct cli_shell *sh, const char *name)
{
	static char status[12];
	struct cli_var *v;

	if (!strcmp(name, "?")) {
		snprintf(status, sizeof(status), "%d", sh->status);
		return status;
	}
	v = var_find(sh, name, strlen(name));
	if (v)
		return v->value;
	return sh->lookup ? sh->lookup(name, sh->ctx) : NULL;
}

/* --- expansion into words ----------------------------------------------- */

struct out {
	char *p, *end;
	char **argv;
	int argc, maxargs;
	bool open;		/* a word is being written */
	int err;
};

static void open_word(struct out *o)
{
	if (o->open || o->err)
		return;
	if (o->argc >= o->maxargs - 1) {
		o->err = -E2BIG;
		return;
	}
	o->argv[o->argc++] = o->p;
	o->open = true;
}

static void put(struct out *o, char c)
{
	open_word(o);
	if (o->err)
		return;
	if (o->p < o->end)
		*o->p++ = c;
	else
		o->err = -E2BIG;
}

static void close_word(struct out *o)
{
	if (!o->open)
		return;
	o->open = false;
	if (o->p < o->end)
		*o->p++ = '\0';
	else
		o->err = -E2BIG;
}

/* The variable reference after a '$' at s; returns the bytes used. */
static size_t expand_var(struct cli_shell *sh, const char *s,
			 const char *end, struct out *o, bool split)
{
	char name[CLI_NAME_MAX];
	const char *value;
	size_t n, used;

	if (s < end && *s == '{') {
		n = strcspn(s + 1, "}");
		used = n + 2;
		s++;
	} else if (s < end && *s == '?') {
		n = used = 1;
	} else {
		for (n = 0; s + n < end && is_name_char(s[n]); n++)
			;
		if (!n) {
			put(o, '$');	/* a lone '$' stays */
			return 0;
		}
		used = n;
	}
	if (n >= sizeof(name)) {
		o->err = -E2BIG;
		return used;
	}
	memcpy(name, s, n);
	name[n] = '\0';
	value = cli_var_get(sh, name);
	for (; value && *value; value++) {
		if (split && (is_blank(*value) || *value == '\n'))
			close_word(o);
		else
			put(o, *value);
	}
	return used;
}

/* Expand the raw word [s, end) into o: quotes removed, variables
 * expanded; with split (a for list), unquoted expansions split into
 * words at blanks. */
static void expand_word(struct cli_shell *sh, const char *s, const char *end,
			struct out *o, bool split)
{
	char q = 0;

	for (; s < end && !o->err; s++) {
		char c = *s;

		if (q == '\'') {
			if (c == '\'')
				q = 0;
			else
				put(o, c);
		} else if (c == '\'' && !q) {
			q = c;
			open_word(o);		/* '' is an empty word */
		} else if (c == '"') {
			q = q ? 0 : c;
			open_word(o);
		} else if (c == '\\' && s + 1 < end) {
			s++;
			if (q && !strchr("\"\\$", *s))
				put(o, '\\');
			if (q || *s != '\n')
				put(o, *s);
		} else if (c == '$') {
			s += expand_var(sh, s + 1, end, o, split && !q);
		} else {
			put(o, c);
		}
	}
	close_word(o);
}

static const char *message(int err)
{
	return err == -E2BIG ? "too many arguments or too long" :
			       "out of memory";
}

/* --- the grammar ----------------------------------------------------------- */

static void parse_list(struct parser *ps, bool run, unsigned int ends);
static bool parse_and_or(struct parser *ps, bool run);

static bool is_end(int kw, unsigned int ends)
{
	return kw && (ends & BIT(kw));
}

static bool is_name(const char *s, const char *e)
{
	const char *p;

	if (s == e || isdigit((unsigned char)*s) || e - s >= CLI_NAME_MAX)
		return false;
	for (p = s; p < e; p++)
		if (!is_name_char(*p))
			return false;
	return true;
}

/* The simple command at the parser: words up to a separator. */
static void parse_simple(struct parser *ps, bool run)
{
	struct cli_shell *sh = ps->sh;
	struct out o = { .argv = ps->argv, .maxargs = ps->maxargs };
	const char *s, *e, *eq;
	unsigned long n;

	if (run) {
		o.p = ps->buf;
		o.end = ps->buf + ps->bufsize;
	}
	while (!ps->err && peek(ps, &s, &e) == T_WORD) {
		if (run)
			expand_word(sh, s, e, &o, false);
		ps->p = e;
	}
	if (!run || ps->err)
		return;
	if (o.err) {
		printf("syntax error: %s\n", message(o.err));
		sh->status = 1;
		return;
	}
	o.argv[o.argc] = NULL;
	if (!o.argc)
		return;
	eq = strchr(o.argv[0], '=');
	if (o.argc == 1 && eq && is_name(o.argv[0], eq)) {
		/* name=value: a shell variable, as hush's */
		*(char *)eq = '\0';
		sh->status = cli_var_set(sh, o.argv[0], eq + 1) ? 1 : 0;
		if (sh->status)
			printf("%s: cannot set\n", o.argv[0]);
		return;
	}
	if (!strcmp(o.argv[0], "exit")) {
		n = o.argc > 1 ? strtoul(o.argv[1], NULL, 10) : 0;
		sh->status = (int)(n & 0xff);
		ps->exit = true;
		return;
	}
	sh->status = sh->run(o.argc, o.argv, sh->ctx);
}

/* A loop goes round once more unless the user pressed Ctrl-C. */
static bool keep_looping(struct parser *ps)
{
	struct cli_shell *sh = ps->sh;

	if (stopped(ps))
		return false;
	if (sh->interrupted && sh->interrupted(sh->ctx)) {
		printf("<INTERRUPT>\n");
		sh->stop = true;
		sh->status = 1;
		return false;
	}
	return true;
}

static void parse_if(struct parser *ps, bool run)
{
	bool taken = false, branch;
	int kw = 0;

	do {
		advance(ps);		/* if, elif */
		parse_list(ps, run && !taken, BIT(K_THEN));
		branch = run && !taken && ps->sh->status == 0;
		expect(ps, K_THEN);
		parse_list(ps, branch, BIT(K_ELIF) | BIT(K_ELSE) | BIT(K_FI));
		taken |= branch;
	} while (!stopped(ps) && (kw = peek_keyword(ps)) == K_ELIF);
	if (!stopped(ps) && kw == K_ELSE) {
		advance(ps);
		parse_list(ps, run && !taken, BIT(K_FI));
		taken |= run;
	}
	expect(ps, K_FI);
	if (run && !taken && !stopped(ps))
		ps->sh->status = 0;	/* no branch ran */
}

static void parse_for(struct parser *ps, bool run)
{
	struct cli_shell *sh = ps->sh;
	size_t size = ps->bufsize;
	char name[CLI_NAME_MAX], *words = NULL;
	const char *s, *e, *body;
	struct out o = { 0 };
	bool ran = false;
	int i;

	advance(ps);			/* for */
	if (peek(ps, &s, &e) != T_WORD || !is_name(s, e)) {
		fail(ps, "for: a variable name expected");
		return;
	}
	memcpy(name, s, e - s);
	name[e - s] = '\0';
	ps->p = e;
	if (run) {
		/* The list is expanded once, before the first round. */
		words = malloc(size + ps->maxargs * sizeof(char *));
		if (!words) {
			printf("for: out of memory\n");
			sh->status = 1;
			run = false;
		}
		o.p = words;
		o.end = words + size;
		o.argv = (char **)(words + size);
		o.maxargs = ps->maxargs;
	}
	if (peek_keyword(ps) == K_IN) {
		advance(ps);
		while (!ps->err && peek(ps, &s, &e) == T_WORD) {
			if (run)
				expand_word(sh, s, e, &o, true);
			ps->p = e;
		}
	}
	skip_separators(ps);
	expect(ps, K_DO);
	if (run && o.err) {
		printf("syntax error: %s\n", message(o.err));
		sh->status = 1;
		run = false;
	}
	body = ps->p;
	for (i = 0; run && i < o.argc && !stopped(ps); i++) {
		if (i && !keep_looping(ps))
			break;
		if (cli_var_set(sh, name, o.argv[i])) {
			printf("for: cannot set %s\n", name);
			sh->status = 1;
			run = false;
			break;
		}
		ps->p = body;
		parse_list(ps, true, BIT(K_DONE));
		ran = true;
	}
	free(words);
	if (stopped(ps))
		return;
	if (!ran) {
		ps->p = body;
		parse_list(ps, false, BIT(K_DONE));
		if (run)
			sh->status = 0;
	}
	expect(ps, K_DONE);
}

static void parse_while(struct parser *ps, bool run)
{
	bool until = peek_keyword(ps) == K_UNTIL, go;
	const char *cond;
	int status = 0;		/* the body's last, 0 if it never ran */

	advance(ps);			/* while, until */
	cond = ps->p;
	for (;;) {
		ps->p = cond;
		parse_list(ps, run, BIT(K_DO));
		go = run && !stopped(ps) && (ps->sh->status == 0) != until;
		expect(ps, K_DO);
		parse_list(ps, go, BIT(K_DONE));
		if (go)
			status = ps->sh->status;
		if (!go || stopped(ps) || !keep_looping(ps))
			break;
	}
	if (stopped(ps))
		return;
	expect(ps, K_DONE);
	if (run)
		ps->sh->status = status;
}

/* One command: a compound one or a simple one. */
static void parse_command(struct parser *ps, bool run)
{
	struct cli_shell *sh = ps->sh;
	int kw = peek_keyword(ps);

	if (ps->err)
		return;
	if (sh->nest >= CLI_NEST_MAX) {
		fail(ps, "nested too deep");
		return;
	}
	sh->nest++;
	if (kw == K_IF)
		parse_if(ps, run);
	else if (kw == K_FOR)
		parse_for(ps, run);
	else if (kw == K_WHILE || kw == K_UNTIL)
		parse_while(ps, run);
	else if (kw)
		fail(ps, "unexpected keyword");
	else if (peek(ps, NULL, NULL) == T_WORD)
		parse_simple(ps, run);
	else
		fail(ps, "a command expected");
	sh->nest--;
}

/* Returns whether the list's last command ran (a failure before && or
 * || is handled by the list; one of the last command is not). */
static bool parse_and_or(struct parser *ps, bool run)
{
	bool ran = run;
	enum tok t;

	parse_command(ps, run);
	while (!stopped(ps) &&
	       ((t = peek(ps, NULL, NULL)) == T_AND || t == T_OR)) {
		advance(ps);
		while (!ps->err && peek(ps, NULL, NULL) == T_NL)
			advance(ps);
		ran = run && (t == T_AND) == (ps->sh->status == 0);
		parse_command(ps, ran);
	}
	return ran;
}

/* Commands up to one of the keywords ends (not taken). */
static void parse_list(struct parser *ps, bool run, unsigned int ends)
{
	bool empty = true;
	enum tok t;

	for (;;) {
		skip_separators(ps);
		if (stopped(ps))
			return;
		if (peek(ps, NULL, NULL) == T_END) {
			fail(ps, "unexpected end");
			return;
		}
		if (is_end(peek_keyword(ps), ends)) {
			if (empty)
				fail(ps, "a command expected");
			return;
		}
		empty = false;
		parse_and_or(ps, run);
		if (stopped(ps))
			return;
		t = peek(ps, NULL, NULL);
		if (t != T_NL && t != T_SEMI && t != T_END &&
		    !is_end(peek_keyword(ps), ends))
			fail(ps, "unexpected word");
	}
}

/* --- entry points ------------------------------------------------------------ */

/* Parse (not run) the top-level command at ps->p; true if it is whole. */
static bool check_one(struct parser *ps)
{
	enum tok t;

	parse_and_or(ps, false);
	if (!ps->err) {
		t = peek(ps, NULL, NULL);
		if (t != T_NL && t != T_SEMI && t != T_END)
			fail(ps, "unexpected word");
	}
	return !ps->err;
}

int cli_check(const char *text, const char **why)
{
	struct cli_shell sh = { 0 };	/* runs nothing, sets nothing */
	struct parser ps = { .sh = &sh, .p = text, .text = text };

	for (;;) {
		skip_separators(&ps);
		if (ps.err || peek(&ps, NULL, NULL) == T_END)
			break;
		if (!check_one(&ps))
			break;
	}
	if (why)
		*why = ps.why;
	return ps.err == E_INCOMPLETE ? -EAGAIN :
	       ps.err == E_SYNTAX ? -EINVAL : 0;
}

int cli_exec(struct cli_shell *sh, const char *text, const char *name,
	     char *buf, size_t bufsize, char **argv, int maxargs)
{
	struct parser ps = {
		.sh = sh, .p = text, .text = text, .buf = buf,
		.bufsize = bufsize, .argv = argv, .maxargs = maxargs,
	};
	bool errexit = sh->errexit;
	const char *start, *s;
	int line;

	sh->errexit = false;	/* not for what this text runs */
	for (;;) {
		skip_separators(&ps);
		if (ps.err || peek(&ps, NULL, NULL) == T_END)
			break;
		start = ps.p;
		if (check_one(&ps)) {
			ps.p = start;
			if (parse_and_or(&ps, true) && sh->status && errexit &&
			    !ps.exit && !sh->stop) {
				for (line = 1, s = text; s < start; s++)
					line += *s == '\n';
				printf("%s:%d: failed: script stopped\n",
				       name ? name : "script", line);
				break;
			}
			if (ps.exit || sh->stop)
				break;
			continue;
		}
		/* Report, and go on after the line that holds the error
		 * unless this is a script that stops at errors. */
		if (name) {
			for (line = 1, s = text; s < ps.errpos; s++)
				line += *s == '\n';
			printf("%s:%d: ", name, line);
		}
		if (ps.expected)
			printf("syntax error: '%s' expected\n",
			       keywords[ps.expected]);
		else
			printf("syntax error: %s\n", ps.why);
		sh->status = 1;
		if (errexit)
			break;
		ps.p = ps.errpos + strcspn(ps.errpos, "\n");
		ps.err = E_NONE;
		ps.errpos = NULL;
		ps.expected = 0;
	}
	return sh->status;
}
