/* vga.h: the VGA text screen (80x25). */
#ifndef VGA_H
#define VGA_H

#define VGA_COLS 80
#define VGA_ROWS 25

void vga_init(void);
void vga_putc(char c);

#endif
