/* pipe.c: pipes and FIFOs, as Linux has them: a 64 KiB ring; writes of up
 * to PIPE_BUF bytes are atomic (all or nothing at once), larger ones may be
 * split; a reader blocks while the pipe is empty and there are writers, and
 * gets EOF once the last writer is gone (every blocked reader is woken); a
 * writer with no reader left gets EPIPE and SIGPIPE. O_NONBLOCK gives EAGAIN;
 * FIONREAD and poll say what is ready. A FIFO (mknod S_IFIFO, mkfifo) is the
 * same pipe reached by name: opening one end waits for the other end.
 * F_SETPIPE_SZ resizes the ring to a power of two pages. A blocking write
 * of more than PIPE_BUF bytes into an empty ring while a reader sleeps in
 * read is a direct write, as FreeBSD's: the writer waits and that reader
 * copies straight from its pages, one copy instead of two (into the ring and
 * out of it); what one read leaves goes into the ring, so the write returns
 * as soon as a reader has run, as if the ring had taken it. An O_ASYNC end gets
 * SIGIO when the other side writes (POLL_IN) or reads (POLL_OUT). */
#include "kernel.h"
#include "fs/fasync.h"
#include "fs/fdtable.h"
#include "mm/kmalloc.h"
#include "mm/vm.h"
#include "fs/pipe.h"
#include "fs/poll.h"
#include "fs/ringbuf.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "uapi/capability.h"
#include "uapi/fcntl.h"
#include "uapi/ioctl.h"
#include "uapi/limits.h"
#include "uapi/stat.h"

#define PIPE_SIZE 65536

/* Used from process context only, never by interrupt handlers; the kernel is
 * not preempted, so between two sleeps a reader or writer has it to itself. */
/* A writer asleep in a direct write: readers take its bytes from its pages. */
struct pipe_writer {
	pde_t *pgdir;
	const char __user *buf;
	size_t left;
	bool stuck;                     /* a page not present: the rest goes through the ring */
};

struct pipe {
	struct ringbuf ring;
	struct pipe_writer *direct;     /* NULL, or the writer readers copy from */
	int readers, writers;
	int rsleepers;                  /* readers asleep in pipe_read */
	unsigned r_opens, w_opens;      /* FIFO opens so far: what a waiting open watches */
	struct wait_queue_head rwait, wwait;
	struct fasync_struct *fasync_readers, *fasync_writers;  /* O_ASYNC ends: SIGIO */
	struct inode *fifo;             /* a FIFO's inode, or NULL for pipe(2) */
	struct inode inode;             /* pipe(2): what fstat sees; its references keep the pipe */
};

static uint32_t pipe_next_ino = 1;

/* Whether a direct writer has bytes left for readers. */
static bool pipe_direct_ready(struct pipe *p)
{
	return p->direct && p->direct->left && !p->direct->stuck;
}

static bool pipe_readable(struct pipe *p)
{
	return p->ring.len > 0 || pipe_direct_ready(p) || p->writers == 0;
}

/* Copies from the direct writer's present pages into the reader's buffer;
 * the bytes copied, or -EFAULT if the reader's buffer faulted first. */
static ssize_t pipe_read_direct(struct pipe *p, char __user *ubuf, size_t n)
{
	struct pipe_writer *w = p->direct;
	size_t done = 0;
	n = MIN(n, w->left);
	while (done < n) {
		uint32_t va = (uint32_t)w->buf;
		pte_t *pte = vm_walk(w->pgdir, va, false);
		if (!pte || (*pte & (PTE_P | PTE_U)) != (PTE_P | PTE_U)) {
			w->stuck = true;
			break;
		}
		size_t piece = MIN(n - done, PGSIZE - (va & (PGSIZE - 1)));
		if (copyout((char *)P2V(PTE_ADDR(*pte)) + (va & (PGSIZE - 1)), ubuf + done, piece))
			return done ? (ssize_t)done : -EFAULT;
		w->buf += piece;
		w->left -= piece;
		done += piece;
	}
	return (ssize_t)done;
}

/* A reader leaving read ends the direct write: the writer puts the rest in
 * the ring, so it never waits for a read that may not come. */
