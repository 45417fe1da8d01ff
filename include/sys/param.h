/* sys/param.h: FreeBSD's <sys/param.h>: the basic types and constants. */
#ifndef _INCLUDE_SYS_PARAM_H
#define _INCLUDE_SYS_PARAM_H

#include <sys/types.h>
#include <kernel.h>

#endif
