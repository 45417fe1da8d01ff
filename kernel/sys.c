/* sys.c: system-wide calls: uname, sysinfo, reboot (power-off with a status,
 * which the test harness reads), prctl's process name, and the thread-area
 * calls glibc makes at start-up (set_thread_area puts a TLS descriptor in one
 * of the process's GDT slots, reloaded at every switch). */
#include "kernel.h"
#include "mm/pmm.h"
#include "module/module.h"
#include "x86/ldt.h"
#include "x86/power.h"
#include "x86/timer.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/ldt.h"
#include "uapi/prctl.h"
#include "uapi/reboot.h"
#include "uapi/sysinfo.h"
#include "uapi/utsname.h"
#include "utsname.h"

/* Release 6.1.0-freax: a Linux version, so programs that check the kernel
 * version (glibc, LTP) take the calls this kernel has, the way other
 * Linux-compatible kernels report one. */
const struct new_utsname init_uts = {
	.sysname = "Linux",             /* the ABI it speaks; see version */
	.nodename = "freax",
	.release = "6.1.0-freax",
	.version = "#1 freax: a free 386 kernel, just a hobby",
	.machine = "i686",
	.domainname = "(none)",
};

SYSCALL_DEFINE1(uname, struct new_utsname *, ubuf)
{
	return copyout(&init_uts, ubuf, sizeof(init_uts)) ? -EFAULT : 0;
}

/* No load averages are kept (they read 0) and there is no swap; memory is in
 * bytes (mem_unit 1), as Linux reports it when the sizes fit in 32 bits. */
SYSCALL_DEFINE1(sysinfo, struct sysinfo *, uinfo)
{
	struct sysinfo si = { .mem_unit = 1 };
	uint64_t ns = monotonic_ns();
	si.uptime = (int32_t)((ns + 999999999) / 1000000000);   /* rounded up, as Linux */
	si.totalram = (uint32_t)(pmm_total_pages() * PGSIZE);
	si.freeram = (uint32_t)(pmm_free_pages() * PGSIZE);
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED)
			si.procs++;
	return copyout(&si, uinfo, sizeof(si)) ? -EFAULT : 0;
}

/* The name, parent-death signal, dumpable and child-subreaper options; any
 * other is EINVAL, Linux's answer to an option it does not know. */
SYSCALL_DEFINE2(prctl, int, option, unsigned long, arg2)
{
	char name[TASK_COMM_LEN];
	_Static_assert(sizeof(current->comm) == TASK_COMM_LEN, "comm is Linux's size");
	switch (option) {
	case PR_SET_NAME: {
		/* As Linux: the first 15 bytes, whether or not the string ends there. */
		long n = strncpy_from_user(name, (const char __user *)arg2, sizeof(name) - 1);
		if (n == -ENAMETOOLONG)
			n = sizeof(name) - 1;
		else if (n < 0)
			return n;
		name[n] = '\0';
		strlcpy(current->comm, name, sizeof(current->comm));
		return 0;
	}
	case PR_GET_NAME:
		return copyout(current->comm, (char __user *)arg2, sizeof(current->comm)) ? -EFAULT : 0;
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		current->pdeath_signal = (int)arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return current->dumpable;
	case PR_SET_DUMPABLE:
		if (arg2 > 1)
			return -EINVAL;
		current->dumpable = arg2;
		return 0;
	case PR_SET_CHILD_SUBREAPER:
		current->child_subreaper = arg2 != 0;
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)current->child_subreaper, (int __user *)arg2);
	default:
		return -EINVAL;
	}
}

/* The execution domain is recorded and given back; 0xffffffff only asks. */
SYSCALL_DEFINE1(personality, unsigned, persona)
{
	unsigned old = current->personality;
	if (persona != 0xffffffffu)
		current->personality = persona;
	return old;
}

/* LINUX_REBOOT_CMD_POWER_OFF takes the status for the host as its 4th
 * argument (Linux ignores it there): init passes the test result this way. */
SYSCALL_DEFINE4(reboot, uint32_t, magic1, uint32_t, magic2, uint32_t, cmd, uint32_t, arg)
{
	if (magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	if (current->euid != 0)
		return -EPERM;
	if (cmd == LINUX_REBOOT_CMD_POWER_OFF || cmd == LINUX_REBOOT_CMD_HALT) {
		freebsd_module_shutdown();
		poweroff((int)arg);
	}
	return -EINVAL;
}

/* Linux's tls_desc_okay: no segment (either form), or a present 32-bit data
 * segment. A code segment could be loaded into %cs, and a %cs whose slot is
 * later cleared cannot be replaced on the way back to user mode the way a
 * data selector can. */
static bool tls_desc_ok(const struct user_desc *d)
{
	return ldt_zero(d) || ldt_empty(d) || (d->seg_32bit && d->contents <= 1 && !d->seg_not_present);
}

static struct segdesc tls_desc(const struct user_desc *d)
{
	return ldt_zero(d) || ldt_empty(d) ? (struct segdesc){ 0 } : fill_ldt(d);
}

int tls_install(struct segdesc *tls, uint32_t uaddr)
{
	struct user_desc __user *udesc = (struct user_desc __user *)uaddr;
	struct user_desc d;
	if (copyin(udesc, &d, sizeof(d)))
		return -EFAULT;
	if (!tls_desc_ok(&d))
		return -EINVAL;
	int idx = (int)d.entry_number;
	if (idx == -1) {
		for (idx = 0; idx < GDT_ENTRY_TLS_ENTRIES; idx++)
			if (!tls[idx].access)
				break;
		if (idx == GDT_ENTRY_TLS_ENTRIES)
			return -ESRCH;
		idx += GDT_ENTRY_TLS_MIN;
		d.entry_number = idx;
		if (copyout(&d.entry_number, &udesc->entry_number, sizeof(d.entry_number)))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN || idx >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES)
		return -EINVAL;
	tls[idx - GDT_ENTRY_TLS_MIN] = tls_desc(&d);
	return 0;
}

SYSCALL_DEFINE1(set_thread_area, struct user_desc *, udesc)
{
	int r = tls_install(current->tls, (uint32_t)udesc);
	if (!r) {
		gdt_load_tls(current->tls);
		current->exit_work |= EXIT_WORK_SELECTORS;
	}
	return r;
}
