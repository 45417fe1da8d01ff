/* proc_fd: /proc/self/fd/N links say what each fd is ("pipe:[ino]", a
 * path, "(deleted)") with a mode that says how it is open, and opening one
 * opens the same file again (the same pipe; an unlinked file); fdinfo/N
 * shows pos, flags (O_CLOEXEC too) and ino; fd/ lists the open fds;
 * environ, limits, mounts, mountinfo, /proc/mounts and the /dev/fd links. */
#include "check.h"

#include <dirent.h>
#include <sys/resource.h>
#include <sys/stat.h>

#define F "/tmp/proc_fd.f"

static int readlink_str(const char *path, char *buf, size_t size)
{
	ssize_t n = readlink(path, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	return (int)n;
}

static int read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int n = 0, r;
	while ((r = (int)read(fd, buf + n, size - 1 - (size_t)n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return n;
}

static const char *fd_path(const char *dir, int fd)
{
	static char path[64];
	snprintf(path, sizeof path, "/proc/self/%s/%d", dir, fd);
	return path;
}

/* The value of "key:\t" in an fdinfo file, or -1. */
static long fdinfo_field(int fd, const char *key, int base)
{
	char buf[512];
	if (read_file(fd_path("fdinfo", fd), buf, sizeof buf) < 0)
		return -1;
	char want[32];
	snprintf(want, sizeof want, "%s:\t", key);
	for (char *line = buf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, want, strlen(want)) == 0)
			return strtol(line + strlen(want), NULL, base);
	return -1;
}

static void check_pipe(void)
{
	int p[2];
	CHECK_OK(pipe(p), "pipe");
	struct stat st, lst;
	char want[64], got[256];
	CHECK_OK(fstat(p[0], &st), "fstat the pipe");
	snprintf(want, sizeof want, "pipe:[%lu]", (unsigned long)st.st_ino);
	readlink_str(fd_path("fd", p[0]), got, sizeof got);
	CHECK(strcmp(got, want) == 0, "fd/N of a pipe reads pipe:[its inode number]");
	CHECK(lstat(fd_path("fd", p[0]), &lst) == 0 && lst.st_mode == (S_IFLNK | 0500), "the read end's link is lr-x");
	CHECK(lstat(fd_path("fd", p[1]), &lst) == 0 && lst.st_mode == (S_IFLNK | 0300), "the write end's link is l-wx");
	CHECK(stat(fd_path("fd", p[0]), &lst) == 0 && lst.st_ino == st.st_ino && S_ISFIFO(lst.st_mode),
	      "stat through the link is the pipe");
	CHECK_EQ(fdinfo_field(p[0], "pos", 10), 0, "fdinfo pos of a pipe");
	CHECK_EQ(fdinfo_field(p[0], "flags", 8), O_RDONLY, "fdinfo flags of the read end");
	CHECK_EQ(fdinfo_field(p[1], "flags", 8), O_WRONLY, "fdinfo flags of the write end");
	CHECK_EQ(fdinfo_field(p[0], "ino", 10), (long)st.st_ino, "fdinfo ino");
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	CHECK_EQ(fdinfo_field(p[1], "flags", 8), O_WRONLY | O_CLOEXEC, "fdinfo flags show close-on-exec");

	int w = open(fd_path("fd", p[0]), O_WRONLY);
	CHECK(w >= 0, "open fd/N of the read end for writing");
	CHECK_EQ(write(w, "hi", 2), 2, "write to the reopened pipe");
	char buf[4] = "";
	CHECK(read(p[0], buf, sizeof buf) == 2 && memcmp(buf, "hi", 2) == 0, "the bytes come out of the same pipe");
	close(p[1]);
	close(w);
	CHECK_EQ(read(p[0], buf, sizeof buf), 0, "EOF once every writer is closed, the reopened one too");
	close(p[0]);
}

static void check_file(void)
{
	unlink(F);
	int fd = open(F, O_CREAT | O_RDWR | O_APPEND, 0644);
	CHECK(fd >= 0, "create " F);
	CHECK_EQ(write(fd, "hello", 5), 5, "write 5 bytes");
	char got[256];
	readlink_str(fd_path("fd", fd), got, sizeof got);
	CHECK(strcmp(got, F) == 0, "fd/N of a file reads its path");
	struct stat lst;
	CHECK(lstat(fd_path("fd", fd), &lst) == 0 && lst.st_mode == (S_IFLNK | 0700), "an O_RDWR fd's link is lrwx");
	CHECK_EQ(fdinfo_field(fd, "pos", 10), 5, "fdinfo pos follows the writes");
	CHECK_EQ(fdinfo_field(fd, "flags", 8) & ~0100000, O_RDWR | O_APPEND, "fdinfo flags: O_RDWR|O_APPEND");
	CHECK_OK(unlink(F), "unlink it");
	readlink_str(fd_path("fd", fd), got, sizeof got);
	const char *tail = strstr(got, "proc_fd.f (deleted)");
	CHECK(tail && strcmp(tail, "proc_fd.f (deleted)") == 0, "an unlinked file's link ends in (deleted)");
	int again = open(fd_path("fd", fd), O_RDONLY);
	char buf[8] = "";
	CHECK(again >= 0 && read(again, buf, sizeof buf) == 5 && memcmp(buf, "hello", 5) == 0,
	      "opening the link reopens the unlinked file from its start");
	CHECK_EQ(fdinfo_field(fd, "pos", 10), 5, "with its own offset");
	close(again);
	close(fd);
	CHECK_ERR(open(fd_path("fd", fd), O_RDONLY), ENOENT, "a closed fd's link: ENOENT");
	CHECK_ERR(readlink(fd_path("fd", fd), got, sizeof got), ENOENT, "readlink of it: ENOENT");
	CHECK_ERR(open("/proc/self/fdinfo/999", O_RDONLY), ENOENT, "fdinfo of a closed fd: ENOENT");
}

static void check_dir(void)
{
	struct stat st;
	CHECK(lstat("/proc/self/fd", &st) == 0 && st.st_mode == (S_IFDIR | 0500), "fd/ is dr-x------");
	int a = open("/dev/null", O_RDONLY);
	int b = dup2(a, 40);
	char got[64];
	readlink_str(fd_path("fd", b), got, sizeof got);
	CHECK(strcmp(got, "/dev/null") == 0, "a dup'ed fd links to /dev/null");
	DIR *d = opendir("/proc/self/fd");
	int seen_a = 0, seen_b = 0, dots = 0, bad = 0;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			dots++;
		else if (atoi(e->d_name) == a)
			seen_a++;
		else if (atoi(e->d_name) == b)
			seen_b++;
		else if (fcntl(atoi(e->d_name), F_GETFD) < 0 && atoi(e->d_name) != dirfd(d))
			bad++;
	}
	if (d)
		closedir(d);
	CHECK(dots == 2 && seen_a == 1 && seen_b == 1 && bad == 0, "readdir of fd/ lists exactly the open fds");
	close(a);
	close(b);
}

static int environ_child(void *arg)
{
	(void)arg;
	char *argv[] = { "proc_fd", "environ", NULL };
	char *envp[] = { "A=1", "B=two", NULL };
	execve("/proc/self/exe", argv, envp);
	return 99;
}

static int check_environ(void)
{
	char buf[64];
	int n = read_file("/proc/self/environ", buf, sizeof buf);
	return n == 10 && memcmp(buf, "A=1\0B=two\0", 10) == 0 ? 0 : 1;
}

static void check_limits(void)
{
	struct rlimit rl = { 1000, 2000 };
	CHECK_OK(setrlimit(RLIMIT_RTTIME, &rl), "setrlimit RLIMIT_RTTIME");
	char buf[4096];
	CHECK(read_file("/proc/self/limits", buf, sizeof buf) > 0, "read limits");
	static const char *names[] = {
		"Limit                     Soft Limit           Hard Limit           Units     ",
		"Max cpu time ", "Max file size ", "Max data size ", "Max stack size ", "Max core file size ",
		"Max resident set ", "Max processes ", "Max open files ", "Max locked memory ",
		"Max address space ", "Max file locks ", "Max pending signals ", "Max msgqueue size ",
		"Max nice priority ", "Max realtime priority ",
		"Max realtime timeout      1000                 2000                 us        ",
	};
	size_t i = 0, lines = 0;
	for (char *line = buf; *line; lines++) {
		char *nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		if (i < sizeof names / sizeof names[0] && strncmp(line, names[i], strlen(names[i])) == 0 &&
		    (i > 0 && i < 16 ? strlen(line) == 26 + 21 * 2 + (i < 14 ? 10 : 0) : strcmp(line, names[i]) == 0))
			i++;
		line = nl + 1;
	}
	CHECK(i == 17 && lines == 17, "limits: Linux's table, one line per limit, the set one exact");
}

/* A line whose fields at the given positions (0-based, space-separated) are these. */
static int has_line(const char *text, int f1, const char *v1, int f2, const char *v2)
{
	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		char copy[256];
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		snprintf(copy, sizeof copy, "%.*s", (int)len, line);
		char *fields[16];
		int n = 0;
		for (char *tok = strtok(copy, " "); tok && n < 16; tok = strtok(NULL, " "))
			fields[n++] = tok;
		if (n > f1 && n > f2 && strcmp(fields[f1], v1) == 0 && strcmp(fields[f2], v2) == 0)
			return 1;
		if (!nl)
			break;
		line = nl + 1;
	}
	return 0;
}

