/* link_count: link and linkat give a file a second name: both names stat as
 * the same inode with st_nlink counting them, the data is shared, removing
 * either name leaves the other, and an open file outlives both. Errors as
 * Linux: EEXIST, ENOENT, EPERM for a directory, EXDEV across file systems,
 * EINVAL for unknown flags, EACCES without write permission; linkat links a
 * symlink itself unless AT_SYMLINK_FOLLOW. */
#include "check.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#define D "/tmp/link_count.d"

static long nlink_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long)st.st_nlink : -1;
}

static int same_inode(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev;
}

static int unprivileged_link(void *arg)
{
	(void)arg;
	if (setuid(1000) != 0)
		return 1;
	return link(D "/own", D "/sub/x") == -1 && errno == EACCES ? 0 : 2;
}

/* The file is the child's own, so the protected_hardlinks sysctl (on for
 * most hosts, off on a bare kernel) lets it through to the directory check. */

/* readdir reports the inode number stat gives for the second name. */
static int dirent_ino_matches(const char *dir, const char *name, const char *path)
{
	struct stat st;
	DIR *d = opendir(dir);
	struct dirent *e;
	int ok = 0;
	if (!d || stat(path, &st) != 0)
		return 0;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, name) == 0)
			ok = e->d_ino == st.st_ino && e->d_type == DT_REG;
	closedir(d);
	return ok;
}

int main(void)
{
	mkdir(D, 0755);
	mkdir(D "/sub", 0755);
	int fd = open(D "/a", O_CREAT | O_TRUNC | O_WRONLY, 0644);
	CHECK(fd >= 0 && write(fd, "hello", 5) == 5, "a file with data");
	close(fd);
	CHECK_EQ(nlink_of(D "/a"), 1, "one name: st_nlink 1");
	CHECK_OK(link(D "/a", D "/b"), "link a b");
	CHECK_EQ(nlink_of(D "/a"), 2, "two names: st_nlink 2");
	CHECK(same_inode(D "/a", D "/b"), "both names are one inode");
	CHECK_OK(linkat(AT_FDCWD, D "/b", AT_FDCWD, D "/sub/c", 0), "linkat into a subdirectory");
	CHECK_EQ(nlink_of(D "/b"), 3, "three names");
	CHECK(dirent_ino_matches(D "/sub", "c", D "/sub/c"), "readdir shows the inode's number and type");

	fd = open(D "/sub/c", O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && write(fd, "!", 1) == 1, "append through the third name");
	close(fd);
	char buf[16] = { 0 };
	fd = open(D "/a", O_RDONLY);
	CHECK(read(fd, buf, sizeof buf) == 6 && memcmp(buf, "hello!", 6) == 0, "the first name reads it");

	CHECK_OK(unlink(D "/a"), "unlink the first name");
	CHECK_EQ(nlink_of(D "/b"), 2, "the others remain: st_nlink 2");
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_nlink == 2, "fstat of the open file agrees");
	CHECK_OK(rename(D "/b", D "/sub/b2"), "rename a second name");
	CHECK_EQ(nlink_of(D "/sub/b2"), 2, "rename keeps the count");
	CHECK_OK(rename(D "/sub/b2", D "/sub/c"), "rename onto another name of the same file");
	CHECK_EQ(nlink_of(D "/sub/c"), 2, "does nothing: both names stay");
	CHECK_OK(unlink(D "/sub/b2"), "unlink one");
	CHECK_OK(unlink(D "/sub/c"), "unlink the last name");
	CHECK(fstat(fd, &st) == 0 && st.st_nlink == 0, "the open file has no names left");
	memset(buf, 0, sizeof buf);
	CHECK(pread(fd, buf, sizeof buf, 0) == 6 && memcmp(buf, "hello!", 6) == 0, "and still reads");
	close(fd);

	fd = open(D "/e", O_CREAT | O_WRONLY, 0644);
	close(fd);
	CHECK_ERR(link(D "/e", D "/e"), EEXIST, "link onto an existing name: EEXIST");
	CHECK_ERR(link(D "/missing", D "/f"), ENOENT, "link of a missing file: ENOENT");
	CHECK_ERR(link(D "/e", D "/nodir/f"), ENOENT, "link into a missing directory: ENOENT");
	CHECK_ERR(link(D "/sub", D "/sub2"), EPERM, "link of a directory: EPERM");
	CHECK_ERR(link("/dev/null", D "/null"), EXDEV, "link across file systems: EXDEV");
	CHECK_ERR(linkat(AT_FDCWD, D "/e", AT_FDCWD, D "/f", 0x8000), EINVAL, "linkat with an unknown flag: EINVAL");
	CHECK_ERR(link(D "/e", (const char *)null_ptr()), EFAULT, "link to a bad path: EFAULT");

	CHECK_OK(symlink("e", D "/sym"), "a symlink");
	CHECK_OK(linkat(AT_FDCWD, D "/sym", AT_FDCWD, D "/sym2", 0), "linkat of the symlink");
	CHECK(lstat(D "/sym2", &st) == 0 && S_ISLNK(st.st_mode) && st.st_nlink == 2, "links the symlink itself");
	CHECK_OK(linkat(AT_FDCWD, D "/sym", AT_FDCWD, D "/f", AT_SYMLINK_FOLLOW), "linkat AT_SYMLINK_FOLLOW");
	CHECK(lstat(D "/f", &st) == 0 && S_ISREG(st.st_mode) && nlink_of(D "/e") == 2, "links its target");

	fd = open(D "/own", O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0 && fchown(fd, 1000, 1000) == 0, "a file of uid 1000");
	close(fd);
	expect_exit(run_child(unprivileged_link, NULL), 0, "no write permission on the directory: EACCES");
	unlink(D "/own");
	unlink(D "/e");
	unlink(D "/f");
	unlink(D "/sym");
	unlink(D "/sym2");
	CHECK_OK(rmdir(D "/sub"), "the directory empties");
	CHECK_OK(rmdir(D), "all names gone");
	return done();
}
