/* vga.h: the VGA text screen (80x25). */
#ifndef VGA_H
#define VGA_H

#include <stddef.h>

#define VGA_COLS 80
#define VGA_ROWS 25

void vga_init(void);
/* Both are safe against the interrupt handlers that echo to the screen. */
void vga_putc(char c);
void vga_write(const char *s, size_t n);

#endif
