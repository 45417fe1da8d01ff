/* tty.c: the tty core. It keeps the registered terminals, resolves /dev/tty
 * (the caller's controlling terminal) and /dev/console, implements the file
 * operations of every tty node on top of the line discipline (n_tty.c) and
 * the terminal ioctls, and keeps POSIX's controlling-terminal and foreground-
 * process-group rules. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "fs/fasync.h"
#include "fs/poll.h"
#include "jobctl.h"
#include "proc.h"
#include "tty/tty.h"
#include "errno.h"
#include "uapi/fcntl.h"
#include "uapi/ioctl.h"

static struct list_head ttys = LIST_HEAD_INIT(ttys);
static struct tty *console_tty;

static const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = {
		[VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025,
		[VEOF] = 004, [VTIME] = 0, [VMIN] = 1, [VSTART] = 021, [VSTOP] = 023,
		[VSUSP] = 032, [VREPRINT] = 022, [VDISCARD] = 017, [VWERASE] = 027,
		[VLNEXT] = 026,
	},
};

void tty_init(struct tty *tty, const char *name, const struct tty_operations *ops, void *driver_data)
{
	memset(tty, 0, sizeof(*tty));
	tty->name = name;
	tty->ops = ops;
	tty->driver_data = driver_data;
	tty->termios = tty_std_termios;
	tty->winsize = (struct winsize){ .ws_row = 25, .ws_col = 80 };
	list_init(&tty->link);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
}

void tty_register(struct tty *tty, dev_t dev)
{
	tty->dev = dev;
	list_add_tail(&tty->link, &ttys);
}

void tty_unregister(struct tty *tty)
{
	list_del(&tty->link);
	list_init(&tty->link);
}

void tty_set_console(struct tty *tty)
{
	console_tty = tty;
}

struct tty *tty_console(void)
{
	return console_tty;
}

void tty_wakeup(struct tty *tty)
{
	wake_up_interruptible(&tty->write_wait);
}

static bool proc_live(const struct proc *p)
{
	return p->state != P_UNUSED && p->state != P_EMBRYO && p->state != P_ZOMBIE;
}

void tty_signal_pgrp(int pgrp, int sig)
{
	kill_pgrp(pgrp, sig);
}

/* 0 if process group pgrp has a member in session sid; -ESRCH if it has
 * none at all, -EPERM if its members are in another session. Zombies still
 * count: their group lives on until they are reaped, as on Linux. */
static int check_pgrp(int pgrp, int sid)
{
	int err = -ESRCH;
	for (int i = 0; i < NPROC; i++) {
		const struct proc *p = &proc_table[i];
		if (p->state == P_UNUSED || p->state == P_EMBRYO || p->pgid != pgrp)
			continue;
		if (p->sid == sid)
			return 0;
		err = -EPERM;
	}
	return err;
}

/* Every process of session sid loses its controlling terminal. */
static void session_clear_tty(int sid)
{
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].sid == sid)
			proc_table[i].ctty = NULL;
}

static void set_ctty(struct tty *tty)
{
	tty->session = current->sid;
	tty->pgrp = current->pgid;
	current->ctty = tty;
}

/* As Linux's disassociate_ctty for a pty: on the leader's exit the
 * foreground group gets SIGHUP, on TIOCNOTTY SIGHUP and SIGCONT. */
void disassociate_ctty(bool on_exit)
{
	struct tty *tty = current->ctty;
	if (!tty)
		return;
	if (tty->pgrp > 0) {
		kill_pgrp(tty->pgrp, SIGHUP);
		if (!on_exit)
			kill_pgrp(tty->pgrp, SIGCONT);
	}
	session_clear_tty(current->sid);
	tty->session = 0;
	tty->pgrp = 0;
}

/* Linux's __tty_check_change: a process of a background group of tty's
 * session that reads (SIGTTIN) or changes the terminal (SIGTTOU) gets the
 * signal, with its whole group, and the call restarts once it is continued;
 * EIO instead when the group is orphaned, or for SIGTTIN when the signal is
 * ignored or blocked (an ignored or blocked SIGTTOU lets the change happen). */
int tty_check_change_sig(struct tty *tty, int sig)
{
	if (current->ctty != tty || !tty->pgrp || current->pgid == tty->pgrp)
		return 0;
	void *h = current->sighand->action[sig].handler;
	if ((current->sig_blocked & (1ull << (sig - 1))) || h == (void *)SIG_IGN)
		return sig == SIGTTIN ? -EIO : 0;
	if (will_become_orphaned_pgrp(current->pgid, NULL))
		return -EIO;
	kill_pgrp(current->pgid, sig);
	return -ERESTARTSYS;
}

/* As Linux: /dev/tty and /dev/console are aliases and never make the
 * terminal behind them the opener's controlling terminal. */
