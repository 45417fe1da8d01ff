/* uapi/chardev.h: /dev/chardev (major 77), a 32-byte blocking FIFO with poll
 * and ioctls of magic 0xAE [seed 002]. TELL/QUERY pass the value itself, SET/GET
 * through an int pointer; RESET sets the open count back to 1. */
#ifndef UAPI_CHARDEV_H
#define UAPI_CHARDEV_H

#include "ioctl.h"

#define CHARDEV_PATH   "/dev/chardev"
#define CHARDEV_MAJOR  77
#define CHARDEV_MAXBUF 32               /* bytes the FIFO holds */

#define CHARDEV_IOCTL_MAGIC 0xAE

#define CHARDEV_IOCTL_TELL  _IOC(_IOC_NONE,  CHARDEV_IOCTL_MAGIC, 0, 0)
#define CHARDEV_IOCTL_SET   _IOC(_IOC_WRITE, CHARDEV_IOCTL_MAGIC, 1, sizeof(int))
#define CHARDEV_IOCTL_QUERY _IOC(_IOC_NONE,  CHARDEV_IOCTL_MAGIC, 2, 0)
#define CHARDEV_IOCTL_GET   _IOC(_IOC_READ,  CHARDEV_IOCTL_MAGIC, 3, sizeof(int))
#define CHARDEV_IOCTL_RESET _IOC(_IOC_NONE,  CHARDEV_IOCTL_MAGIC, 4, 0)

#endif
