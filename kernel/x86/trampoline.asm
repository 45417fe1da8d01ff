; trampoline.asm: where an application processor starts (x86/smpboot.c copies
; trampoline_start..trampoline_end to TRAMPOLINE_PA, below 1 MiB, and sends the
; startup IPI with its page number). The AP wakes in real mode at CS:IP =
; 0x7000:0: it loads a flat GDT, enters protected mode, turns paging on with
; the boot page directory (which still maps low memory 1:1 and the kernel at
; KERNBASE), jumps to the kernel's half, and there loads the kernel's page
; directory and its own stack, then calls ap_main(cpu). The parameters are
; written by the boot CPU before each AP's start (one AP at a time).

TRAMPOLINE_PA equ 0x70000
%define TA(label) (TRAMPOLINE_PA + (label) - trampoline_start)

section .rodata
align 16
global trampoline_start, trampoline_end, trampoline_params
trampoline_start:
bits 16
	cli
	cld
	mov ax, cs
	mov ds, ax
	o32 lgdt [tgdt_desc - trampoline_start]
	mov eax, cr0
	or eax, 1                       ; CR0.PE
	mov cr0, eax
	jmp dword 0x08:TA(protected)
bits 32
protected:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor ax, ax
	mov fs, ax
	mov gs, ax
	mov eax, cr4
	or eax, 0x10                    ; CR4.PSE: the boot directory has 4 MiB pages
	mov cr4, eax
	mov eax, [TA(param_boot_cr3)]
	mov cr3, eax
	mov eax, cr0
	or eax, 0x80010000              ; CR0.PG | CR0.WP
	mov cr0, eax
	mov ecx, [TA(param_kernel_cr3)]
	mov esp, [TA(param_stack)]
	mov ebx, [TA(param_cpu)]
	mov eax, ap_higher_half
	jmp eax

align 8
tgdt:
	dq 0
	dq 0x00cf9a000000ffff           ; flat 32-bit code
	dq 0x00cf92000000ffff           ; flat 32-bit data
tgdt_desc:
	dw 23
	dd TA(tgdt)

align 4
trampoline_params:
param_boot_cr3:   dd 0
param_kernel_cr3: dd 0
param_stack:      dd 0
param_cpu:        dd 0
trampoline_end:

section .text
extern ap_main
ap_higher_half:
	mov cr3, ecx
	xor ebp, ebp
	push ebx
	call ap_main
.hang:
	cli
	hlt
	jmp .hang
