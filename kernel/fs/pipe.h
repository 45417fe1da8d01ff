/* pipe.h: what the rest of the kernel asks of pipes (pipe.c): their
 * capacity through fcntl F_GETPIPE_SZ/F_SETPIPE_SZ, and the most an
 * unprivileged process may ask for (/proc/sys/fs/pipe-max-size). */
#ifndef FS_PIPE_H
#define FS_PIPE_H

struct file;

#define PIPE_MAX_SIZE 1048576

/* fcntl's pipe commands on f: the size, -errno, or -EBADF if f is no pipe. */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg);

#endif
