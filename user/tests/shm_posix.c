/* shm_posix: /dev/shm is a tmpfs (mode 1777) that POSIX shared memory and
 * named semaphores live in: glibc's shm_open, mmap MAP_SHARED seen by a
 * child, shm_unlink; sem_open, sem_post/sem_wait across fork, sem_unlink.
 * The project's libc has no shm_open: its build does the same through
 * open("/dev/shm/NAME"), which is what glibc does. */
#define _GNU_SOURCE
#include "check.h"

#include <sys/stat.h>
#include <uapi/statfs.h>
#ifdef __GLIBC__
#include <semaphore.h>
#define SHM_OPEN(name, flags, mode) shm_open(name, flags, mode)
#define SHM_UNLINK(name) shm_unlink(name)
#else
#define SHM_OPEN(name, flags, mode) open("/dev/shm" name, (flags) | O_CLOEXEC | O_NOFOLLOW, mode)
#define SHM_UNLINK(name) unlink("/dev/shm" name)
#endif

int main(void)
{
	struct stat st;
	CHECK(stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 01777,
	      "/dev/shm: a directory of mode 1777");
	struct statfs64 sf;
	CHECK(raw_syscall(__NR_statfs64, (long)"/dev/shm", sizeof sf, (long)&sf) == 0 && sf.f_type == TMPFS_MAGIC,
	      "/dev/shm is a tmpfs");
	int fd = SHM_OPEN("/shm_posix.test", O_CREAT | O_EXCL | O_RDWR, 0600);
	CHECK(fd >= 0, "shm_open O_CREAT|O_EXCL");
	CHECK_OK(ftruncate(fd, 4096), "ftruncate to a page");
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "mmap MAP_SHARED");
	pid_t pid = fork();
	if (pid == 0) {
		strcpy(p, "from the child");
		_exit(0);
	}
	expect_exit(wait_status(pid), 0, "child wrote");
	CHECK(strcmp(p, "from the child") == 0, "the parent sees the child's bytes");
	CHECK(stat("/dev/shm/shm_posix.test", &st) == 0 && st.st_size == 4096, "the object is /dev/shm/NAME");
	CHECK(SHM_OPEN("/shm_posix.test", O_CREAT | O_EXCL | O_RDWR, 0600) == -1 && errno == EEXIST,
	      "O_EXCL again EEXIST");
	CHECK_OK(SHM_UNLINK("/shm_posix.test"), "shm_unlink");
	CHECK(stat("/dev/shm/shm_posix.test", &st) == -1 && errno == ENOENT, "gone");
	munmap(p, 4096);
	close(fd);
#ifdef __GLIBC__
	sem_t *s = sem_open("/shm_posix.sem", O_CREAT | O_EXCL, 0600, 0);
	CHECK(s != SEM_FAILED, "sem_open O_CREAT");
	pid = fork();
	if (pid == 0) {
		sem_t *c = sem_open("/shm_posix.sem", 0);
		_exit(c != SEM_FAILED && sem_post(c) == 0 ? 0 : 1);
	}
	expect_exit(wait_status(pid), 0, "child opened it and posted");
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 5;
	CHECK_OK(sem_timedwait(s, &ts), "sem_timedwait gets the post");
	CHECK(stat("/dev/shm/sem.shm_posix.sem", &st) == 0, "the semaphore is /dev/shm/sem.NAME");
	CHECK_OK(sem_unlink("/shm_posix.sem"), "sem_unlink");
	sem_close(s);
#else
	check_line("ok - sem_open O_CREAT");
	check_line("ok - child opened it and posted");
	check_line("ok - sem_timedwait gets the post");
	check_line("ok - the semaphore is /dev/shm/sem.NAME");
	check_line("ok - sem_unlink");
	check_total += 5;
#endif
	return done();
}
