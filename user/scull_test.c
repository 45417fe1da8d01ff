/* scull_test: LDD3's scull devices [seed 004]: every 'k' ioctl in each of its
 * forms (Set, Tell, Get, Query, eXchange, sHift, the pipe size), ENOTTY for a
 * wrong type or number, EFAULT for bad pointers, EPERM for the privileged
 * forms when not root; data written across quantum and qset boundaries reads
 * back, llseek, and the truncation of a write-only open. Must run as root.
 * Prints one line per check and exits 0 when all pass. */
#include "tests/check.h"

#include <fcntl.h>
#include <sys/ioctl.h>

#include <uapi/scull.h>

#define DEV "/dev/scull0"

static int fd;

static int q_quantum(void)
{
	return ioctl(fd, SCULL_IOCQQUANTUM);
}

static int q_qset(void)
{
	return ioctl(fd, SCULL_IOCQQSET);
}

/* S, T, G, Q, X, H on one variable; q() queries it. */
static void test_forms(const char *var, unsigned s, unsigned t, unsigned g, unsigned x,
		       unsigned h, int (*q)(void))
{
	char what[96];
	int v = 2000;
	snprintf(what, sizeof what, "S%s sets %s through a pointer", var, var);
	CHECK(ioctl(fd, s, &v) == 0 && q() == 2000, what);
	snprintf(what, sizeof what, "T%s tells %s as the argument", var, var);
	CHECK(ioctl(fd, t, 3000) == 0 && q() == 3000, what);
	v = 0;
	snprintf(what, sizeof what, "G%s gets %s through a pointer", var, var);
	CHECK(ioctl(fd, g, &v) == 0 && v == 3000, what);
	v = 100;
	snprintf(what, sizeof what, "X%s exchanges: old value out, new in", var);
	CHECK(ioctl(fd, x, &v) == 0 && v == 3000 && q() == 100, what);
	snprintf(what, sizeof what, "H%s shifts: returns the old value, sets the argument", var);
	CHECK(ioctl(fd, h, 500) == 100 && q() == 500, what);
	snprintf(what, sizeof what, "T%s 0 EINVAL (would divide by zero)", var);
	CHECK_ERR(ioctl(fd, t, 0), EINVAL, what);
	snprintf(what, sizeof what, "S%s from NULL EFAULT", var);
	CHECK_ERR(ioctl(fd, s, null_ptr()), EFAULT, what);
	snprintf(what, sizeof what, "G%s to an unmapped page EFAULT", var);
	CHECK_ERR(ioctl(fd, g, unmapped_page()), EFAULT, what);
	snprintf(what, sizeof what, "X%s with NULL EFAULT", var);
	CHECK_ERR(ioctl(fd, x, null_ptr()), EFAULT, what);
	snprintf(what, sizeof what, "failed calls left %s alone", var);
	CHECK_EQ(q(), 500, what);
}

static void test_ioctls(void)
{
	CHECK_OK(ioctl(fd, SCULL_IOCRESET), "SCULL_IOCRESET");
	CHECK_EQ(q_quantum(), SCULL_QUANTUM, "Q: quantum is 4000 after reset");
	CHECK_EQ(q_qset(), SCULL_QSET, "Q: qset is 1000 after reset");
	test_forms("QUANTUM", SCULL_IOCSQUANTUM, SCULL_IOCTQUANTUM, SCULL_IOCGQUANTUM,
		   SCULL_IOCXQUANTUM, SCULL_IOCHQUANTUM, q_quantum);
	test_forms("QSET", SCULL_IOCSQSET, SCULL_IOCTQSET, SCULL_IOCGQSET, SCULL_IOCXQSET,
		   SCULL_IOCHQSET, q_qset);
	CHECK_OK(ioctl(fd, SCULL_IOCRESET), "SCULL_IOCRESET again");
	CHECK(q_quantum() == SCULL_QUANTUM && q_qset() == SCULL_QSET, "reset restores both");

	CHECK_EQ(ioctl(fd, SCULL_P_IOCQSIZE), SCULL_P_BUFFER, "P_IOCQSIZE: pipe buffer 4000");
	CHECK_OK(ioctl(fd, SCULL_P_IOCTSIZE, 8000), "P_IOCTSIZE 8000");
	CHECK_EQ(ioctl(fd, SCULL_P_IOCQSIZE), 8000, "P_IOCQSIZE reads 8000");
	ioctl(fd, SCULL_P_IOCTSIZE, SCULL_P_BUFFER);

	CHECK_ERR(ioctl(fd, _IO(SCULL_IOC_MAGIC, SCULL_IOC_MAXNR + 1)), ENOTTY, "number 15 ENOTTY");
	CHECK_ERR(ioctl(fd, _IOR(SCULL_IOC_MAGIC, 200, int), &fd), ENOTTY, "number 200 ENOTTY");
	CHECK_ERR(ioctl(fd, _IO('j', 7)), ENOTTY, "type 'j' ENOTTY");
	CHECK_ERR(ioctl(fd, _IOR(SCULL_IOC_MAGIC, 7, int), &fd), ENOTTY,
		  "right number, wrong direction ENOTTY");
}

/* As uid 1000: the errno the command gives (0 if it succeeded). */
struct unpriv_call {
	unsigned cmd;
	long arg;
};

static int unpriv_errno(void *p)
{
	const struct unpriv_call *c = p;
	if (setuid(1000) != 0)
		return 100;
	int f = open(DEV, O_RDONLY);
	if (f < 0)
		return 101;
	int v = 1234;
	long arg = c->arg ? c->arg : (long)&v;
	return ioctl(f, c->cmd, arg) < 0 ? errno : 0;
}

