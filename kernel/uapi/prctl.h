/* uapi/prctl.h: the prctl(2) options this kernel knows (Linux's numbers). */
#ifndef UAPI_PRCTL_H
#define UAPI_PRCTL_H

#define PR_SET_PDEATHSIG 1              /* the signal this process gets when its parent dies */
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE 3               /* 0 or 1: whether it dumps core */
#define PR_SET_DUMPABLE 4
#define PR_SET_CHILD_SUBREAPER 36       /* orphaned descendants come to it, not init */
#define PR_GET_CHILD_SUBREAPER 37
#define PR_SET_NAME 15                  /* the thread's name (comm), 16 bytes with the NUL */
#define PR_GET_NAME 16
#define TASK_COMM_LEN 16

#endif
