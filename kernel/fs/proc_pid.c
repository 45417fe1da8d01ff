/* proc_pid.c: the per-process part of /proc: /proc/<pid>/ (cmdline, environ,
 * stat, status, comm, maps, limits, mounts, mountinfo, the cwd, exe and root
 * links, fd/ and fdinfo/ from proc_fd.c, and task/ from proc_task.c) for
 * every live process, and the /proc/self link.
 * These nodes are made on lookup and never linked into the tree (i_nlink
 * 0), so each goes with its last reference; each holds one on its parent. */
#include "kernel.h"
#include "mm/kmalloc.h"
#include "mm/vm.h"
#include "mm/vma.h"
#include "mm/mm_struct.h"
#include "proc.h"
#include "fs/mounts.h"
#include "fs/procfs.h"
#include "fs/ramfs.h"
#include "fs/seq_file.h"
#include "fs/vfs.h"
#include "x86/timer.h"
#include "vdso/vdso.h"
#include "uapi/dirent.h"
#include "uapi/errno.h"
#include "uapi/stat.h"

/* Stable inode numbers: 16 per pid, above the ones ramfs hands out. */
#define PID_INO_BASE 0x40000000u
#define SELF_INO (PID_INO_BASE - 1)
#define THREAD_SELF_INO (PID_INO_BASE - 2)
#define TASK_ENTRY 15		/* the task/ directory's number among a pid's 16 */

struct pid_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, struct proc *p);
	int (*link)(struct proc *p, char *buf, size_t size);   /* a symlink's target */
	const struct inode_operations *dir_iops;                /* a directory's */
	const struct file_operations *dir_fops;
};

static int exe_link(struct proc *p, char *buf, size_t size);
static int cwd_link(struct proc *p, char *buf, size_t size);
static int root_link(struct proc *p, char *buf, size_t size);

static int comm_show(struct seq_file *m, struct proc *p)
{
	seq_printf(m, "%s\n", p->comm);
	return 0;
}

char task_state_char(const struct proc *p)
{
	switch (p->state) {
	case P_SLEEPING:
		if (p->sleep_state == TASK_STOPPED)
			return 'T';
		if (p->sleep_state == TASK_TRACED)
			return 't';
		return p->sleep_state == TASK_UNINTERRUPTIBLE ? 'D' : 'S';
	case P_ZOMBIE:
		return 'Z';
	default:
		return 'R';
	}
}

/* What Linux's status file says after the letter. */
static const char *task_state_name(char c)
{
	switch (c) {
	case 'S':
		return "sleeping";
	case 'D':
		return "disk sleep";
	case 'T':
		return "stopped";
	case 't':
		return "tracing stop";
	case 'Z':
		return "zombie";
	default:
		return "running";
	}
}

static int ppid_of(const struct proc *p)
{
	return p->parent ? p->parent->pid : 0;
}

/* None for a zombie, which has left its address space. */
static struct vm_area *regions(const struct proc *p)
{
	return p->mm ? p->mm->mmap : NULL;
}

static uint32_t resident_pages(const struct proc *p)
{
	uint32_t n = 0;
	for (const struct vm_area *v = regions(p); v; v = v->next)
		n += vm_resident_pages(p->pgdir, v->start, v->end);
	return n;
}

/* The fields of Linux's /proc/<pid>/stat up to rss; those the kernel does not track are 0. */
static int stat_show(struct seq_file *m, struct proc *p)
{
	seq_printf(m, "%d (%s) %c %d %d %d 0 -1 0 0 0 0 0 %u %u 0 0 %d %d 1 0 %u %u %u\n",
		   p->pid, p->comm, task_state_char(p), ppid_of(p), p->pgid, p->sid,
		   jiffies_to_clock_t(p->utime), jiffies_to_clock_t(p->stime), p->nice + 20, p->nice,
		   jiffies_to_clock_t(p->start_jiffies), vma_total(regions(p), 0), resident_pages(p));
	return 0;
}

static int status_show(struct seq_file *m, struct proc *p)
{
	char state = task_state_char(p);
	seq_printf(m, "Name:\t%s\nState:\t%c (%s)\nPid:\t%d\nPPid:\t%d\nTracerPid:\t%d\n"
		   "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
		   p->comm, state, task_state_name(state), p->pid, ppid_of(p), ptrace_tracer_pid(p),
		   p->uid, p->euid, p->suid, p->euid, p->gid, p->egid, p->sgid, p->egid);
	if (p->pgdir)
		seq_printf(m, "VmSize:\t%8u kB\nVmLck:\t%8u kB\nVmRSS:\t%8u kB\n",
			   vma_total(regions(p), 0) / 1024, vma_total(regions(p), VM_LOCKED) / 1024,
			   resident_pages(p) * (PGSIZE / 1024));
	return 0;
}

