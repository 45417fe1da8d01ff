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
 * running on a CPU (on_cpu). The kernel is not preemptible in kernel code:
 * the tick and wake-ups only set need_resched, and the switch happens when
 * the process returns to user mode or sleeps. With nothing runnable, a CPU
 * runs its idle process: the boot thread on CPU 0, ap_main's on the others,
 * halted until an interrupt (its tick, or a reschedule IPI).
 *
 * SMP: one run queue for all CPUs, under rq_lock (irqsave), rather than one
 * per CPU with balancing. Why: with at most NR_CPUS = 8 CPUs and a queue that
 * is touched a few times per switch, the lock is held for a few hundred
 * instructions at a time; a single queue balances by construction (an idle
 * CPU takes the leftmost process its cpus_allowed permits, so a woken thread
 * runs on the first CPU free) and keeps CFS's one virtual clock exact, where
 * per-CPU queues need a balancer and per-queue min_vruntime. Measured: the
 * 4-thread CPU-bound test spends no visible time on the lock (docs/smp.md).
 * The lock is held across the switch itself and let go by the next process
 * (sched_finish_switch, Linux's finish_task_switch), after which the previous
 * one is off its stack (on_cpu cleared), so no other CPU can pick a process
 * that is still being switched out. A wake-up of a process still on its CPU
 * (it set P_SLEEPING, released the big kernel lock, and has not yet reached
 * the queue in schedule()) only makes it runnable again; its schedule() then
 * keeps it. A wake-up that queues a process sends a reschedule IPI to an idle
 * CPU it may run on, or marks a running process it should preempt. */
#include "kernel.h"
#include "kstat.h"
#include "locking/lockdep.h"
#include "x86/cpu.h"
#include "x86/gdt.h"
#include "x86/ldt.h"
#include "proc.h"
#include "syscall.h"
#include "timer_list.h"
#include "x86/timer.h"
#include "x86/x86.h"
#include "x86/percpu.h"
#include "x86/smpboot.h"
#include "locking/kernel_lock.h"
#include "locking/raw_lock.h"
#include "mm/vm.h"

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

extern pde_t *kpgdir;
static struct proc idle_procs[NR_CPUS];         /* CPU n's idle process */
/* rq_lock protects the run queue, the counts and min_vruntime below, every
 * process's state transitions to and from P_RUNNABLE, on_cpu and the cpus'
 * current/prev/dead. Taken with interrupts off; never while waiting for the
 * big kernel lock (schedule() releases that first). */
static struct raw_lock rq_lock = RAW_LOCK_UNLOCKED;
static struct list_head runqueue = LIST_HEAD_INIT(runqueue);
static unsigned int nr_queued;
static uint32_t queued_load;            /* the sum of the queued processes' weights */
static uint64_t min_vruntime;

static uint32_t rq_lock_irqsave(void)
{
	uint32_t f = irq_save();
	raw_lock(&rq_lock);
	return f;
}

static void rq_unlock_irqrestore(uint32_t f)
{
	raw_unlock(&rq_lock);
	irq_restore(f);
}

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

static bool is_idle(const struct proc *p)
{
	return p->pid == 0 && p >= idle_procs && p < idle_procs + NR_CPUS;
}

static bool running(void)
{
	return !is_idle(current) && current->state == P_RUNNABLE;
}

static bool allowed_on(const struct proc *p, unsigned int cpu)
{
	return (p->cpus_allowed >> cpu) & 1;
}

static struct proc *leftmost(void)
{
	return list_empty(&runqueue) ? NULL : list_entry(runqueue.next, struct proc, run_link);
}

/* The first queued process that may run on cpu (the queue is in virtual-time order). */
static struct proc *first_for(unsigned int cpu)
{
	struct proc *p;
	list_for_each_entry(p, &runqueue, run_link)
		if (allowed_on(p, cpu))
			return p;
	return NULL;
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
	if (is_idle(current))
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

static void dequeue(struct proc *p)
{
	list_del(&p->run_link);
	list_init(&p->run_link);
	nr_queued--;
	queued_load -= weight_of(p);
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

/* An idle CPU other than this one that p may run on: it gets an IPI. */
static bool kick_idle_cpu(const struct proc *p)
{
	unsigned int self = smp_processor_id();
	for (unsigned int i = 0; i < nr_cpu_ids; i++) {
		if (i == self || !cpu_online(i) || !allowed_on(p, i) || cpus[i].current_task != cpus[i].idle)
			continue;
		smp_send_reschedule(i);
		return true;
	}
	return false;
}

static void switch_to(struct proc *next)
{
	struct proc *prev = current;
	struct cpu *c = this_cpu();
	if (!is_idle(prev) && cpu_has_fxsr)
		__asm__ volatile("fxsave %0" : "=m"(prev->fpu_state));
	ptrace_switch_debugregs(prev, next);
	/* The idle process runs on the kernel's page directory, so that no CPU
	 * holds on to one whose address space may go away meanwhile. */
	pde_t *pgdir = is_idle(next) ? kpgdir : next->pgdir;
	if (c->loaded_pgdir != pgdir)
		vm_switch(pgdir);
	if (!is_idle(next)) {
		tss_set_kstack((uint32_t)next->kstack + KSTACK_SIZE);
		gdt_load_tls(next->tls);
		load_mm_ldt(next->mm);
		if (cpu_has_fxsr)
			__asm__ volatile("fxrstor %0" : : "m"(next->fpu_state));
	}
	next->on_cpu = true;
	next->cpu = c->id;
	c->prev = prev;
	c->current_task = next;
	swtch(&prev->context, next->context);
}

/* Runs first after every switch, with interrupts off and rq_lock held:
 * in schedule(), or in forkret and init_entry for a new process. irqs_ok:
 * the process turns them on right after, so the wait for the big kernel
 * lock may have them on. */
static void finish_switch(bool irqs_ok)
{
	struct cpu *c = this_cpu();
	struct proc *dead = c->dead;
	c->dead = NULL;
	if (c->prev) {
		c->prev->on_cpu = false;
		c->prev = NULL;
	}
	raw_unlock(&rq_lock);
	reacquire_kernel_lock(irqs_ok);
	if (dead) {
		lock_kernel();
		proc_free(dead);
		unlock_kernel();
	}
}

void sched_finish_switch(void)
{
	finish_switch(true);
}

void sched_exit_unreaped(void)
{
	cli();
	this_cpu()->dead = current;
	schedule();
	panic("exited process %d ran again", current->pid);
}

void schedule(void)
{
	lockdep_check_schedule(_RET_IP_);
	uint32_t f = irq_save();
	release_kernel_lock();
	raw_lock(&rq_lock);
	struct cpu *c = this_cpu();
	struct proc *prev = current;
	uint64_t now = monotonic_ns();
	update_curr(now);
	prev->need_resched = false;
	if (running())
		enqueue(prev);
	struct proc *next = first_for(c->id);
	if (next)
		dequeue(next);
	else
		next = c->idle;
	next->exec_start = now;
	next->slice_exec = 0;
	if (running() && !allowed_on(prev, c->id))
		kick_idle_cpu(prev);
	if (next != prev)
		switch_to(next);
	finish_switch(f & EFLAGS_IF);
	irq_restore(f);
}

/* Linux's old sched_compat_yield: the caller goes behind every runnable
 * process, so a yield really lets each of them run first. */
SYSCALL_DEFINE0(sched_yield)
{
	uint32_t f = rq_lock_irqsave();
	update_curr(monotonic_ns());
	if (!list_empty(&runqueue)) {
		struct proc *last = list_entry(runqueue.prev, struct proc, run_link);
		if (vt_before(current->vruntime, last->vruntime))
			current->vruntime = last->vruntime;
	}
	rq_unlock_irqrestore(f);
	schedule();
	return 0;
}

/* Whether the process just queued should take a CPU now: an idle one it may
 * run on, else this one or another whose process it is well ahead of. */
static void check_preempt_wakeup(struct proc *p)
{
	if (nr_cpu_ids > 1 && kick_idle_cpu(p))
		return;
	unsigned int self = smp_processor_id();
	for (unsigned int n = 0; n < nr_cpu_ids; n++) {
		unsigned int i = (self + n) % nr_cpu_ids;
		struct proc *curr = cpus[i].current_task;
		if (!cpu_online(i) || !allowed_on(p, i) || !curr)
			continue;
		if (is_idle(curr) ||
		    (int64_t)(curr->vruntime - p->vruntime) > (int64_t)to_virtual(WAKEUP_GRANULARITY_NS, p)) {
			curr->need_resched = true;
			smp_send_reschedule(i);
			return;
		}
	}
}

static bool try_to_wake_up(struct proc *p, bool sync)
{
	uint32_t f = rq_lock_irqsave();
	bool was_asleep = p->state == P_SLEEPING;
	if (was_asleep) {
		p->state = P_RUNNABLE;
		/* Woken before its schedule() took it off its CPU: it never left. */
		if (!p->on_cpu) {
			update_curr(monotonic_ns());
			uint64_t floor = min_vruntime - SCHED_LATENCY_NS / 2;
			if (vt_before(p->vruntime, floor))
				p->vruntime = floor;
			enqueue(p);
			if (!sync || !allowed_on(p, smp_processor_id()))
				check_preempt_wakeup(p);
		}
	}
	rq_unlock_irqrestore(f);
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
	uint32_t f = rq_lock_irqsave();
	list_init(&p->run_link);
	update_curr(monotonic_ns());
	p->vruntime = is_idle(current) ? min_vruntime : current->vruntime;
	uint64_t start = min_vruntime + to_virtual(sched_slice(p), p);
	if (vt_before(p->vruntime, start))
		p->vruntime = start;
	p->lock_depth = 0;                  /* its first switch takes the big kernel lock */
	p->state = P_RUNNABLE;
	enqueue(p);
	if (nr_cpu_ids > 1)
		kick_idle_cpu(p);
	rq_unlock_irqrestore(f);
}

/* p->nice changes the weight of a queued process in the queue's total too. */
void sched_set_nice(struct proc *p, int nice)
{
	uint32_t f = rq_lock_irqsave();
	bool queued = p->state == P_RUNNABLE && !p->on_cpu;
	if (queued)
		queued_load -= weight_of(p);
	p->nice = nice;
	if (queued)
		queued_load += weight_of(p);
	rq_unlock_irqrestore(f);
}

/* sched_setaffinity: a running process leaves a CPU the mask excludes at
 * its next return to user mode (the CPU is told to reschedule). */
void sched_set_cpus_allowed(struct proc *p, cpumask_t mask)
{
	uint32_t f = rq_lock_irqsave();
	p->cpus_allowed = mask;
	if (p->on_cpu && !allowed_on(p, p->cpu)) {
		p->need_resched = true;
		smp_send_reschedule(p->cpu);
	} else if (p->state == P_RUNNABLE && !p->on_cpu && nr_cpu_ids > 1) {
		kick_idle_cpu(p);
	}
	rq_unlock_irqrestore(f);
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

/* Called from every CPU's tick (CPU 0's also runs the due timers): time accounting, and the end of
 * the running process's slice (Linux's check_preempt_tick). */
void sched_tick(void)
{
	struct cpu *c = this_cpu();
	if (c->id == 0)
		run_timers(get_jiffies_64());
	struct proc *curr = current;
	bool user = irq_frame && tf_from_user(irq_frame);
	kstat_tick(is_idle(curr) ? CPUTIME_IDLE : user ? CPUTIME_USER : CPUTIME_SYSTEM);
	if (is_idle(curr)) {
		return;
	}
	if (user)
		curr->utime++;
	else
		curr->stime++;
	check_rlimit_cpu(curr);
	uint32_t f = rq_lock_irqsave();
	update_curr(monotonic_ns());
	struct proc *first = first_for(c->id);
	if (first) {
		uint64_t ideal = sched_slice(curr);
		if (curr->slice_exec >= ideal)
			curr->need_resched = true;
		else if (curr->slice_exec >= MIN_GRANULARITY_NS &&
			 (int64_t)(curr->vruntime - first->vruntime) > (int64_t)ideal)
			curr->need_resched = true;
	}
	rq_unlock_irqrestore(f);
}

/* The idle process of CPU cpu becomes its current one. */
void sched_init_cpu(unsigned int cpu)
{
	struct proc *idle = &idle_procs[cpu];
	idle->lock_depth = -1;
	idle->cpus_allowed = 1u << cpu;
	idle->on_cpu = true;
	idle->cpu = cpu;
	list_init(&idle->run_link);
	cpus[cpu].idle = idle;
	cpus[cpu].current_task = idle;
}

static bool runnable_here(void)
{
	uint32_t f = rq_lock_irqsave();
	bool r = first_for(smp_processor_id()) != NULL;
	rq_unlock_irqrestore(f);
	return r;
}

void cpu_idle(void)
{
	for (;;) {
		sti();
		schedule();
		/* Halt only if nothing became runnable since schedule() looked:
		 * a wake-up after this test sends the IPI that ends the hlt. */
		cli();
		if (!runnable_here())
			__asm__ volatile("sti; hlt" ::: "memory");
		sti();
	}
}

void scheduler_start(void)
{
	timer_set_tick_hook(sched_tick);
	unlock_kernel();
	cpu_idle();
}
