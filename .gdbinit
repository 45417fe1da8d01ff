# .gdbinit: the kernel's symbols and this kernel's commands for `make gdb`,
# which then connects to `make qemu-gdb`'s QEMU through build/gdbinit (its
# port is this user's).
set architecture i386
file build/kernel.elf
source tools/gdb/freax.gdb
# Driver functions live in modules: a breakpoint on one waits for its module,
# whose symbols lx-symbols adds as it loads.
set breakpoint pending on
lx-symbols