/* Linux's layout: anonymous regions have no file, offset 0, device 00:00,
 * inode 0 and a space; a file mapping its offset, the filesystem's device,
 * the inode number and the path; the heap, the stack, the vDSO and its time
 * page are named. Names start at column 73. */
static int maps_show(struct seq_file *m, struct proc *p)
{
	char path[256];
	for (const struct vm_area *v = regions(p); v; v = v->next) {
		const char *name = vdso_region_name(v);
		if (!name)
			name = (v->flags & VM_GROWSDOWN) ? "[stack]" :
			       v->start < ROUNDUP(p->mm->brk, PGSIZE) && v->end > p->mm->brk_start &&
			       p->mm->brk > p->mm->brk_start ? "[heap]" : NULL;
		struct inode *in = v->vm_file ? v->vm_file->f_inode : NULL;
		if (in && vfs_path_of(in, path, sizeof path) >= 0)
			name = path;
		char line[128];
		int n = snprintf(line, sizeof line, "%08x-%08x %c%c%c%c %08x %02x:%02x %u ", v->start, v->end,
				 (v->flags & VM_READ) ? 'r' : '-', (v->flags & VM_WRITE) ? 'w' : '-',
				 (v->flags & VM_EXEC) ? 'x' : '-', (v->flags & VM_SHARED) ? 's' : 'p',
				 in ? v->vm_pgoff * PGSIZE : 0, 0, in ? FS_DEV_MINOR : 0, in ? in->i_ino : 0);
		if (name)
			seq_printf(m, "%s%*s%s\n", line, MAX(73 - n, 0), "", name);
		else
			seq_printf(m, "%s\n", line);
	}
	return 0;
}

/* User memory [start, end) as it is now; nothing for a zombie, whose memory is gone, as on Linux. */
static void show_user_range(struct seq_file *m, struct proc *p, uint32_t start, uint32_t end)
{
	char chunk[256];
	for (uint32_t va = start; p->pgdir && va < end; va += sizeof(chunk)) {
		uint32_t n = MIN((uint32_t)sizeof(chunk), end - va);
		if (vm_read(p->pgdir, va, chunk, n))
			break;
		seq_write(m, chunk, n);
	}
}

/* The argument strings where exec put them, each with its NUL (what ps shows). */
static int cmdline_show(struct seq_file *m, struct proc *p)
{
	show_user_range(m, p, p->arg_start, p->arg_end);
	return 0;
}

/* The environment strings exec put right after the arguments. */
static int environ_show(struct seq_file *m, struct proc *p)
{
	show_user_range(m, p, p->arg_end, p->env_end);
	return 0;
}

static int limits_show(struct seq_file *m, struct proc *p)
{
	proc_limits_show(m, p->rlim);
	return 0;
}

static int mounts_show(struct seq_file *m, struct proc *p)
{
	(void)p;
	proc_mounts_show(m, false);
	return 0;
}

static int mountinfo_show(struct seq_file *m, struct proc *p)
{
	(void)p;
	proc_mounts_show(m, true);
	return 0;
}

/* Numbered 1..14: 0 is the directory's, TASK_ENTRY task/'s. */
static const struct pid_entry pid_entries[] = {
	{ "cmdline", S_IFREG | 0444, cmdline_show, NULL, NULL, NULL },
	{ "comm", S_IFREG | 0444, comm_show, NULL, NULL, NULL },
	{ "cwd", S_IFLNK | 0777, NULL, cwd_link, NULL, NULL },
	{ "environ", S_IFREG | 0400, environ_show, NULL, NULL, NULL },
	{ "exe", S_IFLNK | 0777, NULL, exe_link, NULL, NULL },
	{ "fd", S_IFDIR | 0500, NULL, NULL, &proc_fd_iops, &proc_fd_fops },
	{ "fdinfo", S_IFDIR | 0500, NULL, NULL, &proc_fdinfo_iops, &proc_fdinfo_fops },
	{ "limits", S_IFREG | 0444, limits_show, NULL, NULL, NULL },
	{ "maps", S_IFREG | 0444, maps_show, NULL, NULL, NULL },
	{ "mountinfo", S_IFREG | 0444, mountinfo_show, NULL, NULL, NULL },
	{ "mounts", S_IFREG | 0444, mounts_show, NULL, NULL, NULL },
	{ "root", S_IFLNK | 0777, NULL, root_link, NULL, NULL },
	{ "stat", S_IFREG | 0444, stat_show, NULL, NULL, NULL },
	{ "status", S_IFREG | 0444, status_show, NULL, NULL, NULL },
};
_Static_assert(ARRAY_SIZE(pid_entries) < TASK_ENTRY, "16 inode numbers per pid");

