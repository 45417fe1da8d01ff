/* uapi/cd_example.h: /dev/cd_example, the FreeBSD-style cdevsw device
 * [seed 001]: it stores one string of at most CD_EXAMPLE_MAXLEN bytes with
 * its NUL; longer writes fail with ENAMETOOLONG. No ioctls. */
#ifndef UAPI_CD_EXAMPLE_H
#define UAPI_CD_EXAMPLE_H

#define CD_EXAMPLE_PATH   "/dev/cd_example"
#define CD_EXAMPLE_MAXLEN 512

#endif
