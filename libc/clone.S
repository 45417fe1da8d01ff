/* clone.S: __clone(fn, stack, flags, arg, ptid, tls, ctid), the clone system call for a thread:
 * the child starts on its own stack, so fn and arg are put there first, and the child calls
 * fn(arg) and then exits with what fn returns (pthread's start routine never returns). */
#include <uapi/syscall_nr.h>
	.text
	.globl __clone
	.type __clone, @function
__clone:
	pushl %ebp
	pushl %edi
	pushl %esi
	pushl %ebx
	movl 24(%esp), %ecx		/* the child's stack: 16-byte aligned at its call of fn */
	andl $-16, %ecx
	subl $16, %ecx
	movl 32(%esp), %eax
	movl %eax, (%ecx)		/* arg, where fn finds its argument */
	movl 20(%esp), %eax
	movl %eax, 4(%ecx)		/* fn */
	movl 28(%esp), %ebx
	movl 36(%esp), %edx
	movl 40(%esp), %esi
	movl 44(%esp), %edi
	movl $__NR_clone, %eax
	int $0x80
	testl %eax, %eax
	jz 1f
	popl %ebx
	popl %esi
	popl %edi
	popl %ebp
	ret
1:	xorl %ebp, %ebp			/* the end of the child's frame chain */
	call *4(%esp)
	movl %eax, %ebx
	movl $__NR_exit, %eax
	int $0x80
	hlt
	.size __clone, . - __clone
	.section .note.GNU-stack, "", @progbits
