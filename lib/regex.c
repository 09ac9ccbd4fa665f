// SPDX-License-Identifier: MIT
/*
 * regex.c - regular expressions for setexpr sub/gsub (the SLRE subset
 * U-Boot scripts use; see regex.h). A pattern compiles to a small program
 * (as in Thompson's construction: characters, classes, split, jump, group
 * marks); a backtracking machine runs it with an explicit, bounded stack
 * and a bounded number of steps, so no pattern can exhaust the loader's
 * stack or hang it. A repeated single character (a*, [0-9]+, .*) is one
 * instruction that backs off one character at a time, so the common
 * patterns need one stack entry, not one per character.
 */
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

enum {
	OP_CHAR, OP_ANY, OP_CLASS,	/* one character */
	OP_BOL, OP_EOL,
	OP_SAVE,			/* arg: group slot (2g, 2g + 1) */
	OP_SPLIT,			/* try x, then y */
	OP_JMP,				/* to x */
	OP_NOP,				/* before a group: a split if the
					 * group is repeated */
	OP_REPEAT,			/* x: the op of one character, arg
					 * its argument; y: the fewest (bit
					 * 0), at most one (bit 1) */
	OP_MATCH,
};

struct compiler {
	struct regex *re;
	const char *p;
	const char *why;
	int depth;
};

static int emit(struct compiler *c, uint8_t op, uint8_t arg, uint16_t x,
		uint16_t y)
{
	struct regex *re = c->re;

	if (re->len >= REGEX_PROG_MAX) {
		c->why = "pattern too long";
		return -1;
	}
	re->prog[re->len] = (struct regex_insn){ op, arg, x, y };
	return re->len++;
}

static void class_set(uint8_t *bits, unsigned int from, unsigned int to)
{
	unsigned int ch;

	for (ch = from; ch <= to; ch++)
		bits[ch / 8] |= 1 << (ch % 8);
}

/* \d \s \w and their negations into bits; false for another letter. */
static bool class_escape(uint8_t *bits, char e)
{
	uint8_t tmp[32] = { 0 };
	int i;

	switch (e | 0x20) {
	case 'd':
		class_set(tmp, '0', '9');
		break;
	case 's':
		class_set(tmp, '\t', '\r');
		class_set(tmp, ' ', ' ');
		break;
	case 'w':
		class_set(tmp, '0', '9');
		class_set(tmp, 'a', 'z');
		class_set(tmp, 'A', 'Z');
		class_set(tmp, '_', '_');
		break;
	default:
		return false;
	}
	for (i = 0; i < 32; i++)
		bits[i] |= e & 0x20 ? tmp[i] : (uint8_t)~tmp[i];
	return true;
}

static int new_class(struct compiler *c)
{
	struct regex *re = c->re;

	if (re->nclasses >= REGEX_CLASS_MAX) {
		c->why = "too many classes";
		return -1;
	}
	memset(re->classes[re->nclasses], 0, 32);
	return re->nclasses++;
}

/* The class at c->p (just past '['). */
static int compile_class(struct compiler *c)
{
	int k = new_class(c), i;
	bool negate = false;
	uint8_t *bits;
	unsigned char lo, hi;

	if (k < 0)
		return -1;
	bits = c->re->classes[k];
	if (*c->p == '^') {
		negate = true;
		c->p++;
	}
	do {
		if (!*c->p) {
			c->why = "unterminated []";
			return -1;
		}
		if (*c->p == '\\' && c->p[1]) {
			c->p++;
			if (class_escape(bits, *c->p)) {
				c->p++;
				continue;
			}
		}
		lo = *c->p++;
		hi = lo;
		if (c->p[0] == '-' && c->p[1] && c->p[1] != ']') {
			hi = c->p[1];
			if (hi == '\\' && c->p[2])
				hi = c->p[2], c->p++;
			c->p += 2;
			if (hi < lo) {
				c->why = "bad range in []";
				return -1;
			}
		}
		class_set(bits, lo, hi);
	} while (*c->p != ']');
	c->p++;
	if (negate)
		for (i = 0; i < 32; i++)
			bits[i] = ~bits[i];
	return emit(c, OP_CLASS, k, 0, 0);
}

static int compile_seq(struct compiler *c);

