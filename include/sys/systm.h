/* sys/systm.h: FreeBSD's <sys/systm.h>: printf (the kernel log), uprintf, copyin/copyout. */
#ifndef _INCLUDE_SYS_SYSTM_H
#define _INCLUDE_SYS_SYSTM_H

#include <sys/types.h>
#include <kernel.h>
#include <uaccess.h>
#include <dev/cdevsw.h>

#define printf printk

#endif
