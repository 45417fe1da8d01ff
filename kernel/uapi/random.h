/* uapi/random.h: getrandom(2)'s flags (Linux's include/uapi/linux/random.h). */
#ifndef UAPI_RANDOM_H
#define UAPI_RANDOM_H

#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM   0x0002
#define GRND_INSECURE 0x0004

#endif
