/* fs_basic: the file system namespace, under a private directory in /tmp.
 * mkdir/rmdir/unlink and their errors (ENOENT, EEXIST, ENOTDIR, ENOTEMPTY, EISDIR,
 * EINVAL), chdir/getcwd with ".", ".." and relative paths, stat/fstat of files,
 * directories and /dev/null (char device 1,3), readdir, O_DIRECTORY, mknod of char
 * nodes (a known number works like the device, an unregistered major gives ENXIO),
 * and permission checks (EACCES, EPERM) for a child that setuid()s to 1000. */
#include "check.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

static char base[64], cwd0[256];

static const char *at(const char *rel)
{
	return path_in(base, rel);
}

static void make_file(const char *path, const char *data, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	write(fd, data, strlen(data));
	close(fd);
}

static void test_dirs(void)
{
	CHECK_OK(mkdir(at("d"), 0755), "mkdir");
	CHECK_ERR(mkdir(at("d"), 0755), EEXIST, "mkdir existing EEXIST");
	CHECK_ERR(mkdir(at("no/such"), 0755), ENOENT, "mkdir with missing parent ENOENT");
	make_file(at("f"), "12345", 0644);
	CHECK_ERR(mkdir(at("f/x"), 0755), ENOTDIR, "mkdir under a file ENOTDIR");
	CHECK_ERR(open(at("f/x"), O_RDONLY), ENOTDIR, "open under a file ENOTDIR");
	CHECK_ERR(open(at("f"), O_RDONLY | O_DIRECTORY), ENOTDIR, "O_DIRECTORY on a file ENOTDIR");
	int dfd = open(at("d"), O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0, "O_DIRECTORY on a directory");
	close(dfd);
	make_file(at("d/inner"), "", 0644);
	CHECK_ERR(rmdir(at("d")), ENOTEMPTY, "rmdir non-empty ENOTEMPTY");
	CHECK_ERR(rmdir(at("f")), ENOTDIR, "rmdir a file ENOTDIR");
	CHECK_ERR(unlink(at("d")), EISDIR, "unlink a directory EISDIR");
	CHECK_OK(unlink(at("d/inner")), "unlink a file");
	CHECK_ERR(unlink(at("d/inner")), ENOENT, "unlink again ENOENT");
	CHECK_ERR(open(at("d/inner"), O_RDONLY), ENOENT, "unlinked file is gone");
	CHECK_ERR(rmdir(at("d/.")), EINVAL, "rmdir of \".\" EINVAL");
	CHECK_OK(rmdir(at("d")), "rmdir empty directory");
	CHECK_ERR(rmdir(at("d")), ENOENT, "rmdir again ENOENT");
	CHECK_ERR(mkdir(at(""), 0755), EEXIST, "mkdir of the base (trailing slash) EEXIST");
}

