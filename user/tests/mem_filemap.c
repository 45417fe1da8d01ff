/* mem_filemap: mmap of a file. A MAP_SHARED write is seen by read(2) and by
 * another mapping, a MAP_PRIVATE one by neither; write(2) shows through a
 * private page not yet written; after fork a private page of the file is
 * copy-on-write; offsets; PROT_EXEC; SIGBUS (BUS_ADRERR) past the end of the
 * file but not in the last page's tail; truncate while mapped (pages past the
 * new end SIGBUS, private copies too, as on Linux; a private copy of the last
 * page keeps its bytes); the EBADF, EACCES, ENODEV,
 * EINVAL rules; mprotect of a read-only shared mapping; /dev/zero maps as
 * anonymous memory. */
#include "check.h"

#include <stdint.h>
#include <sys/stat.h>

#define PAGE 4096u
#define PATH "/tmp/mem_filemap.dat"

static int make_file(unsigned size)
{
	int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0600);
	char buf[PAGE];
	for (unsigned off = 0; fd >= 0 && off < size; off += PAGE) {
		memset(buf, 'a' + off / PAGE, PAGE);
		unsigned n = size - off < PAGE ? size - off : PAGE;
		if (write(fd, buf, n) != (ssize_t)n)
			return -1;
	}
	return fd;
}

static void *volatile touched;

static void on_bus(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	_exit(si->si_code == BUS_ADRERR && si->si_addr == touched ? 40 : 41);
}

/* A child that reads the byte at p: 0 when the read worked, 40 after SIGBUS
 * with BUS_ADRERR at p, 41 with anything else. */
static int touch(void *p)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_bus;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGBUS, &sa, NULL);
	touched = p;
	return *(volatile char *)p == 0x7f ? 42 : 0;
}

static int touch_status(void *p)
{
	return run_child(touch, p);
}

static void shared_and_private(int fd)
{
	char *sh = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *sh2 = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	char *pr = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(sh != MAP_FAILED && sh2 != MAP_FAILED && pr != MAP_FAILED, "three mappings of one file");
	CHECK(sh[0] == 'a' && sh[PAGE] == 'b' && pr[PAGE + 5] == 'b', "mappings show the file's bytes");
	memcpy(sh + 10, "shared", 6);
	char buf[8] = { 0 };
	CHECK(pread(fd, buf, 6, 10) == 6 && memcmp(buf, "shared", 6) == 0, "a shared write is seen by read(2)");
	CHECK(memcmp(sh2 + 10, "shared", 6) == 0, "and by another shared mapping");
	CHECK(memcmp(pr + 10, "shared", 6) == 0, "and by a private page not yet written");
	memcpy(pr + PAGE + 20, "private", 7);
	CHECK(pread(fd, buf, 7, PAGE + 20) == 7 && memcmp(buf, "bbbbbbb", 7) == 0, "a private write is not seen by read(2)");
	CHECK(sh[PAGE + 20] == 'b', "nor by a shared mapping");
	CHECK(pwrite(fd, "WRITE", 5, PAGE + 100) == 5, "pwrite into the file");
	CHECK(memcmp(sh2 + PAGE + 100, "WRITE", 5) == 0, "write(2) is seen by a shared mapping");
	CHECK(pr[PAGE + 100] == 'b', "but not by a private page that has its own copy");
	CHECK(msync(sh, 2 * PAGE, MS_SYNC) == 0, "msync of the shared mapping");

	/* After fork, a private page of the file is copy-on-write both ways. */
	char *cow = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(cow != MAP_FAILED && cow[1] == 'a', "a private mapping of a cached page");
	pid_t pid = fork();
	if (pid == 0) {
		cow[1] = 'C';
		sh[2] = 'S';
		_exit(cow[1] == 'C' && cow[3] == 'a' ? 0 : 1);
	}
	expect_exit(wait_status(pid), 0, "the child writes its private copy");
	CHECK(cow[1] == 'a', "the parent keeps the file's byte");
	CHECK(sh[2] == 'S' && pread(fd, buf, 1, 2) == 1 && buf[0] == 'S', "the child's shared write reaches the file");
	cow[3] = 'P';
	CHECK(pread(fd, buf, 1, 3) == 1 && buf[0] == 'a', "the parent's private write does not");
	CHECK(munmap(sh, 2 * PAGE) == 0 && munmap(sh2, 2 * PAGE) == 0 && munmap(pr, 2 * PAGE) == 0 &&
	      munmap(cow, PAGE) == 0, "munmap");
}

