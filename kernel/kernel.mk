# kernel.mk: the kernel image: boot/, kernel/ and drivers/, C and nasm sources alike.
KERNEL_C   := $(wildcard kernel/*.c kernel/*/*.c drivers/*.c drivers/*/*.c)
KERNEL_ASM := $(wildcard boot/*.asm kernel/*.asm kernel/*/*.asm)
KERNEL_OBJS := $(KERNEL_C:%.c=$(B)/%.o) $(KERNEL_ASM:%.asm=$(B)/%.asm.o)
KERNEL := $(B)/kernel.elf

$(B)/kernel/%.o: kernel/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
$(B)/drivers/%.o: drivers/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
$(B)/%.asm.o: %.asm
	@mkdir -p $(@D)
	@echo "  NASM    $<"
	$(Q)$(NASM) -f elf32 -g -F dwarf $< -o $@

$(KERNEL): $(KERNEL_OBJS) linker.ld
	@echo "  LD      $@"
	$(Q)$(CC) -m32 -nostdlib -no-pie -Wl,--build-id=none,-z,noexecstack -T linker.ld -o $@ $(KERNEL_OBJS) $(LIBGCC)
	$(Q)grub-file --is-x86-multiboot $@

-include $(KERNEL_OBJS:.o=.d)
