/* uapi/ioctltest.h: /dev/ioctltest (dynamic major) [seed 003, ioctl.c]: a
 * per-open value (VALSET/VALGET, kept as an unsigned char, 0xFF after open)
 * and a number shared by all opens (VALSET_NUM by value, VALGET_NUM through
 * a pointer). */
#ifndef UAPI_IOCTLTEST_H
#define UAPI_IOCTLTEST_H

#include "ioctl.h"

#define IOCTLTEST_PATH "/dev/ioctltest"

struct ioctl_arg {
	unsigned int val;
};

#define IOC_MAGIC '\x66'

#define IOCTL_VALSET      _IOW(IOC_MAGIC, 0, struct ioctl_arg)
#define IOCTL_VALGET      _IOR(IOC_MAGIC, 1, struct ioctl_arg)
#define IOCTL_VALGET_NUM  _IOR(IOC_MAGIC, 2, int)
#define IOCTL_VALSET_NUM  _IOW(IOC_MAGIC, 3, int)

#define IOCTL_VAL_MAXNR 3

#endif
