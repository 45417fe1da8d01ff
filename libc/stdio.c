/* stdio.c: FILE streams: opening and closing, buffering policy, the byte-level read and write
 * paths (fread/fwrite), flushing (including all streams at exit) and seeking. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

static FILE std_in = { .fd = 0, .flags = F_READ | F_STATIC };
static FILE std_out = { .fd = 1, .flags = F_WRITE | F_STATIC };
static FILE std_err = { .fd = 2, .flags = F_WRITE | F_STATIC | F_MODESET, .mode = _IONBF };
FILE *stdin = &std_in;
FILE *stdout = &std_out;
FILE *stderr = &std_err;

static FILE *open_files = NULL;

/* Buffering is fixed at first use so that setvbuf can still choose it and isatty runs only for
 * streams that are used: terminals get line buffering, everything else full buffering. */
static void choose_buffer(FILE *f)
{
	if (!(f->flags & F_MODESET)) {
		f->mode = isatty(f->fd) ? _IOLBF : _IOFBF;
		f->flags |= F_MODESET;
	}
	if (f->buf)
		return;
	if (f->mode != _IONBF && (f->buf = malloc(BUFSIZ))) {
		f->size = BUFSIZ;
		f->flags |= F_OWNBUF;
	} else {
		f->buf = &f->tiny;
		f->size = 1;
	}
}

static int write_all(FILE *f, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t r = write(f->fd, p, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			f->flags |= F_ERR;
			return EOF;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

static int flush_out(FILE *f)
{
	size_t n = f->wlen;

	f->wlen = 0;
	return write_all(f, f->buf, n);
}

/* A stream is either reading or writing; switching gives back read-ahead to the file position. */
static void drop_input(FILE *f)
{
	if (f->rend > f->rpos)
		lseek(f->fd, -(off_t)(f->rend - f->rpos), SEEK_CUR);
	f->rpos = f->rend = 0;
}

static int flush_one(FILE *f)
{
	if (f->wlen)
		return flush_out(f);
	if (f->rend > f->rpos && (f->flags & F_WRITE))
		drop_input(f);
	return 0;
}

int fflush(FILE *f)
{
	int r = 0;

	if (!f) {
		for (f = open_files; f; f = f->next)
			r |= fflush(f);
		return r | fflush(stdout) | fflush(stderr);
	}
	return STREAM_LOCKED(f, int, flush_one(f));
}

/* After fork the child's only thread is the caller (was tid, now child_tid): the streams it
 * held stay its own, those other threads held are free. */
static void fork_reset(FILE *f, int tid, int child_tid)
{
	if (f->owner == tid)
		f->owner = child_tid;
	else
		f->lock = f->owner = f->depth = 0;
}

void __stdio_fork_child(int tid, int child_tid)
{
	for (FILE *f = open_files; f; f = f->next)
		fork_reset(f, tid, child_tid);
	fork_reset(stdin, tid, child_tid);
	fork_reset(stdout, tid, child_tid);
	fork_reset(stderr, tid, child_tid);
}

/* Called by exit() (through a weak reference, so programs without stdio do not pull it in).
 * Without the locks, as glibc: another thread may hold one for ever, and exit must not wait. */
void __stdio_exit(void)
{
	for (FILE *f = open_files; f; f = f->next)
		flush_one(f);
	flush_one(stdout);
	flush_one(stderr);
}

/* Copies into the buffer, writing it out whenever it fills; returns the bytes accepted. */
static size_t put_bytes(FILE *f, const unsigned char *s, size_t n)
{
	size_t done = 0;

	while (done < n) {
		size_t room = f->size - f->wlen, chunk = n - done;

		if (f->wlen == 0 && chunk >= f->size)
			/* Larger than the buffer: copying it through would only add work. */
			return write_all(f, s + done, chunk) ? done : n;
		if (chunk > room)
			chunk = room;
		memcpy(f->buf + f->wlen, s + done, chunk);
		f->wlen += chunk;
		done += chunk;
		if (f->wlen == f->size && flush_out(f))
			return done - chunk;
	}
	return n;
}

size_t __fwrite_bytes(const void *p, size_t n, FILE *f)
{
	const unsigned char *s = p, *nl;
	size_t head = 0;

	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return 0;
	}
	choose_buffer(f);
	if (f->rend > f->rpos)
		drop_input(f);
	/* Line buffering writes out everything up to the last newline and keeps the rest. */
	if (f->mode == _IOLBF && (nl = memrchr(s, '\n', n))) {
		head = (size_t)(nl - s) + 1;
		if (put_bytes(f, s, head) < head || (f->wlen && flush_out(f)))
			return 0;
	}
	head += put_bytes(f, s + head, n - head);
	if (f->mode == _IONBF && f->wlen && flush_out(f))
		return 0;
	return head;
}

static size_t do_fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
	size_t bytes = size * n;

	if (!bytes)
		return 0;
	return __fwrite_bytes(buf, bytes, f) / size;
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
	return STREAM_LOCKED(f, size_t, do_fwrite(buf, size, n, f));
}

/* Refills the read buffer; returns 0 at end of file or error (flags tell which). */
static size_t refill(FILE *f)
{
	ssize_t r;

	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return 0;
	}
	choose_buffer(f);
	if (f->wlen && flush_out(f))
		return 0;
	/* An interactive program's prompt must be visible before it waits for input. */
	if (stdout->mode == _IOLBF && stdout->wlen)
		flush_out(stdout);
	do
		r = read(f->fd, f->buf, f->size);
	while (r < 0 && errno == EINTR);
	f->rpos = 0;
	f->rend = r > 0 ? (size_t)r : 0;
	if (r == 0)
		f->flags |= F_EOF;
	else if (r < 0)
		f->flags |= F_ERR;
	return f->rend;
}

