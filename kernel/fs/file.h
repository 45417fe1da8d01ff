/* file.h: the VFS objects: struct inode (a file in a filesystem), struct file
 * (an open file description: operations, flags, offset, private data, reference
 * count, shared by dup and fork) and the Linux-style operation tables that
 * filesystems and drivers fill in. */
#ifndef FILE_H
#define FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "errno.h"                /* ENOIOCTLCMD, ERESTARTSYS */
#include "list.h"
#include "uaccess.h"
#include "uapi/fcntl.h"

typedef long ssize_t;
typedef int64_t loff_t;
typedef uint32_t dev_t;
typedef uint32_t umode_t;

#define MAX_RW_COUNT 0x7ffff000u        /* Linux caps one transfer at this: INT_MAX & PAGE_MASK */

/* Device numbers inside the kernel: 12-bit major, 20-bit minor, as Linux's
 * MKDEV. new_encode_dev() turns them into the st_rdev user space sees. */
#define MINORBITS 20
#define MINORMASK ((1u << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((dev_t)(ma) << MINORBITS) | (mi))

static inline uint32_t new_encode_dev(dev_t dev)
{
	unsigned major = MAJOR(dev), minor = MINOR(dev);
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

static inline dev_t new_decode_dev(uint32_t dev)
{
	unsigned major = (dev & 0xfff00) >> 8;
	unsigned minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
	return MKDEV(major, minor);
}

struct inode;
struct file;
struct dir_hash;
struct poll_table_struct;
struct dir_context;
struct cdev;

struct inode_operations {
	/* Finds name (len bytes, not NUL-terminated) in dir; a referenced inode or -ENOENT. */
	int (*lookup)(struct inode *dir, const char *name, size_t len, struct inode **res);
	/* Makes a regular file, directory or device node (mode carries S_IFMT). */
	int (*create)(struct inode *dir, const char *name, size_t len, umode_t mode, dev_t rdev,
		      struct inode **res);
	int (*unlink)(struct inode *dir, const char *name, size_t len);
	/* Gives inode (not a directory, on this filesystem) one more name in dir;
	 * the VFS checked that the name is free and the permissions. */
	int (*link)(struct inode *inode, struct inode *dir, const char *name, size_t len);
	int (*rmdir)(struct inode *dir, const char *name, size_t len);
	/* Symbolic-link-like entries (/proc/self/exe): the target path. */
	int (*readlink)(struct inode *inode, char *buf, size_t size);
	/* Linux's magic links (/proc/PID/fd/N): the inode the link stands for,
	 * referenced, which a walk goes on from instead of the readlink path (so
	 * a pipe or an unlinked file is reached). NULL: the path is walked. */
	int (*get_link)(struct inode *link, struct inode **res);
	int (*truncate)(struct inode *inode, loff_t size);
	/* Moves a name, replacing what new_name named (the VFS checked types,
	 * emptiness, permissions and loops). */
	int (*rename)(struct inode *old_dir, const char *old_name, size_t old_len,
		      struct inode *new_dir, const char *new_name, size_t new_len);
	/* The last reference to an unlinked inode is gone: free it. */
	void (*evict)(struct inode *inode);
	/* O_TMPFILE: a new regular file of mode with no name, in dir's file
	 * system (i_nlink 0; linkat may name it). NULL: -EOPNOTSUPP. */
	int (*tmpfile)(struct inode *dir, umode_t mode, struct inode **res);
	/* Linux's drop_inode: true if the inode goes with its last reference
	 * even though it has links (a pipe's, which st_nlink counts 1). */
	bool (*drop_inode)(struct inode *inode);
};

/* What a filesystem or driver implements for its open files, and what each
 * method may count on. Errors are negative errno. Every method runs in
 * process context, as the calling process, and may sleep unless it says
 * otherwise; the caller holds a reference to the file for the whole call
 * (fget), so a close by another thread cannot free it underneath. A method
 * left NULL gets the answer noted at it.
 *
 * When a method sleeps interruptibly and a signal ends the wait before
 * anything was done, it returns -ERESTARTSYS (wait_event_interruptible's
 * answer): the system-call exit restarts the call or makes it EINTR,
 * depending on the handler's SA_RESTART. Once some bytes have moved it
 * returns their count instead, as Linux does. */
struct module;
struct vm_area;

struct file_operations {
	/* The module that implements these methods (THIS_MODULE): it cannot
	 * be unloaded while a file opened with them is open. NULL: the kernel. */
	struct module *owner;
	/* The file is new: f_flags hold the open flags (without O_CREAT, O_EXCL,
	 * O_NOCTTY, O_TRUNC, O_CLOEXEC), f_pos is 0; for a character device,
	 * private_data is the struct cdev (or miscdevice) it was found by. 0 or
	 * -errno; after an error the file is dropped without release. NULL: 0. */
	int (*open)(struct inode *inode, struct file *file);
	/* The last reference is gone (every dup'ed or inherited fd closed):
	 * runs exactly once per successful open. The result is ignored. */
	int (*release)(struct inode *inode, struct file *file);
	/* Moves up to count bytes from *pos (a pipe or tty ignores pos) into buf
	 * and advances *pos by what it moved: the count (0 only at end of file
	 * or for count 0), or -errno; -EAGAIN instead of sleeping under
	 * O_NONBLOCK. The caller has checked the access mode (EBADF) and that
	 * buf..buf+count passed access_ok, and has capped count at MAX_RW_COUNT;
	 * buf may still fault, so it is reached only through copy_to_user,
	 * copyout or put_user (-EFAULT). pos is &f_pos, or the caller's own for
	 * pread. kernel_read passes a kernel buffer the same way. NULL: -EINVAL. */
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	/* The same, from buf; for O_APPEND on a regular file *pos is already
	 * i_size. A short count is allowed (the caller returns it as is). */
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	/* whence is 0, 1 or 2 (SEEK_SET, SEEK_CUR, SEEK_END: checked by the
	 * caller): the new f_pos, set by the method, or -errno (-EINVAL for a
	 * negative result). generic_file_llseek(_size) does it; no_llseek says
	 * -ESPIPE and makes pread/pwrite -ESPIPE too. NULL: -ESPIPE. */
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	/* cmd and arg as user space passed them, after the generic FIO*
	 * commands were handled: arg is NOT checked, so a pointer in it goes
	 * through get_user/put_user/copy_*_user. A value >= 0 (what ioctl(2)
	 * returns), -errno, or -ENOIOCTLCMD for "not mine" (ENOTTY). NULL: ENOTTY. */
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	/* The ready mask now (POLLIN, POLLOUT, POLLHUP, ...). Must not sleep: it
	 * calls poll_wait() on each wait queue that will announce a change, and
	 * poll/select do the sleeping. pt may be NULL (just asking). NULL: always
	 * readable and writable. */
	unsigned int (*poll)(struct file *file, struct poll_table_struct *pt);
	/* Directory listing for getdents64, from ctx->pos: calls ctx->actor for
	 * each entry until it returns false, leaving ctx->pos at the next one.
	 * 0 or -errno. NULL: not a directory (-ENOTDIR). */
	int (*iterate)(struct file *file, struct dir_context *ctx);
	/* mmap(2) of the file: vma is the region to be (start, end, flags,
	 * vm_file, vm_pgoff filled in; the caller checked the access mode); the
	 * method sets vma->vm_ops, whose fault finds each page. 0 or -errno.
	 * NULL: -ENODEV. */
	int (*mmap)(struct file *file, struct vm_area *vma);
	/* O_ASYNC was turned on or off (F_SETFL, FIOASYNC; off with fd -1 at
	 * the last close): the driver keeps the file on its list with
	 * fasync_helper and signals it with kill_fasync (LDD3 chapter 6).
	 * >= 0 or -errno. NULL: F_SETFL ignores O_ASYNC, FIOASYNC is ENOTTY. */
	int (*fasync)(int fd, struct file *file, int on);
};

/* Who gets SIGIO for a file (F_SETOWN and F_SETOWN_EX) and which signal (F_SETSIG). */
struct fown_struct {
	int pid;                        /* 0: nobody */
	int pid_type;                   /* F_OWNER_TID, F_OWNER_PID or F_OWNER_PGRP */
	uint32_t uid, euid;             /* the setter's, for the permission check */
	int signum;                     /* 0: SIGIO without siginfo */
};

/* Touched only from process context, never by interrupt handlers; the
 * kernel is not preempted, so no lock is needed between two sleeps. */
struct inode {
	uint32_t i_ino;
	umode_t i_mode;                 /* S_IFMT type and permission bits */
	uint32_t i_uid, i_gid;
	uint32_t i_nlink;
	loff_t i_size;
	dev_t i_rdev;                   /* character devices */
	struct cdev *i_cdev;            /* the cdev its last open found (chrdev.c) */
	int64_t i_atime, i_mtime, i_ctime;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;    /* what open() installs */
	void *i_private;                /* the filesystem's or driver's own data */
	struct address_space *i_mapping;        /* its pages, for a page-cache file (mm/filemap.h) */
	int i_count;                    /* references; the filesystem frees at 0 if unlinked */
	int i_writecount;               /* open for writing; negative: being executed (ETXTBSY) */
	int i_readcount;                /* open read-only (a write lease wants none) */
	bool i_linkable;                /* Linux's I_LINKABLE: an O_TMPFILE file linkat may name */
	struct inode *i_parent;         /* directories: for ".." and getcwd */
	char *i_name;                   /* the name in i_parent */
	struct list_head i_children;    /* in-memory directories: child inodes */
	struct list_head i_sibling;
	struct dir_hash *i_dir_hash;    /* in-memory directories: children by name (fs/ramfs_hash.c) */
	struct inode *i_hash_next;      /* the next in its directory's bucket */
};

/* Shared by every fd that dup and fork made from one open; never touched by interrupt handlers. f_count is changed with
 * interrupts off (irq_save) so that it stays exact whatever runs; the other
 * fields are changed only by process context, which the kernel does not
 * preempt, so no lock is needed between two sleeps. */
struct file {
	const struct file_operations *f_op;
	struct inode *f_inode;
	unsigned int f_flags;           /* O_ACCMODE, O_APPEND, O_NONBLOCK, ... (not O_CLOEXEC: that is per fd) */
	loff_t f_pos;
	void *private_data;
	int f_count;
	bool f_writer;                  /* holds write access to a regular file's inode */
	bool f_reader;                  /* counted in a regular file's i_readcount */
	struct fown_struct f_owner;
};

/* getdents64 iteration: actor returns false when the user buffer is full. */
struct dir_context {
	bool (*actor)(struct dir_context *ctx, const char *name, size_t len, loff_t next_pos,
		      uint64_t ino, unsigned int type);
	loff_t pos;
};

struct file *file_alloc(const struct file_operations *fops, struct inode *inode, unsigned int flags);
/* One more reference to a file the caller already holds (Linux's get_file). */
struct file *get_file(struct file *f);
/* Drops a reference; the last one runs f_op->release and frees the file. */
void fput(struct file *f);
struct inode *iget(struct inode *inode);
void iput(struct inode *inode);
/* ETXTBSY both ways, as Linux: a file being executed cannot be opened for
 * writing (get_write_access), a file open for writing cannot be executed
 * (deny_write_access, held for as long as a process runs the image). */
int get_write_access(struct inode *inode);
void put_write_access(struct inode *inode);
int deny_write_access(struct inode *inode);
void allow_write_access(struct inode *inode);
ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t pos);
ssize_t kernel_write(struct file *f, const void *buf, size_t count, loff_t *pos);
/* A read method's whole job when the file is `available` bytes at from
 * (Linux's libfs helper): copies from *ppos, at most count bytes, and
 * advances *ppos. The count, 0 at or past the end, -EINVAL for a negative
 * *ppos, -EFAULT (nothing moved) for a bad buffer. */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from,
				size_t available);

/* What the access mode (O_RDONLY, O_WRONLY, O_RDWR) allows. */
static inline bool file_readable(const struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_WRONLY;
}

static inline bool file_writable(const struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_RDONLY;
}

/* The position an lseek names: offset from the start (SEEK_SET), from f_pos
 * (SEEK_CUR) or from eof (SEEK_END; a file that knows no end passes eof < 0
 * and SEEK_END is refused). -EINVAL for any other whence, or a result that is
 * negative or past maxsize. f_pos is left alone. */
loff_t llseek_pos(struct file *file, loff_t offset, int whence, loff_t maxsize, loff_t eof);
/* Linux's generic_file_llseek_size: llseek_pos, which then becomes f_pos. */
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize, loff_t eof);
/* lseek against f_inode->i_size; no_llseek answers -ESPIPE. */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);

/* What open() installs for a character-device node: it finds the driver in the
 * switch table (chrdev.c), or fails with -ENXIO. */
extern const struct file_operations def_chr_fops;
/* What open() installs for a FIFO node (pipe.c). */
extern const struct file_operations def_fifo_fops;

#endif
