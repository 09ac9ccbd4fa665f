// SPDX-License-Identifier: MIT
/* Unit tests for lib/cli_parse.c: words, quotes, expansion, separators,
 * and hush's control flow (if, for, while, until, exit, $?), run against
 * a few fake commands that log what they were given. */
#include <cli.h>
#include <errno.h>

static char log_buf[8192];
static int rounds;		/* "interrupt" after this many loop checks */
static char var_n[16] = "0";	/* a counter the "inc" command bumps */

static const char *lookup(const char *name, void *ctx)
{
	if (!strcmp(name, "foo"))
		return "bar baz";
	if (!strcmp(name, "empty"))
		return "";
	if (!strcmp(name, "n"))
		return var_n;
	if (!strcmp(name, "list"))
		return "a b  c";
	return NULL;
}

/* Each command appends "name|arg|arg;" to the log. "false" and "fail"
 * return 1, "st N" returns N, "inc" adds one to $n (1 while below 3). */
static int run(int argc, char *argv[], void *ctx)
{
	int i;

	for (i = 0; i < argc; i++) {
		strcat(log_buf, argv[i]);
		strcat(log_buf, i + 1 < argc ? "|" : ";");
	}
	if (!strcmp(argv[0], "false") || !strcmp(argv[0], "fail"))
		return 1;
	if (!strcmp(argv[0], "st"))
		return atoi(argv[1]);
	if (!strcmp(argv[0], "upto")) {
		snprintf(var_n, sizeof(var_n), "%d", atoi(var_n) + 1);
		return atoi(var_n) >= atoi(argv[1]) ? 0 : 1;
	}
	if (!strcmp(argv[0], "inc")) {
		snprintf(var_n, sizeof(var_n), "%d", atoi(var_n) + 1);
		return atoi(var_n) < 3 ? 0 : 1;
	}
	return 0;
}

static bool interrupted(void *ctx)
{
	return rounds-- <= 0;
}

static struct cli_var vars[CLI_VARS_MAX];
static struct cli_shell sh = {
	.lookup = lookup, .run = run, .interrupted = interrupted,
	.vars = vars,
};

/* Run text; the log, then " ?=<status>". */
static const char *exec(const char *text)
{
	static char out[sizeof(log_buf) + 32];
	char buf[256], *argv[8];
	int status;

	log_buf[0] = '\0';
	strcpy(var_n, "0");
	rounds = 1000;
	sh.stop = false;
	status = cli_exec(&sh, text, NULL, buf, sizeof(buf), argv, 8);
	snprintf(out, sizeof(out), "%s ?=%d", log_buf, status);
	if (sh.nest)
		return "nest count leaked";
	return out;
}

static int check(const char *text)
{
	return cli_check(text, NULL);
}

