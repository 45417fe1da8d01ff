# Makefile: builds the kernel, the libc, the user programs, the initramfs and a
# bootable ISO, and runs them: `make run` boots it, `make test` tests it.
# tools/install-deps is run automatically when a tool is missing.

B := build
# `make -C <checkout> M=<dir> modules` (and M=<dir> clean): Linux's
# out-of-tree module build, in tools/kbuild.mk.
ifneq ($(M),)
ifneq ($(filter modules clean,$(MAKECMDGOALS)),)
KBUILD_MODE := 1
endif
endif
ifeq ($(KBUILD_MODE),1)
modules clean:
	$(Q)$(MAKE) --no-print-directory -f tools/kbuild.mk M=$(M) $@
else
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
# Objects are intermediate files of pattern chains; keep them so nothing rebuilds needlessly.
.SECONDARY:

include tools/toolchain.mk
include drivers/modules.mk
include kernel/kernel.mk
-include libc/libc.mk
-include user/user.mk
-include user/sbin/sbin.mk
-include drivers/test/modules/modules.mk
-include user/tests/tests.mk

INITRAMFS := $(B)/initramfs.cpio
ISO := $(B)/freax.iso
# The QEMU options live in tools/qemu.py, which the harness and krun use too.
# MEM=512M changes the guest's memory; TCG by default (KVM may be missing or broken), KVM=1 tries KVM first.
# CPUS=N gives the guest N CPUs (default 1; multi-threaded TCG when N > 1); `make test`
# without it runs the suite on 1 and on 4 CPUs at once.
QEMU_ENV := QEMU=$(QEMU) MEM=$(MEM) KVM=$(KVM) CPUS=$(CPUS)
TEST_CPUS := $(or $(CPUS),1 4)
QEMU_BASE := $(shell $(QEMU_ENV) python3 tools/qemu.py args base)
RUN_ACCEL := $(shell $(QEMU_ENV) python3 tools/qemu.py args accel)
ifeq ($(QEMU_BASE),)
$(error tools/qemu.py gave no QEMU command line: see its message above)
endif
GLIBC_IMAGE_BINS := $(addprefix $(B)/glibc-tests/,$(GLIBC_IMAGE_TESTS))
# Debian's static i386 busybox, the userland beside the project's own: /bin/busybox, and
# one symbolic link per applet in /usr/bin, which PATH (/bin:/usr/bin) searches after the
# project's programs in /bin. rootfs/ holds the image's plain files (/etc/profile, passwd).
BUSYBOX := $(B)/busybox
BUSYBOX_LINKS := $(B)/busybox.links
ROOTFS_FILES := $(shell find rootfs -type f)
# Debian's dynamically linked i386 programs, unmodified, and what they need: the loader and
# libc in /lib/i386-linux-gnu as Debian lays them out (with its /lib/ld-linux.so.2 link, the
# path the programs name), dash as /bin/dash, a few coreutils in /opt/debian/bin.
DEBIAN := $(B)/debian
DEBIAN_LIBS := lib/i386-linux-gnu/ld-linux.so.2 lib/i386-linux-gnu/libc.so.6
DEBIAN_COREUTILS := bin/cat bin/echo bin/date bin/uname usr/bin/wc usr/bin/head usr/bin/sort usr/bin/tr usr/bin/seq
DEBIAN_FILES := $(addprefix $(DEBIAN)/,$(DEBIAN_LIBS) bin/dash $(DEBIAN_COREUTILS))
DEBIAN_LINKS := $(B)/debian.links
DEBIAN_SPEC := $(foreach f,$(DEBIAN_LIBS),$(f)=$(DEBIAN)/$(f)) @$(DEBIAN_LINKS) \
	bin/dash=$(DEBIAN)/bin/dash $(foreach f,$(DEBIAN_COREUTILS),opt/debian/bin/$(notdir $(f))=$(DEBIAN)/$(f))
ROOT_FILES := $(USER_BINS) $(TEST_BINS) $(GLIBC_IMAGE_BINS) $(BUSYBOX) $(BUSYBOX_LINKS) $(ROOTFS_FILES) \
	$(SBIN_KMOD) $(TEST_MODULES) $(DRIVER_MODULES) $(MODULES_ORDER) $(DEBIAN_FILES) $(DEBIAN_LINKS) \
	$(GLIBC_DYN_BINS)

.PHONY: all iso run run-nox test test-linux grade qemu-gdb gdb fuzz help clean
all: $(KERNEL) $(INITRAMFS) $(GLIBC_TEST_BINS)

# `make run M=<dir>`: that folder's modules, built, in /lib/modules/extra.
ifneq ($(M),)
EXTRA_KOS := $(shell $(MAKE) -s --no-print-directory -f tools/kbuild.mk M=$(M) print-kos)
.PHONY: extra-modules
extra-modules:
	$(Q)$(MAKE) --no-print-directory -f tools/kbuild.mk M=$(M) modules
