/* kbd.h: the PS/2 keyboard driver. */
#ifndef KBD_H
#define KBD_H

/* Starts the keyboard; deliver gets each byte a keypress produces, scroll
 * the pages Shift-PgUp (+1) and Shift-PgDn (-1) ask for, in interrupt context. */
void kbd_init(void (*deliver)(char c), void (*scroll)(int pages));

#endif
