/* vga.c: the VGA text screen at 0xB8000 and its hardware cursor, showing one
 * virtual terminal (tty/vt.c: the escape sequences, the scrollback) for the
 * kernel log, /dev/tty1 and the console's mirror. The vt draws into a copy;
 * what changed is copied to the screen, or the scrollback when it is shown. */
#include "kernel.h"
#include "x86/x86.h"
#include "tty/vt.h"
#include "vga.h"

#define CRTC_INDEX 0x3d4
#define CRTC_DATA  0x3d5
#define VGA_HISTORY 400                 /* lines of scrollback, as Linux's default of 32 KiB */

static uint16_t *const screen = (uint16_t *)P2V(0xB8000);
static uint16_t cells[VGA_ROWS * VGA_COLS], alt[VGA_ROWS * VGA_COLS];
static uint16_t history[VGA_HISTORY * VGA_COLS];
static struct vt vt;
static void (*reply_fn)(const char *s, size_t n);

static void move_cursor(void)
{
	/* Past the last cell the cursor is not drawn. */
	bool shown = vt.cursor_visible && !vt.view;
	uint16_t pos = shown ? vt.y * VGA_COLS + vt.x : VGA_ROWS * VGA_COLS;
	outb(CRTC_INDEX, 14);
	outb(CRTC_DATA, pos >> 8);
	outb(CRTC_INDEX, 15);
	outb(CRTC_DATA, pos);
}

static void refresh(void)
{
	if (vt.dirty_lo < vt.dirty_hi) {
		if (vt.view)
			for (int i = 0; i < VGA_ROWS * VGA_COLS; i++)
				screen[i] = vt_view_cell(&vt, i / VGA_COLS, i % VGA_COLS);
		else
			memcpy(screen + vt.dirty_lo, cells + vt.dirty_lo,
			       (vt.dirty_hi - vt.dirty_lo) * sizeof(uint16_t));
		vt_clean(&vt);
	}
	move_cursor();
}

static void vt_reply(struct vt *v, const char *s, size_t n)
{
	(void)v;
	if (reply_fn)
		reply_fn(s, n);
}

void vga_init(void)
{
	vt_init(&vt, VGA_ROWS, VGA_COLS, cells, alt, history, VGA_HISTORY);
	vt.reply = vt_reply;
	refresh();
}

/* Echo from a keyboard or serial interrupt may land in the middle of a
 * process's write or of the kernel log: the screen must not be shared
 * half-updated. The kernel log's lines end in a bare "\n". */
void vga_putc(char c)
{
	uint32_t f = irq_save();
	vt_write(&vt, c == '\n' ? "\r\n" : &c, c == '\n' ? 2 : 1);
	refresh();
	irq_restore(f);
}

void vga_write(const char *s, size_t n, void (*reply)(const char *s, size_t n))
{
	uint32_t f = irq_save();
	reply_fn = reply;
	vt_write(&vt, s, n);
	reply_fn = NULL;
	refresh();
	irq_restore(f);
}

void vga_scrollback(int pages)
{
	uint32_t f = irq_save();
	vt_scroll_view(&vt, pages ? pages * VGA_ROWS / 2 : -vt.view);
	refresh();
	irq_restore(f);
}
