/* mount_bind: MS_BIND (as root) inside a scratch tmpfs: a directory over a
 * directory and a file over a file, one tree seen and written through both
 * paths (same st_ino and st_dev), the mount point's old content back at
 * umount, rmdir/unlink of a mount point EBUSY, ENOTDIR for a type mismatch,
 * /proc/mounts and mountinfo (ROOT the bound subdirectory); and second
 * mounts of proc, sysfs and devtmpfs showing the same files, with statfs's
 * magic and the same st_dev (sysfs, devtmpfs), and of devpts. Only its own mounts are ever unmounted. */
#include "mount_util.h"

#include <sys/stat.h>
#include <uapi/statfs.h>

#define D "/tmp/mount_bind.d"

static void put(const char *path, const char *text)
{
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text), path);
	close(fd);
}

static uint32_t fs_magic(const char *path)
{
	struct statfs64 sf;
	return raw_syscall(__NR_statfs64, (long)path, sizeof sf, (long)&sf) == 0 ? (uint32_t)sf.f_type : 0;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev;
}

static void binds(void)
{
	mkdir(D "/src", 0755);
	mkdir(D "/src/sub", 0755);
	mkdir(D "/dst", 0755);
	mkdir(D "/dst2", 0755);
	put(D "/src/f", "hello");
	put(D "/dst/under", "old");
	put(D "/tf", "target");

	CHECK_ERR(sys_mount(D "/none", D "/dst", NULL, MS_BIND, NULL), ENOENT, "missing source ENOENT");
	CHECK_ERR(sys_mount(D "/src/f", D "/dst", NULL, MS_BIND, NULL), ENOTDIR, "file over a directory ENOTDIR");
	CHECK_ERR(sys_mount(D "/src", D "/tf", NULL, MS_BIND, NULL), ENOTDIR, "directory over a file ENOTDIR");

	if (CHECK_OK(sys_mount(D "/src", D "/dst", NULL, MS_BIND, NULL), "bind a directory") != 0)
		return;
	struct stat st;
	CHECK(stat(D "/dst/under", &st) == -1 && errno == ENOENT, "the old content is hidden");
	CHECK(!strcmp(file_text(D "/dst/f"), "hello"), "the bound file read through the bind");
	CHECK(same_file(D "/dst", D "/src") && same_file(D "/dst/f", D "/src/f"), "same st_ino and st_dev");
	put(D "/dst/f", "written");
	CHECK(!strcmp(file_text(D "/src/f"), "written"), "a write through the bind seen through the original");
	put(D "/src/new", "n");
	CHECK(stat(D "/dst/new", &st) == 0 && st.st_size == 1, "a new file seen through the bind");
	CHECK(file_has("/proc/mounts", "bindtest " D "/dst tmpfs rw,relatime"), "/proc/mounts line");
	CHECK(file_has("/proc/self/mountinfo", " /src " D "/dst rw,relatime - tmpfs bindtest rw"),
	      "mountinfo: ROOT /src");
	CHECK_ERR(rmdir(D "/dst"), EBUSY, "rmdir of the mount point EBUSY");

	CHECK_OK(sys_mount(D "/src/sub", D "/dst2", NULL, MS_BIND | MS_REC, NULL), "MS_BIND|MS_REC a subdirectory");
	CHECK(same_file(D "/dst2", D "/src/sub"), "the subdirectory through it");
	CHECK(file_has("/proc/self/mountinfo", " /src/sub " D "/dst2 rw,relatime - tmpfs bindtest rw"),
	      "mountinfo: ROOT /src/sub");
	CHECK_OK(sys_umount2(D "/dst2", 0), "umount the subdirectory's bind");

	CHECK_OK(sys_mount(D "/src/f", D "/tf", NULL, MS_BIND, NULL), "bind a file over a file");
	CHECK(!strcmp(file_text(D "/tf"), "written") && same_file(D "/tf", D "/src/f"), "the file through it");
	CHECK_ERR(unlink(D "/tf"), EBUSY, "unlink of the mount point EBUSY");
	CHECK_OK(sys_umount2(D "/tf", 0), "umount the file's bind");
	CHECK(!strcmp(file_text(D "/tf"), "target"), "the file under it is back");

	CHECK_OK(sys_umount2(D "/dst", 0), "umount the directory's bind");
	CHECK(!strcmp(file_text(D "/dst/under"), "old") && stat(D "/dst/f", &st) == -1, "the old content is back");
	CHECK(!strcmp(file_text(D "/src/f"), "written"), "the original unchanged");
	CHECK(!file_has("/proc/mounts", D "/dst "), "gone from /proc/mounts");
	CHECK_ERR(sys_umount2(D "/dst", 0), EINVAL, "a second umount EINVAL");
}

