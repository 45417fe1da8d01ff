# Makefile: builds the kernel, the libc, the user programs, the initramfs and a
# bootable ISO, and runs them: `make run` boots it, `make test` tests it.
# tools/install-deps is run automatically when a tool is missing.

B := build
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
# Objects are intermediate files of pattern chains; keep them so nothing rebuilds needlessly.
.SECONDARY:

include tools/toolchain.mk
include kernel/kernel.mk
-include libc/libc.mk
-include user/user.mk
-include user/tests/tests.mk

INITRAMFS := $(B)/initramfs.cpio
ISO := $(B)/freax.iso
QEMU_BASE := $(QEMU) -m 256M -no-reboot
# TCG by default (KVM may be missing or broken); KVM=1 tries KVM first.
RUN_ACCEL := $(if $(filter 1,$(KVM)),-accel kvm -accel tcg,-accel tcg)
GLIBC_IMAGE_BINS := $(addprefix $(B)/glibc-tests/,$(GLIBC_IMAGE_TESTS))
ROOT_FILES := $(USER_BINS) $(TEST_BINS) $(GLIBC_IMAGE_BINS)

.PHONY: all iso run run-nox test debug clean
all: $(KERNEL) $(INITRAMFS) $(GLIBC_TEST_BINS)

ROOT_SPEC := $(foreach f,$(USER_BINS),bin/$(notdir $(f))=$(f)) \
	$(foreach f,$(TEST_BINS),tests/$(notdir $(f))=$(f)) \
	$(foreach f,$(GLIBC_IMAGE_BINS),tests/$(notdir $(f)).glibc=$(f))
# The image's file list, rewritten only when it changes: a program or test
# that is removed must leave the image too, which timestamps alone miss.
ROOT_LIST := $(B)/initramfs.list
$(shell mkdir -p $(B); echo '$(ROOT_SPEC)' | cmp -s - $(ROOT_LIST) 2>/dev/null || echo '$(ROOT_SPEC)' > $(ROOT_LIST))

$(INITRAMFS): $(ROOT_FILES) $(ROOT_LIST) tools/mkcpio.py
	@echo "  CPIO    $@"
	$(Q)python3 tools/mkcpio.py $@ $(ROOT_SPEC)

iso: $(ISO)
$(ISO): $(KERNEL) $(INITRAMFS) boot/grub.cfg
	@echo "  ISO     $@"
	@mkdir -p $(B)/iso/boot/grub
	$(Q)cp $(KERNEL) $(B)/iso/boot/kernel.elf
	$(Q)cp $(INITRAMFS) $(B)/iso/boot/initramfs.cpio
	$(Q)cp boot/grub.cfg $(B)/iso/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $@ $(B)/iso 2>/dev/null

# A VGA window when there is a display, the terminal otherwise.
run: $(ISO)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(QEMU_BASE) $(RUN_ACCEL) -cdrom $(ISO) -serial stdio; \
	else \
		$(MAKE) --no-print-directory run-nox; \
	fi

run-nox: $(ISO)
	$(QEMU_BASE) $(RUN_ACCEL) -cdrom $(ISO) -nographic

test: all $(ISO)
	$(Q)python3 tools/harness.py --build $(B) --kernel $(KERNEL) --initrd $(INITRAMFS) --iso $(ISO) \
		--diff-tests "$(DIFF_TESTS)"

debug: $(KERNEL) $(INITRAMFS)
	@command -v gdb >/dev/null || tools/install-deps
	$(QEMU_BASE) -kernel $(KERNEL) -initrd $(INITRAMFS) -s -S -serial stdio -display none & \
	gdb -q -x .gdbinit; kill %1 2>/dev/null || true

clean:
	rm -rf $(B)
