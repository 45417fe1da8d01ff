; vectors.asm: the entry stubs for every interrupt vector the kernel uses. Each
; pushes a uniform error code and its vector number, then alltraps saves the
; registers as a struct trapframe and calls trap(). trapret undoes it.

%macro VEC_NOERR 1
global vector%1
vector%1:
	push dword 0
	push dword %1
	jmp alltraps
%endmacro

%macro VEC_ERR 1
global vector%1
vector%1:
	push dword %1
	jmp alltraps
%endmacro

section .text
%assign i 0
%rep 48
%if i == 8 || (i >= 10 && i <= 14) || i == 17
	VEC_ERR i
%else
	VEC_NOERR i
%endif
%assign i i+1
%endrep
VEC_NOERR 128
; The local APIC's vectors (x86/apic.h): its timer, the IPIs, spurious.
%assign i 0xf0
%rep 3
	VEC_NOERR i
%assign i i+1
%endrep
VEC_NOERR 255

extern trap
global alltraps.return
alltraps:
	pushad
	push ds
	push es
	push fs
	push gs
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	; fs and gs may hold a user TLS selector. Left loaded, a trap nested in
	; the kernel would save and later reload it after a switch to a process
	; whose GDT slot for it is empty: a #GP in trapret. The kernel runs with
	; gs null and fs on this CPU's per-CPU segment (x86/percpu.h), present
	; in every CPU's GDT; each frame restores its own.
	mov ax, 0x48			; PERCPU_SEL
	mov fs, ax
	xor ax, ax
	mov gs, ax
	cld
	push esp
	call trap
.return:	; the return address of every trap frame: backtraces look for it
	add esp, 4
global trapret
trapret:
	pop gs
	pop fs
	pop es
	pop ds
	popad
	add esp, 8
	iretd

section .rodata
global vectors
vectors:
%assign i 0
%rep 48
	dd vector %+ i
%assign i i+1
%endrep
	dd vector128
%assign i 0xf0
%rep 3
	dd vector %+ i
%assign i i+1
%endrep
	dd vector255
