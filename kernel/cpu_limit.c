/* cpu_limit.c: RLIMIT_CPU, checked at each tick as Linux's check_rlimit
 * does: the process's CPU time (user + system) reaching the soft limit
 * raises SIGXCPU and moves the soft limit one second on (so it comes again
 * each second), reaching the hard limit kills it with SIGKILL. */
#include "kernel.h"
#include "proc.h"
#include "x86/timer.h"
#include "uapi/resource.h"
#include "uapi/signal.h"

void check_rlimit_cpu(struct proc *p)
{
	struct k_rlimit64 *lim = &p->rlim[RLIMIT_CPU];
	if (lim->rlim_cur == K_RLIM64_INFINITY)
		return;
	uint64_t ticks = p->utime + p->stime;
	if (lim->rlim_max != K_RLIM64_INFINITY && ticks >= lim->rlim_max * HZ)
		send_signal(p, SIGKILL, NULL);
	else if (ticks >= lim->rlim_cur * HZ) {
		send_signal(p, SIGXCPU, NULL);
		lim->rlim_cur++;
	}
}