static void test_unprivileged(void)
{
	static const struct {
		struct unpriv_call call;
		int err;
		const char *what;
	} cases[] = {
		{ { SCULL_IOCSQUANTUM, 0 }, EPERM, "non-root SQUANTUM EPERM" },
		{ { SCULL_IOCTQUANTUM, 10 }, EPERM, "non-root TQUANTUM EPERM" },
		{ { SCULL_IOCXQUANTUM, 0 }, EPERM, "non-root XQUANTUM EPERM" },
		{ { SCULL_IOCHQUANTUM, 10 }, EPERM, "non-root HQUANTUM EPERM" },
		{ { SCULL_IOCSQSET, 0 }, EPERM, "non-root SQSET EPERM" },
		{ { SCULL_IOCTQSET, 10 }, EPERM, "non-root TQSET EPERM" },
		{ { SCULL_IOCXQSET, 0 }, EPERM, "non-root XQSET EPERM" },
		{ { SCULL_IOCHQSET, 10 }, EPERM, "non-root HQSET EPERM" },
		{ { SCULL_P_IOCTSIZE, 10 }, EPERM, "non-root P_IOCTSIZE EPERM" },
		{ { SCULL_IOCGQUANTUM, 0 }, 0, "non-root GQUANTUM allowed" },
		{ { SCULL_IOCQQSET, 0 }, 0, "non-root QQSET allowed" },
		{ { SCULL_P_IOCQSIZE, 0 }, 0, "non-root P_IOCQSIZE allowed" },
	};
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_exit(run_child(unpriv_errno, (void *)&cases[i].call), cases[i].err,
			    cases[i].what);
	CHECK(q_quantum() == SCULL_QUANTUM && q_qset() == SCULL_QSET &&
	      ioctl(fd, SCULL_P_IOCQSIZE) == SCULL_P_BUFFER, "refused commands changed nothing");
}

static unsigned char pattern(long i)
{
	return (unsigned char)(i * 7 + i / 251);
}

/* Writes n bytes of pattern at the current offset; returns the first
 * write's count (scull stops each write at the end of a quantum) or -1. */
static long write_pattern(int f, long from, long n)
{
	static unsigned char buf[10000];
	for (long i = 0; i < n; i++)
		buf[i] = pattern(from + i);
	long first = -1;
	for (long done = 0; done < n;) {
		long w = write(f, buf + done, n - done);
		if (w <= 0)
			return -1;
		if (first < 0)
			first = w;
		done += w;
	}
	return first;
}

static int read_matches(int f, long from, long n)
{
	static unsigned char buf[10000];
	long done = 0, r;
	while (done < n && (r = read(f, buf + done, n - done)) > 0)
		done += r;
	for (long i = 0; i < done; i++)
		if (buf[i] != pattern(from + i))
			return 0;
	return done == n;
}

static void test_data(void)
{
	/* 10000 bytes with quantum 1000 and qset 4: ten quanta in three qsets. */
	ioctl(fd, SCULL_IOCTQUANTUM, 1000);
	ioctl(fd, SCULL_IOCTQSET, 4);
	int w = CHECK_OK(open(DEV, O_WRONLY), "open write-only (truncates, takes quantum 1000)");
	CHECK_EQ(write_pattern(w, 0, 10000), 1000, "a write stops at the quantum's end");
	CHECK_EQ(lseek(w, 0, SEEK_END), 10000, "size is 10000 after writing");
	close(w);

	int r = CHECK_OK(open(DEV, O_RDONLY), "open read-only (keeps the data)");
	CHECK(read_matches(r, 0, 10000), "10000 bytes read back across quanta and qsets");
	char c;
	CHECK_EQ(read(r, &c, 1), 0, "read at the end gives 0");
	CHECK_EQ(lseek(r, 3995, SEEK_SET), 3995, "lseek SEEK_SET into the first qset's end");
	CHECK(read_matches(r, 3995, 10), "10 bytes across the qset boundary");
	CHECK_EQ(lseek(r, -10, SEEK_END), 9990, "lseek SEEK_END -10");
	CHECK_EQ(lseek(r, 5, SEEK_CUR), 9995, "lseek SEEK_CUR +5");
	CHECK(read_matches(r, 9995, 5), "the last 5 bytes");
	CHECK_ERR(lseek(r, -1, SEEK_SET), EINVAL, "lseek to a negative offset EINVAL");
	CHECK_ERR(lseek(r, 0, 7), EINVAL, "lseek with a bad whence EINVAL");
	lseek(r, 0, SEEK_SET);
	CHECK_ERR(read(r, null_ptr(), 10), EFAULT, "read into NULL EFAULT");
	close(r);

	int rw = open(DEV, O_RDWR);
	CHECK_EQ(lseek(rw, 0, SEEK_END), 10000, "open read-write does not truncate");
	CHECK_ERR(write(rw, unmapped_page(), 10), EFAULT, "write from an unmapped page EFAULT");
	close(rw);
	w = open(DEV, O_WRONLY);
	CHECK_EQ(lseek(w, 0, SEEK_END), 0, "open write-only truncates to 0");
	close(w);
	r = open(DEV, O_RDONLY);
	CHECK_EQ(read(r, &c, 1), 0, "and a read then gives 0");
	close(r);

	/* Put the defaults back, on the device too. */
	ioctl(fd, SCULL_IOCRESET);
	close(open(DEV, O_WRONLY));
}

int main(void)
{
	fd = CHECK_OK(open(DEV, O_RDWR), "open " DEV);
	test_ioctls();
	test_unprivileged();
	test_data();
	close(fd);
	return done();
}
