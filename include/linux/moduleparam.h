/* linux/moduleparam.h: Linux's <linux/moduleparam.h>: module_param, module_param_array, MODULE_PARM_DESC. */
#ifndef _INCLUDE_LINUX_MODULEPARAM_H
#define _INCLUDE_LINUX_MODULEPARAM_H

#include <module/moduleparam.h>

#endif
