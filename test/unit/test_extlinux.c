// SPDX-License-Identifier: MIT
/* Unit tests for boot/extlinux.c: every keyword, paths, includes (loops,
 * depth), defaults, and hostile text (garbage, huge lines, NUL bytes). */
#include <errno.h>
#include <extlinux.h>

/* Included files: path -> text. */
static const char *const files[][2] = {
	{ "/boot/extlinux/more.conf", "label inc\n\tlinux inc.img\n" },
	{ "/abs.conf", "menu title From include\n" },
	{ "/boot/extlinux/loop.conf", "include loop.conf\n" },
	{ "/boot/extlinux/a.conf", "include b.conf\nlabel a\n" },
	{ "/boot/extlinux/b.conf", "include a.conf\n" },
};

static int reads;

static int read_file(void *arg, const char *path, char **buf, size_t *len)
{
	size_t i;

	reads++;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (!strcmp(files[i][0], path)) {
			*len = strlen(files[i][1]);
			*buf = malloc(*len);
			memcpy(*buf, files[i][1], *len);
			return 0;
		}
	return -ENOENT;
}

static int parse(struct extlinux_config *cfg, const char *text)
{
	return extlinux_parse(cfg, text, strlen(text), "/boot/extlinux/",
			      read_file, NULL);
}

/* What Debian's u-boot-update writes (empty fields leave a lone tab). */
static void test_debian(void)
{
	static const char text[] =
		"## /boot/extlinux/extlinux.conf\r\n"
		"##\n"
		"## IMPORTANT WARNING\n"
		"\n"
		"default l0\n"
		"menu title U-Boot menu\n"
		"prompt 0\n"
		"timeout 50\n"
		"\n\n"
		"label l0\n"
		"\tmenu label Debian GNU/Linux 12 (bookworm) 6.1.0-28-arm64\n"
		"\tlinux /boot/vmlinuz-6.1.0-28-arm64\n"
		"\tinitrd /boot/initrd.img-6.1.0-28-arm64\n"
		"\tfdtdir /usr/lib/linux-image-6.1.0-28-arm64/\n"
		"\t\n"
		"\tappend root=/dev/vda2 ro quiet\n"
		"\n"
		"label l0r\n"
		"\tmenu label Debian GNU/Linux 12 (bookworm) 6.1.0-28-arm64 (rescue target)\n"
		"\tlinux /boot/vmlinuz-6.1.0-28-arm64\n"
		"\tinitrd /boot/initrd.img-6.1.0-28-arm64\n"
		"\t\n"
		"\tappend root=/dev/vda2 ro single\n"
		"\t\n";
	struct extlinux_config cfg;

	CHECK(parse(&cfg, text) == 0);
	CHECK(cfg.nlabels == 2);
	CHECK_STR(cfg.title, "U-Boot menu");
	CHECK(!cfg.prompt && cfg.timeout == 50);
	CHECK_STR(cfg.default_name, "l0");
	CHECK(extlinux_default(&cfg) == 0);
	CHECK_STR(cfg.labels[0].name, "l0");
	CHECK_STR(cfg.labels[0].menu,
		  "Debian GNU/Linux 12 (bookworm) 6.1.0-28-arm64");
	CHECK_STR(cfg.labels[0].kernel, "/boot/vmlinuz-6.1.0-28-arm64");
	CHECK(cfg.labels[0].ninitrd == 1);
	CHECK_STR(cfg.labels[0].initrd[0], "/boot/initrd.img-6.1.0-28-arm64");
	CHECK_STR(cfg.labels[0].fdtdir, "/usr/lib/linux-image-6.1.0-28-arm64/");
	CHECK_STR(cfg.labels[0].append, "root=/dev/vda2 ro quiet");
	CHECK(cfg.labels[1].fdtdir == NULL);
	CHECK_STR(cfg.labels[1].append, "root=/dev/vda2 ro single");
	extlinux_free(&cfg);
}

