/* uapi/ptrace.h: ptrace(2)'s requests, options, events and the i386 register
 * layouts it reads and writes (struct user_regs_struct, user_fpregs_struct,
 * the offsets of struct user for PEEKUSER/POKEUSER), as Linux's asm/ptrace-abi.h
 * and sys/user.h. */
#ifndef UAPI_PTRACE_H
#define UAPI_PTRACE_H

#include <stdint.h>

#define PTRACE_TRACEME      0
#define PTRACE_PEEKTEXT     1
#define PTRACE_PEEKDATA     2
#define PTRACE_PEEKUSER     3
#define PTRACE_POKETEXT     4
#define PTRACE_POKEDATA     5
#define PTRACE_POKEUSER     6
#define PTRACE_CONT         7
#define PTRACE_KILL         8
#define PTRACE_SINGLESTEP   9
#define PTRACE_GETREGS      12
#define PTRACE_SETREGS      13
#define PTRACE_GETFPREGS    14
#define PTRACE_SETFPREGS    15
#define PTRACE_ATTACH       16
#define PTRACE_DETACH       17
#define PTRACE_GETFPXREGS   18
#define PTRACE_SETFPXREGS   19
#define PTRACE_SYSCALL      24
#define PTRACE_SETOPTIONS   0x4200
#define PTRACE_GETEVENTMSG  0x4201
#define PTRACE_GETSIGINFO   0x4202
#define PTRACE_SETSIGINFO   0x4203
#define PTRACE_SEIZE        0x4206
#define PTRACE_INTERRUPT    0x4207
#define PTRACE_LISTEN       0x4208

#define PTRACE_O_TRACESYSGOOD   0x00000001
#define PTRACE_O_TRACEFORK      0x00000002
#define PTRACE_O_TRACEVFORK     0x00000004
#define PTRACE_O_TRACECLONE     0x00000008
#define PTRACE_O_TRACEEXEC      0x00000010
#define PTRACE_O_TRACEVFORKDONE 0x00000020
#define PTRACE_O_TRACEEXIT      0x00000040
#define PTRACE_O_TRACESECCOMP   0x00000080
#define PTRACE_O_EXITKILL       0x00100000
#define PTRACE_O_SUSPEND_SECCOMP 0x00200000
#define PTRACE_O_MASK           0x003000ff

/* A stop's wait status is (SIGTRAP | event << 8) << 8 | 0x7f. */
#define PTRACE_EVENT_FORK       1
#define PTRACE_EVENT_VFORK      2
#define PTRACE_EVENT_CLONE      3
#define PTRACE_EVENT_EXEC       4
#define PTRACE_EVENT_VFORK_DONE 5
#define PTRACE_EVENT_EXIT       6
#define PTRACE_EVENT_SECCOMP    7
#define PTRACE_EVENT_STOP       128

struct user_regs_struct {
	int32_t ebx, ecx, edx, esi, edi, ebp, eax;
	int32_t xds, xes, xfs, xgs, orig_eax;
	int32_t eip, xcs, eflags, esp, xss;
};

/* The i387 fsave image. */
struct user_fpregs_struct {
	int32_t cwd, swd, twd, fip, fcs, foo, fos;
	int32_t st_space[20];           /* 8 registers of 10 bytes */
};

/* The fxsave image (PTRACE_GETFPXREGS). */
struct user_fpxregs_struct {
	uint16_t cwd, swd, twd, fop;
	int32_t fip, fcs, foo, fos, mxcsr, reserved;
	int32_t st_space[32];
	int32_t xmm_space[32];
	int32_t padding[56];
};

/* Offsets of PEEKUSER/POKEUSER: struct user begins with the registers; the
 * debug registers are at 252 (8 words), as i386's struct user. */
#define PTRACE_USER_REGS_END    ((int)sizeof(struct user_regs_struct))
#define PTRACE_USER_DEBUGREG    252
#define PTRACE_USER_SIZE        284

#endif
