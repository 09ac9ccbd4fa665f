// SPDX-License-Identifier: MIT
/*
 * fbcon.c - the "fb" text console: 12x18 cells (the 6x8 font at scale 2,
 * two blank rows) in a region of the screen below the splash, scrolling,
 * with an underline cursor. ANSI/ECMA-48 control sequences are interpreted as far
 * as a shell needs (SGR colours, erase in line/display, cursor moves) and
 * swallowed otherwise, never drawn.
 *
 * Text goes to a grid of cells, a ring of rows whose origin moves on a
 * scroll; a second grid holds what the screen shows. Drawing is a pass
 * that redraws only the cells that differ, in batches: at the end of a
 * line when the last pass is long enough ago (a pass during a burst of
 * output is followed by at least three times its length of undisturbed
 * serial output), when input is polled and a pass is due, and always
 * before the console waits for a key. The framebuffer is never read back
 * (QEMU's TCG is slow at framebuffer-sized copies) except for the cursor.
 */
#define pr_fmt(fmt) "fbcon: " fmt
#include <console.h>
#include <env.h>
#include <fb.h>
#include <region.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define SCALE		2
#define CELL_W		(FONT_WIDTH * SCALE)
#define LINE_GAP	2	/* between lines: descenders clear capitals */
#define CELL_H		(FONT_HEIGHT * SCALE + LINE_GAP)
#define CURSOR_H	2
#define MAX_PARAMS	8
#define BATCH_US	20000	/* at most 50 passes a second during a burst */

enum { S_TEXT, S_ESC, S_CSI };

/* The eight ANSI colours, normal then bright; then the defaults. */
#define COLOR_DEFAULT	16
#define NCOLORS		17
static const uint32_t ansi[16] = {
	0x000000, 0xaa0000, 0x00aa00, 0xaa5500, 0x0000aa, 0xaa00aa, 0x00aaaa,
	0xaaaaaa, 0x555555, 0xff5555, 0x55ff55, 0xffff55, 0x5555ff, 0xff55ff,
	0x55ffff, 0xffffff,
};
#define DEFAULT_FG	0xe8e8e8

/* A cell: the character (0x20..0x7e) in bits 0-6, above it
 * fg * NCOLORS + bg with colour indices 0..15 (ANSI) or COLOR_DEFAULT. */
typedef uint16_t cell_t;

static struct {
	bool active;		/* a region is assigned and not paused */
	int x0, y0;		/* the region's top-left pixel */
	int cols, rows;
	int col, row;
	int fg, bg;		/* colour indices */
	uint32_t default_bg;
	bool bold;
	int state;
	int params[MAX_PARAMS];
	int nparams;

	cell_t *text;		/* rows x cols, a ring: screen row r is */
	int top;		/* text row (top + r) % rows */
	cell_t *shown;		/* rows x cols: what the screen shows */
	int cursor_row, cursor_col;	/* the cursor as drawn; -1: none */
	bool pending;		/* text or cursor moved since the last pass */
	uint64_t next_pass;	/* timer_us() from when a lazy pass may run */
	uint64_t buf_base, buf_size;	/* the grids' reservation */
} con;

static cell_t cell(char ch, int fg, int bg)
{
	if (ch == ' ')
		fg = COLOR_DEFAULT;	/* a blank looks the same in any fg */
	return (cell_t)((unsigned char)ch | (fg * NCOLORS + bg) << 7);
}

static cell_t *text_row(int r)
{
	return con.text + (size_t)((con.top + r) % con.rows) * con.cols;
}

static void clear_cells(int row, int from, int to)
{
	cell_t *t = text_row(row), blank = cell(' ', con.fg, con.bg);
	int i;

	for (i = from; i < to; i++)
		t[i] = blank;
}

static void newline(void)
{
	cell_t *t, blank = cell(' ', COLOR_DEFAULT, COLOR_DEFAULT);
	int i;

	con.col = 0;
	if (++con.row < con.rows)
		return;
	con.row = con.rows - 1;
	con.top = (con.top + 1) % con.rows;
	t = text_row(con.row);
	for (i = 0; i < con.cols; i++)
		t[i] = blank;
}

static uint32_t color(int i, uint32_t def)
{
	return i == COLOR_DEFAULT ? def : ansi[i];
}

static void draw_cell(const struct fb_surface *s, int row, int col, cell_t c)
{
	int a = c >> 7, x = con.x0 + col * CELL_W, y = con.y0 + row * CELL_H;
	uint32_t bg = color(a % NCOLORS, con.default_bg);

	fb_char(s, x, y, c & 0x7f, SCALE, color(a / NCOLORS, DEFAULT_FG), bg);
	fb_fill(s, x, y + CELL_H - LINE_GAP, CELL_W, LINE_GAP, bg);
}

static void invert_cursor(const struct fb_surface *s, int row, int col)
{
	fb_invert(s, con.x0 + col * CELL_W,
		  con.y0 + (row + 1) * CELL_H - CURSOR_H, CELL_W, CURSOR_H);
}