static void test_keywords(void)
{
	static const char text[] =
		"# comment\n"
		"  MENU TITLE  Spaced   title  \n"
		"Prompt 1\n"
		"TIMEOUT 3\n"
		"ontimeout two\n"
		"menu color title 1;36;44\n"
		"ui menu.c32\n"
		"text help\n"
		"label fake\n"
		"endtext\n"
		"LABEL one\n"
		"  KERNEL Image\n"
		"  INITRD a.gz,/b.gz , c.gz\n"
		"  FDT dtbs/virt.dtb\n"
		"  FDTOVERLAYS /o1.dtbo   o2.dtbo\n"
		"  APPEND console=ttyAMA0\t root=/dev/vda  \n"
		"  ipappend 2\n"
		"label two\n"
		"\tmenu label Second\n"
		"\tmenu default\n"
		"\tdevicetree /virt.dtb\n"
		"\tdevicetreedir dtbs\n"
		"\tkernel /first\n"
		"\tlinux /Image#conf-1 extra\n"
		"label local\n"
		"\tlocalboot 1\n";
	struct extlinux_config cfg;
	struct extlinux_label *l;

	CHECK(parse(&cfg, text) == 0);
	CHECK(cfg.nlabels == 3);
	CHECK_STR(cfg.title, "Spaced   title");
	CHECK(cfg.prompt && cfg.timeout == 3);
	CHECK_STR(cfg.default_name, "two");
	CHECK(cfg.menu_default == 1 && extlinux_default(&cfg) == 1);
	l = &cfg.labels[0];
	CHECK_STR(l->name, "one");
	CHECK(l->menu == NULL);
	CHECK_STR(l->kernel, "/boot/extlinux/Image");
	CHECK(l->ninitrd == 3);
	CHECK_STR(l->initrd[0], "/boot/extlinux/a.gz");
	CHECK_STR(l->initrd[1], "/b.gz");
	CHECK_STR(l->initrd[2], "/boot/extlinux/c.gz");
	CHECK_STR(l->fdt, "/boot/extlinux/dtbs/virt.dtb");
	CHECK(l->noverlay == 2);
	CHECK_STR(l->overlay[0], "/o1.dtbo");
	CHECK_STR(l->overlay[1], "/boot/extlinux/o2.dtbo");
	CHECK_STR(l->append, "console=ttyAMA0\t root=/dev/vda");
	l = &cfg.labels[1];
	CHECK_STR(l->menu, "Second");
	CHECK_STR(l->fdt, "/virt.dtb");
	CHECK_STR(l->fdtdir, "/boot/extlinux/dtbs");
	CHECK_STR(l->kernel, "/Image#conf-1");
	CHECK(l->ninitrd == 0 && !l->append && !l->localboot);
	CHECK(cfg.labels[2].localboot && !cfg.labels[2].kernel);
	extlinux_free(&cfg);

	/* No prefix: relative paths stay relative to the root. */
	CHECK(extlinux_parse(&cfg, "label x\nkernel Image\n", 21, "", NULL,
			     NULL) == 0);
	CHECK_STR(cfg.labels[0].kernel, "Image");
	extlinux_free(&cfg);
	/* A default naming nothing: the first label. */
	CHECK(parse(&cfg, "default nope\nlabel a\nlabel b\n") == 0);
	CHECK(extlinux_default(&cfg) == 0);
	extlinux_free(&cfg);
	CHECK(parse(&cfg, "default b\nlabel a\nlabel b\n") == 0);
	CHECK(extlinux_default(&cfg) == 1);
	extlinux_free(&cfg);
	/* Without a trailing newline. */
	CHECK(parse(&cfg, "label a\nappend x=1") == 0);
	CHECK_STR(cfg.labels[0].append, "x=1");
	extlinux_free(&cfg);
}

