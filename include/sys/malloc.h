/* sys/malloc.h: FreeBSD's <sys/malloc.h>: malloc(9) and free(9) over the kernel heap. */
#ifndef _INCLUDE_SYS_MALLOC_H
#define _INCLUDE_SYS_MALLOC_H

#include <mm/kmalloc.h>
#include <module/bsd_module.h>

#define M_NOWAIT 0x0001
#define M_WAITOK 0x0002
#define M_ZERO   0x0100
#define MALLOC_DEFINE(type, shortdesc, longdesc) struct malloc_type type[1] = { { shortdesc } }
#define MALLOC_DECLARE(type) extern struct malloc_type type[1]

#define malloc(size, type, flags) ((void)(type), ((flags) & M_ZERO) ? kzalloc(size) : kmalloc(size))
#define free(p, type) ((void)(type), kfree(p))

#endif