uint32_t proc_pid_ino(int pid, size_t entry)
{
	return PID_INO_BASE + (uint32_t)pid * 16 + (uint32_t)entry;
}

int proc_inode_pid(const struct inode *inode)
{
	return (int)(intptr_t)inode->i_private;
}

/* The entry a file node shows, from its inode number. */
static const struct pid_entry *inode_entry(const struct inode *inode)
{
	return &pid_entries[(inode->i_ino - PID_INO_BASE) % 16 - 1];
}

void proc_pid_evict(struct inode *inode)
{
	struct inode *up = inode->i_parent;
	ramfs_free_inode(inode);
	iput(up);
}

static int pid_show(struct seq_file *m, void *v)
{
	(void)v;
	struct inode *inode = m->private;
	struct proc *p = proc_find(proc_inode_pid(inode));
	return p ? inode_entry(inode)->show(m, p) : -ESRCH;
}

static int pid_file_open(struct inode *inode, struct file *file)
{
	return single_open(file, pid_show, inode);
}

static const struct file_operations pid_file_fops = {
	.open = pid_file_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

int proc_copy_link(char *buf, size_t size, const char *target)
{
	size_t n = MIN(size, strlen(target));
	memcpy(buf, target, n);
	return (int)n;
}

static int exe_link(struct proc *p, char *buf, size_t size)
{
	return p->exe[0] ? proc_copy_link(buf, size, p->exe) : -ENOENT;
}

static int cwd_link(struct proc *p, char *buf, size_t size)
{
	char path[256];
	int n = p->fs && p->fs->cwd ? vfs_path_of(p->fs->cwd, path, sizeof(path)) : -ENOENT;
	return n < 0 ? n : proc_copy_link(buf, size, path);
}

/* No chroot here: every process's root is the root. */
static int root_link(struct proc *p, char *buf, size_t size)
{
	(void)p;
	return proc_copy_link(buf, size, "/");
}

static int pid_readlink(struct inode *inode, char *buf, size_t size)
{
	struct proc *p = proc_find(proc_inode_pid(inode));
	return p ? inode_entry(inode)->link(p, buf, size) : -ENOENT;
}

static int self_readlink(struct inode *inode, char *buf, size_t size)
{
	(void)inode;
	char pid[12];
	if (!current)
		return -ENOENT;
	snprintf(pid, sizeof(pid), "%d", current->tgid);
	return proc_copy_link(buf, size, pid);
}

/* /proc/thread-self: the caller's thread, TGID/task/TID. */
static int thread_self_readlink(struct inode *inode, char *buf, size_t size)
{
	(void)inode;
	char path[32];
	if (!current)
		return -ENOENT;
	snprintf(path, sizeof(path), "%d/task/%d", current->tgid, current->pid);
	return proc_copy_link(buf, size, path);
}

static const struct inode_operations pid_file_iops = { .evict = proc_pid_evict };
static const struct inode_operations link_iops = { .readlink = pid_readlink, .evict = proc_pid_evict };
static const struct inode_operations self_iops = { .readlink = self_readlink, .evict = proc_pid_evict };
static const struct inode_operations thread_self_iops = { .readlink = thread_self_readlink, .evict = proc_pid_evict };

struct inode *proc_pid_node(struct inode *dir, const struct proc *p, umode_t mode, uint32_t ino)
{
	struct inode *inode = ramfs_new_inode(mode, p ? p->euid : 0, p ? p->egid : 0);
	if (!inode)
		return NULL;
	inode->i_ino = ino;
	inode->i_nlink = 0;
	inode->i_private = (void *)(intptr_t)(p ? p->pid : 0);
	inode->i_parent = iget(dir);
	return inode;
}

static int pid_dir_lookup(struct inode *dir, const char *name, size_t len, struct inode **res)
{
	struct proc *p = proc_find(proc_inode_pid(dir));
	if (!p)
		return -ENOENT;
	if (len == 4 && strncmp(name, "task", 4) == 0) {
		struct inode *inode = proc_pid_node(dir, p, S_IFDIR | 0555, proc_pid_ino(p->pid, TASK_ENTRY));
		if (!inode)
			return -ENOMEM;
		inode->i_op = &proc_task_iops;
		inode->i_fop = &proc_task_fops;
		*res = inode;
		return 0;
	}
	for (size_t i = 0; i < ARRAY_SIZE(pid_entries); i++) {
		const struct pid_entry *e = &pid_entries[i];
		if (strncmp(e->name, name, len) != 0 || e->name[len])
			continue;
		struct inode *inode = proc_pid_node(dir, p, e->mode, proc_pid_ino(p->pid, i + 1));
		if (!inode)
			return -ENOMEM;
		inode->i_op = e->show ? &pid_file_iops : e->link ? &link_iops : e->dir_iops;
		inode->i_fop = e->show ? &pid_file_fops : e->link ? NULL : e->dir_fops;
		*res = inode;
		return 0;
	}
	return -ENOENT;
}

static int pid_dir_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->f_inode;
	if (!ramfs_emit_children(dir, ctx))
		return 0;
	for (size_t i = (size_t)ctx->pos - 2; i < ARRAY_SIZE(pid_entries); i++) {
		const struct pid_entry *e = &pid_entries[i];
		if (!ctx->actor(ctx, e->name, strlen(e->name), (loff_t)i + 3,
				proc_pid_ino(proc_inode_pid(dir), i + 1), mode_to_dtype(e->mode)))
			return 0;
		ctx->pos = (loff_t)i + 3;
	}
	loff_t task_pos = (loff_t)ARRAY_SIZE(pid_entries) + 3;
	if (ctx->pos < task_pos && ctx->actor(ctx, "task", 4, task_pos, proc_pid_ino(proc_inode_pid(dir), TASK_ENTRY), DT_DIR))
		ctx->pos = task_pos;
	return 0;
}

