/* linux/export.h: Linux's <linux/export.h>: EXPORT_SYMBOL, EXPORT_SYMBOL_GPL. */
#ifndef _INCLUDE_LINUX_EXPORT_H
#define _INCLUDE_LINUX_EXPORT_H

#include <module/export.h>

#endif
