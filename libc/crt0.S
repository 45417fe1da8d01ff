/* crt0.S: _start, the ELF entry point. Hands the initial stack (argc, argv, envp, auxv, as the
 * kernel laid it out) to __libc_start in C. */
	.text
	.globl _start
	.type _start, @function
_start:
	xorl %ebp, %ebp			/* end of the frame-pointer chain for debuggers */
	movl %esp, %eax
	andl $-16, %esp			/* gcc assumes a 16-byte aligned stack at every call */
	subl $12, %esp
	pushl %eax
	call __libc_start
	hlt				/* not reached: __libc_start calls exit */
	.size _start, . - _start
	.section .note.GNU-stack, "", @progbits
