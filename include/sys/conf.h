/* sys/conf.h: FreeBSD's <sys/conf.h>: struct cdevsw, make_dev, destroy_dev. */
#ifndef _INCLUDE_SYS_CONF_H
#define _INCLUDE_SYS_CONF_H

#include <dev/cdevsw.h>

#endif
