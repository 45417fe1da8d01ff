/* entry.S: the vDSO's entry points that must be instructions: the system
 * call gate glibc calls for every system call (AT_SYSINFO) and the signal
 * return trampolines a handler installed without SA_RESTORER returns into.
 * The trampolines are Linux's bytes exactly, which debuggers recognise. */
#include "uapi/syscall_nr.h"

	.text
	.globl __kernel_vsyscall
	.type __kernel_vsyscall, @function
	.p2align 4
__kernel_vsyscall:
	int $0x80
	ret
	.size __kernel_vsyscall, . - __kernel_vsyscall

	.globl __kernel_sigreturn
	.type __kernel_sigreturn, @function
	.p2align 5
__kernel_sigreturn:
	popl %eax
	movl $__NR_sigreturn, %eax
	int $0x80
	.size __kernel_sigreturn, . - __kernel_sigreturn

	.globl __kernel_rt_sigreturn
	.type __kernel_rt_sigreturn, @function
	.p2align 5
__kernel_rt_sigreturn:
	movl $__NR_rt_sigreturn, %eax
	int $0x80
	.size __kernel_rt_sigreturn, . - __kernel_rt_sigreturn

	.section .note.GNU-stack, "", @progbits