static void check_mounts(void)
{
	char buf[8192], got[64];
	CHECK(read_file("/proc/self/mounts", buf, sizeof buf) > 0 && has_line(buf, 1, "/proc", 2, "proc"),
	      "/proc/self/mounts has proc on /proc");
	CHECK(has_line(buf, 1, "/sys", 2, "sysfs"), "and sysfs on /sys");
	readlink_str("/proc/mounts", got, sizeof got);
	CHECK(strcmp(got, "self/mounts") == 0, "/proc/mounts links to self/mounts");
	CHECK(read_file("/proc/self/mountinfo", buf, sizeof buf) > 0 && has_line(buf, 4, "/proc", 3, "/"),
	      "mountinfo has /proc");
	int fd = open("/proc/self/limits", O_RDONLY);
	char id[16];
	snprintf(id, sizeof id, "%ld", fdinfo_field(fd, "mnt_id", 10));
	CHECK(has_line(buf, 0, id, 4, "/proc"), "fdinfo's mnt_id of a /proc file is /proc's mount id");
	close(fd);
}

static void check_dev_links(void)
{
	char got[64];
	readlink_str("/dev/fd", got, sizeof got);
	CHECK(strcmp(got, "/proc/self/fd") == 0, "/dev/fd links to /proc/self/fd");
	readlink_str("/dev/stdin", got, sizeof got);
	CHECK(strcmp(got, "/proc/self/fd/0") == 0, "/dev/stdin links to /proc/self/fd/0");
	readlink_str("/dev/stderr", got, sizeof got);
	CHECK(strcmp(got, "/proc/self/fd/2") == 0, "/dev/stderr links to /proc/self/fd/2");
	int p[2];
	pipe(p);
	struct stat a, b;
	char path[32];
	snprintf(path, sizeof path, "/dev/fd/%d", p[1]);
	CHECK(stat(path, &a) == 0 && fstat(p[1], &b) == 0 && a.st_ino == b.st_ino, "/dev/fd/N is fd N");
	close(p[0]);
	close(p[1]);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "environ") == 0)
		return check_environ();
	check_pipe();
	check_file();
	check_dir();
	expect_exit(run_child(environ_child, NULL), 0, "/proc/self/environ is the environment execve passed");
	check_limits();
	check_mounts();
	check_dev_links();
	return done();
}
