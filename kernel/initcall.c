/* initcall.c: runs the registered initcalls in level order (see initcall.h). */
#include "kernel.h"
#include "initcall.h"

extern const initcall_t __start_initcalls[], __stop_initcalls[];

void do_initcalls(void)
{
	for (const initcall_t *fn = __start_initcalls; fn < __stop_initcalls; fn++) {
		int r = (*fn)();
		if (r < 0)
			pr_err("initcall %pS returned %d\n", (void *)*fn, r);
	}
}
