# toolchain.mk: the one place that picks the cross compiler and the flags.
# i686-elf-gcc when on PATH, else Debian's i686-linux-gnu-gcc used freestanding; CROSS= overrides.
# The libc's and the programs' compile rules list this file as a prerequisite, so a change of flags
# rebuilds them; the kernel's objects depend on a stamp of their flags instead (kernel.mk).

ifeq ($(origin CROSS),undefined)
CROSS := $(if $(shell command -v i686-elf-gcc 2>/dev/null),i686-elf-,i686-linux-gnu-)
endif
CC      := $(CROSS)gcc
LD      := $(CROSS)ld
AR      := $(CROSS)ar
NM      := $(CROSS)nm
READELF := $(CROSS)readelf
OBJCOPY := $(CROSS)objcopy
NASM    := nasm
NASMFLAGS := -f elf32 -g -F dwarf
QEMU    := qemu-system-i386
# The stock Debian toolchain with glibc, for the differential builds.
GLIBC_CC := i686-linux-gnu-gcc

# make installs what is missing before it does anything else.
NEEDED_TOOLS := $(CC) $(NASM) grub-mkrescue grub-file xorriso mformat faketime $(QEMU) python3 $(GLIBC_CC)
MISSING_TOOLS := $(strip $(foreach t,$(NEEDED_TOOLS),$(if $(shell command -v $(t) 2>/dev/null),,$(t))))
ifneq ($(MISSING_TOOLS),)
$(info make: missing $(MISSING_TOOLS); running tools/install-deps)
DEPS_STATUS := $(shell tools/install-deps >&2 && echo ok)
ifneq ($(DEPS_STATUS),ok)
$(error tools/install-deps failed)
endif
endif

GCC_INCLUDE := $(shell $(CC) -print-file-name=include)
LIBGCC      := $(shell $(CC) -print-libgcc-file-name)

# V=1 shows the full commands.
Q := $(if $(V),,@)

WARN     := -Wall -Wextra -Werror
# DEBUG=1: the kernel at -Og, with every call keeping its frame (no tail
# calls), so GDB shows arguments and locals, `step` enters drivers and
# backtraces miss no caller. Changing it rebuilds the kernel (kernel.mk).
KOPT     := $(if $(filter 1,$(DEBUG)),-Og -fno-optimize-sibling-calls,-O2)
# LOCKDEP=1 (the default: a teaching kernel is a debug build): the lock validator
# (kernel/locking/lockdep.c, docs/locking.md). LOCKDEP=0 compiles its hooks out, for
# benchmarks. Changing it rebuilds the kernel and the modules (struct layouts change).
LOCKDEP  ?= 1
KOPT     += $(if $(filter 1,$(LOCKDEP)),-DCONFIG_LOCKDEP)
# The checkout's path must reach no artefact, so one commit builds the same bytes wherever it is
# checked out: gcc records its working directory in the debug info (DW_AT_comp_dir) unless mapped.
REPRO    := -ffile-prefix-map=$(CURDIR)=.
# Code for the kernel and for the project's own user programs: 32-bit, freestanding, no PIE.
BASEFLAGS := -m32 -march=i686 -g -ffreestanding -fno-pie -fno-stack-protector \
             -fno-omit-frame-pointer -fno-asynchronous-unwind-tables -nostdinc $(REPRO) \
             -isystem $(GCC_INCLUDE) $(WARN) -MD -MP
KCFLAGS  := $(BASEFLAGS) $(KOPT) -Ikernel -Idrivers -mno-sse -mno-mmx -mno-80387 -mgeneral-regs-only
UCFLAGS  := $(BASEFLAGS) -O2 -isystem libc/include -idirafter kernel -fno-builtin-printf
ULDFLAGS := -m32 -static -nostdlib -no-pie -Wl,--build-id=none
# The same user sources built with the stock toolchain and glibc.
GCFLAGS  := -m32 -O2 -static $(WARN) $(REPRO) -idirafter kernel
