/* linux/sched.h: Linux's <linux/sched.h>: current, schedule, signal_pending. */
#ifndef _INCLUDE_LINUX_SCHED_H
#define _INCLUDE_LINUX_SCHED_H

#include <proc.h>
#include <waitqueue.h>
#include <x86/timer.h>

#endif
