/* linux/capability.h: Linux's <linux/capability.h>: capable(); root holds every capability here. */
#ifndef _INCLUDE_LINUX_CAPABILITY_H
#define _INCLUDE_LINUX_CAPABILITY_H

#include <proc.h>

#define CAP_SYS_MODULE 16
#define CAP_SYS_ADMIN  21

static inline bool capable(int cap)
{
	(void)cap;
	return current->euid == 0;
}

#endif
