/* uapi/race_test.h: /dev/race_test (misc, dynamic minor), a test driver
 * with one counter that ioctls increment from several threads at once
 * (drivers/test/race_test.c): without a lock, as a student's first driver
 * would (load, a short busy delay that widens the window, store back), under
 * a spinlock, or under a mutex. On several CPUs the unlocked form loses
 * updates; the locked forms never do. */
#ifndef UAPI_RACE_TEST_H
#define UAPI_RACE_TEST_H

#include "ioctl.h"

#define RACE_TEST_PATH "/dev/race_test"

#define RACE_TEST_MAGIC 'r'

/* arg: how many increments (at most RACE_TEST_MAX_ADDS); 0, or -1/EINVAL. */
#define RACE_TEST_ADD_UNLOCKED _IO(RACE_TEST_MAGIC, 0)
#define RACE_TEST_ADD_SPINLOCK _IO(RACE_TEST_MAGIC, 1)
#define RACE_TEST_ADD_MUTEX    _IO(RACE_TEST_MAGIC, 2)
#define RACE_TEST_READ         _IO(RACE_TEST_MAGIC, 3)  /* the counter */
#define RACE_TEST_RESET        _IO(RACE_TEST_MAGIC, 4)  /* sets it to 0 */

#define RACE_TEST_MAX_ADDS 1000000

#endif