static struct tty *tty_lookup(dev_t dev, bool *noctty)
{
	if (dev == MKDEV(TTYAUX_MAJOR, 0)) {
		*noctty = true;
		return current->ctty;
	}
	if (dev == MKDEV(TTYAUX_MAJOR, 1)) {
		*noctty = true;
		return console_tty;
	}
	struct tty *tty;
	list_for_each_entry(tty, &ttys, link)
		if (tty->dev == dev)
			return tty;
	return NULL;
}

static int tty_open(struct inode *inode, struct file *file)
{
	bool noctty = file->f_flags & O_NOCTTY;
	struct tty *tty = tty_lookup(inode->i_rdev, &noctty);
	if (!tty)
		return -ENXIO;
	if (tty->ops->open) {
		int err = tty->ops->open(tty, file);
		if (err)
			return err;
	}
	file->private_data = tty;
	tty->count++;
	if (!noctty && current->pid == current->sid && !current->ctty && !tty->session)
		set_ctty(tty);
	return 0;
}

static int tty_release(struct inode *inode, struct file *file)
{
	(void)inode;
	struct tty *tty = file->private_data;
	tty->count--;
	if (tty->ops->close)
		tty->ops->close(tty, file);
	return 0;
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	(void)pos;
	int r = tty_check_change_sig(file->private_data, SIGTTIN);
	if (r)
		return r;
	return n_tty_read(file->private_data, (struct tty_iobuf){ buf, true }, count,
			  file->f_flags & O_NONBLOCK);
}

static ssize_t tty_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	(void)pos;
	struct tty *tty = file->private_data;
	int r = tty->termios.c_lflag & TOSTOP ? tty_check_change_sig(tty, SIGTTOU) : 0;
	if (r)
		return r;
	return n_tty_write(file->private_data, (struct tty_iobuf){ (char *)buf, true }, count,
			   file->f_flags & O_NONBLOCK);
}

/* Output is always writable: a writer that finds the driver full sleeps in
 * write() until the line drains, which is never long. */