/* One atom; returns where its instructions start, or -1. */
static int compile_atom(struct compiler *c)
{
	struct regex *re = c->re;
	char ch = *c->p++;
	int start, g, k;

	switch (ch) {
	case '(':
		if (re->ngroups >= REGEX_GROUPS) {
			c->why = "too many groups";
			return -1;
		}
		g = re->ngroups++;
		start = emit(c, OP_NOP, 0, 0, 0);
		if (start < 0 || emit(c, OP_SAVE, 2 * g, 0, 0) < 0 ||
		    compile_seq(c) < 0)
			return -1;
		if (*c->p != ')') {
			c->why = "unbalanced (";
			return -1;
		}
		c->p++;
		return emit(c, OP_SAVE, 2 * g + 1, 0, 0) < 0 ? -1 : start;
	case ')':
		c->why = "unbalanced )";
		return -1;
	case '*':
	case '+':
	case '?':
		c->why = "nothing to repeat";
		return -1;
	case '^':
		return emit(c, OP_BOL, 0, 0, 0);
	case '$':
		return emit(c, OP_EOL, 0, 0, 0);
	case '.':
		return emit(c, OP_ANY, 0, 0, 0);
	case '[':
		return compile_class(c);
	case '\\':
		ch = *c->p++;
		if (!ch) {
			c->why = "trailing \\";
			return -1;
		}
		if (strchr("dswDSW", ch)) {
			k = new_class(c);
			if (k < 0)
				return -1;
			class_escape(re->classes[k], ch);
			return emit(c, OP_CLASS, k, 0, 0);
		}
		break;
	}
	return emit(c, OP_CHAR, (uint8_t)ch, 0, 0);
}

static int compile_seq(struct compiler *c)
{
	struct regex *re;
	int start, end;
	char q;

	if (++c->depth > REGEX_GROUPS)
		return -1;	/* compile_atom stops groups before this */
	re = c->re;
	while (*c->p && *c->p != ')') {
		start = compile_atom(c);
		if (start < 0)
			return -1;
		q = *c->p;
		if (q != '*' && q != '+' && q != '?')
			continue;
		c->p++;
		if (re->prog[start].op == OP_BOL || re->prog[start].op == OP_EOL) {
			c->why = "nothing to repeat";
			return -1;
		}
		if (start == re->len - 1) {
			/* one character: one instruction */
			struct regex_insn *in = &re->prog[start];

			in->x = in->op;
			in->y = q == '+' ? 1 : q == '?' ? 2 : 0;
			in->op = OP_REPEAT;
			continue;
		}
		/* a group, after its NOP (L0): x* is L0 split L1, L3; L1 x;
		 * jmp L0; L3. x+ is L1 x; split L1, L3. x? is split L1, L2. */
		end = re->len;
		if (q == '+') {
			if (emit(c, OP_SPLIT, 0, start + 1, end + 1) < 0)
				return -1;
			continue;
		}
		if (q == '*' && emit(c, OP_JMP, 0, start, 0) < 0)
			return -1;
		re->prog[start] = (struct regex_insn){
			OP_SPLIT, 0, start + 1, re->len };
	}
	c->depth--;
	return 0;
}

int regex_compile(struct regex *re, const char *pattern, const char **why)
{
	struct compiler c = { .re = re, .p = pattern };

	re->len = 0;
	re->nclasses = 0;
	re->ngroups = 1;
	*why = NULL;
	if (strlen(pattern) > REGEX_PATTERN_MAX) {
		*why = "pattern too long";
		return -EINVAL;
	}
	if (emit(&c, OP_SAVE, 0, 0, 0) < 0 || compile_seq(&c) < 0 ||
	    (*c.p == ')' && (c.why = "unbalanced )")) ||
	    emit(&c, OP_SAVE, 1, 0, 0) < 0 || emit(&c, OP_MATCH, 0, 0, 0) < 0) {
		*why = c.why ? c.why : "bad pattern";
		return -EINVAL;
	}
	return 0;
}

/* --- matching -------------------------------------------------------------- */

enum { BT_BRANCH, BT_RESTORE, BT_REPEAT };

struct backtrack {
	uint8_t kind;
	uint8_t min;		/* repeat: the fewest characters */
	uint16_t pc;		/* where to go on */
	uint32_t sp;		/* branch: position; repeat: start;
				 * restore: the old value */
	uint32_t n;		/* repeat: characters taken; restore: slot */
};

static bool one(const struct regex *re, uint8_t op, uint8_t arg,
		unsigned char ch)
{
	switch (op) {
	case OP_CHAR:
		return ch == arg;
	case OP_CLASS:
		return re->classes[arg][ch / 8] & (1 << (ch % 8));
	default:
		return true;	/* OP_ANY */
	}
}

#define UNSET UINT32_MAX

