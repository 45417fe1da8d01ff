/* ktest_fs.c: in-kernel tests of the filesystem: path lookup, creating and
 * removing names and their errors, permissions, links, initramfs unpacking,
 * directory iteration, procfs entries and seq_file, sysfs attributes, devfs.
 * They run before user space, so each test acts as a stand-in process (for
 * credentials, the working directory, and kernel buffers through uaccess). */
#include "kernel.h"
#include "devfs.h"
#include "kmalloc.h"
#include "ktest.h"
#include "namei.h"
#include "proc.h"
#include "procfs.h"
#include "ramfs.h"
#include "seq_file.h"
#include "sysfs.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

static struct proc test_proc;
static struct proc *saved_current;

static void become(uint32_t uid)
{
	if (current == &test_proc && test_proc.cwd)
		iput(test_proc.cwd);
	else if (current != &test_proc)
		saved_current = current;
	memset(&test_proc, 0, sizeof(test_proc));
	test_proc.uid = test_proc.euid = uid;
	test_proc.gid = test_proc.egid = uid;
	test_proc.uaccess_kernel = 1;
	current = &test_proc;
}

static void leave(void)
{
	if (test_proc.cwd)
		iput(test_proc.cwd);
	test_proc.cwd = NULL;
	current = saved_current;
}

static struct file *kopen(const char *path, int flags, umode_t mode, int *err)
{
	struct file *f = NULL;
	*err = vfs_open(path, flags, mode, &f);
	return *err ? NULL : f;
}

static ssize_t kwrite(struct file *f, const char *s)
{
	return f->f_op->write(f, s, strlen(s), &f->f_pos);
}

