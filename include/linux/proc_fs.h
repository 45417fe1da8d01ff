/* linux/proc_fs.h: Linux's <linux/proc_fs.h>: proc_create, struct proc_ops, remove_proc_entry. */
#ifndef _INCLUDE_LINUX_PROC_FS_H
#define _INCLUDE_LINUX_PROC_FS_H

#include <linux/fs.h>
#include <fs/procfs.h>

#endif
