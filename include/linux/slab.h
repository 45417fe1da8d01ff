/* linux/slab.h: Linux's <linux/slab.h>: kmalloc, kzalloc, kfree with Linux's gfp argument (the heap never sleeps here, so it is only checked). */
#ifndef _INCLUDE_LINUX_SLAB_H
#define _INCLUDE_LINUX_SLAB_H

#include <linux/types.h>
#include <mm/kmalloc.h>
#include <kernel.h>

#define GFP_KERNEL ((gfp_t)0)
#define GFP_ATOMIC ((gfp_t)1)
#define kmalloc(size, flags) ((void)(gfp_t)(flags), (kmalloc)(size))
#define kzalloc(size, flags) ((void)(gfp_t)(flags), (kzalloc)(size))
#define kstrdup(s, flags) ((void)(gfp_t)(flags), (kstrdup)(s))

#endif
