# tests.mk: builds the test programs user/tests/NAME.c twice:
#   $(B)/tests/NAME        with the project's libc; installed as /tests/NAME in the kernel image
#   $(B)/glibc-tests/NAME  with the stock toolchain and glibc; run on the host Linux
# The harness runs both and compares their stdout byte for byte (DIFF_TESTS).
# Needs from the other fragments: CC, UCFLAGS, ULDFLAGS, LIBGCC, GLIBC_CC, GCFLAGS (toolchain.mk),
# CRT0 and LIBC_A (libc/libc.mk).

TEST_PROGS := $(sort $(basename $(notdir $(wildcard user/tests/*.c))))
TEST_BINS := $(addprefix $(B)/tests/,$(TEST_PROGS))
GLIBC_TEST_BINS := $(addprefix $(B)/glibc-tests/,$(TEST_PROGS))

# Tests that exercise this kernel's own devices and so cannot run on the host.
KERNEL_ONLY_TESTS := glibc_dynamic smp_sched debian_dash tty_basic pty_shell tls_selectors init_signals prlimit_perm vm86_kill mmap_min_root mem_return busybox_shell mem_noleak mem_text_share mem_oom sched_latency syscall_fuzz $(filter dev_% mod_%,$(TEST_PROGS)) core_dump job_ash strace_output core_threads
# Tests whose output must be identical on the host Linux and in the kernel.
DIFF_TESTS := $(filter-out $(KERNEL_ONLY_TESTS),$(TEST_PROGS))
# Tests whose glibc build also runs in the kernel (as /tests/NAME.glibc): the
# differential ones, and the one that uses the devices through docs/devices.md's
# numbers with nothing but the stock toolchain.
GLIBC_IMAGE_TESTS := $(DIFF_TESTS) dev_stock_devices
# Differential tests also built dynamically linked against glibc (as the stock toolchain builds
# by default: a PIE naming /lib/ld-linux.so.2), installed as /tests/NAME.dyn; glibc_dynamic runs
# each beside its static build and compares their output.
GLIBC_DYN_TESTS := signals rt_signals sig_norestorer vdso_clock pipe_basic rw_basic fs_basic poll_basic \
	libc_basic futex_basic exec_self thread_basic tls mem_cow file_locks
GLIBC_DYN_BINS := $(addprefix $(B)/glibc-dyn-tests/,$(GLIBC_DYN_TESTS))

# Time budgets in seconds for the tests that need more than the harness's 15 s
# (tools/suite.py DEFAULT_BUDGET), as NAME=SECONDS; NAME covers NAME.glibc and
# k_NAME an in-kernel test; NAME@N=SECONDS is the budget on CPUS=N instead.
# A test past its budget is a hang: reported with where the kernel was, and the
# suite goes on with a fresh boot.
TEST_TIMEOUTS := glibc_dynamic=90 glibc_dynamic@4=180 debian_dash=30 proc_lifecycle=60 sigchld_ign=60 long_timeouts=30 mod_seeds=60 mod_loader=60 busybox_shell=60 mem_return=45 mem_noleak=45 mem_oom=30 mem_demand=30 syscall_fuzz=120 sched_latency=60 thread_basic=45 pty_shell=45 pty_session=30 rlimit_enforced=40 job_stop=40 job_tty=40 job_session=40 job_wait=30 strace_output=45 ptrace_events=30 dev_race_counter=40 dev_wq_stress=40

# Objects live outside $(B)/tests so that directory holds exactly what goes into /tests.
TEST_OBJDIR := $(B)/tests-obj

$(TEST_OBJDIR)/%.o: user/tests/%.c tools/toolchain.mk
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c -o $@ $<

$(B)/tests/%: $(TEST_OBJDIR)/%.o $(CRT0) $(LIBC_A)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	$(Q)$(CC) $(ULDFLAGS) -o $@ $(CRT0) $< $(LIBC_A) $(LIBGCC)

# GCFLAGS has no -MMD, hence the explicit header dependency.
$(B)/glibc-tests/%: user/tests/%.c user/tests/check.h tools/toolchain.mk
	@mkdir -p $(@D)
	@echo "  GLIBC   $@"
	$(Q)$(GLIBC_CC) $(GCFLAGS) -o $@ $<

$(B)/glibc-dyn-tests/%: user/tests/%.c user/tests/check.h tools/toolchain.mk
	@mkdir -p $(@D)
	@echo "  GLIBC   $@ (dynamic)"
	$(Q)$(GLIBC_CC) $(filter-out -static,$(GCFLAGS)) -o $@ $<

-include $(wildcard $(TEST_OBJDIR)/*.d)
