; uaccess_asm.asm: the primitive copies between kernel and user memory.
; Each instruction that may touch a bad user address has an entry in the
; exception table (section extable: faulting eip, fixup eip); the page-fault
; handler jumps to the fixup instead of panicking, so a bad pointer becomes
; EFAULT however deep into the copy it is found.
;
; Bulk copies move 4 bytes per iteration (rep movsd / rep stosd) and finish
; with a byte tail. A fault in the word loop leaves up to 3 good bytes before
; the bad page unwritten, so its fixup turns the words left into bytes and
; retries them one by one: the byte loop stops at exactly the first bad byte,
; and the count left is exact at every alignment, as Linux's
; copy_user_handle_tail.

; Both copies take (dst, src, count) into edi, esi and ecx, and keep the edi
; and esi the C calling convention says a callee preserves.
%macro COPY_ENTER 0
	push edi
	push esi
	mov edi, [esp + 12]
	mov esi, [esp + 16]
	mov ecx, [esp + 20]
%endmacro

%macro COPY_LEAVE 0
	pop esi
	pop edi
	ret
%endmacro

section .text

; uint32_t __copy_user(void *dst, const void *src, uint32_t n): bytes NOT copied.
global __copy_user
__copy_user:
	COPY_ENTER
	mov edx, ecx
	shr ecx, 2
	and edx, 3
.words:
	rep movsd
	mov ecx, edx
.bytes:
	rep movsb
.done:
	mov eax, ecx
	COPY_LEAVE
.words_fault:
	lea ecx, [edx + ecx * 4]
	jmp .bytes

; uint32_t __clear_user(void *dst, uint32_t n): bytes NOT zeroed.
global __clear_user
__clear_user:
	push edi
	mov edi, [esp + 8]
	mov ecx, [esp + 12]
	mov edx, ecx
	shr ecx, 2
	and edx, 3
	xor eax, eax
.words:
	rep stosd
	mov ecx, edx
.bytes:
	rep stosb
.done:
	mov eax, ecx
	pop edi
	ret
.words_fault:
	lea ecx, [edx + ecx * 4]
	jmp .bytes

; int32_t __copy_user_str(char *dst, const char *src, uint32_t max): the bytes
; copied including the NUL if one was found within max, or max if none was;
; -1 on a fault (strncpy_from_user makes it EFAULT).
global __copy_user_str
__copy_user_str:
	COPY_ENTER
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
	COPY_LEAVE
.fault:
	mov eax, -1
	COPY_LEAVE

section extable
	dd __copy_user.words, __copy_user.words_fault
	dd __copy_user.bytes, __copy_user.done
	dd __clear_user.words, __clear_user.words_fault
	dd __clear_user.bytes, __clear_user.done
	dd __copy_user_str.load, __copy_user_str.fault