static void test_cwd(void)
{
	char buf[256], want[300];
	mkdir(at("sub"), 0755);
	CHECK_OK(chdir(base), "chdir to the test directory");
	CHECK(getcwd(cwd0, sizeof cwd0) != NULL, "getcwd");
	const char *tail = strrchr(base, '/');
	size_t lt = strlen(tail), lc = strlen(cwd0);
	CHECK(lc >= lt && strcmp(cwd0 + lc - lt, tail) == 0, "getcwd names the directory");
	CHECK_OK(chdir("sub"), "chdir relative");
	snprintf(want, sizeof want, "%s/sub", cwd0);
	CHECK(getcwd(buf, sizeof buf) && strcmp(buf, want) == 0, "getcwd after relative chdir");
	CHECK_OK(chdir("."), "chdir .");
	CHECK(getcwd(buf, sizeof buf) && strcmp(buf, want) == 0, "getcwd unchanged by .");
	make_file("rel", "relative", 0644);
	CHECK_OK(chdir(".."), "chdir ..");
	CHECK(getcwd(buf, sizeof buf) && strcmp(buf, cwd0) == 0, "getcwd back at the parent");
	int fd = open("sub/../sub/./rel", O_RDONLY);
	char data[16] = { 0 };
	CHECK_EQ(read(fd, data, sizeof data), 8, "open through . and .. components");
	CHECK(strcmp(data, "relative") == 0, "file created with a relative path");
	close(fd);
	CHECK(getcwd(buf, 2) == NULL && errno == ERANGE, "getcwd with a small buffer ERANGE");
	CHECK_ERR(chdir("f"), ENOTDIR, "chdir to a file ENOTDIR");
	CHECK_ERR(chdir("missing"), ENOENT, "chdir to a missing path ENOENT");
	CHECK_OK(chdir("/"), "chdir /");
	CHECK(getcwd(buf, sizeof buf) && strcmp(buf, "/") == 0, "getcwd at the root is /");
	CHECK_OK(chdir(".."), "chdir .. at the root");
	CHECK(getcwd(buf, sizeof buf) && strcmp(buf, "/") == 0, "root's .. is the root");
	unlink(at("sub/rel"));
	rmdir(at("sub"));
}

static void test_stat(void)
{
	struct stat st, fst;
	CHECK_OK(stat(at("f"), &st), "stat a file");
	CHECK(S_ISREG(st.st_mode), "file is S_ISREG");
	CHECK_EQ(st.st_size, 5, "file size 5");
	CHECK_EQ(st.st_mode & 07777, 0644, "file mode 0644");
	CHECK_EQ(st.st_nlink, 1, "file link count 1");
	int fd = open(at("f"), O_RDONLY);
	CHECK_OK(fstat(fd, &fst), "fstat the file");
	CHECK(fst.st_ino == st.st_ino && fst.st_dev == st.st_dev, "fstat and stat agree");
	close(fd);
	CHECK_OK(stat(base, &st), "stat a directory");
	CHECK(S_ISDIR(st.st_mode), "directory is S_ISDIR");
	CHECK_OK(stat("/dev/null", &st), "stat /dev/null");
	CHECK(S_ISCHR(st.st_mode), "/dev/null is S_ISCHR");
	CHECK(dev_major(st.st_rdev) == 1 && dev_minor(st.st_rdev) == 3, "/dev/null is 1,3");
	CHECK_ERR(stat(at("missing"), &st), ENOENT, "stat missing ENOENT");
	CHECK_ERR(stat(null_ptr(), &st), EFAULT, "stat NULL path EFAULT");
}

static void test_readdir(void)
{
	static const char *names[] = { ".", "..", "alpha", "beta", "gamma" };
	mkdir(at("ls"), 0755);
	make_file(at("ls/alpha"), "a", 0644);
	make_file(at("ls/beta"), "b", 0644);
	mkdir(at("ls/gamma"), 0755);
	DIR *d = opendir(at("ls"));
	if (!CHECK(d != NULL, "opendir"))
		return;
	int seen[5] = { 0 }, total = 0, unknown = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		int k = -1;
		for (int i = 0; i < 5; i++)
			if (strcmp(e->d_name, names[i]) == 0)
				k = i;
		if (k < 0)
			unknown++;
		else
			seen[k]++;
		total++;
	}
	closedir(d);
	CHECK(total == 5 && unknown == 0, "readdir returns exactly 5 entries");
	CHECK(seen[0] == 1 && seen[1] == 1, "readdir lists . and ..");
	CHECK(seen[2] == 1 && seen[3] == 1 && seen[4] == 1, "readdir lists each created name once");
	CHECK(opendir(at("f")) == NULL && errno == ENOTDIR, "opendir on a file ENOTDIR");
	unlink(at("ls/alpha"));
	unlink(at("ls/beta"));
	rmdir(at("ls/gamma"));
	rmdir(at("ls"));
}

