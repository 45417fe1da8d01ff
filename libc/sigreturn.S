/* sigreturn.S: the signal restorers sigaction installs (SA_RESTORER). A handler returns into one
 * of them and it asks the kernel to restore the interrupted context. Linux i386 builds an rt frame
 * (siginfo + ucontext) only for SA_SIGINFO handlers and the older sigframe otherwise, and each
 * has its own return call. */
#include <uapi/syscall_nr.h>

	.text
	.globl __restore_rt
	.type __restore_rt, @function
__restore_rt:
	movl $__NR_rt_sigreturn, %eax
	int $0x80
	.size __restore_rt, . - __restore_rt

	.globl __restore
	.type __restore, @function
__restore:
	popl %eax			/* the signal number the handler was called with */
	movl $__NR_sigreturn, %eax
	int $0x80
	.size __restore, . - __restore
	.section .note.GNU-stack, "", @progbits
