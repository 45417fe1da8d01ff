/* sys/sysmacros.h: composing and splitting device numbers (Linux encoding). */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#include <uapi/stat.h>

#define makedev(ma, mi) ((dev_t)k_makedev(ma, mi))
#define major(dev)      k_major(dev)
#define minor(dev)      k_minor(dev)

#endif
