/* vga.h: the VGA text screen (80x25). */
#ifndef VGA_H
#define VGA_H

#include <stddef.h>

#define VGA_COLS 80
#define VGA_ROWS 25

void vga_init(void);
void vga_putc(char c);
void vga_write(const char *s, size_t n);        /* safe against interrupts */

#endif
