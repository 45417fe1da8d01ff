/* vt.c: the terminal emulator behind the VGA screen: the control characters
 * and the ANSI escape sequences of Linux's console (console_codes(4)) that
 * busybox's ash line editing, vi, ls --color and top send: SGR colours, bold
 * and reverse; cursor moves (CUP, CUU/CUD/CUF/CUB, CHA, VPA); erasing (ED, EL,
 * ECH); inserting and deleting characters and lines; save/restore cursor;
 * the cursor position report (DSR 6), cursor visibility and the alternate
 * screen (?25, ?1049). Lines scrolled off the top are kept for scrollback.
 * Like a VT100 (and Linux), writing the last column only arms the wrap, LF
 * moves down without returning (the tty's ONLCR adds the CR), BS does not erase. */
#include "kernel.h"
#include "tty/vt.h"

enum { ST_NORMAL, ST_ESC, ST_CSI, ST_CHARSET, ST_OSC, ST_OSC_ESC };

#define MAX_PARAM 9999
#define TAB 8

/* SGR's colour numbers (black red green yellow blue magenta cyan white) as VGA's. */
static const uint8_t ansi_to_vga[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

uint8_t vt_attr(const struct vt *vt)
{
	uint8_t fg = vt->fg, bg = vt->bg;
	if (vt->reverse) {
		uint8_t t = fg;
		fg = bg;
		bg = t;
	}
	if (vt->bold)
		fg |= 8;
	return (uint8_t)((bg & 7) << 4 | (fg & 15));
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static uint16_t blank(const struct vt *vt)
{
	return (uint16_t)(vt_attr(vt) << 8 | ' ');
}

static void mark(struct vt *vt, int lo, int hi)
{
	vt->dirty_lo = MIN(vt->dirty_lo, lo);
	vt->dirty_hi = MAX(vt->dirty_hi, hi);
}

static void mark_all(struct vt *vt)
{
	mark(vt, 0, vt->rows * vt->cols);
}

void vt_clean(struct vt *vt)
{
	vt->dirty_lo = vt->rows * vt->cols;
	vt->dirty_hi = 0;
}

/* Cells [from, to) of the screen, counted row by row, become blanks. */
static void erase(struct vt *vt, int from, int to)
{
	uint16_t b = blank(vt);
	for (int i = from; i < to; i++)
		vt->cells[i] = b;
	if (from < to)
		mark(vt, from, to);
}

static void save_history_line(struct vt *vt, const uint16_t *line)
{
	if (!vt->history || vt->in_alt)
		return;
	memcpy(vt->history + vt->hist_next * vt->cols, line, vt->cols * sizeof(uint16_t));
	vt->hist_next = (vt->hist_next + 1) % vt->hist_cap;
	vt->hist_len = MIN(vt->hist_len + 1, vt->hist_cap);
}

/* Lines [top, rows) move up by n; n blank lines come in at the bottom. Lines
 * leaving the screen's top are kept for scrollback when keep (a scroll, not a delete). */
static void scroll_up(struct vt *vt, int top, int n, bool keep)
{
	int cols = vt->cols, rows = vt->rows;
	n = MIN(n, rows - top);
	if (top == 0 && keep)
		for (int i = 0; i < n; i++)
			save_history_line(vt, vt->cells + i * cols);
	memmove(vt->cells + top * cols, vt->cells + (top + n) * cols,
		(size_t)(rows - top - n) * cols * sizeof(uint16_t));
	erase(vt, (rows - n) * cols, rows * cols);
	mark(vt, top * cols, rows * cols);
}

/* Lines [top, rows) move down by n; n blank lines appear at top. */
static void scroll_down(struct vt *vt, int top, int n)
{
	int cols = vt->cols, rows = vt->rows;
	n = MIN(n, rows - top);
	memmove(vt->cells + (top + n) * cols, vt->cells + top * cols,
		(size_t)(rows - top - n) * cols * sizeof(uint16_t));
	erase(vt, top * cols, (top + n) * cols);
	mark(vt, top * cols, rows * cols);
}

static void line_feed(struct vt *vt)
{
	if (vt->y == vt->rows - 1)
		scroll_up(vt, 0, 1, true);
	else
		vt->y++;
}

static void move_to(struct vt *vt, int y, int x)
{
	vt->y = clamp(y, 0, vt->rows - 1);
	vt->x = clamp(x, 0, vt->cols - 1);
	vt->wrap_pending = false;
}

static void save_cursor(struct vt *vt)
{
	vt->saved.x = vt->x;
	vt->saved.y = vt->y;
	vt->saved.fg = vt->fg;
	vt->saved.bg = vt->bg;
	vt->saved.bold = vt->bold;
	vt->saved.reverse = vt->reverse;
}

static void restore_cursor(struct vt *vt)
{
	move_to(vt, vt->saved.y, vt->saved.x);
	vt->fg = vt->saved.fg;
	vt->bg = vt->saved.bg;
	vt->bold = vt->saved.bold;
	vt->reverse = vt->saved.reverse;
}

static void reset_attrs(struct vt *vt)
{
	vt->fg = VT_DEFAULT_ATTR & 15;
	vt->bg = VT_DEFAULT_ATTR >> 4;
	vt->bold = vt->reverse = false;
}

static void reset(struct vt *vt)
{
	reset_attrs(vt);
	vt->cursor_visible = true;
	vt->in_alt = false;
	vt->state = ST_NORMAL;
	erase(vt, 0, vt->rows * vt->cols);
	move_to(vt, 0, 0);
	save_cursor(vt);
}

void vt_init(struct vt *vt, int rows, int cols, uint16_t *cells, uint16_t *alt,
	     uint16_t *history, int hist_cap)
{
	memset(vt, 0, sizeof(*vt));
	vt->rows = rows;
	vt->cols = cols;
	vt->cells = cells;
	vt->alt = alt;
	vt->history = hist_cap > 0 ? history : NULL;
	vt->hist_cap = hist_cap;
	vt_clean(vt);
	reset(vt);
}

static void put_char(struct vt *vt, unsigned char c)
{
	if (vt->wrap_pending) {
		vt->x = 0;
		line_feed(vt);
		vt->wrap_pending = false;
	}
	int i = vt->y * vt->cols + vt->x;
	vt->cells[i] = (uint16_t)(vt_attr(vt) << 8 | c);
	mark(vt, i, i + 1);
	if (vt->x == vt->cols - 1)
		vt->wrap_pending = true;
	else
		vt->x++;
}

/* Parameter i, with def when it is missing or 0 (as the cursor moves take it). */
static int param(const struct vt *vt, int i, int def)
{
	return i < vt->nparams && vt->params[i] > 0 ? vt->params[i] : def;
}

static void reply(struct vt *vt, const char *fmt, ...)
{
	char buf[32];
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (vt->reply)
		vt->reply(vt, buf, (size_t)MIN(n, (int)sizeof(buf) - 1));
}

/* 38;5;N and 48;5;N pick one of 256 colours: the first 16 are VGA's; 38;2;R;G;B is skipped. */
static int extended_colour(const struct vt *vt, int i, uint8_t *colour)
{
	if (i + 2 < vt->nparams && vt->params[i + 1] == 5) {
		int n = vt->params[i + 2];
		if (n < 16)
			*colour = (uint8_t)(ansi_to_vga[n & 7] | (n & 8));
		return i + 2;
	}
	if (i + 1 < vt->nparams && vt->params[i + 1] == 2)
		return MIN(i + 4, vt->nparams - 1);
	return i;
}

static void select_graphic_rendition(struct vt *vt)
{
	if (vt->nparams == 0)
		reset_attrs(vt);
	for (int i = 0; i < vt->nparams; i++) {
		int p = vt->params[i];
		if (p == 0)
			reset_attrs(vt);
		else if (p == 1)
			vt->bold = true;
		else if (p == 7)
			vt->reverse = true;
		else if (p == 21 || p == 22)
			vt->bold = false;
		else if (p == 27)
			vt->reverse = false;
		else if (p >= 30 && p <= 37)
			vt->fg = ansi_to_vga[p - 30];
		else if (p == 38)
			i = extended_colour(vt, i, &vt->fg);
		else if (p == 39)
			vt->fg = VT_DEFAULT_ATTR & 15;
		else if (p >= 40 && p <= 47)
			vt->bg = ansi_to_vga[p - 40];
		else if (p == 48)
			i = extended_colour(vt, i, &vt->bg);
		else if (p == 49)
			vt->bg = VT_DEFAULT_ATTR >> 4;
		else if (p >= 90 && p <= 97)
			vt->fg = ansi_to_vga[p - 90] | 8;
		else if (p >= 100 && p <= 107)
			vt->bg = ansi_to_vga[p - 100];
		/* dim, italic, underline, blink and the rest: a text screen has no such thing */
	}
}

static void set_private_mode(struct vt *vt, bool on)
{
	for (int i = 0; i < vt->nparams; i++) {
		int p = vt->params[i];
		if (p == 25) {
			vt->cursor_visible = on;
		} else if ((p == 1049 || p == 1047 || p == 47) && vt->alt && on != vt->in_alt) {
			/* The main screen waits in alt while programs draw on the live cells. */
			if (on) {
				save_cursor(vt);
				memcpy(vt->alt, vt->cells, vt->rows * vt->cols * sizeof(uint16_t));
				vt->in_alt = true;
				erase(vt, 0, vt->rows * vt->cols);
			} else {
				memcpy(vt->cells, vt->alt, vt->rows * vt->cols * sizeof(uint16_t));
				vt->in_alt = false;
				mark_all(vt);
				restore_cursor(vt);
			}
		}
	}
}

static void csi_dispatch(struct vt *vt, char final)
{
	int n = param(vt, 0, 1), cols = vt->cols, cur = vt->y * cols + vt->x;
	int line = vt->y * cols, end = vt->rows * cols;
	if (vt->private_mode) {
		if (final == 'h' || final == 'l')
			set_private_mode(vt, final == 'h');
		return;
	}
	switch (final) {
	case 'A': move_to(vt, vt->y - n, vt->x); break;
	case 'B': case 'e': move_to(vt, vt->y + n, vt->x); break;
	case 'C': case 'a': move_to(vt, vt->y, vt->x + n); break;
	case 'D': move_to(vt, vt->y, vt->x - n); break;
	case 'E': move_to(vt, vt->y + n, 0); break;
	case 'F': move_to(vt, vt->y - n, 0); break;
	case 'G': case '`': move_to(vt, vt->y, n - 1); break;
	case 'd': move_to(vt, n - 1, vt->x); break;
	case 'H': case 'f': move_to(vt, n - 1, param(vt, 1, 1) - 1); break;
	case 'J':
		switch (param(vt, 0, 0)) {
		case 0: erase(vt, cur, end); break;
		case 1: erase(vt, 0, cur + 1); break;
		case 2: erase(vt, 0, end); break;
		case 3:                 /* xterm's: the scrollback too */
			vt->hist_len = vt->view = 0;
			erase(vt, 0, end);
			break;
		}
		break;
	case 'K':
		switch (param(vt, 0, 0)) {
		case 0: erase(vt, cur, line + cols); break;
		case 1: erase(vt, line, cur + 1); break;
		default: erase(vt, line, line + cols); break;
		}
		break;
	case 'X': erase(vt, cur, cur + MIN(n, cols - vt->x)); break;
	case '@':
	case 'P': {
		int k = MIN(n, cols - vt->x), rest = cols - vt->x - k;
		uint16_t *at = vt->cells + cur;
		if (final == '@') {
			memmove(at + k, at, rest * sizeof(uint16_t));
			erase(vt, cur, cur + k);
		} else {
			memmove(at, at + k, rest * sizeof(uint16_t));
			erase(vt, line + cols - k, line + cols);
		}
		mark(vt, cur, line + cols);
		break;
	}
	case 'L': scroll_down(vt, vt->y, n); vt->x = 0; break;
	case 'M': scroll_up(vt, vt->y, n, false); vt->x = 0; break;
	case 'S': scroll_up(vt, 0, n, true); break;
	case 'T': scroll_down(vt, 0, n); break;
	case 'm': select_graphic_rendition(vt); break;
	case 'n':
		if (param(vt, 0, 0) == 5)
			reply(vt, "\033[0n");
		else if (param(vt, 0, 0) == 6)
			reply(vt, "\033[%d;%dR", vt->y + 1, vt->x + 1);
		break;
	case 'c': if (param(vt, 0, 0) == 0) reply(vt, "\033[?6c"); break;
	case 's': save_cursor(vt); break;
	case 'u': restore_cursor(vt); break;
	default: break;                 /* scroll regions, modes, LEDs: ignored */
	}
}

static bool control(struct vt *vt, unsigned char c)
{
	switch (c) {
	case '\n': case '\v': case '\f': line_feed(vt); break;
	case '\r': vt->x = 0; vt->wrap_pending = false; break;
	case '\b': move_to(vt, vt->y, vt->x - 1); break;
	case '\t': move_to(vt, vt->y, MIN(vt->cols - 1, (vt->x + TAB) & ~(TAB - 1))); break;
	case 033: vt->state = ST_ESC; break;
	case 030: case 032: vt->state = ST_NORMAL; break;      /* CAN, SUB: abort a sequence */
	default:
		if (c >= 0x20)
			return false;
		break;                  /* BEL, SO, SI and the rest: nothing to show */
	}
	return true;
}

static void escape(struct vt *vt, unsigned char c)
{
	vt->state = ST_NORMAL;
	switch (c) {
	case '[':
		vt->state = ST_CSI;
		vt->nparams = 0;
		vt->private_mode = false;
		break;
	case ']': vt->state = ST_OSC; break;
	case '(': case ')': case '*': case '+': vt->state = ST_CHARSET; break;
	case '7': save_cursor(vt); break;
	case '8': restore_cursor(vt); break;
	case 'c': reset(vt); break;
	case 'D': line_feed(vt); break;
	case 'E': vt->x = 0; vt->wrap_pending = false; line_feed(vt); break;
	case 'M':
		if (vt->y == 0)
			scroll_down(vt, 0, 1);
		else
			vt->y--;
		vt->wrap_pending = false;
		break;
	default: break;                 /* keypad modes, tab stops: ignored */
	}
}

static void csi(struct vt *vt, unsigned char c)
{
	if (c >= '0' && c <= '9') {
		if (vt->nparams == 0)
			vt->params[vt->nparams++] = 0;
		int *p = &vt->params[vt->nparams - 1];
		*p = MIN(*p * 10 + (c - '0'), MAX_PARAM);
	} else if (c == ';') {
		if (vt->nparams == 0)
			vt->params[vt->nparams++] = 0;
		if (vt->nparams < VT_MAX_PARAMS)
			vt->params[vt->nparams++] = 0;
	} else if (c >= '<' && c <= '?') {
		vt->private_mode = true;
	} else if (c >= 0x40 && c <= 0x7e) {
		vt->state = ST_NORMAL;
		csi_dispatch(vt, (char)c);
	}
	/* intermediate bytes (0x20-0x2f) change nothing we support */
}

static void write_char(struct vt *vt, unsigned char c)
{
	switch (vt->state) {
	case ST_OSC:                    /* a title or palette: up to BEL or ESC \ */
		if (c == 007)
			vt->state = ST_NORMAL;
		else if (c == 033)
			vt->state = ST_OSC_ESC;
		return;
	case ST_OSC_ESC:
		vt->state = c == '\\' ? ST_NORMAL : ST_OSC;
		return;
	case ST_CHARSET:                /* ESC ( B and friends: one character set, always CP437 */
		vt->state = ST_NORMAL;
		return;
	}
	if (c == 0x7f || control(vt, c))
		return;
	if (vt->state == ST_ESC)
		escape(vt, c);
	else if (vt->state == ST_CSI)
		csi(vt, c);
	else
		put_char(vt, c);
}

void vt_write(struct vt *vt, const char *s, size_t n)
{
	if (vt->view && n) {
		vt->view = 0;
		mark_all(vt);
	}
	for (size_t i = 0; i < n; i++)
		write_char(vt, (unsigned char)s[i]);
}

void vt_scroll_view(struct vt *vt, int lines)
{
	int view = clamp(vt->view + lines, 0, vt->hist_len);
	if (view != vt->view) {
		vt->view = view;
		mark_all(vt);
	}
}

uint16_t vt_view_cell(const struct vt *vt, int row, int col)
{
	int line = vt->hist_len - vt->view + row;
	if (line >= vt->hist_len)
		return vt->cells[(line - vt->hist_len) * vt->cols + col];
	int ring = (vt->hist_next - vt->hist_len + line + vt->hist_cap) % vt->hist_cap;
	return vt->history[ring * vt->cols + col];
}
