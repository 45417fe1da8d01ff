/* procfs_seed.c: the /proc examples of seed 003 (procfs1..4.c):
 * /proc/helloworld returns "HelloWorld!\n" with its NUL (13 bytes) once,
 * then end of file; /proc/buffer1k keeps up to 1 KiB written to it but reads
 * like helloworld (as the seed's does); /proc/buffer2k keeps up to 2 KiB and
 * reads them back; /proc/iter is a seq_file whose every open-and-read shows
 * the next number. */
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

/* ---- procfs1: /proc/helloworld; procfs2: /proc/buffer1k ---- */

/* The reads honour the count and the offset: the seed copies its buffer
 * whole into any buffer. */

static ssize_t procfile_read(struct file *filePointer, char __user *buffer, size_t buffer_length,
			     loff_t *offset)
{
	(void)filePointer;
	static const char s[13] = "HelloWorld!\n";
	return simple_read_from_buffer(buffer, buffer_length, offset, s, sizeof(s));
}

#define PROCFS_MAX_SIZE 1024
static char procfs_buffer[PROCFS_MAX_SIZE + 1];
static unsigned long procfs_buffer_size = 0;

static ssize_t procfile_write(struct file *file, const char __user *buff, size_t len, loff_t *off)
{
	(void)file, (void)off;
	size_t size = min_t(size_t, len, PROCFS_MAX_SIZE);
	if (copy_from_user(procfs_buffer, buff, size))
		return -EFAULT;
	procfs_buffer_size = size;
	procfs_buffer[procfs_buffer_size] = '\0';
	return (ssize_t)procfs_buffer_size;
}

static const struct proc_ops hello_proc_ops = {
	.proc_read = procfile_read,
};

static const struct proc_ops buffer1k_proc_ops = {
	.proc_read = procfile_read,
	.proc_write = procfile_write,
};

/* ---- procfs3: /proc/buffer2k ---- */

#define PROCFS2K_MAX_SIZE 2048
static char procfs2k_buffer[PROCFS2K_MAX_SIZE];
static unsigned long procfs2k_buffer_size = 0;

static ssize_t procfs_read(struct file *filp, char __user *buffer, size_t length, loff_t *offset)
{
	(void)filp;
	return simple_read_from_buffer(buffer, length, offset, procfs2k_buffer, procfs2k_buffer_size);
}

/* Copies into a scratch buffer first: a copy that faults part-way must not
 * leave half of a failed write in the contents that reads return. */
static ssize_t procfs_write(struct file *file, const char __user *buffer, size_t len, loff_t *off)
{
	(void)file, (void)off;
	size_t size = min_t(size_t, len, PROCFS2K_MAX_SIZE);
	char *tmp = kmalloc(size ? size : 1, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	ssize_t ret = -EFAULT;
	if (!copy_from_user(tmp, buffer, size)) {
		memcpy(procfs2k_buffer, tmp, size);
		procfs2k_buffer_size = size;
		ret = (ssize_t)size;
	}
	kfree(tmp);
	return ret;
}

static const struct proc_ops file_ops_4_our_proc_file = {
	.proc_read = procfs_read,
	.proc_write = procfs_write,
};

/* ---- procfs4: /proc/iter ---- */

/* pos 0 starts a sequence on the counter; any other ends it (and rewinds). */
static void *my_seq_start(struct seq_file *s, loff_t *pos)
{
	(void)s;
	static unsigned long counter = 0;
	if (*pos == 0)
		return &counter;
	*pos = 0;
	return NULL;
}

/* One record per sequence: count it and stop. */
static void *my_seq_next(struct seq_file *s, void *v, loff_t *pos)
{
	(void)s;
	unsigned long *tmp_v = (unsigned long *)v;
	(*tmp_v)++;
	(*pos)++;
	return NULL;
}

static void my_seq_stop(struct seq_file *s, void *v)
{
	(void)s, (void)v;       /* nothing to do: start() hands out a static */
}

static int my_seq_show(struct seq_file *s, void *v)
{
	seq_printf(s, "%lu\n", *(unsigned long *)v);
	return 0;
}

static const struct seq_operations my_seq_ops = {
	.start = my_seq_start,
	.next = my_seq_next,
	.stop = my_seq_stop,
	.show = my_seq_show,
};

static int my_open(struct inode *inode, struct file *file)
{
	(void)inode;
	return seq_open(file, &my_seq_ops);
}

static const struct proc_ops my_file_ops = {
	.proc_open = my_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

static int procfs_seed_init(void)
{
	if (!proc_create("helloworld", 0644, NULL, &hello_proc_ops) ||
	    !proc_create("buffer1k", 0644, NULL, &buffer1k_proc_ops) ||
	    !proc_create("buffer2k", 0644, NULL, &file_ops_4_our_proc_file) ||
	    !proc_create("iter", 0, NULL, &my_file_ops)) {
		pr_err("procfs_seed: could not create the /proc entries\n");
		return -ENOMEM;
	}
	return 0;
}
static void procfs_seed_exit(void)
{
	remove_proc_entry("helloworld", NULL);
	remove_proc_entry("buffer1k", NULL);
	remove_proc_entry("buffer2k", NULL);
	remove_proc_entry("iter", NULL);
}

module_init(procfs_seed_init);
module_exit(procfs_seed_exit);
MODULE_LICENSE("GPL");
