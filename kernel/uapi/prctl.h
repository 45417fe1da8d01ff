/* uapi/prctl.h: the prctl(2) options this kernel knows (Linux's numbers). */
#ifndef UAPI_PRCTL_H
#define UAPI_PRCTL_H

#define PR_SET_NAME 15                  /* the thread's name (comm), 16 bytes with the NUL */
#define PR_GET_NAME 16
#define TASK_COMM_LEN 16

#endif