$(EXTRA_KOS): extra-modules
endif
ROOT_FILES += $(EXTRA_KOS)

ROOT_SPEC := $(foreach f,$(USER_BINS),bin/$(notdir $(f))=$(f)) \
	$(foreach f,$(TEST_BINS),tests/$(notdir $(f))=$(f)) \
	$(foreach f,$(GLIBC_IMAGE_BINS),tests/$(notdir $(f)).glibc=$(f)) \
	$(foreach f,$(GLIBC_DYN_BINS),tests/$(notdir $(f)).dyn=$(f)) \
	bin/busybox=$(BUSYBOX) @$(BUSYBOX_LINKS) \
	$(foreach f,$(ROOTFS_FILES),$(f:rootfs/%=%)=$(f)) \
	$(SBIN_SPEC) $(foreach f,$(TEST_MODULES),lib/modules/test/$(notdir $(f))=$(f)) \
	$(foreach f,$(DRIVER_MODULES),lib/modules/$(notdir $(f))=$(f)) lib/modules/modules.order=$(MODULES_ORDER) \
	$(foreach f,$(EXTRA_KOS),lib/modules/extra/$(notdir $(f))=$(f)) $(DEBIAN_SPEC)
# The image's file list, rewritten only when it changes: a program or test
# that is removed must leave the image too, which timestamps alone miss.
ROOT_LIST := $(B)/initramfs.list
$(shell mkdir -p $(B); echo '$(ROOT_SPEC)' | cmp -s - $(ROOT_LIST) 2>/dev/null || echo '$(ROOT_SPEC)' > $(ROOT_LIST))

$(INITRAMFS): $(ROOT_FILES) $(ROOT_LIST) tools/mkcpio.py
	@echo "  CPIO    $@"
	$(Q)python3 tools/mkcpio.py $@ $(ROOT_SPEC)

$(BUSYBOX):
	$(Q)tools/install-deps busybox $@

$(DEBIAN)/.fetched:
	$(Q)tools/install-deps debian $(DEBIAN) && touch $@
$(DEBIAN_FILES): $(DEBIAN)/.fetched
# A list file keeps the link's ">" away from the shell.
$(DEBIAN_LINKS):
	$(Q)echo 'lib/ld-linux.so.2=>i386-linux-gnu/ld-linux.so.2' > $@

$(BUSYBOX_LINKS): $(BUSYBOX) tools/applets.py
	$(Q)python3 tools/applets.py $< usr/bin /bin/busybox > $@

# grub-mkrescue takes the volume date and UUID from the clock, and xorriso records the files'
# times: both run under a clock frozen at the last commit's time, so a commit makes one ISO.
ISO_TIME := $(or $(shell TZ=UTC0 git log -1 --format=%cd --date=format-local:'%Y-%m-%d %H:%M:%S' 2>/dev/null),2000-01-01 00:00:00)

iso: $(ISO)
$(ISO): $(KERNEL) $(INITRAMFS) boot/grub.cfg
	@echo "  ISO     $@"
	@mkdir -p $(B)/iso/boot/grub
	$(Q)cp $(KERNEL) $(B)/iso/boot/kernel.elf
	$(Q)cp $(INITRAMFS) $(B)/iso/boot/initramfs.cpio
	$(Q)cp boot/grub.cfg $(B)/iso/boot/grub/grub.cfg
	$(Q)TZ=UTC0 faketime -f '$(ISO_TIME)' grub-mkrescue -o $@ $(B)/iso 2>/dev/null

# Straight from the CD (no BIOS tries of the empty floppy and disk first), no network card
# (no iPXE ROM). A VGA window when there is a display (install-deps then adds QEMU's GUI
# module), with the serial console also on the terminal; the terminal alone otherwise.
# Either way Ctrl-C on the terminal goes to the guest and Ctrl-A X quits (mon:stdio).
RUN_QEMU := $(QEMU_BASE) $(RUN_ACCEL) -cdrom $(ISO) -boot order=d -nic none
run: $(ISO)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		tools/install-deps && $(RUN_QEMU) -serial mon:stdio; \
	else \
		$(MAKE) --no-print-directory run-nox; \
	fi

run-nox: $(ISO)
	$(RUN_QEMU) -nographic

HARNESS := python3 tools/harness.py --build $(B) --kernel $(KERNEL) --initrd $(INITRAMFS) \
	--user-tests "$(notdir $(TEST_BINS)) $(addsuffix .glibc,$(GLIBC_IMAGE_TESTS))" \
	--diff-tests "$(DIFF_TESTS)" --timeouts "$(TEST_TIMEOUTS)" --cpus "$(TEST_CPUS)"

test: all $(ISO)
	$(Q)$(QEMU_ENV) $(HARNESS) test --iso $(ISO) --select "$(T)"

# The seed drivers built unchanged against Debian's Linux 6.1 i386 headers and
# their dev_* tests run on that kernel in QEMU (tools/linux-test; about 2 min,
# so not part of `make test`). T=NAMES picks tests.
COMMA := ,
test-linux: $(USER_BINS) $(TEST_BINS)
	$(Q)tools/linux-test $(subst $(COMMA), ,$(T))

