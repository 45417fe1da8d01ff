# user.mk: builds each user/NAME.c (one file per program) into $(B)/user/NAME, linked with the
# project libc; USER_PROGS lists the names, USER_BINS the binaries. Include after libc/libc.mk,
# whose CRT0 and LIBC_A the link rule names as prerequisites.
USER_PROGS := $(sort $(basename $(notdir $(wildcard user/*.c))))
USER_BINS  := $(addprefix $(B)/user/,$(USER_PROGS))

# Objects live outside $(B)/user so that directory holds exactly what goes into /bin.
USER_OBJDIR := $(B)/user-obj
USER_OBJS   := $(addprefix $(USER_OBJDIR)/,$(USER_PROGS:=.o))

$(USER_OBJS): $(USER_OBJDIR)/%.o: user/%.c tools/toolchain.mk
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c -o $@ $<

$(USER_BINS): $(B)/user/%: $(USER_OBJDIR)/%.o $(CRT0) $(LIBC_A)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	$(Q)$(CC) $(ULDFLAGS) -o $@ $(CRT0) $< $(LIBC_A) $(LIBGCC)

-include $(USER_OBJS:.o=.d)
