/* proc_task.c: /proc/PID/task/, one directory per thread of PID's group, named by its tid and
 * holding what /proc/TID/ holds (stat, status, comm...), as Linux's task directories do. */
#include "kernel.h"
#include "proc.h"
#include "fs/procfs.h"
#include "fs/ramfs.h"
#include "fs/vfs.h"
#include "uapi/dirent.h"
#include "uapi/errno.h"

static struct proc *dir_proc(const struct inode *dir)
{
	return proc_find((int)(intptr_t)dir->i_private);
}

static int task_lookup(struct inode *dir, const char *name, size_t len, struct inode **res)
{
	struct proc *p = dir_proc(dir);
	struct proc *t = proc_find(proc_parse_pid(name, len));
	if (!p || !t || t->tgid != p->tgid)
		return -ENOENT;
	return proc_pid_dir(dir, t, name, len, res);
}

/* After . and .., the live threads in table order, each at 3 + its slot. */
static int task_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->f_inode;
	struct proc *p = dir_proc(dir);
	if (!ramfs_emit_children(dir, ctx) || !p)
		return 0;
	for (loff_t i = ctx->pos - 2; i < NPROC; i++) {
		struct proc *t = &proc_table[i];
		if (t->state == P_UNUSED || t->state == P_EMBRYO || t->tgid != p->tgid)
			continue;
		char name[12];
		int n = snprintf(name, sizeof(name), "%d", t->pid);
		if (!ctx->actor(ctx, name, (size_t)n, i + 3, proc_pid_ino(t->pid, 0), DT_DIR))
			return 0;
		ctx->pos = i + 3;
	}
	return 0;
}

const struct inode_operations proc_task_iops = {
	.lookup = task_lookup,
	.evict = proc_pid_evict,
};

const struct file_operations proc_task_fops = {
	.read = ramfs_read_dir,
	.llseek = generic_file_llseek,
	.iterate = task_iterate,
};
