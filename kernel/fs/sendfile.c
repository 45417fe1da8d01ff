/* sendfile.c: sendfile and sendfile64, Linux's do_sendfile: bytes from a
 * page-cache file to any writable file (a pipe, another file, a tty)
 * without passing through user space. With an offset pointer the input's
 * position is that offset, written back, and f_pos stays; without, f_pos
 * moves. The checks come in Linux's order. splice and tee are not here. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "mm/filemap.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/stat.h"

#define MAX_NON_LFS 0x7fffffff  /* the most the 32-bit offset of sendfile can say */

/* Page-sized copies from in at *pos to out at its f_pos until count bytes,
 * the end of in, a short write or a signal: the bytes moved, or the first
 * error when none moved. */
static ssize_t copy_file_to(struct file *in, loff_t *pos, struct file *out, size_t count)
{
	char *buf = kmalloc(PGSIZE);
	if (!buf)
		return -ENOMEM;
	ssize_t total = 0;
	while ((size_t)total < count) {
		ssize_t n = kernel_read(in, buf, MIN(count - (size_t)total, PGSIZE), *pos);
		ssize_t w = n > 0 ? kernel_write(out, buf, (size_t)n, &out->f_pos) : n;
		if (w <= 0) {
			total = total ? total : w;
			break;
		}
		*pos += w;
		total += w;
		if (w < n || signal_pending(current))
			break;
	}
	kfree(buf);
	return total;
}

static ssize_t do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count, loff_t max)
{
	struct file *in = fget(in_fd), *out = NULL;
	ssize_t r = !in || !file_readable(in) ? -EBADF : 0;
	bool seekable = in && in->f_op->llseek && in->f_op->llseek != no_llseek;
	loff_t pos = ppos ? *ppos : in ? in->f_pos : 0;
	if (!r && ppos && !seekable)
		r = -ESPIPE;
	else if (!r && pos < 0)
		r = -EINVAL;
	count = MIN(count, MAX_RW_COUNT);
	if (!r && (!(out = fget(out_fd)) || !file_writable(out)))
		r = -EBADF;
	if (!r && pos + (loff_t)count > (max ? max : MAX_LFS_FILESIZE)) {
		max = max ? max : MAX_LFS_FILESIZE;
		r = pos >= max ? -EOVERFLOW : 0;
		count = (size_t)(max - pos);
	}
	/* Linux's splice_direct_to_actor: a regular file in, and no O_APPEND
	 * out unless out is a pipe. */
	bool to_pipe = out && out->f_inode && S_ISFIFO(out->f_inode->i_mode);
	if (!r && (!in->f_inode || !S_ISREG(in->f_inode->i_mode) || !in->f_inode->i_mapping ||
		   (!to_pipe && (out->f_flags & O_APPEND))))
		r = -EINVAL;
	if (!r && count)
		r = copy_file_to(in, &pos, out, count);
	if (r > 0 && !ppos)
		in->f_pos = pos;
	else if (ppos)
		*ppos = pos;
	fput(in);
	fput(out);
	return r;
}

SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, int32_t __user *, offset, size_t, count)
{
	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count, 0);
	int32_t off;
	if (copyin(offset, &off, sizeof(off)))
		return -EFAULT;
	loff_t pos = off;
	ssize_t r = do_sendfile(out_fd, in_fd, &pos, count, MAX_NON_LFS);
	off = (int32_t)pos;
	return copyout(&off, offset, sizeof(off)) ? -EFAULT : r;
}

SYSCALL_DEFINE4(sendfile64, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count, 0);
	loff_t pos;
	if (copyin(offset, &pos, sizeof(pos)))
		return -EFAULT;
	ssize_t r = do_sendfile(out_fd, in_fd, &pos, count, 0);
	return copyout(&pos, offset, sizeof(pos)) ? -EFAULT : r;
}
