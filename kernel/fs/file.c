/* file.c: open file descriptions and inode references. A struct file is
 * shared by dup and fork through its reference count; the driver's release
 * runs exactly once, when the last reference goes. */
#include "kernel.h"
#include "module/module.h"
#include "fs/file.h"
#include "fs/leases.h"
#include "fs/locks.h"
#include "mm/kmalloc.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/fs.h"
#include "x86/x86.h"

struct file *file_alloc(const struct file_operations *fops, struct inode *inode, unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f));
	if (!f)
		return NULL;
	f->f_op = fops;
	if (fops)
		__module_get(fops->owner);
	f->f_inode = inode ? iget(inode) : NULL;
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
	f->f_count = 1;
	return f;
}

struct file *get_file(struct file *f)
{
	uint32_t fl = irq_save();
	f->f_count++;
	irq_restore(fl);
	return f;
}

void fput(struct file *f)
{
	if (!f)
		return;
	uint32_t fl = irq_save();
	int left = --f->f_count;
	irq_restore(fl);
	if (left > 0)
		return;
	locks_remove_file(f);
	leases_remove_file(f);
	if ((f->f_flags & FASYNC) && f->f_op && f->f_op->fasync)
		f->f_op->fasync(-1, f, 0);
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	if (f->f_writer)
		put_write_access(f->f_inode);
	if (f->f_reader)
		f->f_inode->i_readcount--;
	if (f->f_op)
		module_put(f->f_op->owner);
	iput(f->f_inode);
	kfree(f);
}

struct inode *iget(struct inode *inode)
{
	if (inode)
		inode->i_count++;
	return inode;
}

void iput(struct inode *inode)
{
	if (!inode || --inode->i_count > 0)
		return;
	if (!inode->i_op || !inode->i_op->evict)
		return;
	if (inode->i_nlink == 0 || (inode->i_op->drop_inode && inode->i_op->drop_inode(inode)))
		inode->i_op->evict(inode);
}

/* Writes through the file's own write method from a kernel buffer. */
ssize_t kernel_write(struct file *f, const void *buf, size_t count, loff_t *pos)
{
	if (!f->f_op || !f->f_op->write)
		return -EINVAL;
	bool saved = uaccess_kernel_begin();
	ssize_t r = f->f_op->write(f, (const char __user *)buf, count, pos);
	uaccess_kernel_end(saved);
	return r;
}

/* Reads through the file's own read method into a kernel buffer. */
ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t pos)
{
	if (!f->f_op || !f->f_op->read)
		return -EINVAL;
	bool saved = uaccess_kernel_begin();
	ssize_t r = f->f_op->read(f, buf, count, &pos);
	uaccess_kernel_end(saved);
	return r;
}

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from,
				size_t available)
{
	if (*ppos < 0)
		return -EINVAL;
	if (*ppos >= (loff_t)available || count == 0)
		return 0;
	/* As Linux: a copy that faults part-way returns what it moved. */
	size_t n = MIN(count, available - (size_t)*ppos);
	n -= copy_to_user(to, (const char *)from + *ppos, n);
	if (n == 0)
		return -EFAULT;
	*ppos += (loff_t)n;
	return (ssize_t)n;
}

loff_t llseek_pos(struct file *file, loff_t offset, int whence, loff_t maxsize, loff_t eof)
{
	loff_t base;
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		if (eof < 0)
			return -EINVAL;
		base = eof;
		break;
	default:
		return -EINVAL;
	}
	/* A sum past 2^63 - 1 would wrap negative: EINVAL, as Linux's vfs_setpos. */
	if (offset > 0 && base > INT64_MAX - offset)
		return -EINVAL;
	if (base + offset < 0 || base + offset > maxsize)
		return -EINVAL;
	return base + offset;
}

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize, loff_t eof)
{
	loff_t pos = llseek_pos(file, offset, whence, maxsize, eof);
	if (pos >= 0)
		file->f_pos = pos;
	return pos;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	return generic_file_llseek_size(file, offset, whence, INT64_MAX,
					file->f_inode ? file->f_inode->i_size : 0);
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	(void)file, (void)offset, (void)whence;
	return -ESPIPE;
}

int get_write_access(struct inode *inode)
{
	if (inode->i_writecount < 0)
		return -ETXTBSY;
	inode->i_writecount++;
	return 0;
}

void put_write_access(struct inode *inode)
{
	inode->i_writecount--;
}

int deny_write_access(struct inode *inode)
{
	if (inode->i_writecount > 0)
		return -ETXTBSY;
	inode->i_writecount--;
	return 0;
}

void allow_write_access(struct inode *inode)
{
	if (inode)
		inode->i_writecount++;
}