UNIT_MAIN(
	/* words, quotes, variables */
	CHECK_STR(exec("echo a  b"), "echo|a|b; ?=0");
	CHECK_STR(exec("  "), " ?=0");
	CHECK_STR(exec("echo 'a  b' \"c d\""), "echo|a  b|c d; ?=0");
	CHECK_STR(exec("echo $foo"), "echo|bar baz; ?=0");
	CHECK_STR(exec("echo \"$foo\" x${foo}y"), "echo|bar baz|xbar bazy; ?=0");
	CHECK_STR(exec("echo '$foo' \\$foo"), "echo|$foo|$foo; ?=0");
	CHECK_STR(exec("echo $nothing ."), "echo|.; ?=0");
	CHECK_STR(exec("echo $empty ''"), "echo|; ?=0");
	CHECK_STR(exec("echo a;echo b"), "echo|a;echo|b; ?=0");
	CHECK_STR(exec("echo a\\;b"), "echo|a;b; ?=0");
	CHECK_STR(exec("echo \"q\\\"q\" \"a\\b\""), "echo|q\"q|a\\b; ?=0");
	CHECK_STR(exec("echo a # b; c"), "echo|a; ?=0");
	CHECK_STR(exec("echo a#b $"), "echo|a#b|$; ?=0");
	CHECK_STR(exec("echo a|b"), "echo|a|b; ?=0");
	CHECK_STR(exec("echo a\necho b\r\n"), "echo|a;echo|b; ?=0");
	CHECK_STR(exec("echo a \\\n b"), "echo|a|b; ?=0");
	CHECK_STR(exec("echo 'x\ny'"), "echo|x\ny; ?=0");
	/* && || and $? */
	CHECK_STR(exec("false && echo no || echo yes"), "false;echo|yes; ?=0");
	CHECK_STR(exec("true && echo yes || echo no"), "true;echo|yes; ?=0");
	CHECK_STR(exec("false; echo $?; echo $?"), "false;echo|1;echo|0; ?=0");
	CHECK_STR(exec("st 5; echo $?"), "st|5;echo|5; ?=0");
	CHECK_STR(exec("false &&\n echo no"), "false; ?=1");
	/* errors: reported, that line left, the rest runs */
	CHECK_STR(exec("echo 'abc"), " ?=1");
	CHECK_STR(exec("echo ${foo"), " ?=1");
	CHECK_STR(exec("echo a; fi; echo b\necho c"), "echo|a;echo|c; ?=0");
	CHECK_STR(exec("1 2 3 4 5 6 7 8"), " ?=1");
	CHECK_STR(exec("then"), " ?=1");
	/* if */
	CHECK_STR(exec("if true; then echo y; fi"), "true;echo|y; ?=0");
	CHECK_STR(exec("if false; then echo y; fi"), "false; ?=0");
	CHECK_STR(exec("if false; then echo y; else echo n; fi"),
		  "false;echo|n; ?=0");
	CHECK_STR(exec("if false; then echo 1; elif true; then echo 2; "
		       "else echo 3; fi"), "false;true;echo|2; ?=0");
	CHECK_STR(exec("if false; then echo 1; elif false; then echo 2; "
		       "else st 4; fi"), "false;false;st|4; ?=4");
	CHECK_STR(exec("if true\nthen\n echo a\n echo b\nfi\necho c"),
		  "true;echo|a;echo|b;echo|c; ?=0");
	CHECK_STR(exec("if true; then if false; then echo x; else echo y; "
		       "fi; fi"), "true;false;echo|y; ?=0");
	CHECK_STR(exec("if true; then fail; fi || echo failed"),
		  "true;fail;echo|failed; ?=0");
	CHECK_STR(exec("echo if then fi"), "echo|if|then|fi; ?=0");
	CHECK_STR(exec("if true; then echo a fi"), " ?=1");	/* incomplete */
	CHECK_STR(exec("if true; echo a; fi"), " ?=1");
	CHECK_STR(exec("if true; then echo a; fi echo"), " ?=1");
	/* for */
	CHECK_STR(exec("for i in 1 2 3; do echo $i; done"),
		  "echo|1;echo|2;echo|3; ?=0");
	CHECK_STR(exec("for i in $list; do echo $i; done"),
		  "echo|a;echo|b;echo|c; ?=0");
	CHECK_STR(exec("for i in \"$list\"; do echo $i; done"),
		  "echo|a b  c; ?=0");
	CHECK_STR(exec("for i in x$list; do echo $i; done"),
		  "echo|xa;echo|b;echo|c; ?=0");
	CHECK_STR(exec("for i in; do echo $i; done; echo $?"), "echo|0; ?=0");
	CHECK_STR(exec("for i in a b\ndo\n for j in 1 2; do echo $i$j; done\n"
		       "done"), "echo|a1;echo|a2;echo|b1;echo|b2; ?=0");
	CHECK_STR(exec("for i in a; do fail; done"), "fail; ?=1");
	CHECK_STR(exec("for 1 in a; do echo; done"), " ?=1");
	/* while, until */
	CHECK_STR(exec("while inc; do echo $n; done"),
		  "inc;echo|1;inc;echo|2;inc; ?=0");
	CHECK_STR(exec("until upto 3; do echo $n; done"),
		  "upto|3;echo|1;upto|3;echo|2;upto|3; ?=0");
	CHECK_STR(exec("if true; then fi"), " ?=1");
	CHECK_STR(exec("while false; do echo x; done; echo $?"),
		  "false;echo|0; ?=0");
	/* exit: leaves the text, with its status */
	CHECK_STR(exec("echo a; exit; echo b"), "echo|a; ?=0");
	CHECK_STR(exec("echo a; exit 3\necho b"), "echo|a; ?=3");
	CHECK_STR(exec("for i in 1 2; do if true; then exit 2; fi; done; "
		       "echo no"), "true; ?=2");
	CHECK_STR(exec("false; exit $?"), "false; ?=1");
	/* shell variables */
	CHECK_STR(exec("a=1; echo $a; a='x y'; echo $a \"$a\""),
		  "echo|1;echo|x y|x y; ?=0");
	CHECK_STR(exec("for v in q; do true; done; echo $v"), "true;echo|q; ?=0");
	CHECK_STR(exec("1a=2"), "1a=2; ?=0");
	/* completeness, for the prompt's "> " */
	CHECK(check("echo a") == 0);
	CHECK(check("if true; then") == -EAGAIN);
	CHECK(check("if true; then\necho a") == -EAGAIN);
	CHECK(check("if true; then\necho a\nfi") == 0);
	CHECK(check("for i in a b; do") == -EAGAIN);
	CHECK(check("while true; do echo; done") == 0);
	CHECK(check("echo 'abc") == -EAGAIN);
	CHECK(check("echo a &&") == -EAGAIN);
	CHECK(check("fi") == -EINVAL);
	CHECK(check("echo ${x") == -EINVAL);
	CHECK(check("if true; then echo; fi fi") == -EINVAL);
	CHECK(check("while; do; done") == -EINVAL);
)

/* Nesting is bounded; loops stop when interrupted. In a second main-less
 * block so that UNIT_MAIN stays the one above. */
__attribute__((constructor)) static void bounds(void)
{
	char text[4096] = "", buf[64], *argv[4];
	int i, status;

	for (i = 0; i < CLI_NEST_MAX + 2; i++)
		strcat(text, "if true; then ");
	strcat(text, "echo deep; ");
	for (i = 0; i < CLI_NEST_MAX + 2; i++)
		strcat(text, "fi; ");
	log_buf[0] = '\0';
	status = cli_exec(&sh, text, NULL, buf, sizeof(buf), argv, 4);
	CHECK(status == 1 && !strstr(log_buf, "deep") && sh.nest == 0);
	log_buf[0] = '\0';
	rounds = 5;
	status = cli_exec(&sh, "while true; do echo x; done; echo after",
			  NULL, buf, sizeof(buf), argv, 4);
	CHECK(status == 1 && sh.stop && !strstr(log_buf, "after"));
	CHECK_STR(log_buf, "true;echo|x;true;echo|x;true;echo|x;true;echo|x;"
		  "true;echo|x;true;echo|x;");
	sh.stop = false;
}
