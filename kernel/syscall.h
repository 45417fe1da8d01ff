/* syscall.h: how a system call is defined. Each subsystem defines its own calls
 * next to the code they use, as Linux's SYSCALL_DEFINEn: the macro emits a
 * typed function and a table entry in the "syscalls" section, which syscall.c
 * turns into the dispatch table at boot. Return a value or a negative errno. */
#ifndef SYSCALL_H
#define SYSCALL_H

#include <stdint.h>
#include "uapi/syscall_nr.h"

struct syscall_entry {
	int nr;
	const char *name;
	long (*fn)(const uint32_t *args);
};

#define __SYSCALL_REGISTER(name)                                                \
	static const struct syscall_entry __sysent_##name                       \
		__attribute__((used, section("syscalls"))) = { __NR_##name, #name, sys_##name };

#define SYSCALL_DEFINE0(name)                                                   \
	static long do_sys_##name(void);                                        \
	static long sys_##name(const uint32_t *a) { (void)a; return do_sys_##name(); } \
	__SYSCALL_REGISTER(name)                                                \
	static long do_sys_##name(void)

#define SYSCALL_DEFINE1(name, t1, a1)                                           \
	static long do_sys_##name(t1 a1);                                       \
	static long sys_##name(const uint32_t *a) { return do_sys_##name((t1)a[0]); } \
	__SYSCALL_REGISTER(name)                                                \
	static long do_sys_##name(t1 a1)

#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)                                   \
	static long do_sys_##name(t1 a1, t2 a2);                                \
	static long sys_##name(const uint32_t *a) { return do_sys_##name((t1)a[0], (t2)a[1]); } \
	__SYSCALL_REGISTER(name)                                                \
	static long do_sys_##name(t1 a1, t2 a2)

#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3)                           \
	static long do_sys_##name(t1 a1, t2 a2, t3 a3);                         \
	static long sys_##name(const uint32_t *a) { return do_sys_##name((t1)a[0], (t2)a[1], (t3)a[2]); } \
	__SYSCALL_REGISTER(name)                                                \
	static long do_sys_##name(t1 a1, t2 a2, t3 a3)

#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4)                   \
	static long do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4);                  \
	static long sys_##name(const uint32_t *a) { return do_sys_##name((t1)a[0], (t2)a[1], (t3)a[2], (t4)a[3]); } \
	__SYSCALL_REGISTER(name)                                                \
	static long do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4)

#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)           \
	static long do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5);           \
	static long sys_##name(const uint32_t *a) { return do_sys_##name((t1)a[0], (t2)a[1], (t3)a[2], (t4)a[3], (t5)a[4]); } \
	__SYSCALL_REGISTER(name)                                                \
	static long do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5)

#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)   \
	static long do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6);    \
	static long sys_##name(const uint32_t *a) { return do_sys_##name((t1)a[0], (t2)a[1], (t3)a[2], (t4)a[3], (t5)a[4], (t6)a[5]); } \
	__SYSCALL_REGISTER(name)                                                \
	static long do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6)

/* An alias: another number served by the same function (e.g. getuid and getuid32). */
#define SYSCALL_ALIAS(alias, name)                                              \
	static const struct syscall_entry __sysent_##alias                      \
		__attribute__((used, section("syscalls"))) = { __NR_##alias, #alias, sys_##name };

struct trapframe;

void syscall_init(void);
void syscall_dispatch(struct trapframe *tf);

#endif