static const struct inode_operations pid_dir_iops = {
	.lookup = pid_dir_lookup,
	.evict = proc_pid_evict,
};

static const struct file_operations pid_dir_fops = {
	.read = ramfs_read_dir,
	.llseek = generic_file_llseek,
	.iterate = pid_dir_iterate,
};

/* "123" -> 123; -1 if name is not a plain decimal number. */
int proc_parse_pid(const char *name, size_t len)
{
	int pid = 0;
	if (len == 0 || len > 6 || name[0] == '0')
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		pid = pid * 10 + (name[i] - '0');
	}
	return pid;
}

int proc_pid_lookup(struct inode *proc_root, const char *name, size_t len, struct inode **res)
{
	bool self = len == 4 && strncmp(name, "self", 4) == 0;
	if (self || (len == 11 && strncmp(name, "thread-self", 11) == 0)) {
		struct inode *inode = proc_pid_node(proc_root, NULL, S_IFLNK | 0777, self ? SELF_INO : THREAD_SELF_INO);
		if (!inode)
			return -ENOMEM;
		inode->i_op = self ? &self_iops : &thread_self_iops;
		*res = inode;
		return 0;
	}
	struct proc *p = proc_find(proc_parse_pid(name, len));
	if (!p)
		return -ENOENT;
	return proc_pid_dir(proc_root, p, name, len, res);
}

/* The directory of process (or thread) p, named name, below parent. */
int proc_pid_dir(struct inode *parent, struct proc *p, const char *name, size_t len, struct inode **res)
{
	struct inode *inode = proc_pid_node(parent, p, S_IFDIR | 0555, proc_pid_ino(p->pid, 0));
	if (!inode)
		return -ENOMEM;
	inode->i_name = kmalloc(len + 1);
	if (!inode->i_name) {
		proc_pid_evict(inode);
		return -ENOMEM;
	}
	memcpy(inode->i_name, name, len);
	inode->i_name[len] = '\0';
	inode->i_op = &pid_dir_iops;
	inode->i_fop = &pid_dir_fops;
	*res = inode;
	return 0;
}

bool proc_pid_emit(struct dir_context *ctx, loff_t base)
{
	if (ctx->pos == base) {
		if (!ctx->actor(ctx, "self", 4, base + 1, SELF_INO, DT_LNK))
			return false;
		ctx->pos = base + 1;
	}
	if (ctx->pos == base + 1) {
		if (!ctx->actor(ctx, "thread-self", 11, base + 2, THREAD_SELF_INO, DT_LNK))
			return false;
		ctx->pos = base + 2;
	}
	for (loff_t i = ctx->pos - base - 2; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		/* Threads other than a leader are found by lookup, as on Linux, not listed. */
		if (p->state == P_UNUSED || p->group_leader != p)
			continue;
		char name[12];
		int n = snprintf(name, sizeof(name), "%d", p->pid);
		if (!ctx->actor(ctx, name, (size_t)n, base + 3 + i, proc_pid_ino(p->pid, 0), DT_DIR))
			return false;
		ctx->pos = base + 3 + i;
	}
	return true;
}
