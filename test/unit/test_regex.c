// SPDX-License-Identifier: MIT
/* Unit tests for lib/regex.c: the SLRE subset setexpr uses (classes,
 * repeats, anchors, groups, back references in replacements) and the
 * bounds that keep a hostile pattern from hanging or overflowing. */
#include <errno.h>
#include <regex.h>

static struct regex re;

/* "sub" or "gsub" of pattern by repl in s: the result, "none", or
 * "error <n>". */
static const char *sub(const char *pattern, const char *repl, const char *s,
		       bool global)
{
	static char out[256];
	const char *why;
	int n;

	if (regex_compile(&re, pattern, &why))
		return "bad pattern";
	n = regex_sub(&re, s, repl, global, out, sizeof(out), &why);
	if (n < 0) {
		snprintf(out, sizeof(out), "error %d", n);
		return out;
	}
	return n ? out : "none";
}

static const char *compile_error(const char *pattern)
{
	const char *why;

	return regex_compile(&re, pattern, &why) ? why : "ok";
}

UNIT_MAIN(
	/* literals, '.', classes, escapes */
	CHECK_STR(sub("b", "X", "abcb", false), "aXcb");
	CHECK_STR(sub("b", "X", "abcb", true), "aXcX");
	CHECK_STR(sub("z", "X", "abc", true), "none");
	CHECK_STR(sub("a.c", "X", "xabcx", false), "xXx");
	CHECK_STR(sub("[0-9]", "#", "a1b22", true), "a#b##");
	CHECK_STR(sub("[^0-9]", "", "a1b22", true), "122");
	CHECK_STR(sub("[a-cx]", "_", "abcdxy", true), "___d_y");
	CHECK_STR(sub("[]a]", "_", "]ab", true), "__b");
	CHECK_STR(sub("[a-]", "_", "a-b", true), "__b");
	CHECK_STR(sub("\\d+", "N", "ab12cd345", true), "abNcdN");
	CHECK_STR(sub("\\s", "_", "a b\tc", true), "a_b_c");
	CHECK_STR(sub("\\w+", "W", "hi, yo!", true), "W, W!");
	CHECK_STR(sub("\\D", "", "a1b2", true), "12");
	CHECK_STR(sub("\\.", "!", "a.b", true), "a!b");
	CHECK_STR(sub("[\\d]", "D", "x5", true), "xD");
	/* repeats: greedy, with back-off */
	CHECK_STR(sub("a*", "X", "baaac", false), "Xbaaac");
	CHECK_STR(sub("a+", "X", "baaac", false), "bXc");
	CHECK_STR(sub("ab?c", "X", "ac abc abbc", true), "X X abbc");
	CHECK_STR(sub(".*c", "X", "abcabc!", false), "X!");
	CHECK_STR(sub("a.*b.*c", "X", "aXbYcZ", false), "XZ");
	CHECK_STR(sub("x*", "-", "ab", true), "-a-b-");
	CHECK_STR(sub("(ab)+", "X", "cababd", false), "cXd");
	CHECK_STR(sub("(ab)*c", "X", "ababc", false), "X");
	CHECK_STR(sub("(ab)?c", "X", "abc c", true), "X X");
	CHECK_STR(sub("a(b|c)", "X", "ab", false), "none");	/* | is literal */
	/* anchors */
	CHECK_STR(sub("^a", "X", "aaa", true), "Xaa");
	CHECK_STR(sub("a$", "X", "aaa", true), "aaX");
	CHECK_STR(sub("^$", "E", "", false), "E");
	CHECK_STR(sub("^b", "X", "ab", false), "none");
	/* groups and back references */
	CHECK_STR(sub("(\\w+)@(\\w+)", "\\2 at \\1", "me@host", false),
		  "host at me");
	CHECK_STR(sub("([0-9]+)", "<\\1>", "a1b23", true), "a<1>b<23>");
	CHECK_STR(sub("b", "[\\0]", "abc", false), "a[b]c");
	CHECK_STR(sub("(a)(b)?", "\\2\\1", "ac", false), "ac");
	CHECK_STR(sub("x", "\\q", "x", false), "\\q");
	/* U-Boot's example: a MAC address to a UUID-ish form */
	CHECK_STR(sub("(..):(..):(..)", "\\1\\2\\3", "52:54:00", false),
		  "525400");
	/* compile errors */
	CHECK_STR(compile_error("(a"), "unbalanced (");
	CHECK_STR(compile_error("a)"), "unbalanced )");
	CHECK_STR(compile_error("*a"), "nothing to repeat");
	CHECK_STR(compile_error("^*"), "nothing to repeat");
	CHECK_STR(compile_error("[abc"), "unterminated []");
	CHECK_STR(compile_error("[z-a]"), "bad range in []");
	CHECK_STR(compile_error("a\\"), "trailing \\");
	CHECK_STR(compile_error("(((((((((((a)))))))))))"), "too many groups");
	CHECK_STR(compile_error("[a][b][c][d][e][f][g][h][i][j][k][l][m][n]"
				"[o][p][q]"), "too many classes");
	/* hostile patterns stop with an error, quickly */
	{
		static char s[4000];

		memset(s, 'a', sizeof(s) - 1);
		CHECK_STR(sub("(a*)*b", "X", s, false), "error -7");
		CHECK_STR(sub("(a|a)*(a*)*(a*)*(a*)*c", "X", s, false),
			  "error -7");
		CHECK_STR(sub("a*a*a*a*a*a*a*b", "X", s, false), "error -7");
		CHECK_STR(sub(".*", "X", s, false), "X");
		/* the result must fit */
		CHECK_STR(sub("a", "bb", s, true), "error -28");
	}
)