/* Another mount of a boot file system: the same files and the same device. */
static void second(const char *type, const char *dir, const char *orig, const char *file, uint32_t magic,
		   const char *line)
{
	char path[64], opath[64];
	mkdir(dir, 0755);
	if (CHECK_OK(sys_mount(type, dir, type, 0, NULL), type) != 0)
		return;
	snprintf(path, sizeof path, "%s/%s", dir, file);
	snprintf(opath, sizeof opath, "%s/%s", orig, file);
	struct stat st, ost;
	CHECK(stat(path, &st) == 0 && stat(opath, &ost) == 0 && (st.st_mode & S_IFMT) == (ost.st_mode & S_IFMT) && st.st_rdev == ost.st_rdev,
	      file);
	CHECK_EQ(fs_magic(dir), magic, "statfs magic");
	CHECK(file_has("/proc/mounts", line), "its /proc/mounts line");
	CHECK_OK(sys_umount2(dir, 0), "umount it");
	CHECK(stat(path, &st) == -1 && errno == ENOENT, "gone at umount");
}

int main(void)
{
	mkdir(D, 0755);
	if (CHECK_OK(sys_mount("bindtest", D, "tmpfs", 0, NULL), "a scratch tmpfs") != 0)
		return done();
	binds();

	second("proc", D "/p", "/proc", "self/status", PROC_SUPER_MAGIC, "proc " D "/p proc rw,relatime 0 0");
	char self[32], link[32] = "";
	mkdir(D "/p", 0755);
	if (CHECK_OK(sys_mount("proc", D "/p", "proc", 0, NULL), "proc again") == 0) {
		snprintf(self, sizeof self, "%d", getpid());
		CHECK(readlink(D "/p/self", link, sizeof link - 1) > 0 && !strcmp(link, self), "its self is this process");
		CHECK_OK(sys_umount2(D "/p", 0), "umount proc");
	}
	second("sysfs", D "/s", "/sys", "kernel", SYSFS_MAGIC, "sysfs " D "/s sysfs rw,relatime 0 0");
	CHECK_OK(sys_mount("sysfs", D "/s", "sysfs", 0, NULL), "sysfs again");
	CHECK(same_file(D "/s/kernel", "/sys/kernel"), "sysfs: the same superblock");
	CHECK_OK(sys_umount2(D "/s", 0), "umount sysfs");
	second("devtmpfs", D "/d", "/dev", "null", TMPFS_MAGIC, "devtmpfs " D "/d devtmpfs rw,relatime");
	CHECK_OK(sys_mount("devtmpfs", D "/d", "devtmpfs", 0, NULL), "devtmpfs again");
	CHECK(same_file(D "/d/null", "/dev/null"), "devtmpfs: the same superblock");
	CHECK_OK(sys_umount2(D "/d", 0), "umount devtmpfs");

	/* Linux 6.1's is a new instance (no ptys of the first), here the same: only its ptmx, the same device as /dev/ptmx. */
	second("devpts", D "/pt", "/dev", "ptmx", DEVPTS_SUPER_MAGIC, "devpts " D "/pt devpts rw,relatime");

	CHECK_OK(sys_umount2(D, 0), "umount the scratch tmpfs");
	rmdir(D);
	return done();
}
