/* pty.c: Unix98 pseudo-terminals, a driver with two faces. Each open of
 * /dev/ptmx (5,2) makes a pair: the master, which the opening file is, and
 * the slave, the terminal /dev/pts/N (136,N) that devpts shows while the
 * master lives. The slave is an ordinary tty with the line discipline and
 * every terminal ioctl; what stands behind it is not hardware but the other
 * face:
 *
 *  - master write -> the slave's line discipline input, byte by byte, as a
 *    serial driver's receive interrupt feeds it (so ^C written to the master
 *    signals the slave's foreground group, and echo comes back);
 *  - slave output, after output processing (ONLCR, ...) -> the master's
 *    input ring, which master read returns; the slave's echo lands there too.
 *
 * The contract between the faces, as Linux keeps it:
 *  - A new pair is locked (TIOCSPTLCK): the slave cannot be opened (EIO)
 *    until the master unlocks it (unlockpt). TIOCGPTN says N (ptsname),
 *    TIOCGPTPEER opens the slave from the master without a path.
 *  - Termios and window size live with the slave: the master's TCGETS,
 *    TCSETS*, TIOCGWINSZ and TIOCSWINSZ act on the slave's (SIGWINCH to its
 *    foreground group on a change); the master's own ring runs raw.
 *  - Flow: a master writer waits while a non-canonical slave has no input
 *    room (a canonical one drops what overflows, as n_tty does for any
 *    line); a slave writer waits while the master's ring is full; each
 *    side's reads wake the other's writers (tty_operations.unthrottle).
 *  - TIOCPKT: each master read returns a status byte first: TIOCPKT_DATA
 *    (0) before data, or alone the events since the last read (the slave
 *    flushed its queues, output was stopped or started, IXON flow control
 *    was switched on or off).
 *  - Closing the last slave file makes master read return EIO once the
 *    ring is drained and poll POLLHUP; opening the slave again clears it.
 *    Closing the master hangs the slave up (tty_hangup: read 0, write EIO,
 *    SIGHUP and SIGCONT to the session leader) and removes /dev/pts/N; the
 *    pair is freed when no file holds either face.
 *
 * Every method runs in process context (no interrupt handler reaches a pty),
 * so the rings are touched without the interrupt masking the hardware ttys
 * need; the kernel does not preempt, so nothing runs between two sleeps. */
#include "kernel.h"
#include "dev/chrdev.h"
#include "fs/devpts.h"
#include "fs/fdtable.h"
#include "fs/namei.h"
#include "fs/poll.h"
#include "fs/vfs.h"
#include "initcall.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "tty/tty.h"
#include "uapi/errno.h"
#include "uapi/ioctl.h"

#define UNIX98_PTY_SLAVE_MAJOR 136
#define PTMX_MINOR 2

struct pty {
	struct tty master, slave;
	struct inode *slave_inode;      /* /dev/pts/N, kept for TIOCGPTPEER */
	int index;
	bool master_open;
	bool locked;                    /* TIOCSPTLCK: the slave cannot be opened */
	bool packet;                    /* TIOCPKT on the master */
	unsigned char pktstatus;        /* TIOCPKT_* events the master has not read yet */
	char name[12];                  /* "pts/N" */
};

static struct pty *tty_pty(struct tty *tty)
{
	return tty->driver_data;
}

static void pty_maybe_free(struct pty *pty)
{
	if (pty->master_open || pty->slave.count)
		return;
	iput(pty->slave_inode);
	devpts_kill_index(pty->index);
	kfree(pty);
}

/* A packet-mode event for the master's reader. */
static void pkt_event(struct pty *pty, unsigned char clear, unsigned char set)
{
	if (!pty->packet)
		return;
	pty->pktstatus = (pty->pktstatus & ~clear) | set;
	wake_up_interruptible(&pty->master.read_wait);
}

/* ---- the slave's driver: its output is the master's input ---- */