static void pipe_end_direct(struct pipe *p)
{
	if (pipe_direct_ready(p)) {
		p->direct->stuck = true;
		wake_up_interruptible(&p->wwait);
	}
}

static ssize_t pipe_read(struct file *f, char __user *ubuf, size_t count, loff_t *pos)
{
	(void)pos;
	struct pipe *p = f->private_data;
	if (count == 0)
		return 0;
	if (!pipe_readable(p)) {
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		p->rsleepers++;
		int r = wait_event_interruptible(p->rwait, pipe_readable(p));
		p->rsleepers--;
		if (r) {
			pipe_end_direct(p);
			return r;
		}
	}
	ssize_t done = ringbuf_to_user(&p->ring, ubuf, count);
	if (done >= 0 && (size_t)done < count && p->ring.len == 0 && pipe_direct_ready(p)) {
		ssize_t n = pipe_read_direct(p, ubuf + done, count - (size_t)done);
		done = n < 0 ? (done ? done : n) : done + n;
	}
	pipe_end_direct(p);
	if (done > 0) {
		wake_up_interruptible_sync(&p->wwait);   /* as Linux: the reader usually reads again or sleeps */
		kill_fasync(&p->fasync_writers, SIGIO, POLL_OUT);
	}
	return done;
}

/* Waits while readers copy from the writer's buffer; the bytes they took,
 * or the wait's error if none. */
static ssize_t pipe_write_direct(struct pipe *p, const char __user *ubuf, size_t count)
{
	struct pipe_writer me = { current->pgdir, ubuf, count, false };
	p->direct = &me;
	wake_up_interruptible(&p->rwait);
	int r = wait_event_interruptible(p->wwait, me.left == 0 || me.stuck || p->readers == 0);
	p->direct = NULL;
	return me.left < count ? (ssize_t)(count - me.left) : r;
}

