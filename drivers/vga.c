/* vga.c: the VGA text screen at 0xB8000: a cursor, newline, backspace, tabs and
 * scrolling; enough for the kernel log, /dev/tty1 and the console's mirror. */
#include "kernel.h"
#include "x86/x86.h"
#include "vga.h"

#define ATTR 0x0700                     /* light grey on black */

static uint16_t *const screen = (uint16_t *)P2V(0xB8000);
static int row, col;

static void move_cursor(void)
{
	uint16_t pos = row * VGA_COLS + col;
	outb(0x3d4, 14);
	outb(0x3d5, pos >> 8);
	outb(0x3d4, 15);
	outb(0x3d5, pos);
}

void vga_init(void)
{
	for (int i = 0; i < VGA_ROWS * VGA_COLS; i++)
		screen[i] = ATTR | ' ';
	row = col = 0;
	move_cursor();
}

static void scroll(void)
{
	memmove(screen, screen + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	for (int i = 0; i < VGA_COLS; i++)
		screen[(VGA_ROWS - 1) * VGA_COLS + i] = ATTR | ' ';
	row = VGA_ROWS - 1;
}

static void putc_locked(char c)
{
	switch (c) {
	case '\n':
		col = 0;
		row++;
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col > 0)
			screen[row * VGA_COLS + --col] = ATTR | ' ';
		break;
	case '\t':
		col = (col + 8) & ~7;
		break;
	default:
		screen[row * VGA_COLS + col++] = ATTR | (uint8_t)c;
	}
	if (col >= VGA_COLS) {
		col = 0;
		row++;
	}
	if (row >= VGA_ROWS)
		scroll();
	move_cursor();
}

/* Echo from a keyboard or serial interrupt may land in the middle of a
 * process's write or of the kernel log: the cursor must not be shared
 * half-updated (a row past the bottom not yet scrolled back). */
void vga_putc(char c)
{
	uint32_t f = irq_save();
	putc_locked(c);
	irq_restore(f);
}

void vga_write(const char *s, size_t n)
{
	uint32_t f = irq_save();
	for (size_t i = 0; i < n; i++)
		putc_locked(s[i]);
	irq_restore(f);
}
