/* asm/uaccess.h: Linux's old <asm/uaccess.h>: the same as <linux/uaccess.h>. */
#ifndef _INCLUDE_ASM_UACCESS_H
#define _INCLUDE_ASM_UACCESS_H

#include <linux/uaccess.h>

#endif
