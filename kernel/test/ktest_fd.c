/* ktest_fd.c: in-kernel tests of the fd table's Linux contract (a reserved
 * fd is no file until fd_install fills it, put_unused_fd gives it back,
 * dup2 onto it is EBUSY, fork does not inherit it; fget references) and of
 * the byte ring under pipes and devfifo (two pieces across the wrap). */
#include "kernel.h"
#include "fs/fdtable.h"
#include "fs/ringbuf.h"
#include "proc.h"
#include "test/ktest.h"
#include "test/ktest_fs.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/resource.h"

static int kt_releases;

static int kt_release(struct inode *inode, struct file *file)
{
	(void)inode, (void)file;
	kt_releases++;
	return 0;
}

static const struct file_operations kt_fops = { .release = kt_release };

KTEST(fd_reserve_install)
{
	become(0);
	current->rlim[RLIMIT_NOFILE].rlim_cur = NOFILE;
	struct fdtable *t = current->files = fdtable_alloc();
	struct file *f = file_alloc(&kt_fops, NULL, O_RDWR);
	KCHECK(t && f);
	if (!t || !f)
		goto out;
	kt_releases = 0;
	KCHECK(get_unused_fd_flags(0) == 0);
	KCHECK(!files_lookup_fd_raw(t, 0) && !fget(0));        /* reserved: no file yet */
	KCHECK(close_fd(0) == -EBADF);
	KCHECK(replace_fd(0, f, 0) == -EBUSY);
	KCHECK(get_unused_fd_flags(O_CLOEXEC) == 1 && get_close_on_exec(1));
	put_unused_fd(1);
	KCHECK(get_unused_fd_flags(0) == 1 && !get_close_on_exec(1));

	struct fdtable *child = fdtable_dup(t);  /* fork while fds 0 and 1 are reserved */
	KCHECK(child != NULL);
	if (child) {
		current->files = child;
		KCHECK(get_unused_fd_flags(0) == 0);    /* not the child's to fill */
		fdtable_free(child);
	}
	current->files = t;
	KCHECK(get_unused_fd_flags(0) == 2);    /* the child's copy did not free ours */
	put_unused_fd(2);

	fd_install(0, f);                       /* takes over our reference */
	fd_install(1, get_file(f));
	KCHECK(fget(0) == f && f->f_count == 3);
	fput(f);
	KCHECK(f_dupfd(5, f, O_CLOEXEC) == 5 && get_close_on_exec(5) && f->f_count == 3);
	KCHECK(f_dupfd(NOFILE, f, 0) == -EINVAL);
	KCHECK(replace_fd(1, f, 0) == 1 && f->f_count == 3);    /* dup2 onto itself keeps the count */
	KCHECK(close_fd(5) == 0 && close_fd(5) == -EBADF && f->f_count == 2);
	KCHECK(kt_releases == 0);
	fdtable_free(t);
	KCHECK(kt_releases == 1);               /* once, at the last reference */
out:
	current->files = NULL;
	leave();
}

KTEST(ringbuf_wraps)
{
	become(0);                              /* kernel buffers pass as user ones */
	struct ringbuf rb = { 0 };
	char out[16] = { 0 };
	KCHECK(ringbuf_alloc(&rb, 0) == -EINVAL);
	KCHECK(ringbuf_alloc(&rb, 8) == 0);
	KCHECK(ringbuf_from_user(&rb, "abcdef", 6) == 6);
	KCHECK(ringbuf_to_user(&rb, out, 4) == 4 && memcmp(out, "abcd", 4) == 0);
	KCHECK(ringbuf_from_user(&rb, "ghijklmn", 8) == 6 && ringbuf_avail(&rb) == 0);
	KCHECK(ringbuf_from_user(&rb, "x", 1) == 0);
	KCHECK(ringbuf_to_user(&rb, out, sizeof out) == 8 && memcmp(out, "efghijkl", 8) == 0);
	KCHECK(rb.len == 0 && ringbuf_to_user(&rb, out, 4) == 0);
	ringbuf_free(&rb);
	KCHECK(!rb.buf && rb.size == 0);
	leave();
}
