/* stdio_impl.h (libc-private): the FILE structure, and the output sink the printf engine writes
 * through so that one formatter serves streams, strings and file descriptors. */
#ifndef _LIBC_STDIO_IMPL_H
#define _LIBC_STDIO_IMPL_H

#include <stdarg.h>
#include <stdio.h>

#define F_READ    0x01	/* opened for reading */
#define F_WRITE   0x02	/* opened for writing */
#define F_EOF     0x04
#define F_ERR     0x08
#define F_MODESET 0x10	/* buffering chosen (by setvbuf or at first use) */
#define F_OWNBUF  0x20	/* buf was malloc'ed here */
#define F_STATIC  0x40	/* stdin/stdout/stderr: never freed */

struct __file {
	int fd;
	int flags;
	int mode;		/* _IOFBF, _IOLBF or _IONBF */
	unsigned char *buf;
	size_t size;
	size_t rpos, rend;	/* unread input is buf[rpos..rend) */
	size_t wlen;		/* pending output is buf[0..wlen) */
	unsigned char tiny;	/* the buffer when malloc fails or the stream is unbuffered */
	int pid;		/* popen's child, which pclose waits for; 0 otherwise */
	struct __file *next;	/* every open stream, for flushing at exit */
	volatile int lock;	/* flockfile: a futex lock (futex.c's __lock), recursive through */
	int owner, depth;	/* the owning thread's tid and its lock count */
};

struct sink {
	/* Consumes n bytes; returns 0, or -1 to stop formatting with an error. */
	int (*put)(struct sink *s, const char *p, size_t n);
	void *ctx;
	size_t total;		/* bytes produced so far (the printf return value) */
};

int __vformat(struct sink *s, const char *fmt, va_list ap);

/* Every stream operation holds the stream's lock, so threads' lines never mix; the lock is
 * recursive since operations call one another (puts calls fputs and fputc). */
#define STREAM_LOCKED(f, type, call) ({ flockfile(f); type __r = (call); funlockfile(f); __r; })
size_t __fwrite_bytes(const void *p, size_t n, FILE *f);

#endif
