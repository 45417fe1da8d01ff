/* linux/uaccess.h: Linux's <linux/uaccess.h>: copy_to_user, copy_from_user, get_user, put_user. */
#ifndef _INCLUDE_LINUX_UACCESS_H
#define _INCLUDE_LINUX_UACCESS_H

#include <uaccess.h>

#endif
