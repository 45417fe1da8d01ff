/* kernel.h: the few things almost every kernel file needs: printk, panic,
 * BUG/WARN, and small helpers (string functions live in lib.c). */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "printk.h"
#include "bug.h"

#define KERNBASE 0xC0000000u
#define PGSIZE   4096u
#define P2V(pa)  ((void *)((uintptr_t)(pa) + KERNBASE))
#define V2P(va)  ((uintptr_t)(va) - KERNBASE)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ROUNDUP(x, a)   (((x) + (a) - 1) & ~((a) - 1))
#define ROUNDDOWN(x, a) ((x) & ~((a) - 1))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define container_of(p, type, member) ((type *)((char *)(p) - offsetof(type, member)))

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#define assert(c) do { if (!(c)) panic("assertion failed: %s at %s:%d", #c, __FILE__, __LINE__); } while (0)

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *s, const char *find);
size_t strlcpy(char *d, const char *s, size_t n);
char *kstrdup(const char *s);
unsigned long strtoul(const char *s, char **end, int base);

#endif
