/* sys/module.h: FreeBSD's <sys/module.h>: moduledata_t, DECLARE_MODULE and DEV_MODULE, MOD_LOAD/MOD_UNLOAD/MOD_SHUTDOWN. */
#ifndef _INCLUDE_SYS_MODULE_H
#define _INCLUDE_SYS_MODULE_H

#include <module/bsd_module.h>
#include <sys/kernel.h>

#define DEV_MODULE_ORDERED(name, evh, arg, ord)                                 \
	static moduledata_t name##_mod = { #name, evh, arg };                   \
	DECLARE_MODULE(name, name##_mod, SI_SUB_DRIVERS, ord)
#define DEV_MODULE(name, evh, arg) DEV_MODULE_ORDERED(name, evh, arg, SI_ORDER_MIDDLE)
#define MODULE_VERSION(name, ver)
#define MODULE_DEPEND(name, dep, min, pref, max)

#endif