static void test_includes(void)
{
	struct extlinux_config cfg;

	reads = 0;
	CHECK(parse(&cfg, "label a\ninclude more.conf\nkernel a.img\n"
		    "include /abs.conf\nmenu include more.conf Sub\n") == 0);
	CHECK(cfg.nlabels == 3);
	CHECK_STR(cfg.labels[0].kernel, "/boot/extlinux/a.img");
	CHECK_STR(cfg.labels[1].name, "inc");
	CHECK_STR(cfg.labels[1].kernel, "/boot/extlinux/inc.img");
	CHECK_STR(cfg.title, "From include");
	extlinux_free(&cfg);
	CHECK(parse(&cfg, "label a\ninclude missing.conf\n") == -ENOENT);
	CHECK(cfg.nlabels == 0 && cfg.labels == NULL);
	CHECK(extlinux_parse(&cfg, "label a\ninclude x\n", 18, "/", NULL,
			     NULL) == -ENOSYS);
	/* Loops end at the depth bound. */
	reads = 0;
	CHECK(parse(&cfg, "include loop.conf\nlabel a\n") == -ELOOP);
	CHECK(reads < EXTLINUX_DEPTH_MAX);
	CHECK(parse(&cfg, "include a.conf\nlabel a\n") == -ELOOP);
	CHECK(parse(&cfg, "include\nlabel a\n") == -EINVAL);
}

static void test_hostile(void)
{
	struct extlinux_config cfg;
	char *big;
	size_t n;
	int i;

	CHECK(parse(&cfg, "") == -ENOENT);
	CHECK(parse(&cfg, "\x7f" "ELF\x02\x01\x01\nrandom junk\n") == -ENOENT);
	CHECK(extlinux_parse(&cfg, "label a\0b\n", 10, "/", NULL, NULL) ==
	      -EINVAL);
	CHECK(parse(&cfg, "label\n") == -EINVAL);
	CHECK(parse(&cfg, "timeout 1x\nlabel a\n") == -EINVAL);
	CHECK(parse(&cfg, "timeout 99999999999\nlabel a\n") == -EINVAL);
	CHECK(parse(&cfg, "label a\nkernel\n") == -EINVAL);
	CHECK(parse(&cfg, "label a\ninitrd 1,2,3,4,5,6,7,8,9\n") == -E2BIG);
	CHECK(parse(&cfg, "label a\ninitrd 1,2,3,4,5,6,7,8\n"
		    "initrd x\n") == 0);
	CHECK(cfg.labels[0].ninitrd == 1);
	extlinux_free(&cfg);

	/* A line past the bound, a path past its bound. */
	big = malloc(EXTLINUX_FILE_MAX + 2);
	memset(big, 'x', EXTLINUX_FILE_MAX + 1);
	memcpy(big, "label a\nappend ", 15);
	CHECK(extlinux_parse(&cfg, big, EXTLINUX_LINE_MAX + 9, "/", NULL,
			     NULL) == -E2BIG);
	CHECK(extlinux_parse(&cfg, big, EXTLINUX_LINE_MAX + 8, "/", NULL,
			     NULL) == 0);
	CHECK(strlen(cfg.labels[0].append) == EXTLINUX_LINE_MAX - 7);
	extlinux_free(&cfg);
	memcpy(big, "label a\nkernel ", 15);
	CHECK(extlinux_parse(&cfg, big, 15 + EXTLINUX_PATH_MAX, "/", NULL,
			     NULL) == -E2BIG);
	CHECK(extlinux_parse(&cfg, big, EXTLINUX_FILE_MAX + 1, "/", NULL,
			     NULL) == -E2BIG);
	/* Too many labels. */
	n = 0;
	for (i = 0; i <= EXTLINUX_LABELS_MAX; i++)
		n += sprintf(big + n, "label %d\n", i);
	CHECK(extlinux_parse(&cfg, big, n, "/", NULL, NULL) == -E2BIG);
	free(big);
}

UNIT_MAIN(test_debian(); test_keywords(); test_includes(); test_hostile())
