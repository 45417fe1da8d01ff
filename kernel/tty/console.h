/* console.h: the kernel console: where printk's lines are shown. */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stddef.h>
#include <stdbool.h>

void console_init(bool quiet);
void debugcon_write(const char *s);
/* Every byte to debugcon; to the screen and COM1 too when shown. */
void console_emit(const char *s, size_t n, bool shown);
extern bool console_quiet;          /* booted `quiet`: user output stays off VGA too */

#endif
