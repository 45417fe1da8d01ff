/* linux/capability.h: Linux's <linux/capability.h>: capable() and the CAP_* numbers. */
#ifndef _INCLUDE_LINUX_CAPABILITY_H
#define _INCLUDE_LINUX_CAPABILITY_H

#include <proc.h>
#include <uapi/capability.h>

#endif
