/* syscall.S: __raw_syscall(nr, a1..a6), the single int 0x80 trap every wrapper goes through. */
	.text
	.globl __raw_syscall
	.type __raw_syscall, @function
__raw_syscall:
	/* ebx, esi, edi and ebp are callee-saved in the i386 C ABI but carry arguments here. */
	pushl %ebp
	pushl %edi
	pushl %esi
	pushl %ebx
	movl 20(%esp), %eax
	movl 24(%esp), %ebx
	movl 28(%esp), %ecx
	movl 32(%esp), %edx
	movl 36(%esp), %esi
	movl 40(%esp), %edi
	movl 44(%esp), %ebp
	int $0x80
	popl %ebx
	popl %esi
	popl %edi
	popl %ebp
	ret
	.size __raw_syscall, . - __raw_syscall
	.section .note.GNU-stack, "", @progbits