/* Bring the screen up to the text: redraw the cells that differ. */
static void draw(void)
{
	const struct fb_surface *s = fb_screen();
	size_t bytes = (size_t)con.cols * sizeof(cell_t);
	cell_t *t, *v;
	int r, c;

	if (con.cursor_row >= 0)
		invert_cursor(s, con.cursor_row, con.cursor_col);
	for (r = 0; r < con.rows; r++) {
		t = text_row(r);
		v = con.shown + (size_t)r * con.cols;
		if (!memcmp(t, v, bytes))
			continue;
		for (c = 0; c < con.cols; c++)
			if (t[c] != v[c]) {
				draw_cell(s, r, c, t[c]);
				v[c] = t[c];
			}
	}
	con.cursor_row = con.cursor_col = -1;
	if (con.col < con.cols) {
		invert_cursor(s, con.row, con.col);
		con.cursor_row = con.row;
		con.cursor_col = con.col;
	}
	con.pending = false;
}

static void fbcon_flush(struct console *c, bool now)
{
	uint64_t start, end;

	if (!con.active || !con.pending)
		return;
	start = timer_us();
	if (!now && start < con.next_pass)
		return;
	draw();
	end = timer_us();
	con.next_pass = end + MAX(BATCH_US, 3 * (end - start));
}

static void sgr(void)
{
	int i, p;

	for (i = 0; i < MAX(con.nparams, 1); i++) {
		p = con.nparams ? con.params[i] : 0;
		if (p == 0) {
			con.fg = con.bg = COLOR_DEFAULT;
			con.bold = false;
		} else if (p == 1) {
			con.bold = true;
		} else if (p == 22) {
			con.bold = false;
		} else if (p >= 30 && p <= 37) {
			con.fg = p - 30 + (con.bold ? 8 : 0);
		} else if (p == 39) {
			con.fg = COLOR_DEFAULT;
		} else if (p >= 40 && p <= 47) {
			con.bg = p - 40;
		} else if (p == 49) {
			con.bg = COLOR_DEFAULT;
		} else if (p >= 90 && p <= 97) {
			con.fg = p - 90 + 8;
		} else if (p >= 100 && p <= 107) {
			con.bg = p - 100 + 8;
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
	text_row(con.row)[con.col++] = cell(u, con.fg, con.bg);
}

static void fbcon_putc(struct console *c, char ch)
{
	if (!con.active)
		return;
	put(ch);
	con.pending = true;
	if (ch == '\n')
		fbcon_flush(c, false);
}

static struct console fbcon = {
	.name = "fb",
	.put_char = fbcon_putc,
	.flush = fbcon_flush,
};

void fbcon_pause(void)
{
	con.active = false;
}

/* Two grids of rows x cols cells, reserved high in RAM next to the
 * framebuffer (a 16000x12000 screen holds 1332x660 cells: more than the
 * loader's heap); kept across resumes while they are large enough. */
static int grids(int cols, int rows)
{
	uint64_t need = ALIGN_UP((uint64_t)cols * rows * 2 * sizeof(cell_t),
				 4096), base;
	int err;

	if (need > con.buf_size) {
		if (con.buf_size)
			region_free(con.buf_base);
		con.buf_size = 0;
		err = fb_alloc_high(need, "fb console", &base);
		if (err)
			return err;
		con.buf_base = base;
		con.buf_size = need;
	}
	con.text = (cell_t *)(uintptr_t)con.buf_base;
	con.shown = con.text + (size_t)cols * rows;
	return 0;
}

void fbcon_resume(unsigned int y, uint32_t bg)
{
	const struct fb_surface *s = fb_screen();
	cell_t blank = cell(' ', COLOR_DEFAULT, COLOR_DEFAULT);
	size_t i;

	con.active = false;
	if (!s)
		return;
	con.x0 = CELL_W / 2;
	con.y0 = y;
	con.cols = ((int)s->width - CELL_W) / CELL_W;
	con.rows = y < s->height ? (s->height - y) / CELL_H : 0;
	con.col = con.row = con.top = 0;
	con.default_bg = bg;
	con.fg = con.bg = COLOR_DEFAULT;
	con.bold = false;
	con.state = S_TEXT;
	con.cursor_row = con.cursor_col = -1;
	fb_fill(s, 0, y, s->width, s->height - y, bg);
	if (con.cols <= 0 || con.rows <= 0)
		return;
	if (grids(con.cols, con.rows)) {
		pr_err("no room for %dx%d cells of text: serial only\n",
		       con.cols, con.rows);
		return;
	}
	for (i = 0; i < (size_t)con.cols * con.rows; i++)
		con.text[i] = con.shown[i] = blank;
	con.active = true;
	con.pending = true;	/* the cursor */
	con.next_pass = 0;
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
	/* The built-in "serial" grows to every console ("serial,fb"); any
	 * other value (from opt/virtboot/env) is the user's choice. */
	if (out && strcmp(out, "serial"))
		return console_select(out);
	return env_set("stdout", console_default_stdout());
}