static int mknod_as_user(void *path)
{
	setuid(1000);
	return raw_syscall(__NR_mknod, (long)path, S_IFCHR | 0644, (1 << 8) | 3) == -EPERM ? 0 : 1;
}

static void test_mknod(void)
{
	/* sys_mknod takes the device as Linux's new_encode_dev: major << 8 | minor here. */
	CHECK_OK(sys_call(__NR_mknod, (long)at("nul"), S_IFCHR | 0666, (1 << 8) | 3), "mknod char 1,3");
	struct stat st;
	stat(at("nul"), &st);
	CHECK(S_ISCHR(st.st_mode) && dev_major(st.st_rdev) == 1 && dev_minor(st.st_rdev) == 3,
	      "new node is char 1,3");
	int fd = open(at("nul"), O_RDWR);
	CHECK(fd >= 0, "open own node for 1,3");
	char c;
	CHECK(write(fd, "abc", 3) == 3 && read(fd, &c, 1) == 0, "own 1,3 node behaves as /dev/null");
	close(fd);
	CHECK_ERR(sys_call(__NR_mknod, (long)at("nul"), S_IFCHR | 0666, 0), EEXIST, "mknod existing EEXIST");
	/* Major 120: Linux's local/experimental range, outside the dynamic majors
	 * (234-254) that drivers may be given, here and on the host. */
	CHECK_OK(sys_call(__NR_mknod, (long)at("nodrv"), S_IFCHR | 0666, 120 << 8), "mknod char 120,0");
	CHECK_ERR(open(at("nodrv"), O_RDWR), ENXIO, "open a node with no driver ENXIO");
	/* A world-writable directory, so that the missing privilege and not the directory's
	 * permission is what refuses the user. */
	mkdir(at("pub"), 0777);
	expect_exit(run_child(mknod_as_user, (void *)at("pub/node")), 0, "mknod as uid 1000 EPERM");
	rmdir(at("pub"));
	unlink(at("nul"));
	unlink(at("nodrv"));
}

/* Returns a bit mask of the checks that went wrong, so the parent can tell which. */
static int access_as_user(void *unused)
{
	(void)unused;
	int bad = 0;
	if (setuid(1000) != 0 || getuid() != 1000)
		return 64;
	if (!(open(at("secret"), O_RDONLY) == -1 && errno == EACCES))
		bad |= 1;
	if (!(open(at("f"), O_WRONLY) == -1 && errno == EACCES))
		bad |= 2;
	int fd = open(at("f"), O_RDONLY);
	if (fd < 0)
		bad |= 4;
	close(fd);
	if (!(chdir(at("closed")) == -1 && errno == EACCES))
		bad |= 8;
	if (!(open(at("closed/x"), O_RDONLY) == -1 && errno == EACCES))
		bad |= 16;
	if (!(setuid(0) == -1 && errno == EPERM))
		bad |= 32;
	return bad;
}

static void test_access(void)
{
	make_file(at("secret"), "root only", 0600);
	mkdir(at("closed"), 0700);
	make_file(at("closed/x"), "x", 0644);
	int fd = open(at("secret"), O_RDONLY);
	CHECK(fd >= 0, "root opens its 0600 file");
	close(fd);
	int st = run_child(access_as_user, NULL);
	expect_exit(st, 0, "uid 1000: EACCES on 0600/0700, reads 0644, cannot setuid(0)");
	unlink(at("closed/x"));
	rmdir(at("closed"));
	unlink(at("secret"));
}

int main(void)
{
	umask(0); /* modes below are exactly what we pass */
	snprintf(base, sizeof base, "/tmp/fs_basic.%d", (int)getpid());
	CHECK_OK(mkdir(base, 0755), "mkdir the test directory");
	test_dirs();
	test_cwd();
	test_stat();
	test_readdir();
	test_mknod();
	test_access();
	unlink(at("f"));
	CHECK_OK(rmdir(base), "everything cleaned up");
	return done();
}
