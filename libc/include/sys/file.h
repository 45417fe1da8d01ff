/* sys/file.h: flock(2) and its LOCK_* operations (from <uapi/flock.h>). */
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#include <uapi/flock.h>

int flock(int fd, int operation);

#endif
