/* tty.h: the terminal layer. struct tty holds what POSIX says a terminal has
 * (termios, window size, foreground process group, session) and the input
 * queue that the line discipline (n_tty.c) edits. A driver fills in
 * tty_operations, feeds received bytes to tty_receive_char() from its
 * interrupt handler and calls tty_wakeup() when its output has room again;
 * tty.c turns a registered tty into a character device (open, read, write,
 * poll, ioctl) and keeps the controlling-terminal rules. */
#ifndef TTY_H
#define TTY_H

#include <stdbool.h>
#include <stddef.h>
#include "fs/file.h"
#include "list.h"
#include "uapi/termios.h"
#include "waitqueue.h"

/* A power of two, so that the free-running ring indices wrap by masking. */
#define TTY_BUF_SIZE 1024

struct tty;

/* What a terminal driver provides. write and write_room are required; every
 * other method may be NULL (nothing to do). */
struct tty_operations {
	/* Takes up to n bytes of already processed output and returns how many it
	 * took. Never sleeps: the line discipline also echoes from interrupt context. */
	size_t (*write)(struct tty *tty, const char *buf, size_t n);
	/* How many bytes write() would take now. */
	size_t (*write_room)(struct tty *tty);
	/* Bytes queued but not yet on the wire (tcdrain waits for 0). */
	size_t (*chars_in_buffer)(struct tty *tty);
	/* A file is opening the tty (0 or -errno: the open fails), or one of
	 * its files had its last close. Process context. */
	int (*open)(struct tty *tty, struct file *file);
	void (*close)(struct tty *tty, struct file *file);
	/* termios changed (old is what it was); the driver may adjust tty->termios. */
	void (*set_termios)(struct tty *tty, const struct termios *old);
	/* TCFLSH or a signal character discarded queue (TCIFLUSH, TCOFLUSH or TCIOFLUSH). */
	void (*flush_buffer)(struct tty *tty, int queue);
	/* Output was stopped (VSTOP, tcflow) or restarted. May run in interrupt context. */
	void (*stop)(struct tty *tty);
	void (*start)(struct tty *tty);
	/* A reader took input: the ring has room again for a sender that waits. */
	void (*unthrottle)(struct tty *tty);
};

/* Shared with interrupt handlers: a driver's receive interrupt runs the line
 * discipline (tty_receive_char), which fills the input ring, echoes, and
 * reads termios and, for ISIG, pgrp; process context changes the ring and
 * termios with interrupts off (irq_save in n_tty.c). */
struct tty {
	const char *name;
	const struct tty_operations *ops;
	void *driver_data;
	dev_t dev;
	struct list_head link;          /* in the table of registered ttys */
	int count;                      /* open files */
	unsigned hangups;               /* tty_hangup() calls: wakes and ends the waits on a hung-up tty */
	bool other_closed;              /* a pty's other face is closed: drained input reads EIO */

	struct termios termios;
	struct winsize winsize;
	int pgrp;                       /* foreground process group, 0 if none */
	int session;                    /* the session it controls, 0 if none */
	bool stopped;                   /* output held by VSTOP (IXON) */

	/* The input ring; indices run freely and are masked on use.
	 * [read_tail, canon_head) is readable; in canonical mode
	 * [canon_head, read_head) is the line still being edited, in raw mode
	 * canon_head == read_head. */
	unsigned char read_buf[TTY_BUF_SIZE];
	unsigned char read_flags[TTY_BUF_SIZE]; /* TTY_EOL / TTY_EOF per slot */
	unsigned read_head, canon_head, read_tail;

	struct wait_queue_head read_wait;       /* input arrived */
	struct wait_queue_head write_wait;      /* output room, or output restarted */
	struct fasync_struct *fasync;           /* O_ASYNC openers: SIGIO when input is readable */
};

#define TTY_EOL 1                       /* the slot ends a line */
#define TTY_EOF 2                       /* the slot is an end-of-file push, never returned */

/* Caller memory: user memory for system calls, kernel memory for in-kernel
 * callers such as the tests (a two-case Linux iov_iter). */
struct tty_iobuf {
	char *base;
	bool user;
};

/* Linux's defaults: a cooked terminal with echo, 38400 8N1, 80x25. */
void tty_init(struct tty *tty, const char *name, const struct tty_operations *ops, void *driver_data);

/* Makes tty reachable through its device number (open of a node with that
 * rdev finds it). /dev/tty and /dev/console need no registration. */
void tty_register(struct tty *tty, dev_t dev);
void tty_unregister(struct tty *tty);
void tty_set_console(struct tty *tty);
struct tty *tty_console(void);

/* Driver side. Both may be called from interrupt handlers. */
void tty_receive_char(struct tty *tty, char c);
void tty_wakeup(struct tty *tty);

/* The line discipline (n_tty.c). nonblock: O_NONBLOCK semantics. */
ssize_t n_tty_read(struct tty *tty, struct tty_iobuf buf, size_t count, bool nonblock);
ssize_t n_tty_write(struct tty *tty, struct tty_iobuf buf, size_t count, bool nonblock);
bool n_tty_readable(const struct tty *tty);
size_t n_tty_inq(const struct tty *tty);        /* FIONREAD */
size_t n_tty_receive_room(const struct tty *tty);
void n_tty_flush_input(struct tty *tty);
void n_tty_set_termios(struct tty *tty, const struct termios *t);

/* Everything a tty device node installs on open: the open method finds the
 * tty from the node's device number. */
extern const struct file_operations tty_fops;

/* The terminal ioctls on tty itself, for a driver that forwards them from
 * another file (a pty master): -ENOIOCTLCMD for one it does not know. */
long tty_ioctl_tty(struct tty *tty, unsigned int cmd, unsigned long arg);

/* Hangs tty up, as Linux's tty_vhangup (the modem dropped carrier, a pty
 * master closed): every file open on it turns into a hung-up file (read
 * returns 0, write and most ioctls EIO, poll POLLHUP), the readers and
 * writers asleep on it wake, the session it controls loses it and its
 * leader gets SIGHUP and SIGCONT. */
void tty_hangup(struct tty *tty);

/* Drops the current process's session's controlling tty: when its session
 * leader gives the terminal up (TIOCNOTTY) the foreground process group gets
 * SIGHUP and SIGCONT; when the leader exits (on_exit) the foreground group
 * gets SIGHUP (Linux's disassociate_ctty(1)) and the session loses it. */
void disassociate_ctty(bool on_exit);
/* 0, or what a read (SIGTTIN) or a change of the terminal (SIGTTOU) by the
 * current process must return instead: -ERESTARTSYS with the signal sent to
 * its group, or -EIO (Linux's __tty_check_change). */
int tty_check_change_sig(struct tty *tty, int sig);

/* Sends sig to every process of process group pgrp (^C, ^\, hangups). */
void tty_signal_pgrp(int pgrp, int sig);

#define TTY_MAJOR     4
#define TTYAUX_MAJOR  5

#endif
