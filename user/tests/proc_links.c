/* proc_links: /proc/self/cwd names the working directory (and follows
 * chdir), /proc/self/root is "/", and both work as directories to open
 * paths through, in this process and in a child's /proc/PID. */
#include "check.h"

#include <fcntl.h>
#include <sys/stat.h>

#define D "/tmp/proc_links.d"

static int link_is(const char *path, const char *want)
{
	char buf[256];
	ssize_t n = readlink(path, buf, sizeof buf - 1);
	if (n < 0)
		return 0;
	buf[n] = '\0';
	return strcmp(buf, want) == 0;
}

static int sleeper(void *arg)
{
	(void)arg;
	if (chdir(D) != 0)
		return 1;
	sleep_ms(5000);
	return 0;
}

int main(void)
{
	mkdir(D, 0755);
	CHECK_OK(chdir("/"), "cd /");
	CHECK(link_is("/proc/self/cwd", "/"), "/proc/self/cwd is /");
	CHECK_OK(chdir(D), "cd " D);
	CHECK(link_is("/proc/self/cwd", D), "/proc/self/cwd follows chdir");
	CHECK(link_is("/proc/self/root", "/"), "/proc/self/root is /");
	int fd = open("f", O_CREAT | O_WRONLY, 0644);
	close(fd);
	struct stat a, b;
	CHECK(stat("/proc/self/cwd/f", &a) == 0 && stat(D "/f", &b) == 0 && a.st_ino == b.st_ino,
	      "a path through /proc/self/cwd reaches the file");
	CHECK(stat("/proc/self/root/tmp", &a) == 0 && S_ISDIR(a.st_mode), "and one through /proc/self/root");
	CHECK_ERR(readlink("/proc/self/cwd", (char *)null_ptr(), 10), EFAULT, "readlink to a bad buffer: EFAULT");

	pid_t pid = spawn(sleeper, NULL);
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/cwd", (int)pid);
	int ok = 0;
	for (int i = 0; i < 200 && !ok; i++) {
		ok = link_is(path, D);
		if (!ok)
			sleep_ms(10);
	}
	CHECK(ok, "another process's cwd");
	kill(pid, SIGKILL);
	expect_signal(wait_status(pid), SIGKILL, "the child is killed");
	unlink(D "/f");
	CHECK_OK(chdir("/"), "back to /");
	CHECK_OK(rmdir(D), "clean up");
	return done();
}
