// SPDX-License-Identifier: MIT
/*
 * fbcon.c - the "fb" text console: 12x18 cells (the 6x8 font at scale 2,
 * two blank rows) in a region of the screen below the splash, scrolling,
 * with an underline cursor. ANSI/ECMA-48 control sequences are interpreted as far
 * as a shell needs (SGR colours, erase in line/display, cursor moves) and
 * swallowed otherwise, never drawn.
 */
#include <console.h>
#include <env.h>
#include <fb.h>
#include <string.h>
#include <virtboot.h>

#define SCALE		2
#define CELL_W		(FONT_WIDTH * SCALE)
#define LINE_GAP	2	/* between lines: descenders clear capitals */
#define CELL_H		(FONT_HEIGHT * SCALE + LINE_GAP)
#define CURSOR_H	2
#define MAX_PARAMS	8

enum { S_TEXT, S_ESC, S_CSI };

/* The eight ANSI colours, normal then bright. */
static const uint32_t ansi[16] = {
	0x000000, 0xaa0000, 0x00aa00, 0xaa5500, 0x0000aa, 0xaa00aa, 0x00aaaa,
	0xaaaaaa, 0x555555, 0xff5555, 0x55ff55, 0xffff55, 0x5555ff, 0xff55ff,
	0x55ffff, 0xffffff,
};
#define DEFAULT_FG	0xe8e8e8

static struct {
	bool active;		/* a region is assigned and not paused */
	int x0, y0;		/* the region's top-left pixel */
	int cols, rows;
	int col, row;
	uint32_t fg, bg, default_bg;
	bool bold;
	int state;
	int params[MAX_PARAMS];
	int nparams;
} con;

static void cursor(void)
{
	if (con.col < con.cols)
		fb_invert(fb_screen(), con.x0 + con.col * CELL_W,
			  con.y0 + (con.row + 1) * CELL_H - CURSOR_H, CELL_W,
			  CURSOR_H);
}

static void clear_cells(int row, int from, int to)
{
	fb_fill(fb_screen(), con.x0 + from * CELL_W, con.y0 + row * CELL_H,
		(to - from) * CELL_W, CELL_H, con.bg);
}

static void newline(void)
{
	const struct fb_surface *s = fb_screen();

	con.col = 0;
	if (++con.row < con.rows)
		return;
	con.row = con.rows - 1;
	fb_scroll_up(s, con.y0, con.rows * CELL_H, CELL_H);
	fb_fill(s, 0, con.y0 + con.row * CELL_H, s->width, CELL_H,
		con.default_bg);
}

static void sgr(void)
{
	int i, p;

	for (i = 0; i < MAX(con.nparams, 1); i++) {
		p = con.nparams ? con.params[i] : 0;
		if (p == 0) {
			con.fg = DEFAULT_FG;
			con.bg = con.default_bg;
			con.bold = false;
		} else if (p == 1) {
			con.bold = true;
		} else if (p == 22) {
			con.bold = false;
		} else if (p >= 30 && p <= 37) {
			con.fg = ansi[p - 30 + (con.bold ? 8 : 0)];
		} else if (p == 39) {
			con.fg = DEFAULT_FG;
		} else if (p >= 40 && p <= 47) {
			con.bg = ansi[p - 40];
		} else if (p == 49) {
			con.bg = con.default_bg;
		} else if (p >= 90 && p <= 97) {
			con.fg = ansi[p - 90 + 8];
		} else if (p >= 100 && p <= 107) {
			con.bg = ansi[p - 100 + 8];
		}
	}
}

static int param(int i, int def)
{
	return i < con.nparams && con.params[i] ? con.params[i] : def;
}

static void csi(char final)
{
	int i;

	switch (final) {
	case 'm':
		sgr();
		break;
	case 'K':	/* erase in line: 0 to the end, 1 to the cursor, 2 all */
		if (param(0, 0) == 0)
			clear_cells(con.row, MIN(con.col, con.cols), con.cols);
		else
			clear_cells(con.row, 0, param(0, 0) == 1 ?
				    MIN(con.col + 1, con.cols) : con.cols);
		break;
	case 'J':	/* erase in display: 2 (all) homes the cursor too */
		for (i = param(0, 0) == 2 ? 0 : con.row + 1; i < con.rows; i++)
			clear_cells(i, 0, con.cols);
		if (param(0, 0) == 2)
			con.row = con.col = 0;
		else
			clear_cells(con.row, MIN(con.col, con.cols), con.cols);
		break;
	case 'H':
	case 'f':
		con.row = MIN(param(0, 1), con.rows) - 1;
		con.col = MIN(param(1, 1), con.cols) - 1;
		break;
	case 'A':
		con.row = MAX(con.row - param(0, 1), 0);
		break;
	case 'B':
		con.row = MIN(con.row + param(0, 1), con.rows - 1);
		break;
	case 'C':
		con.col = MIN(con.col + param(0, 1), con.cols - 1);
		break;
	case 'D':
		con.col = MAX(MIN(con.col, con.cols - 1) - param(0, 1), 0);
		break;
	}
}

