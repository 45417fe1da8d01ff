/* initcall.h: subsystems and drivers register themselves for boot without
 * main.c knowing them: each *_initcall(fn) lands in a linker section that
 * kmain walks in level order (core, then fs, then devices). */
#ifndef INITCALL_H
#define INITCALL_H

typedef int (*initcall_t)(void);

#define __define_initcall(fn, level)                                            \
	static const initcall_t __initcall_##fn                                 \
		__attribute__((used, section("initcalls." #level))) = fn;

#define core_initcall(fn)   __define_initcall(fn, 1)
#define fs_initcall(fn)     __define_initcall(fn, 2)
#define device_initcall(fn) __define_initcall(fn, 3)
#define late_initcall(fn)   __define_initcall(fn, 4)

void do_initcalls(void);

#endif
