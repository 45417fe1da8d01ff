/* sched.c: the scheduler, a small CFS (Linux's Completely Fair Scheduler).
 *
 * Each runnable process accumulates a virtual runtime: the CPU time it used,
 * scaled by NICE_0_LOAD / its weight (Linux's nice-to-weight table, so each
 * nice level is worth about 10% of CPU against its neighbour). The next to run
 * is always the one with the smallest virtual runtime, so CPU time is shared
 * in proportion to the weights. Why this rather than round robin: a process
 * that sleeps a lot (a shell, an editor, one end of a pipe) falls behind the
 * busy ones in virtual time, so when it wakes it is placed near the front:
 * min_vruntime (the smallest virtual runtime among the runnable, never moving
 * back) minus half a latency period, no further back so a long sleep does not
 * buy a long monopoly. If it is then ahead of the running process by more
 * than the wake-up granularity, the running process is marked for
 * rescheduling and gives way on its next return to user mode: with 50 busy
 * processes a woken sleeper runs within a tick, where round robin made it
 * wait for the whole pass.
 *
 * The run queue holds the runnable processes other than the running one,
 * sorted by virtual runtime (a list: inserting walks only the runnable
 * processes, picking takes the head; the tick and pick_next never look at
 * the whole process table, and sleep deadlines are kernel timers).
 * Invariant: a process is queued exactly when it is P_RUNNABLE and not
 * current. The kernel is not preemptible in kernel code (one CPU): the tick
 * and wake-ups only set need_resched, and the switch happens when the process
 * returns to user mode or sleeps (see waitqueue.c for why that keeps locking
 * simple). With nothing runnable, the boot thread idles with the CPU halted. */
#include "kernel.h"
#include "kstat.h"
#include "locking/lockdep.h"
#include "x86/cpu.h"
#include "x86/gdt.h"
#include "proc.h"
#include "syscall.h"
#include "timer_list.h"
#include "x86/timer.h"
#include "x86/x86.h"

#define NICE_0_LOAD 1024
#define SCHED_LATENCY_NS 6000000ull     /* a period in which every runnable process runs once */
#define MIN_GRANULARITY_NS 1000000ull   /* the shortest slice: one tick */
#define WAKEUP_GRANULARITY_NS 1000000ull

/* Linux's sched_prio_to_weight: nice -20 .. 19, 1.25x per level. */
static const uint32_t prio_to_weight[40] = {
	88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
	9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
	1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
	110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
};

void swtch(struct context **old, struct context *new);

static struct proc idle;                /* the boot thread, once user space runs */
struct proc *current = &idle;
static struct list_head runqueue = LIST_HEAD_INIT(runqueue);
static unsigned int nr_queued;
static uint32_t queued_load;            /* the sum of the queued processes' weights */
static uint64_t min_vruntime;
/* A process that exited with nobody to reap it. It still runs on its kernel
 * stack until the switch away, so whatever runs next frees its slot. */
static struct proc *dead;

/* Virtual times are compared by their difference, so wrapping does not matter. */
static bool vt_before(uint64_t a, uint64_t b)
{
	return (int64_t)(a - b) < 0;
}

static uint32_t weight_of(const struct proc *p)
{
	return prio_to_weight[p->nice + 20];
}

static uint64_t to_virtual(uint64_t ns, const struct proc *p)
{
	return ns * NICE_0_LOAD / weight_of(p);
}

static bool running(void)
{
	return current != &idle && current->state == P_RUNNABLE;
}

static struct proc *leftmost(void)
{
	return list_empty(&runqueue) ? NULL : list_entry(runqueue.next, struct proc, run_link);
}

static void update_min_vruntime(void)
{
	struct proc *first = leftmost();
	uint64_t v;
	if (running())
		v = first && vt_before(first->vruntime, current->vruntime) ? first->vruntime : current->vruntime;
	else if (first)
		v = first->vruntime;
	else
		return;
	if (vt_before(min_vruntime, v))
		min_vruntime = v;
}

/* Charges the running process for the time since it was last charged. */
static void update_curr(uint64_t now)
{
	if (current == &idle)
		return;
	uint64_t delta = now - current->exec_start;
	current->exec_start = now;
	current->slice_exec += delta;
	current->vruntime += to_virtual(delta, current);
	update_min_vruntime();
}

/* After every process with the same virtual runtime: equals take turns. */
static void enqueue(struct proc *p)
{
	struct list_head *pos = runqueue.prev;
	while (pos != &runqueue && vt_before(p->vruntime, list_entry(pos, struct proc, run_link)->vruntime))
		pos = pos->prev;
	list_add(&p->run_link, pos);
	nr_queued++;
	queued_load += weight_of(p);
}

static struct proc *dequeue_first(void)
{
	struct proc *p = leftmost();
	if (!p)
		return &idle;
	list_del(&p->run_link);
	list_init(&p->run_link);
	nr_queued--;
	queued_load -= weight_of(p);
	return p;
}

/* The wall-clock share of a period that p is due, as Linux's sched_slice. */
static uint64_t sched_slice(const struct proc *p)
{
	unsigned int nr = nr_queued + (running() ? 1 : 0);
	uint32_t load = queued_load + (running() ? weight_of(current) : 0);
	if (p != current && !(p->state == P_RUNNABLE && !list_empty(&p->run_link)))
		nr++, load += weight_of(p);
	uint64_t period = nr > SCHED_LATENCY_NS / MIN_GRANULARITY_NS ? nr * MIN_GRANULARITY_NS : SCHED_LATENCY_NS;
	uint64_t slice = load ? period * weight_of(p) / load : period;
	return slice > MIN_GRANULARITY_NS ? slice : MIN_GRANULARITY_NS;
}

