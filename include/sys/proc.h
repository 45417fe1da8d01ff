/* sys/proc.h: FreeBSD's <sys/proc.h>: struct thread as the kernel's process. */
#ifndef _INCLUDE_SYS_PROC_H
#define _INCLUDE_SYS_PROC_H

#include <proc.h>
#include <dev/cdevsw.h>

#endif
