/* vfork.S: vfork(). The child runs on the parent's stack until it execs or
 * exits, so the return address cannot stay on it: the child's calls would
 * overwrite it before the parent, woken afterwards, returns. It is kept in
 * %ecx, which the kernel preserves, and pushed back on each side. */
#include <uapi/syscall_nr.h>
	.text
	.globl vfork
	.type vfork, @function
vfork:
	popl %ecx
	movl $__NR_vfork, %eax
	int $0x80
	pushl %ecx
	cmpl $-4095, %eax
	jae 1f
	ret
1:	pushl %eax
	call __syscall_ret
	addl $4, %esp
	ret
	.size vfork, . - vfork
	.section .note.GNU-stack, "", @progbits
