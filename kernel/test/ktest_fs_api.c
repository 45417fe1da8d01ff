/* ktest_fs_api.c: in-kernel tests of the filesystem APIs drivers use:
 * procfs entries and /proc/<pid>, seq_file iteration, sysfs attributes, devfs. */
#include "kernel.h"
#include "dev/devfs.h"
#include "mm/kmalloc.h"
#include "test/ktest.h"
#include "test/ktest_fs.h"
#include "fs/namei.h"
#include "proc.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "fs/sysfs.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

static ssize_t kt_proc_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	const char *msg = pde_data(file->f_inode);
	size_t len = strlen(msg);
	if (*pos >= (loff_t)len)
		return 0;
	count = MIN(count, len - (size_t)*pos);
	if (copyout(msg + *pos, buf, count))
		return -EFAULT;
	*pos += count;
	return (ssize_t)count;
}

static const struct proc_ops kt_proc_ops = { .proc_read = kt_proc_read };

KTEST(fs_procfs_entry)
{
	become(0);
	static const char msg[] = "HelloWorld!\n";
	struct proc_dir_entry *dir = proc_mkdir("kt_dir", NULL);
	KCHECK(dir != NULL);
	KCHECK(proc_create_data("hello", 0, dir, &kt_proc_ops, (void *)msg) != NULL);
	KCHECK(proc_create_data("hello", 0, dir, &kt_proc_ops, (void *)msg) == NULL);
	char buf[64];
	KCHECK(kread_all("/proc/kt_dir/hello", buf, sizeof(buf), 5) == 12 && strcmp(buf, msg) == 0);
	struct inode *in;
	KCHECK(vfs_lookup("/proc/kt_dir/hello", &in) == 0 && in->i_mode == (S_IFREG | 0444));
	iput(in);
	remove_proc_entry("kt_dir", NULL);
	KCHECK(lookup_err("/proc/kt_dir/hello") == -ENOENT && lookup_err("/proc/kt_dir") == -ENOENT);
	KCHECK(kread_all("/proc/meminfo", buf, sizeof(buf), 64) > 0 && memcmp(buf, "MemTotal:", 9) == 0);
	leave();
}

KTEST(fs_procfs_pid)
{
	become(0);
	struct proc *p = NULL;
	for (int i = 0; i < NPROC && !p; i++)
		if (proc_table[i].state == P_UNUSED)
			p = &proc_table[i];
	if (!p)
		goto out;
	p->pid = 4242;
	p->state = P_SLEEPING;
	p->sleep_state = TASK_INTERRUPTIBLE;
	strlcpy(p->comm, "ktest", sizeof(p->comm));
	strlcpy(p->exe, "/bin/ktest", sizeof(p->exe));
	p->pgid = p->sid = 4242;
	char buf[128];
	KCHECK(kread_all("/proc/4242/stat", buf, sizeof(buf), 4) > 0 &&
	       memcmp(buf, "4242 (ktest) S 0 4242 4242 ", 27) == 0);
	struct inode *in;
	KCHECK(vfs_lookup_at(AT_FDCWD, "/proc/4242/exe", false, &in) == 0);
	KCHECK(in->i_op->readlink(in, buf, sizeof(buf)) == 10 && memcmp(buf, "/bin/ktest", 10) == 0);
	iput(in);
	KCHECK(lookup_err("/proc/4242/nothing") == -ENOENT);
	current->pid = current->tgid = 4242;     /* /proc/self names the tgid */
	KCHECK(lookup_err("/proc/self/stat") == 0);
	memset(p, 0, sizeof(*p));
	KCHECK(lookup_err("/proc/4242") == -ENOENT);
out:
	leave();
}

/* Records "0\n" .. "4\n", the middle one padded past a page so that the buffer must grow. */
static void *kt_seq_start(struct seq_file *m, loff_t *pos)
{
	(void)m;
	return *pos < 5 ? pos : NULL;
}

static void *kt_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	(void)m, (void)v;
	++*pos;
	return *pos < 5 ? pos : NULL;
}

static void kt_seq_stop(struct seq_file *m, void *v)
{
	(void)m, (void)v;
}

static int kt_seq_show(struct seq_file *m, void *v)
{
	loff_t i = *(loff_t *)v;
	seq_printf(m, "%d\n", (int)i);
	if (i == 2)
		for (int k = 0; k < 5000; k++)
			seq_putc(m, 'x');
	return 0;
}