LAB ?= driver
grade: all
	$(Q)$(QEMU_ENV) $(HARNESS) grade --lab labs/$(LAB).lab

# GDB as in xv6: QEMU waits for GDB on a port of this user's (tools/qemu.py
# gdb-port), written to build/gdbinit for `make gdb`; the console stays on
# this terminal, so keys and Ctrl-C reach the guest. Ctrl-A X quits QEMU.
qemu-gdb: $(KERNEL) $(INITRAMFS)
	@port=$$(python3 tools/qemu.py gdb-port) && \
	echo "target remote localhost:$$port" > $(B)/gdbinit && \
	echo "*** QEMU is stopped for GDB on port $$port. In another terminal: make gdb" && \
	echo "*** (or: gdb -x .gdbinit -x $(B)/gdbinit). Ctrl-A X quits QEMU." && \
	exec $(QEMU_BASE) $(RUN_ACCEL) -kernel $(KERNEL) -initrd $(INITRAMFS) -nographic \
		-gdb tcp:localhost:$$port -S

# .gdbinit loads the kernel's symbols; the local-gdbinit setting keeps GDB from loading it twice.
gdb:
	@command -v gdb >/dev/null || tools/install-deps
	@test -f $(B)/gdbinit || { echo "make gdb: start \`make qemu-gdb\` in another terminal first"; exit 1; }
	gdb -q -iex "set auto-load local-gdbinit off" -x .gdbinit -x $(B)/gdbinit

help:
	@echo "Targets:"
	@echo "  all (default)   build the kernel, the libc, the programs and the initramfs"
	@echo "  iso             build/freax.iso, bootable with GRUB"
	@echo "  run             boot it: a VGA window when there is a display, else the terminal"
	@echo "  run-nox         boot it on this terminal (Ctrl-A X quits)"
	@echo "  test            the whole suite on 1 and on 4 CPUs at once (CPUS=N: on N only); ends"
	@echo "                  \"N passed, N failed\"; reports in build/test-logs/ (4 CPUs: build/test-logs/cpus4/)"
	@echo "  test-linux      the seed drivers built for and tested on Debian's Linux 6.1 i386 (tools/linux-test)"
	@echo "  grade           run a lab's tests and print its points (LAB=driver: labs/driver.lab)"
	@echo "  qemu-gdb        boot stopped for GDB, console on this terminal"
	@echo "  gdb             attach GDB to \`make qemu-gdb\` with the kernel's symbols"
	@echo "  fuzz            the system-call fuzzer, as root then uid 1000 (SEED=n CALLS=n FUZZ_UID=u)"
	@echo "  clean           remove build/"
	@echo "  modules         with M=DIR: build DIR's modules (obj-m in DIR/Kbuild or DIR/Makefile);"
	@echo "                  M=DIR clean removes them (docs/lab-module.md)"
	@echo "  help            this list"
	@echo "Variables:"
	@echo "  T=PATTERNS      make test: only the matching tests (comma or space separated): a test's"
	@echo "                  exact name (NAME also picks NAME.glibc and diff/NAME/*), a glob if it"
	@echo "                  has * ? [ (T='k_fs_*'), else a substring (T=pipe); k_NAME is a KTEST"
	@echo "  LAB=NAME        make grade: the lab file labs/NAME.lab"
	@echo "  M=DIR           make run/iso/test: DIR's modules, built, in the image's /lib/modules/extra"
	@echo "  MEM=SIZE        guest memory (default 512M); KVM=1 tries KVM before TCG"
	@echo "  CPUS=N          run/run-nox/qemu-gdb/test (and tools/krun): N CPUs (default 1; 1 and 4"
	@echo "                  for test), multi-threaded TCG when N > 1"
	@echo "  GDBPORT=N       make qemu-gdb: this port instead of uid % 5000 + 25000 (or the next free one)"
	@echo "  QEMU_EXTRA=...  options added to the test boots (e.g. -icount shift=0)"
	@echo "  DEBUG=1         build the kernel at -Og with every frame kept, for GDB"
	@echo "  V=1             show the full build commands; CROSS=PREFIX picks the cross compiler"
	@echo "One program: tools/krun PROGRAM [ARGS] (tools/krun --help)."

# make fuzz SEED=n CALLS=n [FUZZ_UID=u]: the system-call fuzzer (user/fuzz.c)
# for as long as asked, as root and then as uid 1000 (or as FUZZ_UID only).
FUZZ_UIDS := $(or $(FUZZ_UID),-1 1000)
fuzz: all
	$(Q)for u in $(FUZZ_UIDS); do KRUN_TIMEOUT=86400 tools/krun fuzz -s $(or $(SEED),1) \
		-n $(or $(CALLS),100000) -u $$u -m || exit 1; done

clean:
	rm -rf $(B)
endif
