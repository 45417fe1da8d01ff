/* console.h: the kernel log (kprintf, dmesg buffer) and where it is shown. */
#ifndef CONSOLE_H
#define CONSOLE_H

#include <stddef.h>
#include <stdbool.h>

void console_init(bool quiet);
void debugcon_write(const char *s);
size_t klog_read(char *dst, size_t off, size_t n);
extern bool console_quiet;

#endif
