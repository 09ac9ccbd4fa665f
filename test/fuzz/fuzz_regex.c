// SPDX-License-Identifier: MIT
/* fuzz_regex.c - libFuzzer target for lib/regex.c: the input's first
 * line is a pattern, the second a replacement, the rest the subject;
 * compiled, searched and substituted (sub and gsub). Nothing may hang
 * (the engine's step bound) or overflow. */
#include <errno.h>
#include <regex.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = strndup((const char *)data, size);
	char *pattern = text, *repl = "", *subject = "", *nl;
	static struct regex re;
	struct regex_match m;
	char out[512];
	const char *why;
	int n, g;

	nl = strchr(pattern, '\n');
	if (nl) {
		*nl = '\0';
		repl = nl + 1;
		nl = strchr(repl, '\n');
		if (nl) {
			*nl = '\0';
			subject = nl + 1;
		}
	}
	if (regex_compile(&re, pattern, &why)) {
		if (!why)
			abort();
		goto out;
	}
	n = regex_search(&re, subject, strlen(subject), 0, &m, &why);
	if (n == 1)
		for (g = 0; g < REGEX_GROUPS; g++)
			if (m.set[g] && m.start[g] + m.len[g] > strlen(subject))
				abort();
	if (n < 0 && n != -E2BIG)
		abort();
	n = regex_sub(&re, subject, repl, false, out, sizeof(out), &why);
	if (n >= 0 && strlen(out) >= sizeof(out))
		abort();
	n = regex_sub(&re, subject, repl, true, out, sizeof(out), &why);
	if (n < 0 && n != -E2BIG && n != -ENOSPC)
		abort();
out:
	free(text);
	return 0;
}
