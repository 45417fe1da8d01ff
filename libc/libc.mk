# libc.mk: builds the project's libc: $(LIBC_A) and the start file $(CRT0).
# Included by the top Makefile (cwd = repository root; B = build directory).

LIBC_SRCS := errno.c strerror.c start.c tls.c string.c ctype.c stdlib.c qsort.c env.c exit.c \
             malloc.c stdio.c stdio_line.c printf.c printf_out.c io.c fs.c process.c exec.c \
             mman.c misc.c signal.c spawn.c time.c dirent.c termios.c pty.c err.c getopt.c \
             futex.c pthread_create.c pthread_attr.c pthread_key.c pthread_mutex.c pthread_cond.c \
             pthread_rwlock.c pthread_barrier.c pthread_cancel.c posix_spawn.c \
             stdio_lock.c ptrace.c ipc.c
LIBC_ASMS := syscall.S sigreturn.S setjmp.S vfork.S clone.S syscall_cp.S

LIBC_CFLAGS := $(UCFLAGS)

LIBC_A := $(B)/libc/libc.a
CRT0   := $(B)/libc/crt0.o
LIBC_OBJS := $(addprefix $(B)/libc/,$(LIBC_SRCS:.c=.o) $(LIBC_ASMS:.S=.o))

$(LIBC_A): $(LIBC_OBJS)
	@mkdir -p $(@D)
	@echo "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(B)/libc/%.o: libc/%.c tools/toolchain.mk
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(LIBC_CFLAGS) -c -o $@ $<

$(B)/libc/%.o: libc/%.S tools/toolchain.mk
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(LIBC_CFLAGS) -c -o $@ $<

-include $(LIBC_OBJS:.o=.d) $(CRT0:.o=.d)