static size_t do_fread(void *buf, size_t size, size_t n, FILE *f)
{
	size_t want = size * n, got = 0;
	unsigned char *d = buf;

	if (!want)
		return 0;
	while (got < want) {
		size_t avail = f->rend - f->rpos;

		if (!avail && !(avail = refill(f)))
			break;
		if (avail > want - got)
			avail = want - got;
		memcpy(d + got, f->buf + f->rpos, avail);
		f->rpos += avail;
		got += avail;
	}
	return got / size;
}

size_t fread(void *buf, size_t size, size_t n, FILE *f)
{
	return STREAM_LOCKED(f, size_t, do_fread(buf, size, n, f));
}

static int do_fgetc(FILE *f)
{
	if (f->rpos == f->rend && !refill(f))
		return EOF;
	return f->buf[f->rpos++];
}

int fgetc(FILE *f)
{
	return STREAM_LOCKED(f, int, do_fgetc(f));
}

static int do_ungetc(int c, FILE *f)
{
	if (c == EOF)
		return EOF;
	choose_buffer(f);
	if (f->rpos == 0) {
		/* Nothing consumed to step back over: the pushed-back byte becomes the whole buffer. */
		if (f->rend)
			return EOF;
		f->rend = 1;
	} else {
		f->rpos--;
	}
	f->buf[f->rpos] = (unsigned char)c;
	f->flags &= ~F_EOF;
	return (unsigned char)c;
}

int ungetc(int c, FILE *f)
{
	return STREAM_LOCKED(f, int, do_ungetc(c, f));
}

static int do_fputc(int c, FILE *f)
{
	unsigned char ch = (unsigned char)c;

	return __fwrite_bytes(&ch, 1, f) == 1 ? ch : EOF;
}

int fputc(int c, FILE *f)
{
	return STREAM_LOCKED(f, int, do_fputc(c, f));
}

static int parse_mode(const char *mode, int *fl)
{
	int o;

	switch (*mode) {
	case 'r': o = O_RDONLY; *fl = F_READ; break;
	case 'w': o = O_WRONLY | O_CREAT | O_TRUNC; *fl = F_WRITE; break;
	case 'a': o = O_WRONLY | O_CREAT | O_APPEND; *fl = F_WRITE; break;
	default: errno = EINVAL; return -1;
	}
	for (mode++; *mode; mode++) {
		if (*mode == '+') {
			o = (o & ~O_ACCMODE) | O_RDWR;
			*fl = F_READ | F_WRITE;
		} else if (*mode == 'e') {
			o |= O_CLOEXEC;
		} else if (*mode == 'x') {
			o |= O_EXCL;
		}
	}
	return o;
}

static FILE *new_stream(int fd, int flags)
{
	FILE *f = calloc(1, sizeof *f);

	if (!f)
		return NULL;
	f->fd = fd;
	f->flags = flags;
	f->next = open_files;
	open_files = f;
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	int fl;

	if (parse_mode(mode, &fl) < 0)
		return NULL;
	return new_stream(fd, fl);
}

FILE *fopen(const char *path, const char *mode)
{
	int fl, fd, o = parse_mode(mode, &fl);
	FILE *f;

	if (o < 0 || (fd = open(path, o, 0666)) < 0)
		return NULL;
	if (!(f = new_stream(fd, fl)))
		close(fd);
	return f;
}

/* Detaches f from its file and buffer, leaving a closed stream. */
static int release(FILE *f)
{
	int r = fflush(f);

	if (close(f->fd) < 0)
		r = EOF;
	if (f->flags & F_OWNBUF)
		free(f->buf);
	f->buf = NULL;
	f->size = f->rpos = f->rend = f->wlen = 0;
	f->flags &= F_STATIC;
	return r;
}

FILE *freopen(const char *path, const char *mode, FILE *f)
{
	int fl, fd, o = parse_mode(mode, &fl);

	release(f);
	if (o < 0 || (fd = open(path, o, 0666)) < 0)
		return NULL;
	f->fd = fd;
	f->flags |= fl;
	return f;
}

int fclose(FILE *f)
{
	int r = release(f);
	FILE **p;

	if (f->flags & F_STATIC)
		return r;
	for (p = &open_files; *p; p = &(*p)->next)
		if (*p == f) {
			*p = f->next;
			break;
		}
	free(f);
	return r;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
		return -1;
	f->mode = mode;
	f->flags |= F_MODESET;
	if (buf && size && mode != _IONBF) {
		f->buf = (unsigned char *)buf;
		f->size = size;
	}
	return 0;
}

void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

static int do_fseek(FILE *f, long off, int whence)
{
	if (f->wlen && flush_out(f))
		return -1;
	if (whence == SEEK_CUR)
		off -= (long)(f->rend - f->rpos);
	f->rpos = f->rend = 0;
	if (lseek(f->fd, off, whence) < 0)
		return -1;
	f->flags &= ~F_EOF;
	return 0;
}

int fseek(FILE *f, long off, int whence)
{
	return STREAM_LOCKED(f, int, do_fseek(f, off, whence));
}

static long do_ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	return pos - (long)(f->rend - f->rpos) + (long)f->wlen;
}

long ftell(FILE *f)
{
	return STREAM_LOCKED(f, long, do_ftell(f));
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
}

int feof(FILE *f) { return !!(f->flags & F_EOF); }
int ferror(FILE *f) { return !!(f->flags & F_ERR); }
void clearerr(FILE *f) { f->flags &= ~(F_EOF | F_ERR); }
int fileno(FILE *f) { return f->fd; }
