/* sys/user.h: the i386 register sets of ptrace (uapi/ptrace.h) and glibc's
 * struct user, whose offsets PTRACE_PEEKUSER and PTRACE_POKEUSER take. */
#ifndef _SYS_USER_H
#define _SYS_USER_H

#include <uapi/ptrace.h>

struct user {
	struct user_regs_struct regs;
	int u_fpvalid;
	struct user_fpregs_struct i387;
	unsigned long u_tsize, u_dsize, u_ssize;
	unsigned long start_code, start_stack;
	long signal;
	int reserved;
	struct user_regs_struct *u_ar0;
	struct user_fpregs_struct *u_fpstate;
	unsigned long magic;
	char u_comm[32];
	int u_debugreg[8];
};

_Static_assert(__builtin_offsetof(struct user, u_debugreg) == PTRACE_USER_DEBUGREG, "struct user");

#endif
