/* uapi/cd_example.h: /dev/cd_example, the FreeBSD-style cdevsw device
 * [seed 001]: it stores one string of at most CD_EXAMPLE_MAXLEN bytes with
 * its NUL; longer writes fail with ENAMETOOLONG. Its ioctls, in FreeBSD's
 * encoding (the size is part of the command; the kernel copies the argument
 * in for _IOW, out for _IOR, both ways for _IOWR):
 *   CD_EXAMPLE_SETMSG  replaces the string (needs the device open for
 *                      writing: EBADF; no NUL in text: EINVAL, string kept);
 *   CD_EXAMPLE_GETMSG  gives the string, NUL-padded;
 *   CD_EXAMPLE_COUNT   takes a character and gives back how many times it
 *                      occurs in the string.
 * Any other command is ENOTTY; a bad argument pointer is EFAULT. */
#ifndef UAPI_CD_EXAMPLE_H
#define UAPI_CD_EXAMPLE_H

#include "ioctl.h"

#define CD_EXAMPLE_PATH   "/dev/cd_example"
#define CD_EXAMPLE_MAXLEN 512

struct cd_example_msg {
	char text[CD_EXAMPLE_MAXLEN];
};

#define CD_EXAMPLE_SETMSG _IOW('C', 1, struct cd_example_msg)
#define CD_EXAMPLE_GETMSG _IOR('C', 2, struct cd_example_msg)
#define CD_EXAMPLE_COUNT  _IOWR('C', 3, int)

#endif
