/* kbd.h: the PS/2 keyboard driver. */
#ifndef KBD_H
#define KBD_H

/* Starts the keyboard; deliver gets each byte a keypress produces, in
 * interrupt context. */
void kbd_init(void (*deliver)(char c));

#endif
