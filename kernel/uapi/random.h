/* uapi/random.h: getrandom(2)'s flags (Linux's include/uapi/linux/random.h). */
#ifndef UAPI_RANDOM_H
#define UAPI_RANDOM_H

#include "ioctl.h"

#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM   0x0002
#define GRND_INSECURE 0x0004

/* /dev/random's and /dev/urandom's ioctls. */
#define RNDGETENTCNT   _IOR('R', 0x00, int)
#define RNDADDTOENTCNT _IOW('R', 0x01, int)
#define RNDADDENTROPY  _IOW('R', 0x03, int[2])
#define RNDZAPENTCNT   _IO('R', 0x04)
#define RNDCLEARPOOL   _IO('R', 0x06)
#define RNDRESEEDCRNG  _IO('R', 0x07)

#endif