/* Run the program at s + start; 1 match, 0 none, -E2BIG too costly. */
static int run(const struct regex *re, const unsigned char *s, size_t len,
	       size_t start, uint32_t *slots, struct backtrack *stack,
	       unsigned long *steps)
{
	const struct regex_insn *in;
	struct backtrack *top;
	size_t sp = start, n;
	int depth = 0;
	int pc = 0;

	for (;;) {
		if (++*steps > REGEX_STEPS_MAX)
			return -E2BIG;
		in = &re->prog[pc];
		switch (in->op) {
		case OP_CHAR:
		case OP_ANY:
		case OP_CLASS:
			if (sp >= len || !one(re, in->op, in->arg, s[sp]))
				goto fail;
			sp++;
			pc++;
			continue;
		case OP_BOL:
			if (sp)
				goto fail;
			pc++;
			continue;
		case OP_EOL:
			if (sp != len)
				goto fail;
			pc++;
			continue;
		case OP_SAVE:
			if (depth >= REGEX_STACK_MAX)
				return -E2BIG;
			stack[depth++] = (struct backtrack){
				.kind = BT_RESTORE, .sp = slots[in->arg],
				.n = in->arg };
			slots[in->arg] = sp;
			pc++;
			continue;
		case OP_SPLIT:
			if (depth >= REGEX_STACK_MAX)
				return -E2BIG;
			stack[depth++] = (struct backtrack){
				.kind = BT_BRANCH, .pc = in->y, .sp = sp };
			pc = in->x;
			continue;
		case OP_JMP:
			pc = in->x;
			continue;
		case OP_NOP:
			pc++;
			continue;
		case OP_REPEAT:
			for (n = 0; sp + n < len && (n < 1 || in->y < 2) &&
			     one(re, in->x, in->arg, s[sp + n]); n++)
				;
			*steps += n;
			if (n < (in->y & 1))
				goto fail;
			if (n > (in->y & 1)) {
				if (depth >= REGEX_STACK_MAX)
					return -E2BIG;
				stack[depth++] = (struct backtrack){
					.kind = BT_REPEAT, .pc = pc + 1,
					.sp = sp, .n = n, .min = in->y & 1 };
			}
			sp += n;
			pc++;
			continue;
		default:	/* OP_MATCH */
			return 1;
		}
fail:
		for (;;) {
			if (!depth)
				return 0;
			top = &stack[depth - 1];
			if (top->kind == BT_RESTORE) {
				slots[top->n] = top->sp;
				depth--;
				continue;
			}
			if (top->kind == BT_BRANCH) {
				pc = top->pc;
				sp = top->sp;
				depth--;
				break;
			}
			/* BT_REPEAT: one character fewer */
			top->n--;
			pc = top->pc;
			sp = top->sp + top->n;
			if (top->n == top->min)
				depth--;
			break;
		}
	}
}

int regex_search(const struct regex *re, const char *s, size_t len,
		 size_t from, struct regex_match *m, const char **why)
{
	uint32_t slots[2 * REGEX_GROUPS];
	struct backtrack *stack;
	unsigned long steps = 0;
	size_t at;
	int ret = 0, g;

	if (len >= UNSET) {
		*why = "string too long";
		return -E2BIG;
	}
	stack = malloc(REGEX_STACK_MAX * sizeof(*stack));
	if (!stack) {
		*why = "out of memory";
		return -ENOMEM;
	}
	for (at = from; at <= len; at++) {
		for (g = 0; g < 2 * REGEX_GROUPS; g++)
			slots[g] = UNSET;
		ret = run(re, (const unsigned char *)s, len, at, slots, stack,
			  &steps);
		if (ret)
			break;
		if (re->prog[1].op == OP_BOL)
			break;		/* anchored: only at the start */
	}
	free(stack);
	if (ret < 0) {
		*why = "pattern too complex for this string";
		return ret;
	}
	if (!ret)
		return 0;
	for (g = 0; g < REGEX_GROUPS; g++) {
		m->set[g] = g < re->ngroups && slots[2 * g] != UNSET &&
			    slots[2 * g + 1] != UNSET;
		m->start[g] = m->set[g] ? slots[2 * g] : 0;
		m->len[g] = m->set[g] ? slots[2 * g + 1] - slots[2 * g] : 0;
	}
	return 1;
}

struct buf {
	char *p;
	size_t used, size;
	bool full;
};

static void add(struct buf *b, const char *s, size_t n)
{
	if (b->used + n >= b->size) {
		b->full = true;
		return;
	}
	memcpy(b->p + b->used, s, n);
	b->used += n;
}

int regex_sub(const struct regex *re, const char *s, const char *repl,
	      bool global, char *out, size_t outsize, const char **why)
{
	struct buf b = { .p = out, .size = outsize };
	struct regex_match m;
	size_t len = strlen(s), pos = 0;
	const char *r;
	int n = 0, ret, g;

	while (pos <= len) {
		ret = regex_search(re, s, len, pos, &m, why);
		if (ret < 0)
			return ret;
		if (!ret)
			break;
		n++;
		add(&b, s + pos, m.start[0] - pos);
		for (r = repl; *r; r++) {
			if (r[0] == '\\' && r[1] >= '0' && r[1] <= '9') {
				g = *++r - '0';
				if (g < REGEX_GROUPS && m.set[g])
					add(&b, s + m.start[g], m.len[g]);
			} else {
				add(&b, r, 1);
			}
		}
		pos = m.start[0] + m.len[0];
		if (!m.len[0]) {
			/* An empty match: the next search starts one on. */
			if (pos < len)
				add(&b, s + pos, 1);
			pos++;
		}
		if (!global)
			break;
	}
	if (pos < len)
		add(&b, s + pos, len - pos);
	if (b.full || !outsize) {
		*why = "result too long";
		return -ENOSPC;
	}
	out[b.used] = '\0';
	return n;
}
