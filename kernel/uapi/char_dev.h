/* uapi/char_dev.h: /dev/char_dev (major 100), an 80-byte message set and read
 * back through ioctls [seed 003, chardev2.c]. As in the seed, the ioctl
 * "type" is the major number. */
#ifndef UAPI_CHAR_DEV_H
#define UAPI_CHAR_DEV_H

#include "ioctl.h"

#define MAJOR_NUM 100
#define CHAR_DEV_BUF_LEN 80             /* the message's size */

/* Sets the message from a NUL-terminated user string. */
#define IOCTL_SET_MSG _IOW(MAJOR_NUM, 0, char *)
/* Copies the message out, NUL-terminated (the buffer must hold 81 bytes). */
#define IOCTL_GET_MSG _IOR(MAJOR_NUM, 1, char *)
/* Returns byte arg of the message. */
#define IOCTL_GET_NTH_BYTE _IOWR(MAJOR_NUM, 2, int)

#define DEVICE_FILE_NAME "char_dev"
#define DEVICE_PATH "/dev/char_dev"

#endif
