; uaccess_asm.asm: the two primitive copies between kernel and user memory.
; Each instruction that may touch a bad user address has an entry in the
; exception table (section extable: faulting eip, fixup eip); the page-fault
; handler jumps to the fixup instead of panicking, so a bad pointer becomes
; EFAULT however deep into the copy it is found.

section .text

; uint32_t __copy_user(void *dst, const void *src, uint32_t n): bytes NOT copied.
global __copy_user
__copy_user:
	push edi
	push esi
	mov edi, [esp + 12]
	mov esi, [esp + 16]
	mov ecx, [esp + 20]
.copy:
	rep movsb
.done:
	mov eax, ecx
	pop esi
	pop edi
	ret

; int32_t __copy_user_str(char *dst, const char *src, uint32_t max): the bytes
; copied including the NUL if one was found within max, or max if none was;
; -14 (-EFAULT) on a fault.
global __copy_user_str
__copy_user_str:
	push edi
	push esi
	mov edi, [esp + 12]
	mov esi, [esp + 16]
	mov ecx, [esp + 20]
	xor edx, edx
.loop:
	test ecx, ecx
	jz .out
.load:
	lodsb
	stosb
	inc edx
	dec ecx
	test al, al
	jnz .loop
.out:
	mov eax, edx
	pop esi
	pop edi
	ret
.fault:
	mov eax, -14
	pop esi
	pop edi
	ret

section extable
	dd __copy_user.copy, __copy_user.done
	dd __copy_user_str.load, __copy_user_str.fault