static size_t slave_write(struct tty *tty, const char *buf, size_t n)
{
	struct tty *master = &tty_pty(tty)->master;
	size_t k = MIN(n, n_tty_receive_room(master));
	for (size_t i = 0; i < k; i++)
		tty_receive_char(master, buf[i]);
	return k;
}

static size_t slave_write_room(struct tty *tty)
{
	return n_tty_receive_room(&tty_pty(tty)->master);
}

static int slave_open(struct tty *tty, struct file *file)
{
	(void)file;
	struct pty *pty = tty_pty(tty);
	if (pty->locked || !pty->master_open)
		return -EIO;
	pty->master.other_closed = false;
	return 0;
}

static void slave_close(struct tty *tty, struct file *file)
{
	(void)file;
	struct pty *pty = tty_pty(tty);
	if (tty->count)
		return;
	pty->master.other_closed = true;
	wake_up_interruptible(&pty->master.read_wait);
	wake_up_interruptible(&pty->master.write_wait);
	pty_maybe_free(pty);
}

/* Output flow control is "on" for the master's reader when ^S/^Q are the
 * standard characters and IXON is set (Linux's pty_set_termios). A pty has
 * no line settings: the character size is 8 bits, parity off. */
static bool std_flow(const struct termios *t)
{
	return (t->c_iflag & IXON) && t->c_cc[VSTOP] == 023 && t->c_cc[VSTART] == 021;
}

static void slave_set_termios(struct tty *tty, const struct termios *old)
{
	bool was = std_flow(old), now = std_flow(&tty->termios);
	if (was != now)
		pkt_event(tty_pty(tty), TIOCPKT_DOSTOP | TIOCPKT_NOSTOP,
			  now ? TIOCPKT_DOSTOP : TIOCPKT_NOSTOP);
	tty->termios.c_cflag = (tty->termios.c_cflag & ~(CSIZE | PARENB)) | CS8 | CREAD;
}

/* What the slave discards is reported, not discarded, on the master side
 * (Linux 6.1 keeps the master's queued bytes on the slave's TCOFLUSH). */
static void slave_flush_buffer(struct tty *tty, int queue)
{
	unsigned char set = queue == TCIFLUSH ? TIOCPKT_FLUSHREAD :
			    queue == TCOFLUSH ? TIOCPKT_FLUSHWRITE :
			    TIOCPKT_FLUSHREAD | TIOCPKT_FLUSHWRITE;
	pkt_event(tty_pty(tty), 0, set);
}

static void slave_stop(struct tty *tty)
{
	pkt_event(tty_pty(tty), TIOCPKT_START, TIOCPKT_STOP);
}

static void slave_start(struct tty *tty)
{
	pkt_event(tty_pty(tty), TIOCPKT_STOP, TIOCPKT_START);
}

static void slave_unthrottle(struct tty *tty)
{
	wake_up_interruptible(&tty_pty(tty)->master.write_wait);
}

static const struct tty_operations pty_slave_ops = {
	.write = slave_write,
	.write_room = slave_write_room,
	.open = slave_open,
	.close = slave_close,
	.set_termios = slave_set_termios,
	.flush_buffer = slave_flush_buffer,
	.stop = slave_stop,
	.start = slave_start,
	.unthrottle = slave_unthrottle,
};

/* ---- the master's ring: a raw tty nobody opens by number ---- */

/* The master's termios is internal and raw (nothing echoes or edits what the
 * slave wrote), so its own output never happens. */
static size_t master_write(struct tty *tty, const char *buf, size_t n)
{
	(void)tty, (void)buf;
	return n;
}

static size_t master_write_room(struct tty *tty)
{
	(void)tty;
	return TTY_BUF_SIZE;
}

static void master_unthrottle(struct tty *tty)
{
	tty_wakeup(&tty_pty(tty)->slave);
}

static const struct tty_operations pty_master_ops = {
	.write = master_write,
	.write_room = master_write_room,
	.unthrottle = master_unthrottle,
};