static unsigned int tty_poll(struct file *file, poll_table *pt)
{
	struct tty *tty = file->private_data;
	poll_wait(file, &tty->read_wait, pt);
	unsigned int mask = POLLOUT | POLLWRNORM;
	if (n_tty_readable(tty))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

static int wait_until_sent(struct tty *tty)
{
	if (!tty->ops->chars_in_buffer)
		return 0;
	return wait_event_interruptible(tty->write_wait, tty->ops->chars_in_buffer(tty) == 0);
}

static int set_termios(struct tty *tty, unsigned int cmd, const void __user *arg)
{
	struct termios t, old = tty->termios;
	if (copyin(arg, &t, sizeof(t)))
		return -EFAULT;
	if (cmd != TCSETS) {
		int r = wait_until_sent(tty);
		if (r)
			return r;
	}
	if (cmd == TCSETSF)
		n_tty_flush_input(tty);
	n_tty_set_termios(tty, &t);
	if (tty->ops->set_termios)
		tty->ops->set_termios(tty, &old);
	return 0;
}

static int set_winsize(struct tty *tty, const void __user *arg)
{
	struct winsize ws;
	if (copyin(arg, &ws, sizeof(ws)))
		return -EFAULT;
	bool changed = memcmp(&ws, &tty->winsize, sizeof(ws)) != 0;
	tty->winsize = ws;
	if (changed && tty->pgrp > 0)
		tty_signal_pgrp(tty->pgrp, SIGWINCH);
	return 0;
}

/* tcsetpgrp from a background group is a change of the terminal too. */
static int set_pgrp(struct tty *tty, int __user *arg)
{
	int pgrp;
	int r = tty_check_change_sig(tty, SIGTTOU);
	if (r)
		return r == -EIO ? -ENOTTY : r;
	r = get_user(pgrp, arg);
	if (r)
		return r;
	if (pgrp < 0)
		return -EINVAL;
	if (current->ctty != tty || tty->session != current->sid)
		return -ENOTTY;
	r = check_pgrp(pgrp, current->sid);
	if (!r)
		tty->pgrp = pgrp;
	return r;
}

/* arg 1 lets root take a terminal that another session controls. */
static int set_ctty_ioctl(struct tty *tty, unsigned long arg)
{
	if (current->pid == current->sid && current->ctty == tty)
		return 0;
	if (current->pid != current->sid || current->ctty)
		return -EPERM;
	if (tty->session) {
		if (arg != 1 || current->euid != 0)
			return -EPERM;
		session_clear_tty(tty->session);
	}
	set_ctty(tty);
	return 0;
}

static int give_up_ctty(struct tty *tty)
{
	if (current->ctty != tty)
		return -ENOTTY;
	if (current->pid == current->sid)
		disassociate_ctty(false);
	else
		current->ctty = NULL;
	return 0;
}

long tty_ioctl_tty(struct tty *tty, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	switch (cmd) {
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCSBRK:
	case TCFLSH: {
		int r = tty_check_change_sig(tty, SIGTTOU);
		if (r)
			return r;
		break;
	}
	default:
		break;
	}
	switch (cmd) {
	case TCGETS:
		return copyout(&tty->termios, p, sizeof(struct termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, p);
	case TCSBRK:            /* tcdrain(); no break condition is sent */
		return wait_until_sent(tty);
	case TCFLSH:            /* queued output is not discarded: it drains at line speed */
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			n_tty_flush_input(tty);
		if (tty->ops->flush_buffer)
			tty->ops->flush_buffer(tty, (int)arg);
		return 0;
	case TIOCGWINSZ:
		return copyout(&tty->winsize, p, sizeof(struct winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return set_winsize(tty, p);
	case FIONREAD:
		return put_user((int)n_tty_inq(tty), (int __user *)p);
	case TIOCGPGRP:
		if (current->ctty != tty)
			return -ENOTTY;
		return put_user(tty->pgrp, (int __user *)p);
	case TIOCSPGRP:
		return set_pgrp(tty, p);
	case TIOCGSID:
		if (current->ctty != tty || !tty->session)
			return -ENOTTY;
		return put_user(tty->session, (int __user *)p);
	case TIOCSCTTY:
		return set_ctty_ioctl(tty, arg);
	case TIOCNOTTY:
		return give_up_ctty(tty);
	case TIOCGPTPEER:       /* only a pty master has a peer (pty.c) */
		return -EIO;
	default:
		return -ENOIOCTLCMD;
	}
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return tty_ioctl_tty(file->private_data, cmd, arg);
}

/* What a file open on a tty turns into when the tty hangs up (Linux's
 * hung_up_tty_fops): end of file, EIO, and poll saying so. */
static ssize_t hung_up_tty_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	(void)file, (void)buf, (void)count, (void)pos;
	return 0;
}

static ssize_t hung_up_tty_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	(void)file, (void)buf, (void)count, (void)pos;
	return -EIO;
}

static unsigned int hung_up_tty_poll(struct file *file, poll_table *pt)
{
	(void)file, (void)pt;
	return POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM;
}

static long hung_up_tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	(void)file, (void)arg;
	return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
}

static const struct file_operations hung_up_tty_fops = {
	.release = tty_release,
	.read = hung_up_tty_read,
	.write = hung_up_tty_write,
	.llseek = no_llseek,
	.unlocked_ioctl = hung_up_tty_ioctl,
	.poll = hung_up_tty_poll,
};

/* Every open file of tty is reachable from some process's descriptor table
 * (an fd passed on a socket does not exist here), so a walk of the tables
 * finds them all; a file shared by several tables is simply seen again. An
 * exiting process has dropped its table (files is NULL). */
static void hang_up_files(struct tty *tty)
{
	for (int i = 0; i < NPROC; i++) {
		struct fdtable *t = proc_table[i].state != P_UNUSED ? proc_table[i].files : NULL;
		for (int fd = 0; t && fd < NOFILE; fd++) {
			struct file *f = files_lookup_fd_raw(t, fd);
			if (f && f->f_op == &tty_fops && f->private_data == tty)
				f->f_op = &hung_up_tty_fops;
		}
	}
}

/* Linux's tty_signal_session_leader: the session loses the terminal and
 * its leader hears of it; the foreground group hears when the leader
 * exits, from disassociate_ctty. */
static void signal_session_leader(struct tty *tty)
{
	struct k_siginfo info = { .si_code = SI_KERNEL };
	for (int i = 0; tty->session && i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (!proc_live(p) || p->sid != tty->session)
			continue;
		if (p->ctty == tty)
			p->ctty = NULL;
		if (p->pid == p->sid) {
			info.si_signo = SIGHUP;
			send_signal(p, SIGHUP, &info);
			info.si_signo = SIGCONT;
			send_signal(p, SIGCONT, &info);
		}
	}
}

void tty_hangup(struct tty *tty)
{
	hang_up_files(tty);
	signal_session_leader(tty);
	tty->session = 0;
	tty->pgrp = 0;
	tty->hangups++;
	wake_up_interruptible(&tty->read_wait);
	wake_up_interruptible(&tty->write_wait);
}

/* Linux's tty_fasync: turning O_ASYNC on makes the foreground process
 * group (or, with none, the caller) the owner. */
static int tty_fasync(int fd, struct file *file, int on)
{
	struct tty *tty = file->private_data;
	int r = fasync_helper(fd, file, on, &tty->fasync);
	if (r <= 0 || !on)
		return r;
	if (tty->pgrp)
		__f_setown(file, tty->pgrp, F_OWNER_PGRP);
	else
		__f_setown(file, current->tgid, F_OWNER_PID);
	return 0;
}

const struct file_operations tty_fops = {
	.fasync = tty_fasync,
	.open = tty_open,
	.release = tty_release,
	.read = tty_read,
	.write = tty_write,
	.llseek = no_llseek,
	.unlocked_ioctl = tty_ioctl,
	.poll = tty_poll,
};
