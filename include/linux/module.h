/* linux/module.h: Linux's <linux/module.h>: module_init/module_exit, THIS_MODULE,
 * MODULE_LICENSE and the other .modinfo tags, over kernel/module/module.h.
 * Built as a module (-DMODULE, tools/kbuild.mk), module_init names the
 * loader's entry; built into the kernel, it is a device initcall. */
#ifndef _INCLUDE_LINUX_MODULE_H
#define _INCLUDE_LINUX_MODULE_H

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/export.h>
#include <module/module.h>

#define __MODULE_ID3(a, b) __mod_##a##b
#define __MODULE_ID2(a, b) __MODULE_ID3(a, b)
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, __MODULE_ID2(tag, __COUNTER__), info)

#define MODULE_LICENSE(l)      MODULE_INFO(license, l)
#define MODULE_AUTHOR(a)       MODULE_INFO(author, a)
#define MODULE_DESCRIPTION(d)  MODULE_INFO(description, d)
#define MODULE_VERSION(v)      MODULE_INFO(version, v)
#define MODULE_ALIAS(a)        MODULE_INFO(alias, a)

#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#define module_init(fn)                                                         \
	static inline int (*__inittest(void))(void) { return fn; }              \
	int init_module(void) __attribute__((alias(#fn)))
#define module_exit(fn)                                                         \
	static inline void (*__exittest(void))(void) { return fn; }             \
	void cleanup_module(void) __attribute__((alias(#fn)))
#else
#define THIS_MODULE ((struct module *)0)
#define module_init(fn) device_initcall(fn)
#define module_exit(fn)
#endif

#endif