/* ---- /dev/ptmx: the master's file ---- */

static int ptmx_open(struct inode *inode, struct file *file)
{
	(void)inode;
	int index = devpts_new_index();
	if (index < 0)
		return index;
	struct pty *pty = kzalloc(sizeof(*pty));
	dev_t dev = MKDEV(UNIX98_PTY_SLAVE_MAJOR, index);
	if (pty)
		pty->slave_inode = devpts_pty_new(index, dev, current_fsuid());
	if (!pty || !pty->slave_inode) {
		kfree(pty);
		devpts_kill_index(index);
		return -ENOMEM;
	}
	pty->index = index;
	pty->master_open = pty->locked = true;
	snprintf(pty->name, sizeof(pty->name), "pts/%d", index);
	tty_init(&pty->master, "ptm", &pty_master_ops, pty);
	pty->master.termios.c_iflag = pty->master.termios.c_oflag = pty->master.termios.c_lflag = 0;
	tty_init(&pty->slave, pty->name, &pty_slave_ops, pty);
	pty->slave.termios.c_cflag &= ~HUPCL;
	pty->slave.winsize = (struct winsize){ 0 };
	tty_register(&pty->slave, dev);
	file->private_data = pty;
	return 0;
}

static int ptmx_release(struct inode *inode, struct file *file)
{
	(void)inode;
	struct pty *pty = file->private_data;
	pty->master_open = false;
	pty->slave.other_closed = true;
	devpts_pty_kill(pty->slave_inode);
	tty_unregister(&pty->slave);
	tty_hangup(&pty->slave);
	pty_maybe_free(pty);
	return 0;
}

static bool master_can_read(const struct pty *pty)
{
	return n_tty_readable(&pty->master) || (pty->packet && pty->pktstatus) || pty->master.other_closed;
}

static ssize_t ptmx_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	(void)pos;
	struct pty *pty = file->private_data;
	if (count == 0)
		return 0;
	for (;;) {
		if (pty->packet && pty->pktstatus) {
			unsigned char status = pty->pktstatus;
			if (copyout(&status, buf, 1))
				return -EFAULT;
			pty->pktstatus = 0;
			return 1;
		}
		if (n_tty_readable(&pty->master)) {
			if (!pty->packet)
				return n_tty_read(&pty->master, (struct tty_iobuf){ buf, true }, count, true);
			if (put_user((char)TIOCPKT_DATA, buf))
				return -EFAULT;
			ssize_t r = count > 1 ? n_tty_read(&pty->master, (struct tty_iobuf){ buf + 1, true },
							   count - 1, true) : 0;
			return r < 0 ? r : r + 1;
		}
		if (pty->master.other_closed)
			return -EIO;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		int w = wait_event_interruptible(pty->master.read_wait, master_can_read(pty));
		if (w < 0)
			return w;
	}
}

/* A canonical slave never makes the master wait: what does not fit in its
 * line is dropped by the line discipline; nor does a slave nobody has open,
 * whose reader may never come. */
static bool slave_can_receive(const struct pty *pty)
{
	return (pty->slave.termios.c_lflag & ICANON) || n_tty_receive_room(&pty->slave) > 0 ||
	       pty->master.other_closed;
}

static ssize_t ptmx_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	(void)pos;
	struct pty *pty = file->private_data;
	char kbuf[128];
	size_t done = 0;
	while (done < count) {
		size_t k = MIN(count - done, sizeof(kbuf));
		if (copyin(buf + done, kbuf, k))
			return done ? (ssize_t)done : -EFAULT;
		for (size_t i = 0; i < k; i++, done++) {
			while (!slave_can_receive(pty)) {
				int w = file->f_flags & O_NONBLOCK ? -EAGAIN :
					wait_event_interruptible(pty->master.write_wait, slave_can_receive(pty));
				if (w < 0)
					return done ? (ssize_t)done : w;
			}
			tty_receive_char(&pty->slave, kbuf[i]);
		}
	}
	return done;
}