static const struct seq_operations kt_seq_ops = { kt_seq_start, kt_seq_stop, kt_seq_next, kt_seq_show };

static int kt_seq_open(struct inode *inode, struct file *file)
{
	(void)inode;
	return seq_open(file, &kt_seq_ops);
}

static const struct proc_ops kt_seq_proc_ops = {
	.proc_open = kt_seq_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

KTEST(fs_seq_file)
{
	become(0);
	KCHECK(proc_create("kt_seq", 0444, NULL, &kt_seq_proc_ops) != NULL);
	char *buf = kmalloc(8192);
	for (size_t chunk = 7; chunk <= 8192; chunk *= 9) {
		ssize_t n = kread_all("/proc/kt_seq", buf, 8192, chunk);
		KCHECK(n == 5000 + 10);
		KCHECK(memcmp(buf, "0\n1\n2\nxxx", 9) == 0 && memcmp(buf + 5006, "3\n4\n", 4) == 0);
	}
	int err;
	struct file *f = kopen("/proc/kt_seq", O_RDONLY, 0, &err);
	KCHECK(f && f->f_op->llseek(f, 5006, 0) == 5006);
	KCHECK(f && f->f_op->read(f, buf, 100, &f->f_pos) == 4 && memcmp(buf, "3\n4\n", 4) == 0);
	if (f)
		fput(f);
	/* The same records through proc_create_seq. */
	KCHECK(proc_create_seq("kt_seq2", 0444, NULL, &kt_seq_ops) != NULL);
	KCHECK(kread_all("/proc/kt_seq2", buf, 8192, 100) == 5000 + 10);
	remove_proc_entry("kt_seq2", NULL);
	kfree(buf);
	remove_proc_entry("kt_seq", NULL);
	leave();
}

static int kt_sysfs_value;

static ssize_t kt_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	(void)kobj, (void)attr;
	return snprintf(buf, PGSIZE, "%d\n", kt_sysfs_value);
}

static ssize_t kt_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
	(void)kobj, (void)attr;
	kt_sysfs_value = (int)strtoul(buf, NULL, 10);
	return (ssize_t)count;
}

static struct kobj_attribute kt_attr = __ATTR(myvariable, 0660, kt_show, kt_store);

KTEST(fs_sysfs)
{
	become(0);
	struct kobject *k = kobject_create_and_add("kt_module", kernel_kobj);
	KCHECK(k != NULL);
	if (!k)
		goto out;
	KCHECK(sysfs_create_file(k, &kt_attr.attr) == 0);
	KCHECK(sysfs_create_file(k, &kt_attr.attr) == -EEXIST);
	char buf[16];
	KCHECK(kread_all("/sys/kernel/kt_module/myvariable", buf, sizeof(buf), 16) == 2 && strcmp(buf, "0\n") == 0);
	int err;
	struct file *f = kopen("/sys/kernel/kt_module/myvariable", O_WRONLY, 0, &err);
	KCHECK(f && kwrite(f, "32") == 2);
	if (f)
		fput(f);
	KCHECK(kread_all("/sys/kernel/kt_module/myvariable", buf, sizeof(buf), 1) == 3 && strcmp(buf, "32\n") == 0);
	struct inode *in;
	KCHECK(vfs_lookup("/sys/kernel/kt_module/myvariable", &in) == 0 && in->i_mode == (S_IFREG | 0660));
	iput(in);
	kobject_put(k);
	KCHECK(lookup_err("/sys/kernel/kt_module") == -ENOENT && lookup_err("/sys/kernel") == 0);
out:
	leave();
}

KTEST(fs_devfs)
{
	become(0);
	KCHECK(devfs_create("kt_dev", MKDEV(250, 3), 0, 5, 0620) == 0);
	KCHECK(devfs_create("kt_dev", MKDEV(250, 3), 0, 5, 0620) == -EEXIST);
	KCHECK(devfs_create("a/b", MKDEV(250, 3), 0, 0, 0600) == -EINVAL);
	struct inode *in;
	KCHECK(vfs_lookup("/dev/kt_dev", &in) == 0 && in->i_mode == (S_IFCHR | 0620) &&
	       in->i_gid == 5 && in->i_rdev == MKDEV(250, 3));
	iput(in);
	devfs_remove("kt_dev");
	KCHECK(lookup_err("/dev/kt_dev") == -ENOENT);
	leave();
}

/* Creating and removing files gives back all of the heap. */
