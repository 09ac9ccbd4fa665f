/* SPDX-License-Identifier: MIT */
/*
 * regex.h - a small regular expression engine for setexpr sub/gsub: the
 * subset of U-Boot's SLRE that scripts use. Literals, '.', [] classes
 * (ranges, a leading ^ negates), * + ? (greedy), ^ and $ anchors, \d \s
 * \w (and \D \S \W), other \x a literal x, groups ( ) captured as \1..\9.
 * Matching backtracks over a bounded stack and a bounded number of steps:
 * a pattern too costly for its subject fails with -E2BIG instead of
 * hanging.
 */
#ifndef REGEX_H
#define REGEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define REGEX_PATTERN_MAX	256	/* bytes of pattern */
#define REGEX_PROG_MAX		256	/* compiled instructions */
#define REGEX_CLASS_MAX		16	/* [] classes in one pattern */
#define REGEX_GROUPS		10	/* \0 (the match) and \1..\9 */
#define REGEX_STEPS_MAX		1000000	/* per search */
#define REGEX_STACK_MAX		2048	/* backtracking entries */

struct regex_insn {
	uint8_t op;
	uint8_t arg;		/* a byte, a class or a group slot */
	uint16_t x, y;		/* jump targets; repeat: atom, minimum */
};

struct regex {
	struct regex_insn prog[REGEX_PROG_MAX];
	int len;
	uint8_t classes[REGEX_CLASS_MAX][32];	/* bitmaps */
	int nclasses;
	int ngroups;		/* groups in the pattern, \0 included */
};

struct regex_match {
	size_t start[REGEX_GROUPS], len[REGEX_GROUPS];
	bool set[REGEX_GROUPS];
};

/* Compile pattern: 0, or -EINVAL with *why saying what is wrong. */
int regex_compile(struct regex *re, const char *pattern, const char **why);
/*
 * The first match in s[0..len) that starts at from or later: 1 (m holds
 * it), 0 (none), or -E2BIG when the search passed its step or stack
 * bound (*why says so).
 */
int regex_search(const struct regex *re, const char *s, size_t len,
		 size_t from, struct regex_match *m, const char **why);
/*
 * Replace the first match of re in s (every one, with global) by repl,
 * where \0..\9 stand for the groups; the result goes to out (outsize
 * bytes with its NUL). Returns the number of replacements (0: no match),
 * -ENOSPC when out is too small, -E2BIG as regex_search; *why says what
 * went wrong.
 */
int regex_sub(const struct regex *re, const char *s, const char *repl,
	      bool global, char *out, size_t outsize, const char **why);

#endif
