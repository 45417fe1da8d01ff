/* linux/module.h: Linux's <linux/module.h>: module_init/module_exit, THIS_MODULE,
 * MODULE_LICENSE and the other .modinfo tags, from kernel/module/module.h. */
#ifndef _INCLUDE_LINUX_MODULE_H
#define _INCLUDE_LINUX_MODULE_H

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/export.h>
#include <module/module.h>

#endif
