# vdso.mk: the vDSO (kernel/vdso/image): a position-independent shared object
# linked by vdso.lds, stripped, and linked into the kernel as a blob; the
# offsets of its entry points become vdso-syms.h for kernel/vdso/vdso.c.
VDSO_DIR := $(B)/kernel/vdso
VDSO_SRCS := $(wildcard kernel/vdso/image/*.c kernel/vdso/image/*.S)
VDSO_OBJS := $(patsubst kernel/vdso/image/%,$(VDSO_DIR)/image/%.o,$(VDSO_SRCS))
VDSO_CFLAGS := -m32 -march=i686 -O2 -fPIC -ffreestanding -fno-stack-protector -fno-asynchronous-unwind-tables \
	-mgeneral-regs-only -nostdinc -isystem $(GCC_INCLUDE) -Ikernel $(WARN) $(REPRO) -MD -MP
VDSO_LDFLAGS := -m32 -nostdlib -shared -Wl,-T,kernel/vdso/image/vdso.lds \
	-Wl,--version-script=kernel/vdso/image/vdso.ver -Wl,-soname=linux-gate.so.1 -Wl,--hash-style=both \
	-Wl,--no-undefined -Wl,-z,max-page-size=4096 -Wl,--build-id=none -Wl,-Bsymbolic -Wl,-z,noexecstack
VDSO_IMAGE_OBJ := $(VDSO_DIR)/vdso_image.o

$(VDSO_DIR)/image/%.o: kernel/vdso/image/% $(KFLAGS_STAMP)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(VDSO_CFLAGS) -c $< -o $@

# A relocation would need a dynamic linker to run it: the vDSO must have none.
$(VDSO_DIR)/vdso.so: $(VDSO_OBJS) kernel/vdso/image/vdso.lds kernel/vdso/image/vdso.ver
	@echo "  VDSO    $@"
	$(Q)$(CC) $(VDSO_LDFLAGS) -o $@.dbg $(VDSO_OBJS)
	$(Q)! $(READELF) -r $@.dbg | grep -q 'Relocation section' || { echo "$@: has relocations" >&2; exit 1; }
	$(Q)$(OBJCOPY) -S $@.dbg $@

$(VDSO_DIR)/vdso-syms.h: $(VDSO_DIR)/vdso.so
	$(Q)$(NM) -D --defined-only $< | awk '$$2 ~ /^[Tt]$$/ { sub(/@.*/, "", $$3); \
		printf "#define VDSO_SYM_%s 0x%s\n", $$3, $$1 }' > $@

$(VDSO_IMAGE_OBJ): $(VDSO_DIR)/vdso.so
	$(Q)cd $(VDSO_DIR) && $(OBJCOPY) -I binary -O elf32-i386 -B i386 \
		--rename-section .data=.rodata,alloc,load,readonly,data,contents vdso.so vdso_image.o

$(B)/kernel/vdso/vdso.o: $(VDSO_DIR)/vdso-syms.h
$(B)/kernel/vdso/vdso.o: KCFLAGS += -I$(VDSO_DIR)
KERNEL_OBJS += $(VDSO_IMAGE_OBJ)

-include $(VDSO_OBJS:.o=.d)
