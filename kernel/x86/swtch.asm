; swtch.asm: void swtch(struct context **old, struct context *new)
; Saves the callee-saved registers on the current kernel stack, stores that
; stack pointer in *old, and resumes the kernel stack of new.
section .text
global swtch
swtch:
	mov eax, [esp + 4]
	mov edx, [esp + 8]
	push ebp
	push ebx
	push esi
	push edi
	mov [eax], esp
	mov esp, edx
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret
