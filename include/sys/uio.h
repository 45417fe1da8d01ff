/* sys/uio.h: FreeBSD's <sys/uio.h>: struct uio and uiomove. */
#ifndef _INCLUDE_SYS_UIO_H
#define _INCLUDE_SYS_UIO_H

#include <dev/uio.h>

#endif
