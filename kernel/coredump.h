/* coredump.h: the core dump of the current process, killed by sig with its
 * user registers in tf (coredump.c), and /proc/sys/kernel/core_pattern. */
#ifndef COREDUMP_H
#define COREDUMP_H

struct trapframe;
struct proc_ops;

/* K_WCOREFLAG if a core file was written, else 0: what the wait status carries. */
int do_coredump(int sig, const struct trapframe *tf);
extern const struct proc_ops core_pattern_proc_ops;

#endif
