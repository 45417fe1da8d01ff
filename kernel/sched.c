/* sched.c: the scheduler: preemptive round robin over runnable processes.
 * The timer tick marks the running process for rescheduling after its time
 * slice; the switch happens when it next returns to user mode, so kernel code
 * is never preempted (see waitqueue.c for why that keeps locking simple). With
 * nothing runnable, the boot thread idles with the CPU halted. */
#include "kernel.h"
#include "x86/cpu.h"
#include "x86/gdt.h"
#include "proc.h"
#include "syscall.h"
#include "x86/timer.h"
#include "x86/x86.h"

#define TIMESLICE 2                     /* ticks */

void swtch(struct context **old, struct context *new);

static struct proc idle;                /* the boot thread, once user space runs */
struct proc *current = &idle;
static uint32_t slice_left = TIMESLICE;
/* A process that exited with nobody to reap it. It still runs on its kernel
 * stack until the switch away, so whatever runs next frees its slot. */
static struct proc *dead;

static struct proc *pick_next(void)
{
	int start = current == &idle ? 0 : (int)(current - proc_table) + 1;
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[(start + i) % NPROC];
		if (p->state == P_RUNNABLE)
			return p;
	}
	return &idle;
}

static void switch_to(struct proc *next)
{
	struct proc *prev = current;
	if (prev != &idle && cpu_has_fxsr)
		__asm__ volatile("fxsave %0" : "=m"(prev->fpu_state));
	if (next != &idle) {
		vm_switch(next->pgdir);
		tss_set_kstack((uint32_t)next->kstack + KSTACK_SIZE);
		gdt_load_tls(next->tls);
		if (cpu_has_fxsr)
			__asm__ volatile("fxrstor %0" : : "m"(next->fpu_state));
	}
	current = next;
	slice_left = TIMESLICE;
	swtch(&prev->context, next->context);
	sched_finish_switch();
}

/* Runs first after every switch: here, or in forkret for a new process. */
void sched_finish_switch(void)
{
	if (dead) {
		proc_free(dead);
		dead = NULL;
	}
}

void sched_exit_unreaped(void)
{
	cli();
	dead = current;
	schedule();
	panic("exited process %d ran again", current->pid);
}

void schedule(void)
{
	uint32_t f = irq_save();
	current->need_resched = false;
	struct proc *next = pick_next();
	if (next == &idle && current != &idle && current->state == P_RUNNABLE)
		next = current;
	if (next != current)
		switch_to(next);
	irq_restore(f);
}

SYSCALL_DEFINE0(sched_yield)
{
	schedule();
	return 0;
}

bool wake_process(struct proc *p)
{
	uint32_t f = irq_save();
	bool was_asleep = p->state == P_SLEEPING;
	if (was_asleep) {
		p->state = P_RUNNABLE;
		p->wake_at = 0;
	}
	irq_restore(f);
	return was_asleep;
}

long schedule_timeout(long timeout)
{
	if (timeout < 0) {
		schedule();
		return timeout;
	}
	uint32_t expire = jiffies + (uint32_t)timeout;
	current->wake_at = expire ? expire : 1;
	schedule();
	current->wake_at = 0;
	long left = (long)(expire - jiffies);
	return left > 0 ? left : 0;
}

/* Called from the timer interrupt. */
void sched_tick(void)
{
	uint64_t now = get_jiffies_64();
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (p->state == P_SLEEPING && p->wake_at && (int32_t)(jiffies - p->wake_at) >= 0)
			wake_process(p);
		if (p->alarm_at && now >= p->alarm_at && p->state != P_ZOMBIE) {
			p->alarm_at = 0;
			send_signal(p, SIGALRM, NULL);
		}
	}
	if (current == &idle)
		return;
	if (irq_frame && tf_from_user(irq_frame))
		current->utime++;
	else
		current->stime++;
	if (--slice_left == 0)
		current->need_resched = true;
}

void scheduler_start(void)
{
	timer_set_tick_hook(sched_tick);
	for (;;) {
		sti();
		schedule();
		/* Halt only if nothing became runnable since schedule() looked. */
		cli();
		if (pick_next() == &idle)
			__asm__ volatile("sti; hlt" ::: "memory");
		sti();
	}
}
