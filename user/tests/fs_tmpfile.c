/* fs_tmpfile: O_TMPFILE makes an unnamed regular file in a directory's file
 * system: link count 0, the mode given less the umask, owned by the caller,
 * "DIR/#INO (deleted)" in /proc/self/fd (even once named). linkat names it, through
 * AT_EMPTY_PATH (root only: ENOENT otherwise) or /proc/self/fd/N with
 * AT_SYMLINK_FOLLOW, unless it was made with O_EXCL (ENOENT). The errors:
 * EINVAL without write access or with O_CREAT, ENOTDIR on a file, ENOENT,
 * EOPNOTSUPP on /proc, EACCES without write permission on the directory.
 * Also: an unlinked open file's fd link shows the whole path it had. */
#define _GNU_SOURCE
#include "check.h"

#include <sys/stat.h>

#define D "/tmp/fs_tmpfile.d"

static long sys_linkat(int olddir, const char *old, int newdir, const char *new, int flags)
{
	return sys_call6(__NR_linkat, olddir, (long)old, newdir, (long)new, flags, 0);
}

static void fd_link(int fd, char *buf, size_t size)
{
	char p[64];
	snprintf(p, sizeof p, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(p, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
}

static int user_links(void *arg)
{
	int fd = *(int *)arg;
	if (setuid(1000) != 0)
		return 1;
	if (sys_linkat(fd, "", AT_FDCWD, D "/u", AT_EMPTY_PATH) != -1 || errno != ENOENT)
		return 2;
	if (open(D "/ro", O_TMPFILE | O_RDWR, 0600) != -1 || errno != EACCES)
		return 3;
	return 0;
}

int main(void)
{
	mkdir(D, 0777);
	mkdir(D "/ro", 0755);
	umask(022);
	int fd = open(D, O_TMPFILE | O_RDWR, 0666);
	CHECK(fd >= 0, "O_TMPFILE|O_RDWR on a directory");
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 0, "a regular file, nlink 0");
	CHECK_EQ(st.st_mode & 07777, 0644, "mode less the umask");
	CHECK(st.st_uid == getuid(), "owned by the caller");
	char buf[256];
	CHECK(write(fd, "data", 4) == 4 && pread(fd, buf, 4, 0) == 4 && memcmp(buf, "data", 4) == 0,
	      "written and read back");
	fd_link(fd, buf, sizeof buf);
	size_t len = strlen(buf);
	CHECK(strncmp(buf, D "/#", strlen(D "/#")) == 0 && len > 10 && strcmp(buf + len - 10, " (deleted)") == 0,
	      "fd link: DIR/#INO (deleted)");

	CHECK_OK(sys_linkat(fd, "", AT_FDCWD, D "/named", AT_EMPTY_PATH), "linkat AT_EMPTY_PATH names it");
	CHECK(stat(D "/named", &st) == 0 && st.st_nlink == 1 && st.st_size == 4, "the name: nlink 1, the data");
	char again[256];
	fd_link(fd, again, sizeof again);
	CHECK(strcmp(buf, again) == 0, "fd link unchanged by the name");
	CHECK_EQ(fcntl(fd, F_GETFL) & ~O_LARGEFILE, O_TMPFILE | O_RDWR, "F_GETFL shows O_TMPFILE");
	CHECK_OK(sys_linkat(fd, "", AT_FDCWD, D "/second", AT_EMPTY_PATH), "a second name");
	CHECK(fstat(fd, &st) == 0 && st.st_nlink == 2, "nlink 2");
	CHECK_ERR(sys_linkat(fd, "", AT_FDCWD, D "/second", AT_EMPTY_PATH), EEXIST, "EEXIST");
	close(fd);

	fd = open(D, O_TMPFILE | O_WRONLY, 0600);
	CHECK(fd >= 0, "O_TMPFILE|O_WRONLY");
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	CHECK_OK(sys_linkat(AT_FDCWD, proc, AT_FDCWD, D "/via_proc", AT_SYMLINK_FOLLOW),
		 "linkat /proc/self/fd/N AT_SYMLINK_FOLLOW");
	CHECK(stat(D "/via_proc", &st) == 0 && st.st_nlink == 1 && S_ISREG(st.st_mode), "named through /proc");
	expect_exit(run_child(user_links, &fd), 0, "non-root: AT_EMPTY_PATH ENOENT, read-only dir EACCES");
	close(fd);

	fd = open(D, O_TMPFILE | O_RDWR | O_EXCL, 0600);
	CHECK(fd >= 0, "O_TMPFILE|O_EXCL");
	CHECK_ERR(sys_linkat(fd, "", AT_FDCWD, D "/excl", AT_EMPTY_PATH), ENOENT, "O_EXCL: linkat ENOENT");
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	CHECK_ERR(sys_linkat(AT_FDCWD, proc, AT_FDCWD, D "/excl", AT_SYMLINK_FOLLOW), ENOENT,
		  "O_EXCL: linkat through /proc ENOENT");
	close(fd);

	CHECK_ERR(open(D, O_TMPFILE | O_RDONLY, 0600), EINVAL, "O_RDONLY EINVAL");
	CHECK_ERR(open(D, O_TMPFILE | O_RDWR | O_CREAT, 0600), EINVAL, "with O_CREAT EINVAL");
	CHECK_ERR(open(D, 020000000 | O_RDWR, 0600), EINVAL, "__O_TMPFILE without O_DIRECTORY EINVAL");
	CHECK_ERR(open(D "/named", O_TMPFILE | O_RDWR, 0600), ENOTDIR, "on a file ENOTDIR");
	CHECK_ERR(open(D "/none", O_TMPFILE | O_RDWR, 0600), ENOENT, "missing directory ENOENT");
	CHECK_ERR(open("/proc", O_TMPFILE | O_RDWR, 0600), EOPNOTSUPP, "/proc EOPNOTSUPP");

	/* Named once, unnamed again: linkat cannot bring it back. */
	fd = open(D "/named", O_RDONLY);
	unlink(D "/named");
	unlink(D "/second");
	CHECK(fstat(fd, &st) == 0 && st.st_nlink == 0, "both names gone: nlink 0");
	CHECK_ERR(sys_linkat(fd, "", AT_FDCWD, D "/again", AT_EMPTY_PATH), ENOENT, "then linkat ENOENT");
	close(fd);

	/* An unlinked open file: its fd link keeps the whole path it had last. */
	mkdir(D "/sub", 0755);
	fd = open(D "/plain", O_CREAT | O_RDWR, 0600);
	CHECK_OK(rename(D "/plain", D "/sub/moved"), "rename an open file");
	CHECK_OK(unlink(D "/sub/moved"), "unlink it");
	fd_link(fd, buf, sizeof buf);
	CHECK(strcmp(buf, D "/sub/moved (deleted)") == 0, "deleted file: PATH (deleted)");
	close(fd);
	rmdir(D "/sub");

	unlink(D "/via_proc");
	rmdir(D "/ro");
	CHECK_OK(rmdir(D), "directory empty again");
	return done();
}