static ssize_t pipe_write(struct file *f, const char __user *ubuf, size_t count, loff_t *pos)
{
	(void)pos;
	struct pipe *p = f->private_data;
	size_t done = 0;
	/* Only user memory: a reader walks the writer's page tables below USER_TOP. */
	bool direct = !(f->f_flags & O_NONBLOCK) && count > PIPE_BUF &&
		      (uint32_t)ubuf < USER_TOP && count <= USER_TOP - (uint32_t)ubuf;
	while (done < count) {
		if (p->readers == 0) {
			send_signal(current, SIGPIPE, NULL);
			return done ? (ssize_t)done : -EPIPE;
		}
		if (direct && p->ring.len == 0 && !p->direct && p->rsleepers) {
			ssize_t n = pipe_write_direct(p, ubuf + done, count - done);
			if (n < 0)
				return done ? (ssize_t)done : n;
			done += (size_t)n;
			if (done < count && signal_pending(current))
				return (ssize_t)done;
			direct = false;         /* all taken, no reader left, or stuck: the ring from here */
			continue;
		}
		/* Up to PIPE_BUF bytes must go in one piece; more may be split. */
		size_t need = count - done <= PIPE_BUF ? count - done : 1;
		if (ringbuf_avail(&p->ring) < need) {
			if (f->f_flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			int r = wait_event_interruptible(p->wwait, ringbuf_avail(&p->ring) >= need || p->readers == 0);
			if (r)
				return done ? (ssize_t)done : r;
			continue;
		}
		size_t room = MIN(count - done, ringbuf_avail(&p->ring));
		ssize_t n = ringbuf_from_user(&p->ring, ubuf + done, count - done);
		if (n < 0)
			return done ? (ssize_t)done : n;
		done += (size_t)n;
		wake_up_interruptible(&p->rwait);
		kill_fasync(&p->fasync_readers, SIGIO, POLL_IN);
		if ((size_t)n < room)
			break;          /* the user buffer faulted part-way */
	}
	return done;
}

static unsigned int pipe_poll(struct file *f, poll_table *pt)
{
	struct pipe *p = f->private_data;
	unsigned int mask = 0;
	if (file_readable(f)) {
		poll_wait(f, &p->rwait, pt);
		if (p->ring.len || pipe_direct_ready(p))
			mask |= POLLIN | POLLRDNORM;
		if (p->writers == 0)
			mask |= POLLHUP;
	}
	if (file_writable(f)) {
		poll_wait(f, &p->wwait, pt);
		if (ringbuf_avail(&p->ring) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (p->readers == 0)
			mask |= POLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe *p = f->private_data;
	if (cmd != FIONREAD)
		return -ENOIOCTLCMD;
	int n = (int)(p->ring.len + (pipe_direct_ready(p) ? MIN(p->direct->left, p->ring.size) : 0));
	return put_user(n, (int *)arg);
}

static void pipe_free(struct pipe *p)
{
	ringbuf_free(&p->ring);
	kfree(p);
}

/* Drops one reader and/or writer; the last one out frees a FIFO's pipe
 * (pipe(2)'s goes with the last reference to its inode). */
static void pipe_put(struct pipe *p, bool reader, bool writer)
{
	p->readers -= reader;
	p->writers -= writer;
	/* The last writer gone means EOF for every blocked reader, and the last
	 * reader gone means EPIPE for every blocked writer. */
	wake_up_all(&p->rwait);
	wake_up_all(&p->wwait);
	if ((p->readers == 0) != (p->writers == 0)) {         /* one side is gone: EOF or EPIPE */
		kill_fasync(&p->fasync_readers, SIGIO, POLL_IN);
		kill_fasync(&p->fasync_writers, SIGIO, POLL_OUT);
	}
	if (p->readers == 0 && p->writers == 0 && p->fifo) {
		p->fifo->i_private = NULL;
		pipe_free(p);
	}
}

static int pipe_release(struct inode *inode, struct file *f)
{
	(void)inode;
	struct pipe *p = f->private_data;
	pipe_put(p, file_readable(f), file_writable(f));
	return 0;
}

/* Linux's pipe_fasync: each end on its side's list. */
static int pipe_fasync(int fd, struct file *f, int on)
{
	struct pipe *p = f->private_data;
	int r = file_readable(f) ? fasync_helper(fd, f, on, &p->fasync_readers) : 0;
	if (file_writable(f) && r >= 0) {
		r = fasync_helper(fd, f, on, &p->fasync_writers);
		if (r < 0 && file_readable(f))
			fasync_helper(-1, f, 0, &p->fasync_readers);
	}
	return r;
}

static const struct file_operations pipe_fops = {
	.fasync = pipe_fasync,
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
	.llseek = no_llseek,
};

/* Linux's round_pipe_size: whole pages, a power of two of them; 0 if too big. */
static size_t round_pipe_size(unsigned long size)
{
	if (size > (1ul << 31))
		return 0;
	size_t n = PGSIZE;
	while (n < size)
		n <<= 1;
	return n;
}

long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg)
{
	if (f->f_op != &pipe_fops)
		return -EBADF;
	struct pipe *p = f->private_data;
	if (cmd == F_GETPIPE_SZ)
		return (long)p->ring.size;
	size_t size = round_pipe_size(arg);
	if (size == 0)
		return -EINVAL;
	if (size > PIPE_MAX_SIZE && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (size < p->ring.len)
		return -EBUSY;
	int err = size == p->ring.size ? 0 : ringbuf_resize(&p->ring, size);
	if (err)
		return err;
	wake_up_interruptible(&p->wwait);
	return (long)size;
}

static struct pipe *pipe_alloc(void)
{
	struct pipe *p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	if (ringbuf_alloc(&p->ring, PIPE_SIZE)) {
		kfree(p);
		return NULL;
	}
	init_waitqueue_head(&p->rwait);
	init_waitqueue_head(&p->wwait);
	return p;
}

/* Opening a FIFO, as Linux: a reader waits for a writer and a writer for a
 * reader, unless O_NONBLOCK (a reader then goes on; a writer gets ENXIO);
 * O_RDWR never waits. Waiting watches the other side's open count, so an
 * open-and-close in between still counts. */
static int fifo_open(struct inode *inode, struct file *f)
{
	struct pipe *p = inode->i_private;
	if (!p) {
		p = pipe_alloc();
		if (!p)
			return -ENOMEM;
		p->fifo = inode;
		inode->i_private = p;
	}
	bool rd = file_readable(f), wr = file_writable(f), nonblock = f->f_flags & O_NONBLOCK;
	if (wr && !rd && nonblock && p->readers == 0) {
		if (p->writers == 0)
			pipe_put(p, false, false);
		return -ENXIO;
	}
	p->readers += rd;
	p->writers += wr;
	p->r_opens += rd;
	p->w_opens += wr;
	wake_up_interruptible(&p->rwait);
	wake_up_interruptible(&p->wwait);
	int err = 0;
	if (rd && !wr && !nonblock && p->writers == 0) {
		unsigned seen = p->w_opens;
		err = wait_event_interruptible(p->rwait, p->w_opens != seen);
	} else if (wr && !rd && p->readers == 0) {
		unsigned seen = p->r_opens;
		err = wait_event_interruptible(p->wwait, p->r_opens != seen);
	}
	if (err) {
		pipe_put(p, rd, wr);
		return err;
	}
	f->private_data = p;
	f->f_op = &pipe_fops;
	return 0;
}

const struct file_operations def_fifo_fops = {
	.open = fifo_open,
};

static void pipe_inode_evict(struct inode *inode)
{
	pipe_free(inode->i_private);
}

static bool pipe_drop_inode(struct inode *inode)
{
	(void)inode;
	return true;
}

/* A pipe(2) inode is opened again through /proc/PID/fd/N as a FIFO is:
 * fifo_open finds the pipe in i_private. */
static const struct inode_operations pipe_inode_ops = {
	.evict = pipe_inode_evict,
	.drop_inode = pipe_drop_inode,
};

/* Linux's create_pipe_files: a new pipe and its read and write ends. */
static int create_pipe_files(struct file **res, int flags)
{
	struct pipe *p = pipe_alloc();
	if (!p)
		return -ENFILE;
	struct inode *inode = &p->inode;
	inode->i_mode = S_IFIFO | 0600;
	inode->i_uid = current->euid;
	inode->i_gid = current->egid;
	inode->i_nlink = 1;
	inode->i_ino = pipe_next_ino++;
	inode->i_op = &pipe_inode_ops;
	inode->i_fop = &def_fifo_fops;
	inode->i_private = p;
	inode->i_count = 1;             /* ours until the files hold theirs */
	list_init(&inode->i_children);
	list_init(&inode->i_sibling);
	unsigned int fl = flags & O_NONBLOCK;
	res[0] = file_alloc(&pipe_fops, inode, O_RDONLY | fl);
	res[1] = res[0] ? file_alloc(&pipe_fops, inode, O_WRONLY | fl) : NULL;
	if (!res[1]) {
		if (res[0])
			res[0]->f_op = NULL;    /* never opened: no release to run */
		fput(res[0]);
		iput(inode);
		return -ENFILE;
	}
	res[0]->private_data = res[1]->private_data = p;
	p->readers = p->writers = 1;
	iput(inode);
	return 0;
}

/* As Linux: the files, then both fds reserved, then the copy-out; only
 * when all of it worked do the fds get their files, so a failure closes
 * nothing user space could have seen. */
static int do_pipe2(int *ufds, int flags)
{
	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	struct file *files[2];
	int err = create_pipe_files(files, flags);
	if (err)
		return err;
	int fds[2] = { get_unused_fd_flags((unsigned)flags), -1 };
	if (fds[0] >= 0)
		fds[1] = get_unused_fd_flags((unsigned)flags);
	err = fds[0] < 0 ? fds[0] : fds[1] < 0 ? fds[1] : copyout(fds, ufds, sizeof(fds)) ? -EFAULT : 0;
	if (err) {
		for (int i = 0; i < 2; i++) {
			if (fds[i] >= 0)
				put_unused_fd(fds[i]);
			fput(files[i]);
		}
		return err;
	}
	fd_install(fds[0], files[0]);
	fd_install(fds[1], files[1]);
	return 0;
}

SYSCALL_DEFINE2(pipe2, int *, ufds, int, flags)
{
	return do_pipe2(ufds, flags);
}

SYSCALL_DEFINE1(pipe, int *, ufds)
{
	return do_pipe2(ufds, 0);
}
