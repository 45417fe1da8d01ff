/* cmdline.h: the kernel command line given by the boot loader. */
#ifndef CMDLINE_H
#define CMDLINE_H

#include <stdbool.h>

void cmdline_init(const char *s);
const char *cmdline_get(const char *key);
bool cmdline_has(const char *word);
int cmdline_words(const char **words, int max);

#endif