/* Reads a whole file in chunks of `chunk` bytes into buf (NUL-terminated). */
static ssize_t kread_all(const char *path, char *buf, size_t size, size_t chunk)
{
	int err;
	struct file *f = kopen(path, O_RDONLY, 0, &err);
	if (!f)
		return err;
	size_t got = 0;
	ssize_t n;
	while (got + 1 < size &&
	       (n = f->f_op->read(f, buf + got, MIN(chunk, size - 1 - got), &f->f_pos)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	fput(f);
	return (ssize_t)got;
}

static int lookup_err(const char *path)
{
	struct inode *in;
	int err = vfs_lookup(path, &in);
	if (!err)
		iput(in);
	return err;
}

static int kmkdir(const char *path, umode_t mode)
{
	struct nameidata nd;
	int err = vfs_lookup_parent(AT_FDCWD, path, &nd);
	if (err)
		return err;
	err = vfs_create(&nd, S_IFDIR | mode, 0, true, NULL);
	nameidata_put(&nd);
	return err;
}

static int kremove(const char *path, bool dir)
{
	struct nameidata nd;
	int err = vfs_lookup_parent(AT_FDCWD, path, &nd);
	if (err)
		return err;
	err = vfs_remove(&nd, dir, true);
	nameidata_put(&nd);
	return err;
}

KTEST(fs_lookup_create_unlink)
{
	become(0);
	int err;
	KCHECK(kmkdir("/tmp/kt", 0755) == 0);
	struct file *f = kopen("/tmp/kt/a", O_CREAT | O_RDWR, 0644, &err);
	KCHECK(f != NULL);
	if (!f)
		goto out;
	KCHECK(kwrite(f, "hello") == 5);
	struct inode *a, *b;
	KCHECK(vfs_lookup("/tmp/kt/./a", &a) == 0);
	KCHECK(vfs_lookup("//tmp/../tmp/kt/a", &b) == 0);
	KCHECK(a == b && a == f->f_inode && a->i_size == 5);
	iput(b);
	KCHECK(vfs_lookup("/tmp/kt", &b) == 0);
	test_proc.cwd = b;
	KCHECK(lookup_err("a") == 0 && lookup_err("../kt/a") == 0);
	char cwd[64];
	KCHECK(vfs_getcwd(cwd, sizeof(cwd)) == 8 && strcmp(cwd, "/tmp/kt") == 0);
	KCHECK(vfs_getcwd(cwd, 5) == -ERANGE);
	/* Unlinked but open: the data stays until the last reference goes. */
	KCHECK(kremove("a", false) == 0);
	KCHECK(lookup_err("a") == -ENOENT && a->i_nlink == 0);
	char buf[8] = { 0 };
	KCHECK(kernel_read(f, buf, sizeof(buf), 0) == 5 && memcmp(buf, "hello", 5) == 0);
	iput(a);
	fput(f);
	KCHECK(kremove("/tmp/kt", true) == 0);
	/* The current directory is gone: lookups in it fail, getcwd says so. */
	KCHECK(lookup_err("..") == -ENOENT);
	KCHECK(vfs_getcwd(cwd, sizeof(cwd)) == -ENOENT);
out:
	leave();
}

KTEST(fs_errors)
{
	become(0);
	int err;
	KCHECK(kmkdir("/tmp/ke", 0755) == 0);
	struct file *f = kopen("/tmp/ke/f", O_CREAT | O_WRONLY, 0644, &err);
	KCHECK(f != NULL);
	if (f)
		fput(f);
	KCHECK(lookup_err("/tmp/ke/f/x") == -ENOTDIR);
	KCHECK(lookup_err("/tmp/ke/f/") == -ENOTDIR);
	KCHECK(lookup_err("/tmp/ke/missing") == -ENOENT);
	KCHECK(lookup_err("/tmp/ke/missing/x") == -ENOENT);
	KCHECK(lookup_err("") == -ENOENT);
	KCHECK(!kopen("/tmp/ke/f", O_CREAT | O_EXCL | O_WRONLY, 0644, &err) && err == -EEXIST);
	KCHECK(!kopen("/tmp/ke", O_WRONLY, 0, &err) && err == -EISDIR);
	KCHECK(!kopen("/tmp/ke", O_CREAT | O_RDONLY, 0, &err) && err == -EISDIR);
	KCHECK(!kopen("/tmp/ke/f", O_RDONLY | O_DIRECTORY, 0, &err) && err == -ENOTDIR);
	KCHECK(kmkdir("/tmp/ke", 0755) == -EEXIST);
	KCHECK(kmkdir("/tmp/ke/f/d", 0755) == -ENOTDIR);
	KCHECK(kremove("/tmp/ke", true) == -ENOTEMPTY);
	KCHECK(kremove("/tmp/ke/f", true) == -ENOTDIR);
	KCHECK(kremove("/tmp/ke", false) == -EISDIR);
	KCHECK(kremove("/tmp/ke/.", true) == -EINVAL);
	char longname[300] = "/tmp/";
	memset(longname + 5, 'x', 256);
	KCHECK(lookup_err(longname) == -ENAMETOOLONG);
	KCHECK(kremove("/tmp/ke/f", false) == 0);
	KCHECK(kremove("/tmp/ke", true) == 0);
	leave();
}

KTEST(fs_permissions)
{
	become(0);
	int err;
	struct file *f = kopen("/tmp/kp_root", O_CREAT | O_WRONLY, 0600, &err);
	KCHECK(f != NULL);
	if (f)
		fput(f);
	become(1000);
	KCHECK(!kopen("/tmp/kp_root", O_RDONLY, 0, &err) && err == -EACCES);
	f = kopen("/tmp/kp_user", O_CREAT | O_WRONLY, 0644, &err);
	KCHECK(f != NULL && f->f_inode->i_uid == 1000);
	if (f)
		fput(f);
	KCHECK(kmkdir("/dev/kp", 0755) == -EACCES);
	/* /tmp is sticky: another user may not remove it, its owner may. */
	become(1001);
	KCHECK(kremove("/tmp/kp_user", false) == -EPERM);
	become(1000);
	KCHECK(kremove("/tmp/kp_user", false) == 0);
	KCHECK(kremove("/tmp/kp_root", false) == -EPERM);
	become(0);
	KCHECK(kremove("/tmp/kp_root", false) == 0);
	leave();
}

KTEST(fs_symlink)
{
	become(0);
	int err;
	struct file *f = kopen("/tmp/ks_target", O_CREAT | O_WRONLY, 0644, &err);
	KCHECK(f != NULL);
	if (f)
		fput(f);
	struct nameidata nd;
	struct inode *link = NULL;
	KCHECK(vfs_lookup_parent(AT_FDCWD, "/tmp/ks_link", &nd) == 0);
	KCHECK(vfs_create(&nd, S_IFLNK | 0777, 0, true, &link) == 0);
	nameidata_put(&nd);
	if (!link)
		goto out;
	KCHECK(ramfs_write_data(link, 0, "ks_target", 9) == 0);
	iput(link);
	struct inode *a, *b;
	KCHECK(vfs_lookup_at(AT_FDCWD, "/tmp/ks_link", true, &a) == 0 && S_ISREG(a->i_mode));
	KCHECK(vfs_lookup_at(AT_FDCWD, "/tmp/ks_link", false, &b) == 0 && S_ISLNK(b->i_mode));
	char buf[16];
	KCHECK(b->i_op->readlink(b, buf, sizeof(buf)) == 9 && memcmp(buf, "ks_target", 9) == 0);
	iput(a);
	iput(b);
	KCHECK(!kopen("/tmp/ks_link", O_RDONLY | O_NOFOLLOW, 0, &err) && err == -ELOOP);
	KCHECK(kremove("/tmp/ks_link", false) == 0);
	KCHECK(kremove("/tmp/ks_target", false) == 0);
out:
	leave();
}

/* Appends one newc entry to the archive at a + *off. */
static void cpio_add(char *a, size_t *off, const char *name, umode_t mode, uint32_t rmaj, uint32_t rmin,
		     const char *data)
{
	size_t nlen = strlen(name) + 1, dlen = strlen(data);
	*off += (size_t)snprintf(a + *off, 111, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
				 1u, (unsigned)mode, 0u, 0u, 1u, 0u, (unsigned)dlen, 0u, 0u,
				 (unsigned)rmaj, (unsigned)rmin, (unsigned)nlen, 0u);
	memcpy(a + *off, name, nlen);
	*off = ROUNDUP(*off + nlen, 4);
	memcpy(a + *off, data, dlen);
	*off = ROUNDUP(*off + dlen, 4);
}

KTEST(fs_initramfs)
{
	become(0);
	char *a = kzalloc(4096);
	size_t off = 0;
	cpio_add(a, &off, "kcpio", S_IFDIR | 0750, 0, 0, "");
	cpio_add(a, &off, "kcpio/f", S_IFREG | 0640, 0, 0, "contents");
	cpio_add(a, &off, "kcpio/l", S_IFLNK | 0777, 0, 0, "f");
	cpio_add(a, &off, "TRAILER!!!", 0, 0, 0, "");
	off += 8;               /* zero padding, then a second archive */
	cpio_add(a, &off, "./kcpio/dev", S_IFCHR | 0600, 250, 7, "");
	cpio_add(a, &off, "kcpio/f", S_IFREG | 0600, 0, 0, "replaced");
	cpio_add(a, &off, "TRAILER!!!", 0, 0, 0, "");
	KCHECK(initramfs_unpack(a, off) == 0);
	struct inode *in;
	KCHECK(vfs_lookup("/kcpio", &in) == 0 && in->i_mode == (S_IFDIR | 0750));
	iput(in);
	char buf[32];
	KCHECK(kread_all("/kcpio/l", buf, sizeof(buf), 3) == 8 && strcmp(buf, "replaced") == 0);
	KCHECK(vfs_lookup("/kcpio/f", &in) == 0 && in->i_mode == (S_IFREG | 0600));
	iput(in);
	KCHECK(vfs_lookup("/kcpio/dev", &in) == 0 && S_ISCHR(in->i_mode) && in->i_rdev == MKDEV(250, 7));
	iput(in);
	KCHECK(initramfs_unpack("070701zz", 8) == -EINVAL);
	for (const char *p = "/kcpio/dev\0/kcpio/l\0/kcpio/f\0"; *p; p += strlen(p) + 1)
		KCHECK(kremove(p, false) == 0);
	KCHECK(kremove("/kcpio", true) == 0);
	kfree(a);
	leave();
}

struct names_seen {
	struct dir_context ctx;
	int count, dots;
	bool found;
};

static bool count_actor(struct dir_context *ctx, const char *name, size_t len, loff_t next_pos,
			uint64_t ino, unsigned int type)
{
	(void)next_pos, (void)ino;
	struct names_seen *s = container_of(ctx, struct names_seen, ctx);
	s->count++;
	s->dots += (len == 1 && name[0] == '.') || (len == 2 && memcmp(name, "..", 2) == 0);
	s->found |= len == 5 && memcmp(name, "kd_f2", 5) == 0 && type == 8 /* DT_REG */;
	return s->count < 3;    /* a small "buffer": stop after every third entry */
}

KTEST(fs_iterate)
{
	become(0);
	int err;
	const char *names[] = { "/tmp/kd/kd_f1", "/tmp/kd/kd_f2", "/tmp/kd/kd_f3" };
	KCHECK(kmkdir("/tmp/kd", 0755) == 0);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct file *f = kopen(names[i], O_CREAT | O_WRONLY, 0644, &err);
		if (f)
			fput(f);
	}
	struct file *d = kopen("/tmp/kd", O_RDONLY | O_DIRECTORY, 0, &err);
	KCHECK(d != NULL);
	if (!d)
		goto out;
	struct names_seen s = { .ctx = { .actor = count_actor } };
	int total = 0;
	for (int round = 0; round < 4; round++) {
		s.count = 0;
		KCHECK(d->f_op->iterate(d, &s.ctx) == 0);
		total += s.count - (s.count == 3);     /* the refused one comes again */
	}
	KCHECK(total == 5 && s.dots == 2 && s.found);
	fput(d);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		KCHECK(kremove(names[i], false) == 0);
	KCHECK(kremove("/tmp/kd", true) == 0);
out:
	leave();
}

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
	test_proc.pid = 4242;
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
KTEST(fs_no_leak)
{
	become(0);
	int err;
	size_t before = kmalloc_in_use();
	for (int i = 0; i < 50; i++) {
		struct file *f = kopen("/tmp/kl", O_CREAT | O_RDWR, 0644, &err);
		if (!f)
			break;
		for (int k = 0; k < 20; k++)
			kwrite(f, "0123456789abcdef0123456789abcdef");
		KCHECK(kremove("/tmp/kl", false) == 0);
		fput(f);
	}
	KCHECK(kmalloc_in_use() == before);
	leave();
}
