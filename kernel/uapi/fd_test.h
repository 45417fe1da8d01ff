/* uapi/fd_test.h: /dev/fd_test (misc 10, 243), an ioctl that returns a new
 * fd [seed 000]. Command 0 on /dev/fd_test makes an anonymous file holding
 * the argument as its id and returns its fd; command 0 on that fd returns
 * the id. The seed uses the bare number 0 for both, not an _IOC encoding. */
#ifndef UAPI_FD_TEST_H
#define UAPI_FD_TEST_H

#define FD_TEST_PATH     "/dev/fd_test"
#define FD_TEST_MINOR    243
#define FD_TEST_NEW_FD   0              /* on /dev/fd_test: arg = id */
#define FD_TEST_GET_ID   0              /* on the returned fd */

#endif
