# modules.mk: the drivers that are loadable modules (drivers/Kbuild,
# drivers/test/Kbuild): left out of the kernel link (kernel.mk) and built
# with tools/kbuild.mk into $(B)/modules/, for the image's /lib/modules
# with a modules.order that init loads them by.
kbuild_objs = $(shell sed -n 's/^obj-m += //p' $(1)/Kbuild)
kbuild_srcs = $(foreach o,$(call kbuild_objs,$(1)),$(or $(addprefix $(1)/,$(patsubst %.o,%.c,$(shell sed -n 's/^$(o:.o=)-objs := //p' $(1)/Kbuild))),$(1)/$(o:.o=.c)))
DRIVER_MODULE_DIRS := drivers drivers/test
DRIVER_MODULE_SRCS := $(foreach d,$(DRIVER_MODULE_DIRS),$(call kbuild_srcs,$(d)))
DRIVER_MODULES := $(foreach d,$(DRIVER_MODULE_DIRS),$(patsubst %.o,$(B)/modules/$(d)/%.ko,$(call kbuild_objs,$(d))))
MODULES_ORDER := $(B)/modules/modules.order
MODULE_BUILD_DEPS := $(wildcard include/*/*.h kernel/module/*.h kernel/*.h kernel/*/*.h drivers/*.h) tools/kbuild.mk \
	$(B)/kernel.flags

define driver_modules_rule
$(patsubst %.o,$(B)/modules/$(1)/%.ko,$(call kbuild_objs,$(1))) &: $(call kbuild_srcs,$(1)) $(1)/Kbuild $(MODULE_BUILD_DEPS)
	$(Q)$$(MAKE) --no-print-directory -f tools/kbuild.mk M=$(1) MO=$(B)/modules/$(1) INTREE=1 modules
endef
$(foreach d,$(DRIVER_MODULE_DIRS),$(eval $(call driver_modules_rule,$(d))))

$(MODULES_ORDER): $(foreach d,$(DRIVER_MODULE_DIRS),$(d)/Kbuild)
	@mkdir -p $(@D)
	$(Q)printf '%s\n' $(notdir $(DRIVER_MODULES)) > $@
