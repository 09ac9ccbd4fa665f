// SPDX-License-Identifier: MIT
/*
 * extlinux_menu.c - the boot menu of an extlinux.conf, on the serial
 * console and (through the console) on the screen.
 *
 * Without "prompt 1" the default label boots at once, as with U-Boot,
 * unless a key is already waiting: pressing any key while the disks are
 * scanned opens the menu. (U-Boot ignores "timeout" then; Debian's
 * u-boot-update writes "prompt 0" and "timeout 50", and waiting those
 * five seconds on every boot for a key would make the common case slow.)
 *
 * The menu: the title, one line a label with the chosen one highlighted,
 * and "Enter choice: " with the countdown while no key has come. Up and
 * down (and Home, End) move the highlight, digits name a label, Enter
 * boots, Ctrl-C leaves.
 */
#include <console.h>
#include <errno.h>
#include <extlinux.h>
#include <stdlib.h>
#include <timer.h>
#include <virtboot.h>

#define ESC		0x1b
#define KEY_WAIT_US	50000	/* for the rest of an escape sequence */

enum { KEY_UP = 0x100, KEY_DOWN, KEY_HOME, KEY_END, KEY_OTHER };

static const char *label_text(const struct extlinux_label *l)
{
	return l->menu ? l->menu : l->name;
}

/* A byte from the console within KEY_WAIT_US, or -1. */
static int next_byte(void)
{
	uint64_t end = timer_us() + KEY_WAIT_US;
	int c;

	while ((c = console_trygetc()) < 0 && timer_us() < end)
		;
	return c;
}

/* The key after ESC: a cursor key of a CSI or SS3 sequence, else
 * KEY_OTHER with the whole sequence read. */
static int escape_key(void)
{
	int c = next_byte(), n = 0;

	if (c != '[' && c != 'O')
		return KEY_OTHER;
	while ((c = next_byte()) >= 0 && c < 0x40 && n++ < 16)
		;
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	}
	return KEY_OTHER;
}

static void draw(const struct extlinux_config *cfg, int sel, bool again)
{
	int i;

	if (again)	/* back to the first label's line */
		printf("\r\033[%dA", cfg->nlabels);
	for (i = 0; i < cfg->nlabels; i++)
		printf("%s%d:\t%s\033[0m\033[K\n", i == sel ? "\033[30;47m" : "",
		       i + 1, label_text(&cfg->labels[i]));
}

/* The choice line, with the seconds left while no key has come. */
static void choice_line(int left, const char *typed)
{
	if (left >= 0)
		printf("\rBooting in %d s. Enter choice: %s\033[K", left, typed);
	else
		printf("\rEnter choice: %s\033[K", typed);
	console_flush();	/* the screen too, before waiting for keys */
}

int extlinux_menu(const struct extlinux_config *cfg)
{
	int sel = extlinux_default(cfg), shown = -1, c, n = 0, left;
	uint64_t end = timer_us() + (uint64_t)cfg->timeout * 100000;
	bool counting = cfg->prompt && cfg->timeout > 0;
	char typed[5] = "";

	if (!cfg->prompt && console_trygetc() < 0)
		return sel;
	if (cfg->title)
		printf("%s\n", cfg->title);
	draw(cfg, sel, false);
	if (!counting)
		choice_line(-1, typed);
	for (;;) {
		if (counting) {
			if (timer_us() >= end) {
				choice_line(-1, typed);
				putchar('\n');
				return sel;
			}
			left = (int)((end - timer_us() + 999999) / 1000000);
			if (left != shown)
				choice_line(shown = left, typed);
		}
		c = console_trygetc();
		if (c < 0)
			continue;
		if (counting) {
			counting = false;
			choice_line(-1, typed);
		}
		if (c == ESC)
			c = escape_key();
		if (c == 3) {
			printf("<INTERRUPT>\n");
			return -EINTR;
		}
		if (c == '\r' || c == '\n') {
			putchar('\n');
			if (!n || atoi(typed) - 1 == sel)
				return sel;
			printf("%s not found\n", typed);	/* and again */
			n = 0;
			typed[0] = '\0';
			draw(cfg, sel, false);
			choice_line(-1, typed);
			continue;
		}
		if ((c == '\b' || c == 0x7f) && n) {
			typed[--n] = '\0';
		} else if (c >= '0' && c <= '9' && n < 4) {
			typed[n++] = (char)c;
			typed[n] = '\0';
		} else if (c == KEY_UP || c == KEY_DOWN || c == KEY_HOME ||
			   c == KEY_END) {
			sel = c == KEY_HOME ? 0 : c == KEY_END ?
			      cfg->nlabels - 1 :
			      (sel + (c == KEY_UP ? cfg->nlabels - 1 : 1)) %
			      cfg->nlabels;
			n = 0;
			typed[0] = '\0';
		} else {
			continue;
		}
		if (n && atoi(typed) >= 1 && atoi(typed) <= cfg->nlabels)
			sel = atoi(typed) - 1;
		draw(cfg, sel, true);
		choice_line(-1, typed);
	}
}