static void offsets_and_exec(int fd)
{
	char *p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 2 * PAGE);
	CHECK(p != MAP_FAILED && p[0] == 'c' && p[PAGE - 1] == 'c', "a mapping at a page offset");
	munmap(p, PAGE);
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 100), EINVAL, "an offset not page aligned");

	/* mov $42, %eax; ret */
	static const unsigned char code[] = { 0xb8, 42, 0, 0, 0, 0xc3 };
	int cfd = open("/tmp/mem_filemap.code", O_RDWR | O_CREAT | O_TRUNC, 0700);
	CHECK(cfd >= 0 && write(cfd, code, sizeof code) == (ssize_t)sizeof code, "a file of code");
	int (*fn)(void) = (int (*)(void))mmap(NULL, PAGE, PROT_READ | PROT_EXEC, MAP_PRIVATE, cfd, 0);
	CHECK((void *)fn != MAP_FAILED && fn() == 42, "PROT_EXEC runs code from the file");
	munmap((void *)fn, PAGE);
	close(cfd);
	unlink("/tmp/mem_filemap.code");

	/* mremap of a file mapping: the grown or moved pages go on from its offset. */
	char *m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
	long r = raw_syscall6(__NR_mremap, (long)m, PAGE, 2 * PAGE, 1 /* MREMAP_MAYMOVE */, 0, 0);
	CHECK(m != MAP_FAILED && r != -1 && ((char *)r)[0] == 'b' && ((char *)r)[PAGE] == 'c',
	      "mremap of a file mapping grows it along the file");
	if (r != -1)
		munmap((char *)r, 2 * PAGE);
}

static void past_eof(void)
{
	int fd = make_file(PAGE + 100);
	char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "a mapping longer than the file");
	CHECK(p[PAGE + 99] == 'b' && p[PAGE + 100] == 0 && p[2 * PAGE - 1] == 0, "the last page's tail reads zeros");
	expect_exit(touch_status(p + 2 * PAGE + 8), 40, "a page past the end is SIGBUS");

	/* Truncate while mapped. */
	char *pr = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char *pr2 = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(pr != MAP_FAILED && pr2 != MAP_FAILED && pr2[PAGE] == 'b', "private mappings");
	pr[PAGE] = 'X';
	pr[60] = 'Y';
	CHECK(ftruncate(fd, 50) == 0, "ftruncate while mapped");
	expect_exit(touch_status(p + PAGE), 40, "a shared page past the new end is SIGBUS");
	expect_exit(touch_status(pr2 + PAGE), 40, "so is a private page never written");
	expect_exit(touch_status(pr + PAGE), 40, "and a private copy past the new end");
	CHECK(pr[60] == 'Y' && pr[61] == 'a', "a private copy of the last page keeps its bytes");
	CHECK(p[49] == 'a' && p[50] == 0 && pr2[60] == 0, "the cut part of the last page reads zeros");
	CHECK(ftruncate(fd, 3 * PAGE) == 0, "ftruncate up again");
	CHECK(p[PAGE] == 0 && p[2 * PAGE + 5] == 0, "the grown part reads zeros through the mapping");
	p[2 * PAGE + 5] = 'Z';
	char c = 0;
	CHECK(pread(fd, &c, 1, 2 * PAGE + 5) == 1 && c == 'Z', "a write there reaches the file");
	munmap(p, 3 * PAGE);
	munmap(pr, 2 * PAGE);
	munmap(pr2, 2 * PAGE);
	close(fd);
}

static void errors(void)
{
	CHECK_ERR(mmap(NULL, 0, PROT_READ, MAP_SHARED, 1000, 0), EBADF, "a bad fd before a zero length");
	int fd = make_file(PAGE);
	CHECK_ERR(mmap(NULL, 0, PROT_READ, MAP_SHARED, fd, 0), EINVAL, "a zero length");
	int ro = open(PATH, O_RDONLY), wo = open(PATH, O_WRONLY);
	CHECK(ro >= 0 && wo >= 0, "read-only and write-only opens");
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0), EACCES,
		  "a shared writable mapping needs O_RDWR");
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	CHECK(p != MAP_FAILED, "a private writable mapping of a read-only open");
	if (p != MAP_FAILED) {
		p[0] = 'q';
		munmap(p, PAGE);
	}
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wo, 0), EACCES, "a write-only open cannot be mapped");
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0);
	CHECK(p != MAP_FAILED, "a shared read-only mapping of a read-only open");
	CHECK_ERR(mprotect(p, PAGE, PROT_READ | PROT_WRITE), EACCES, "which mprotect cannot make writable");
	munmap(p, PAGE);
	int fds[2];
	CHECK(pipe(fds) == 0, "a pipe");
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fds[0], 0), ENODEV, "a pipe cannot be mapped");
	int zero = open("/dev/zero", O_RDWR);
	char *zp = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, zero, 0);
	char *zs = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, zero, 0);
	CHECK(zp != MAP_FAILED && zs != MAP_FAILED && zp[PAGE] == 0 && zs[5] == 0, "/dev/zero maps as zeros");
	pid_t pid = fork();
	if (pid == 0) {
		zp[0] = zs[0] = 'c';
		_exit(0);
	}
	expect_exit(wait_status(pid), 0, "a child writes both /dev/zero mappings");
	CHECK(zp[0] == 0 && zs[0] == 'c', "the private one stays the parent's, the shared one is shared");
	munmap(zp, 2 * PAGE), munmap(zs, PAGE), close(zero);
	int dir = open("/tmp", O_RDONLY);
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, dir, 0), ENODEV, "a directory cannot be mapped");
	close(dir), close(fds[0]), close(fds[1]), close(ro), close(wo), close(fd);
}

int main(void)
{
	int fd = make_file(3 * PAGE);
	CHECK(fd >= 0, "a three-page file");
	shared_and_private(fd);
	offsets_and_exec(fd);
	close(fd);
	past_eof();
	errors();
	unlink(PATH);
	return done();
}
