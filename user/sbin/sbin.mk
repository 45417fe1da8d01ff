# sbin.mk: the system programs installed in /sbin: the module tools, one
# program (user/sbin/kmod.c) under each of its names, as Linux's kmod.
SBIN_KMOD_NAMES := insmod rmmod lsmod modinfo kldload kldunload kldstat
SBIN_KMOD := $(B)/sbin/kmod

$(USER_OBJDIR)/sbin/kmod.o: user/sbin/kmod.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c -o $@ $<

$(SBIN_KMOD): $(USER_OBJDIR)/sbin/kmod.o $(CRT0) $(LIBC_A)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	$(Q)$(CC) $(ULDFLAGS) -o $@ $(CRT0) $< $(LIBC_A) $(LIBGCC)

SBIN_SPEC := $(foreach n,$(SBIN_KMOD_NAMES),sbin/$(n)=$(SBIN_KMOD))
-include $(USER_OBJDIR)/sbin/kmod.d
