# kernel.mk: the kernel image: boot/, kernel/ and drivers/, C and nasm sources alike.
# The drivers built as modules (drivers/modules.mk) are not linked in.
# The lock validator only with LOCKDEP=1 (tools/toolchain.mk).
LOCKDEP_C  := $(if $(filter 1,$(LOCKDEP)),,$(wildcard kernel/locking/lockdep*.c kernel/test/ktest_lockdep.c))
KERNEL_C   := $(filter-out $(DRIVER_MODULE_SRCS) $(LOCKDEP_C),$(wildcard kernel/*.c kernel/*/*.c drivers/*.c drivers/*/*.c))
KERNEL_ASM := $(wildcard boot/*.asm kernel/*.asm kernel/*/*.asm)
KERNEL_OBJS := $(KERNEL_C:%.c=$(B)/%.o) $(KERNEL_ASM:%.asm=$(B)/%.asm.o)
KERNEL := $(B)/kernel.elf

# The flags the kernel objects were built with (C and nasm), rewritten only when they
# change (DEBUG=1 and back): the objects depend on it.
KFLAGS_STAMP := $(B)/kernel.flags
$(shell mkdir -p $(B); echo '$(KCFLAGS) $(NASMFLAGS)' | cmp -s - $(KFLAGS_STAMP) 2>/dev/null || echo '$(KCFLAGS) $(NASMFLAGS)' > $(KFLAGS_STAMP))

include kernel/vdso/image/vdso.mk

$(B)/kernel/%.o: kernel/%.c $(KFLAGS_STAMP)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
$(B)/drivers/%.o: drivers/%.c $(KFLAGS_STAMP)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
# nasm has no prefix map: tools/nasm-comp-dir.py takes the checkout's path out of its DWARF.
$(B)/%.asm.o: %.asm $(KFLAGS_STAMP) tools/nasm-comp-dir.py
	@mkdir -p $(@D)
	@echo "  NASM    $<"
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@.tmp
	$(Q)python3 tools/nasm-comp-dir.py $< $@.tmp $@
	$(Q)rm -f $@.tmp

# Two links: the first gives the addresses from which tools/kallsyms.py builds
# the symbol and line tables; the second links them in after .data (see
# linker.ld), where they move no function.
KLDFLAGS := -m32 -nostdlib -no-pie -Wl,--build-id=none,-z,noexecstack -T linker.ld
$(B)/kernel.pass1.elf: $(KERNEL_OBJS) linker.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) $(LIBGCC)

$(B)/kallsyms.o: $(B)/kernel.pass1.elf tools/kallsyms.py
	@echo "  KSYMS   $@"
	$(Q)python3 tools/kallsyms.py $(NM) $(READELF) $< $(B)/kallsyms.bin $(KERNEL_C) $(KERNEL_ASM)
	$(Q)cd $(B) && $(OBJCOPY) -I binary -O elf32-i386 -B i386 \
		--rename-section .data=.kallsyms,alloc,load,readonly,data,contents kallsyms.bin kallsyms.o

$(KERNEL): $(KERNEL_OBJS) $(B)/kallsyms.o linker.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) $(B)/kallsyms.o $(LIBGCC)
	$(Q)grub-file --is-x86-multiboot $@

-include $(KERNEL_OBJS:.o=.d)
