# .gdbinit: attaches to `make debug`'s QEMU with the kernel's symbols.
set architecture i386
file build/kernel.elf
source tools/gdb/freax.gdb
target remote localhost:1234
