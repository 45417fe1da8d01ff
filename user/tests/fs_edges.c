/* fs_edges: corners of the file system calls where the errno or the effect
 * is easy to get wrong, each as Linux has it: O_CREAT with O_DIRECTORY, O_CREAT
 * through a dangling symbolic link, trailing slashes on names that exist
 * (symlink, mknod, rename), readlink(""), rmdir("/"), truncating past 4 GiB,
 * and chown's rules for set-id bits and for a no-op by another user. */
#include "check.h"

#include <fcntl.h>
#include <sys/stat.h>

static char base[64];

static const char *at(const char *rel)
{
	return path_in(base, rel);
}

static void make_file(const char *rel, mode_t mode)
{
	close(open(at(rel), O_WRONLY | O_CREAT | O_TRUNC, mode));
}

static void test_open_flags(void)
{
	CHECK_ERR(open(at("nd"), O_RDONLY | O_DIRECTORY | O_CREAT, 0644), EINVAL,
		  "O_CREAT | O_DIRECTORY EINVAL");
	CHECK_ERR(access(at("nd"), F_OK), ENOENT, "O_CREAT | O_DIRECTORY creates nothing");

	CHECK_OK(symlink("target", at("dangling")), "symlink to a missing name");
	CHECK_ERR(open(at("dangling"), O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST,
		  "O_CREAT | O_EXCL on a dangling link EEXIST");
	int fd = open(at("dangling"), O_WRONLY | O_CREAT, 0600);
	CHECK(fd >= 0, "O_CREAT through a dangling link");
	close(fd);
	struct stat st;
	CHECK(stat(at("target"), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600,
	      "the link's target was created");
	CHECK(lstat(at("dangling"), &st) == 0 && S_ISLNK(st.st_mode), "the link is still a link");
	CHECK_OK(symlink("nodir/target", at("deep")), "symlink into a missing directory");
	CHECK_ERR(open(at("deep"), O_WRONLY | O_CREAT, 0644), ENOENT,
		  "O_CREAT through a link into a missing directory ENOENT");
	unlink(at("deep"));
	unlink(at("dangling"));
	unlink(at("target"));
}

static void test_trailing_slash(void)
{
	make_file("f", 0644);
	mkdir(at("d"), 0755);
	CHECK_ERR(symlink("x", at("f/")), EEXIST, "symlink onto an existing file/ EEXIST");
	CHECK_ERR(symlink("x", at("d/")), EEXIST, "symlink onto an existing dir/ EEXIST");
	CHECK_ERR(symlink("x", at("new/")), ENOENT, "symlink to a new name/ ENOENT");
	CHECK_ERR(sys_call(__NR_mknod, (long)at("d/"), S_IFREG | 0644, 0), EEXIST,
		  "mknod onto an existing dir/ EEXIST");
	CHECK_ERR(rename(at("f"), at("f/")), ENOTDIR, "rename a file onto itself with a slash ENOTDIR");
	CHECK_OK(rename(at("d"), at("d/")), "rename a directory onto itself with a slash");
	rmdir(at("d"));
	unlink(at("f"));
}

static void test_names(void)
{
	char buf[16];
	CHECK_ERR(readlink("", buf, sizeof buf), ENOENT, "readlink(\"\") ENOENT");
	CHECK_ERR(rmdir("/"), EBUSY, "rmdir(\"/\") EBUSY");
	CHECK_ERR(rmdir("/."), EINVAL, "rmdir(\"/.\") EINVAL");
}

/* _llseek: the 64-bit file size whatever the libc's off_t. */
static long long size64(int fd)
{
	long long off = -1;
	return raw_syscall6(__NR__llseek, fd, 0, 0, (long)&off, SEEK_END, 0) == 0 ? off : -1;
}

/* A length that does not fit in 32 bits must not wrap to a small one: either
 * the file system refuses it (EFBIG) or the file has that size and reads as zeros. */
static void test_truncate_4g(void)
{
	/* Linux refuses lengths past 2 GiB on a file opened without O_LARGEFILE
	 * (i386's value; glibc names it only for _LARGEFILE64_SOURCE). */
	int fd = open(at("big"), O_RDWR | O_CREAT | O_TRUNC | 0100000, 0644);
	long r = sys_call(__NR_ftruncate64, fd, 16, 1);
	int refused = r == -1 && errno == EFBIG;
	CHECK(refused || (r == 0 && size64(fd) == (1LL << 32) + 16), "ftruncate64 past 4 GiB: no wrapped size");
	static char buf[4096];
	int zeros = 1;
	for (long off = 0; off < (64L << 20); off += 8L << 20) {
		memset(buf, 0x5a, sizeof buf);
		ssize_t n = pread(fd, buf, sizeof buf, off);
		for (ssize_t i = 0; i < n; i++)
			zeros &= buf[i] == 0;
		zeros &= n == (refused ? 0 : (ssize_t)sizeof buf);
	}
	CHECK(zeros, "reads after it see zeros or the end, never other memory");
	close(fd);
	unlink(at("big"));
}

static int chown_as_user(void *unused)
{
	(void)unused;
	if (setuid(1000) != 0)
		return 64;
	int bad = 0;
	if (chown(at("owned"), (uid_t)-1, (gid_t)-1) != 0)
		bad |= 1;
	if (!(chown(at("owned"), 1000, (gid_t)-1) == -1 && errno == EPERM))
		bad |= 2;
	if (!(truncate(at("d"), 0) == -1 && errno == EISDIR))
		bad |= 4;
	return bad;
}

static void test_chown(void)
{
	struct stat st;
	make_file("sgid", 0644);
	chmod(at("sgid"), 02644);
	CHECK_OK(chown(at("sgid"), 5, 5), "root chowns a file");
	CHECK(stat(at("sgid"), &st) == 0 && (st.st_mode & 07777) == 02644,
	      "chown keeps S_ISGID without group execute");
	chmod(at("sgid"), 06755);
	chown(at("sgid"), 6, 6);
	CHECK(stat(at("sgid"), &st) == 0 && (st.st_mode & 07777) == 0755,
	      "chown clears S_ISUID and S_ISGID with group execute");
	unlink(at("sgid"));

	make_file("owned", 0644);
	mkdir(at("d"), 0755);
	expect_exit(run_child(chown_as_user, NULL), 0,
		    "uid 1000: chown -1 -1 of another's file, EPERM to take it, truncate a dir EISDIR");
	rmdir(at("d"));
	unlink(at("owned"));
}

int main(void)
{
	umask(0);
	snprintf(base, sizeof base, "/tmp/fs_edges.%d", (int)getpid());
	CHECK_OK(mkdir(base, 0755), "mkdir the test directory");
	test_open_flags();
	test_trailing_slash();
	test_names();
	test_truncate_4g();
	test_chown();
	CHECK_OK(rmdir(base), "everything cleaned up");
	return done();
}
