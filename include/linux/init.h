/* linux/init.h: Linux's <linux/init.h>: __init/__exit (no discarded sections here) and the initcalls. */
#ifndef _INCLUDE_LINUX_INIT_H
#define _INCLUDE_LINUX_INIT_H

#include <initcall.h>

#define __init
#define __exit
#define __initdata
#define __exitdata

#endif
