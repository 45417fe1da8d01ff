# kbuild.mk: Linux's out-of-tree module convention, run by the top Makefile
# as `make -C <checkout> M=<dir> modules` (and `M=<dir> clean`). It reads
# <dir>/Kbuild, else <dir>/Makefile, with KERNELRELEASE set (as Linux's
# kbuild does), and for every `obj-m += NAME.o` links NAME.ko from
# NAME-objs / NAME-y (default NAME.o) and a generated NAME.mod.c that holds
# the module's name and the kernel's vermagic in .modinfo.
# MO=<dir> puts the objects elsewhere (the in-tree fixtures build into build/);
# INTREE=1 marks the modules in-tree (no "O" taint).
include tools/toolchain.mk

KERNELRELEASE := freax
# Inside the checkout, paths stay relative (BUG and WARN reports name drivers/x.c).
src := $(patsubst $(CURDIR)/%,%,$(abspath $(M)))
obj := $(abspath $(or $(MO),$(M)))
KBUILD_FILE := $(firstword $(wildcard $(src)/Kbuild) $(src)/Makefile)
obj-m :=
include $(KBUILD_FILE)

MODULE_NAMES := $(patsubst %.o,%,$(obj-m))
MODULE_KOS := $(MODULE_NAMES:%=$(obj)/%.ko)
# -MD -MP: a module object depends on every kernel header it includes (struct
# layouts such as struct proc's), so a changed header rebuilds it.
# -Wno-unused-parameter: as Linux's kbuild (even at W=1), since a method
# often has no use for some of the arguments its signature gives it.
MODCFLAGS := $(KCFLAGS) -Iinclude -DMODULE -Wno-unused-parameter
# The flags the objects were built with, rewritten only when they change
# (LOCKDEP=0 and back changes the locks' layout): every object depends on it.
MODFLAGS_STAMP := $(obj)/.modflags
$(shell mkdir -p $(obj); echo '$(MODCFLAGS)' | cmp -s - $(MODFLAGS_STAMP) 2>/dev/null || echo '$(MODCFLAGS)' > $(MODFLAGS_STAMP))
# Each object belongs to one module, whose name it is compiled with.
objs_of = $(or $(strip $($(1)-objs) $($(1)-y)),$(1).o)

.PHONY: modules clean print-kos
.DEFAULT_GOAL := modules
modules: $(MODULE_KOS)
# For `make run M=<dir>`: the files it will put into the image.
print-kos:
	@echo $(MODULE_KOS)

define module_rules
$(obj)/$(1).ko: $(addprefix $(obj)/,$(call objs_of,$(1))) $(obj)/$(1).mod.o
	@echo "  LD [M]  $$@"
	$(Q)$(LD) -r -m elf_i386 --build-id=none -o $$@ $$^
$(addprefix $(obj)/,$(call objs_of,$(1))): MODNAME := $(subst -,_,$(1))
$(obj)/$(1).mod.c: $(KBUILD_FILE) kernel/module/module.h
	@mkdir -p $$(@D)
	$(Q)printf '%s\n' '#include "module/module.h"' \
		'static const char __modinfo_name[] __attribute__((used, section(".modinfo"))) = "name=$(subst -,_,$(1))";' \
		'static const char __modinfo_vermagic[] __attribute__((used, section(".modinfo"))) = "vermagic=" VERMAGIC_STRING;' \
		$(if $(filter 1,$(INTREE)),'static const char __modinfo_intree[] __attribute__((used, section(".modinfo"))) = "intree=Y";') > $$@
endef
$(foreach m,$(MODULE_NAMES),$(eval $(call module_rules,$(m))))

$(obj)/%.mod.o: $(obj)/%.mod.c $(MODFLAGS_STAMP)
	$(Q)$(CC) $(MODCFLAGS) -c $< -o $@
$(obj)/%.o: $(src)/%.c $(wildcard include/linux/*.h include/sys/*.h kernel/module/*.h) tools/kbuild.mk $(MODFLAGS_STAMP)
	@mkdir -p $(@D)
	@echo "  CC [M]  $<"
	$(Q)$(CC) $(MODCFLAGS) -DKBUILD_MODNAME='"$(MODNAME)"' -c $< -o $@

MODULE_OBJS := $(MODULE_KOS:.ko=.mod.o) $(foreach m,$(MODULE_NAMES),$(addprefix $(obj)/,$(call objs_of,$(m))))
-include $(MODULE_OBJS:.o=.d)

clean:
	rm -f $(MODULE_KOS) $(MODULE_KOS:.ko=.mod.c) $(MODULE_OBJS) $(MODULE_OBJS:.o=.d) $(MODFLAGS_STAMP)
