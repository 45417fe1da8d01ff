/* syscall_cp.S: __syscall_cp_asm(&cancel, nr, a1..a6), a system call that is a cancellation
 * point (musl's design). The cancel flag is tested inside [__cp_begin, __cp_end): SIGCANCEL's
 * handler (pthread_cancel.c) moves a thread interrupted in there to __cp_cancel, which is then
 * exactly a thread that has not yet entered the call, or is asleep in it (SA_RESTART backs the
 * return address up onto the int 0x80), never one whose call already had its effect. */
	.text
	.globl __syscall_cp_asm, __cp_begin, __cp_end, __cp_cancel
	.type __syscall_cp_asm, @function
__syscall_cp_asm:
	pushl %ebp
	pushl %edi
	pushl %esi
	pushl %ebx
__cp_begin:
	movl 20(%esp), %eax
	cmpl $0, (%eax)
	jne __cp_cancel
	movl 24(%esp), %eax
	movl 28(%esp), %ebx
	movl 32(%esp), %ecx
	movl 36(%esp), %edx
	movl 40(%esp), %esi
	movl 44(%esp), %edi
	movl 48(%esp), %ebp
	int $0x80
__cp_end:
	popl %ebx
	popl %esi
	popl %edi
	popl %ebp
	ret
__cp_cancel:
	andl $-16, %esp
	call __cancel
	hlt
	.size __syscall_cp_asm, . - __syscall_cp_asm
	.section .note.GNU-stack, "", @progbits
