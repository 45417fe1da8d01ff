/* setjmp.S: setjmp/longjmp (and the _ and sig variants). The jmp_buf keeps the callee-saved
 * registers, the stack pointer and the return address; sigsetjmp also records the signal mask,
 * which siglongjmp (in signal.c) restores before jumping. */
	.text
	.globl setjmp, _setjmp, sigsetjmp
	.type setjmp, @function
	.type _setjmp, @function
	.type sigsetjmp, @function
sigsetjmp:
	movl 4(%esp), %edx
	call save_regs
	jmp __sigsetjmp_mask		/* tail call with our own arguments: (env, savemask) */
setjmp:
_setjmp:
	movl 4(%esp), %edx
	call save_regs
	movl $0, 24(%edx)		/* __mask_saved = 0 */
	xorl %eax, %eax
	ret

/* Saves the caller-of-setjmp state into the jmp_buf at edx; esp is ours + 4 here. */
save_regs:
	movl %ebx, 0(%edx)
	movl %esi, 4(%edx)
	movl %edi, 8(%edx)
	movl %ebp, 12(%edx)
	leal 8(%esp), %ecx		/* esp as it will be after setjmp returns */
	movl %ecx, 16(%edx)
	movl 4(%esp), %ecx		/* setjmp's return address */
	movl %ecx, 20(%edx)
	ret

	.globl longjmp, _longjmp
	.type longjmp, @function
	.type _longjmp, @function
longjmp:
_longjmp:
	movl 4(%esp), %edx
	movl 8(%esp), %eax
	testl %eax, %eax
	jnz 1f
	incl %eax			/* setjmp must never appear to return 0 from a longjmp */
1:	movl 0(%edx), %ebx
	movl 4(%edx), %esi
	movl 8(%edx), %edi
	movl 12(%edx), %ebp
	movl 16(%edx), %esp
	jmp *20(%edx)
	.section .note.GNU-stack, "", @progbits
