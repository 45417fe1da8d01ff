/* vga.h: the VGA text screen (80x25), a terminal with ANSI escape sequences and scrollback. */
#ifndef VGA_H
#define VGA_H

#include <stddef.h>

#define VGA_COLS 80
#define VGA_ROWS 25

void vga_init(void);
/* Both are safe against the interrupt handlers that echo to the screen.
 * vga_putc is the kernel log's ("\n" ends a line); vga_write a terminal's,
 * whose answers to queries (the cursor position) go to reply unless NULL. */
void vga_putc(char c);
void vga_write(const char *s, size_t n, void (*reply)(const char *s, size_t n));
/* Shift-PgUp/PgDn: shows the scrollback half a screen per page back (pages > 0)
 * or forward; 0 returns to the live screen. */
void vga_scrollback(int pages);

#endif
