/* uapi/oops_test.h: /dev/oops_test (misc, dynamic minor), a test driver whose
 * ioctls do on purpose what a buggy driver does by mistake, so that user
 * tests can check the reports (dmesg) and what happens to the caller. */
#ifndef UAPI_OOPS_TEST_H
#define UAPI_OOPS_TEST_H

#include "ioctl.h"

#define OOPS_TEST_PATH "/dev/oops_test"
#define OOPS_TEST_MAGIC 'O'

#define OOPS_TEST_NULL_WRITE _IO(OOPS_TEST_MAGIC, 1)   /* writes through NULL: an oops */
#define OOPS_TEST_MEMCPY     _IO(OOPS_TEST_MAGIC, 2)   /* memcpy to NULL: the oops names the caller */
#define OOPS_TEST_BUG        _IO(OOPS_TEST_MAGIC, 3)   /* BUG_ON(1) */
#define OOPS_TEST_WARN       _IO(OOPS_TEST_MAGIC, 4)   /* WARN_ON(1), then returns 0 */
#define OOPS_TEST_WARN_ONCE  _IO(OOPS_TEST_MAGIC, 5)   /* WARN_ON_ONCE(1), then returns 0 */
#define OOPS_TEST_NULL_LINE  _IO(OOPS_TEST_MAGIC, 6)   /* returns the source line of the NULL write */
#define OOPS_TEST_NULL_WRITE_IRQS_OFF _IO(OOPS_TEST_MAGIC, 7) /* the same with interrupts off: a panic */

#endif