static void put(char c)
{
	unsigned char u = c;

	switch (con.state) {
	case S_ESC:
		con.state = u == '[' ? S_CSI : S_TEXT;
		con.nparams = 0;
		memset(con.params, 0, sizeof(con.params));
		return;
	case S_CSI:
		if (u >= '0' && u <= '9') {
			if (!con.nparams)
				con.nparams = 1;
			if (con.nparams <= MAX_PARAMS &&
			    con.params[con.nparams - 1] < 10000)
				con.params[con.nparams - 1] =
					con.params[con.nparams - 1] * 10 + u - '0';
		} else if (u == ';') {
			con.nparams = MIN(MAX(con.nparams, 1) + 1, MAX_PARAMS + 1);
		} else if (u >= 0x40 && u <= 0x7e) {
			con.nparams = MIN(con.nparams, MAX_PARAMS);
			con.state = S_TEXT;
			csi(u);
		} else if (u < 0x20 || u > 0x3f) {
			con.state = S_TEXT;	/* not a CSI after all */
		}
		return;
	}
	switch (u) {
	case 0x1b:
		con.state = S_ESC;
		return;
	case '\r':
		con.col = 0;
		return;
	case '\n':
		newline();
		return;
	case '\b':
		if (con.col > 0)
			con.col = MIN(con.col, con.cols) - 1;
		return;
	case '\t':
		do
			put(' ');
		while (con.col % 8 && con.col < con.cols);
		return;
	}
	if (u < 0x20 || (u >= 0x80 && u < 0xc0))
		return;		/* other controls; UTF-8 continuation bytes */
	if (u >= 0xc0)
		u = '?';	/* one mark per multi-byte character */
	if (con.col >= con.cols)
		newline();
	fb_char(fb_screen(), con.x0 + con.col * CELL_W, con.y0 + con.row * CELL_H,
		u, SCALE, con.fg, con.bg);
	fb_fill(fb_screen(), con.x0 + con.col * CELL_W,
		con.y0 + (con.row + 1) * CELL_H - LINE_GAP, CELL_W, LINE_GAP,
		con.bg);
	con.col++;
}

static void fbcon_putc(struct console *c, char ch)
{
	if (!con.active)
		return;
	cursor();
	put(ch);
	cursor();
}

static struct console fbcon = {
	.name = "fb",
	.put_char = fbcon_putc,
};

void fbcon_pause(void)
{
	con.active = false;
}

void fbcon_resume(unsigned int y, uint32_t bg)
{
	const struct fb_surface *s = fb_screen();

	if (!s)
		return;
	con.x0 = CELL_W / 2;
	con.y0 = y;
	con.cols = ((int)s->width - CELL_W) / CELL_W;
	con.rows = y < s->height ? (s->height - y) / CELL_H : 0;
	con.col = con.row = 0;
	con.default_bg = con.bg = bg;
	con.fg = DEFAULT_FG;
	con.bold = false;
	con.state = S_TEXT;
	fb_fill(s, 0, y, s->width, s->height - y, bg);
	con.active = con.cols > 0 && con.rows > 0;
	if (con.active)
		cursor();
}

int fbcon_init(void)
{
	const char *out = env_get("stdout");
	const char *s;
	int err;

	if (console_find("fb"))
		return 0;
	err = console_register(&fbcon);
	if (err)
		return err;
	/* The banner went out before the display existed: repeat it here. */
	for (s = version_string; *s; s++)
		fbcon_putc(&fbcon, *s);
	fbcon_putc(&fbcon, '\n');
	fbcon_putc(&fbcon, '\n');
	/* The default "serial" grows to "serial,fb"; any other value (from
	 * opt/virtboot/env) is the user's choice. */
	if (out && strcmp(out, "serial"))
		return console_select(out);
	return env_set("stdout", "serial,fb");
}
