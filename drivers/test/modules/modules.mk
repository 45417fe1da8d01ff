# modules.mk: builds the test modules of this folder with tools/kbuild.mk
# into $(B)/modules/test, for the image's /lib/modules/test.
TEST_MODULE_NAMES := $(patsubst %.o,%,$(filter %.o,$(shell sed -n 's/^obj-m += //p' drivers/test/modules/Kbuild)))
TEST_MODULES := $(TEST_MODULE_NAMES:%=$(B)/modules/test/%.ko)
TEST_MODULE_DEPS := $(wildcard drivers/test/modules/*.c include/*/*.h kernel/module/*.h) tools/kbuild.mk \
	$(B)/kernel.flags

$(TEST_MODULES) &: $(TEST_MODULE_DEPS) drivers/test/modules/Kbuild
	$(Q)$(MAKE) --no-print-directory -f tools/kbuild.mk M=drivers/test/modules MO=$(B)/modules/test INTREE=1 modules
