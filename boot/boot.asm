; boot.asm: the Multiboot v1 header and the kernel's first instructions.
; GRUB (or QEMU -kernel) enters _start in protected mode with paging off. We map
; the first 64 MiB twice with 4 MiB pages, at 0 (so this code keeps running) and
; at KERNBASE (where the C kernel is linked), switch to the higher half and call kmain.

KERNBASE    equ 0xC0000000
MB_MAGIC    equ 0x1BADB002
MB_FLAGS    equ 0x00000003          ; page-aligned modules, memory map wanted
BOOT_MB     equ 64                  ; MiB mapped before the C kernel builds its own tables

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

section .boot
global _start
_start:
	; Build the boot page directory: PDEs 0..15 and 768..783 as 4 MiB pages.
	mov edi, boot_pgdir - KERNBASE
	xor ecx, ecx
.fill:
	mov edx, ecx
	shl edx, 22
	or edx, 0x83                    ; present, writable, 4 MiB page
	mov [edi + ecx*4], edx
	mov [edi + ecx*4 + (KERNBASE >> 22)*4], edx
	inc ecx
	cmp ecx, BOOT_MB / 4
	jne .fill

	mov edx, cr4
	or edx, 0x10                    ; CR4.PSE
	mov cr4, edx
	mov edx, boot_pgdir - KERNBASE
	mov cr3, edx
	mov edx, cr0
	or edx, 0x80010000              ; CR0.PG | CR0.WP (the kernel honours read-only user pages)
	mov cr0, edx
	lea edx, [higher_half]
	jmp edx

section .text
extern kmain
higher_half:
	mov esp, boot_stack_top
	xor ebp, ebp
	push ebx                        ; Multiboot info (physical)
	push eax                        ; Multiboot magic
	call kmain
.hang:
	cli
	hlt
	jmp .hang

section .bss
align 4096
global boot_pgdir
boot_pgdir:
	resb 4096
global boot_stack
boot_stack:
	resb 16384
global boot_stack_top
boot_stack_top:
