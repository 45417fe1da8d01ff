/* bsd_module.h: FreeBSD's module events, as <sys/module.h> declares them:
 * DECLARE_MODULE/DEV_MODULE register a moduledata_t whose handler the
 * loader calls with MOD_LOAD, MOD_UNLOAD (a non-zero answer refuses the
 * unload) and MOD_SHUTDOWN. Handlers answer 0 or a POSITIVE errno. */
#ifndef MODULE_BSD_MODULE_H
#define MODULE_BSD_MODULE_H

#include "initcall.h"

struct module;
typedef struct module *module_t;

typedef enum modeventtype {
	MOD_LOAD,
	MOD_UNLOAD,
	MOD_SHUTDOWN,
	MOD_QUIESCE,
} modeventtype_t;

typedef int (*modeventhand_t)(module_t mod, int what, void *arg);

typedef struct moduledata {
	const char *name;
	modeventhand_t evhand;
	void *priv;
} moduledata_t;

/* malloc(9)'s types, which FreeBSD modules name (<sys/malloc.h>). */
struct malloc_type {
	const char *ks_shortdesc;
};
extern struct malloc_type M_DEVBUF[1], M_TEMP[1];

/* FreeBSD modules declare no license; theirs is the BSD license, which
 * the loader counts as compatible with the kernel's exports (no taint). */
#define BSD_MODULE_LICENSE "BSD"

/* The loader finds a module's moduledata_t through section "modevent";
 * built into the kernel, MOD_LOAD is sent by a device initcall. */
#ifdef MODULE
#define DECLARE_MODULE(name, data, sub, order)                                  \
	static const char __modinfo_license_##name[]                            \
		__attribute__((used, section(".modinfo"))) = "license=" BSD_MODULE_LICENSE; \
	static const moduledata_t *const __modevent_##name                      \
		__attribute__((used, section("modevent"))) = &(data)
#else
#define DECLARE_MODULE(name, data, sub, order)                                  \
	static int __modevent_init_##name(void)                                 \
	{                                                                       \
		return -(data).evhand(NULL, MOD_LOAD, (data).priv);             \
	}                                                                       \
	device_initcall(__modevent_init_##name)
#endif

#endif