static void switch_to(struct proc *next)
{
	struct proc *prev = current;
	if (prev != &idle && cpu_has_fxsr)
		__asm__ volatile("fxsave %0" : "=m"(prev->fpu_state));
	ptrace_switch_debugregs(prev, next);
	if (next != &idle) {
		vm_switch(next->pgdir);
		tss_set_kstack((uint32_t)next->kstack + KSTACK_SIZE);
		gdt_load_tls(next->tls);
		if (cpu_has_fxsr)
			__asm__ volatile("fxrstor %0" : : "m"(next->fpu_state));
	}
	current = next;
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
	lockdep_check_schedule(_RET_IP_);
	uint32_t f = irq_save();
	struct proc *prev = current;
	uint64_t now = monotonic_ns();
	update_curr(now);
	prev->need_resched = false;
	if (running())
		enqueue(prev);
	struct proc *next = dequeue_first();
	next->exec_start = now;
	next->slice_exec = 0;
	if (next != prev)
		switch_to(next);
	irq_restore(f);
}

/* Linux's old sched_compat_yield: the caller goes behind every runnable
 * process, so a yield really lets each of them run first. */
SYSCALL_DEFINE0(sched_yield)
{
	uint32_t f = irq_save();
	update_curr(monotonic_ns());
	if (!list_empty(&runqueue)) {
		struct proc *last = list_entry(runqueue.prev, struct proc, run_link);
		if (vt_before(current->vruntime, last->vruntime))
			current->vruntime = last->vruntime;
	}
	irq_restore(f);
	schedule();
	return 0;
}

/* Whether the process just queued should take the CPU now. */
static void check_preempt_wakeup(struct proc *p)
{
	if (current == &idle)
		return;
	if ((int64_t)(current->vruntime - p->vruntime) > (int64_t)to_virtual(WAKEUP_GRANULARITY_NS, p))
		current->need_resched = true;
}

static bool try_to_wake_up(struct proc *p, bool sync)
{
	uint32_t f = irq_save();
	bool was_asleep = p->state == P_SLEEPING;
	if (was_asleep) {
		p->state = P_RUNNABLE;
		/* Woken before it called schedule(): it never left the CPU. */
		if (p != current) {
			update_curr(monotonic_ns());
			uint64_t floor = min_vruntime - SCHED_LATENCY_NS / 2;
			if (vt_before(p->vruntime, floor))
				p->vruntime = floor;
			enqueue(p);
			if (!sync)
				check_preempt_wakeup(p);
		}
	}
	irq_restore(f);
	return was_asleep;
}

bool wake_process(struct proc *p)
{
	return try_to_wake_up(p, false);
}

bool wake_process_sync(struct proc *p)
{
	return try_to_wake_up(p, true);
}

/* A new process starts a slice behind everyone (Linux's START_DEBIT), so
 * that forking does not buy CPU time; it never starts before its parent. */
void wake_up_new_process(struct proc *p)
{
	uint32_t f = irq_save();
	list_init(&p->run_link);
	update_curr(monotonic_ns());
	p->vruntime = current == &idle ? min_vruntime : current->vruntime;
	uint64_t start = min_vruntime + to_virtual(sched_slice(p), p);
	if (vt_before(p->vruntime, start))
		p->vruntime = start;
	p->state = P_RUNNABLE;
	enqueue(p);
	irq_restore(f);
}

/* p->nice changes the weight of a queued process in the queue's total too. */
void sched_set_nice(struct proc *p, int nice)
{
	uint32_t f = irq_save();
	bool queued = p->state == P_RUNNABLE && p != current;
	if (queued)
		queued_load -= weight_of(p);
	p->nice = nice;
	if (queued)
		queued_load += weight_of(p);
	irq_restore(f);
}

static void process_timeout(struct timer_list *t)
{
	wake_process(container_of(t, struct proc, sleep_timer));
}

long schedule_timeout(long timeout)
{
	if (timeout < 0) {
		schedule();
		return timeout;
	}
	uint64_t expire = get_jiffies_64() + (uint64_t)timeout;
	timer_setup(&current->sleep_timer, process_timeout);
	mod_timer(&current->sleep_timer, expire);
	schedule();
	del_timer(&current->sleep_timer);
	uint64_t now = get_jiffies_64();
	return expire > now ? (long)(expire - now) : 0;
}

/* Called from the timer interrupt: due timers, time accounting, and the end
 * of the running process's slice (Linux's check_preempt_tick). */
void sched_tick(void)
{
	run_timers(get_jiffies_64());
	kstat_tick(current == &idle ? CPUTIME_IDLE :
		   irq_frame && tf_from_user(irq_frame) ? CPUTIME_USER : CPUTIME_SYSTEM);
	if (current == &idle)
		return;
	if (irq_frame && tf_from_user(irq_frame))
		current->utime++;
	else
		current->stime++;
	check_rlimit_cpu(current);
	update_curr(monotonic_ns());
	struct proc *first = leftmost();
	if (!first)
		return;
	uint64_t ideal = sched_slice(current);
	if (current->slice_exec >= ideal)
		current->need_resched = true;
	else if (current->slice_exec >= MIN_GRANULARITY_NS &&
		 (int64_t)(current->vruntime - first->vruntime) > (int64_t)ideal)
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
		if (list_empty(&runqueue))
			__asm__ volatile("sti; hlt" ::: "memory");
		sti();
	}
}
