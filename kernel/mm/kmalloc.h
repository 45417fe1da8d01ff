/* kmalloc.h: the kernel heap. */
#ifndef KMALLOC_H
#define KMALLOC_H

#include <stddef.h>

void kmalloc_init(void);
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(void *p);
size_t kmalloc_in_use(void);

#endif
