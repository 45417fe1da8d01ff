/* linux/err.h: Linux's <linux/err.h>: ERR_PTR, PTR_ERR, IS_ERR. */
#ifndef _INCLUDE_LINUX_ERR_H
#define _INCLUDE_LINUX_ERR_H

#include <err.h>

#endif