static unsigned int ptmx_poll(struct file *file, poll_table *pt)
{
	struct pty *pty = file->private_data;
	poll_wait(file, &pty->master.read_wait, pt);
	poll_wait(file, &pty->master.write_wait, pt);
	unsigned int mask = 0;
	if (n_tty_readable(&pty->master))
		mask |= POLLIN | POLLRDNORM;
	if (pty->packet && pty->pktstatus)
		mask |= POLLPRI | POLLIN | POLLRDNORM;
	if (pty->master.other_closed)
		mask |= POLLHUP;
	if (slave_can_receive(pty))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

/* TIOCGPTPEER: the slave opened through the pair, not through a path, so
 * it works in any mount namespace and for any name devpts gave it. */
static long open_peer(struct pty *pty, unsigned long flags)
{
	int fd = get_unused_fd_flags((unsigned int)flags);
	if (fd < 0)
		return fd;
	struct file *f;
	int err = vfs_open_inode(pty->slave_inode, (int)(flags & ~(unsigned long)O_CLOEXEC), &f);
	if (err) {
		put_unused_fd((unsigned int)fd);
		return err;
	}
	fd_install((unsigned int)fd, f);
	return fd;
}

static long ptmx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pty *pty = file->private_data;
	int __user *p = (int __user *)arg;
	int val, err;
	switch (cmd) {
	case TIOCGPTN:
		return put_user(pty->index, p);
	case TIOCSPTLCK:
		if ((err = get_user(val, p)))
			return err;
		pty->locked = val != 0;
		return 0;
	case TIOCGPTLCK:
		return put_user((int)pty->locked, p);
	case TIOCPKT:
		if ((err = get_user(val, p)))
			return err;
		if (val && !pty->packet)
			pty->pktstatus = 0;
		pty->packet = val != 0;
		return 0;
	case TIOCGPKT:
		return put_user((int)pty->packet, p);
	case TIOCGPTPEER:
		return open_peer(pty, arg);
	case TIOCGPGRP:         /* the slave's foreground group, for whoever holds the master */
		return put_user(pty->slave.pgrp, p);
	case FIONREAD:
		return put_user((int)n_tty_inq(&pty->master), p);
	case TCFLSH:            /* the master's queue is what the slave wrote */
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			n_tty_flush_input(&pty->master);
		return 0;
	case TCGETS:
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCSBRK:
	case TIOCGWINSZ:
	case TIOCSWINSZ:
		return tty_ioctl_tty(&pty->slave, cmd, arg);
	default:
		return -ENOIOCTLCMD;
	}
}

static const struct file_operations ptmx_fops = {
	.open = ptmx_open,
	.release = ptmx_release,
	.read = ptmx_read,
	.write = ptmx_write,
	.llseek = no_llseek,
	.unlocked_ioctl = ptmx_ioctl,
	.poll = ptmx_poll,
};

static struct cdev ptmx_cdev, pts_cdev;

static int pty_init(void)
{
	int err = register_chrdev_region(MKDEV(TTYAUX_MAJOR, PTMX_MINOR), 1, "/dev/ptmx");
	if (!err)
		err = register_chrdev_region(MKDEV(UNIX98_PTY_SLAVE_MAJOR, 0), DEVPTS_MAX, "pts");
	if (err)
		return err;
	cdev_init(&ptmx_cdev, &ptmx_fops);
	cdev_init(&pts_cdev, &tty_fops);
	err = cdev_add(&ptmx_cdev, MKDEV(TTYAUX_MAJOR, PTMX_MINOR), 1);
	if (!err)
		err = cdev_add(&pts_cdev, MKDEV(UNIX98_PTY_SLAVE_MAJOR, 0), DEVPTS_MAX);
	if (!err)
		err = chrdev_node_create(MKDEV(TTYAUX_MAJOR, PTMX_MINOR), 0, 0, 0666, "ptmx");
	return err;
}
device_initcall(pty_init);
