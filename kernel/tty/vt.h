/* vt.h: a virtual terminal in memory, as Linux's console (console_codes(4)):
 * a grid of cells (character | attribute << 8, the VGA text layout), the
 * ANSI escape sequences that change it, a scrollback of the lines that left
 * the top, and an alternate screen. Nothing here touches hardware: drivers/vga.c
 * shows a vt on the screen, the KTESTs drive one in a buffer. */
#ifndef VT_H
#define VT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VT_MAX_PARAMS 16
#define VT_DEFAULT_ATTR 0x07            /* light grey on black */

struct vt {
	int rows, cols;
	uint16_t *cells;                /* rows * cols */
	uint16_t *alt;                  /* rows * cols for ESC[?1049h, or NULL: not offered */
	uint16_t *history;              /* hist_cap lines of cols, a ring; NULL: none kept */
	int hist_cap, hist_len, hist_next;
	int view;                       /* lines scrolled back (0: the live screen) */

	int x, y;
	bool wrap_pending;              /* at the last column: the next character wraps first */
	bool cursor_visible, in_alt;
	uint8_t fg, bg;                 /* VGA colours 0-7, before bold and reverse */
	bool bold, reverse;
	struct {
		int x, y;
		uint8_t fg, bg;
		bool bold, reverse;
	} saved;

	int state;                      /* the escape parser: where in a sequence we are */
	int params[VT_MAX_PARAMS], nparams;
	bool private_mode;              /* ESC[? ... */
	int dirty_lo, dirty_hi;         /* cells changed since vt_clean(): [lo, hi) */
	/* Answers to the terminal's queries (ESC[6n) go back as typed input. */
	void (*reply)(struct vt *vt, const char *s, size_t n);
};

/* Sets up vt on caller-provided buffers (alt and history may be NULL) and clears it. */
void vt_init(struct vt *vt, int rows, int cols, uint16_t *cells, uint16_t *alt,
	     uint16_t *history, int hist_cap);
void vt_write(struct vt *vt, const char *s, size_t n);
/* Scrolls the view back (lines > 0) or forward, within the scrollback. */
void vt_scroll_view(struct vt *vt, int lines);
/* The cell shown at (row, col) of the view: the history when scrolled back. */
uint16_t vt_view_cell(const struct vt *vt, int row, int col);
/* The current attribute byte (colours with bold and reverse applied). */
uint8_t vt_attr(const struct vt *vt);
void vt_clean(struct vt *vt);

#endif
