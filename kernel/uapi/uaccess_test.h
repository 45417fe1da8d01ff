/* uapi/uaccess_test.h: /dev/uaccess_test (misc, dynamic minor), a test driver
 * whose ioctls each run one uaccess primitive on a user address the caller
 * chooses, so that user tests can probe the primitives with good and bad
 * addresses. Every command takes a struct uaccess_test_arg; the ioctl itself
 * returns 0 (or -EFAULT if the struct cannot be read or written back,
 * -EINVAL for a bad len) and the primitive's own answer is in .result. */
#ifndef UAPI_UACCESS_TEST_H
#define UAPI_UACCESS_TEST_H

#include <stdint.h>
#include "ioctl.h"

#define UACCESS_TEST_PATH "/dev/uaccess_test"
#define UACCESS_TEST_MAX  0x2000        /* largest len the copies accept */

/* Addresses are uint32_t so the layout is the same in the kernel and in any
 * i386 program, whatever its pointer types. */
struct uaccess_test_arg {
	uint32_t uaddr;         /* the address handed to the primitive */
	uint32_t len;           /* bytes; string limit; 1, 2 or 4 for get/put_user */
	/* A good user buffer of len bytes through which the driver exchanges
	 * the data: what copyout writes comes from here, what copyin read goes
	 * back here, so both directions can be compared byte by byte. */
	uint32_t buf;
	uint32_t value;         /* get_user: the value read; put_user: the value to write */
	int32_t result;         /* the primitive's return value */
	uint32_t done;          /* copyinstr, copystr: bytes copied including the NUL */
};

#define UACCESS_TEST_MAGIC 'u'

#define UACCESS_TEST_COPYIN            _IOWR(UACCESS_TEST_MAGIC, 0, struct uaccess_test_arg)
#define UACCESS_TEST_COPYOUT           _IOWR(UACCESS_TEST_MAGIC, 1, struct uaccess_test_arg)
#define UACCESS_TEST_COPYINSTR         _IOWR(UACCESS_TEST_MAGIC, 2, struct uaccess_test_arg)
/* Kernel to kernel: the source is the len bytes at buf, copied in first. */
#define UACCESS_TEST_COPYSTR           _IOWR(UACCESS_TEST_MAGIC, 3, struct uaccess_test_arg)
#define UACCESS_TEST_COPY_FROM_USER    _IOWR(UACCESS_TEST_MAGIC, 4, struct uaccess_test_arg)
#define UACCESS_TEST_COPY_TO_USER      _IOWR(UACCESS_TEST_MAGIC, 5, struct uaccess_test_arg)
#define UACCESS_TEST_GET_USER          _IOWR(UACCESS_TEST_MAGIC, 6, struct uaccess_test_arg)
#define UACCESS_TEST_PUT_USER          _IOWR(UACCESS_TEST_MAGIC, 7, struct uaccess_test_arg)
#define UACCESS_TEST_ACCESS_OK         _IOWR(UACCESS_TEST_MAGIC, 8, struct uaccess_test_arg)
#define UACCESS_TEST_STRNCPY_FROM_USER _IOWR(UACCESS_TEST_MAGIC, 9, struct uaccess_test_arg)

#endif
