/* uapi/sched.h: clone(2) flags (the low byte, CSIGNAL, is the signal sent to the
 * parent at exit), the scheduling policies and struct sched_param. */
#ifndef UAPI_SCHED_H
#define UAPI_SCHED_H

#include <stdint.h>

#define CSIGNAL              0x000000ff
#define CLONE_VM             0x00000100
#define CLONE_FS             0x00000200
#define CLONE_FILES          0x00000400
#define CLONE_SIGHAND        0x00000800
#define CLONE_PIDFD          0x00001000
#define CLONE_PTRACE         0x00002000
#define CLONE_VFORK          0x00004000
#define CLONE_PARENT         0x00008000
#define CLONE_THREAD         0x00010000
#define CLONE_NEWNS          0x00020000
#define CLONE_SYSVSEM        0x00040000
#define CLONE_SETTLS         0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED       0x00400000
#define CLONE_UNTRACED       0x00800000
#define CLONE_CHILD_SETTID   0x01000000
#define CLONE_NEWCGROUP      0x02000000
#define CLONE_NEWUTS         0x04000000
#define CLONE_NEWIPC         0x08000000
#define CLONE_NEWUSER        0x10000000
#define CLONE_NEWPID         0x20000000
#define CLONE_NEWNET         0x40000000
#define CLONE_IO             0x80000000

/* clone3's arguments: the first CLONE_ARGS_SIZE_VER0 bytes are required. */
struct clone_args {
	uint64_t flags;
	uint64_t pidfd;
	uint64_t child_tid;
	uint64_t parent_tid;
	uint64_t exit_signal;
	uint64_t stack;                 /* lowest address; the stack grows down from stack + stack_size */
	uint64_t stack_size;
	uint64_t tls;
	uint64_t set_tid;               /* VER1 */
	uint64_t set_tid_size;
	uint64_t cgroup;                /* VER2 */
};
#define CLONE_ARGS_SIZE_VER0 64

#define SCHED_OTHER 0
#define SCHED_FIFO  1
#define SCHED_RR    2
#define SCHED_BATCH 3
#define SCHED_IDLE  5
#define SCHED_RESET_ON_FORK 0x40000000

struct k_sched_param {
	int sched_priority;
};

#endif
