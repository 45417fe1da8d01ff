/* mount_calls: mount(2) and umount2(2) of tmpfs and ramfs on a scratch
 * directory (as root): the new file system hides what the directory held
 * and gives it back at umount; options size= (ENOSPC), mode=, uid= (statfs's
 * TMPFS_MAGIC and blocks, stat's mode and owner), /proc/mounts and
 * mountinfo lines; MS_REMOUNT|MS_RDONLY gives EROFS, MS_NOEXEC stops
 * execve and access(X_OK); EXDEV across it; umount's EBUSY for an open
 * file and a cwd inside, MNT_DETACH; the errors EPERM, ENODEV, EINVAL,
 * ENOENT, ENOTDIR. Only its own mounts are ever unmounted. */
#include "mount_util.h"

#include <sys/stat.h>
#include <uapi/statfs.h>

#define D "/tmp/mount_calls.d"
#define M D "/mnt"

static int unprivileged(void *arg)
{
	(void)arg;
	if (setuid(1000) != 0)
		return 1;
	if (sys_mount("none", M, "tmpfs", 0, NULL) != -1 || errno != EPERM)
		return 2;
	return sys_umount2(M, 0) == -1 && errno == EPERM ? 0 : 3;
}

int main(void)
{
	mkdir(D, 0755);
	mkdir(M, 0755);
	int f = open(M "/under", O_CREAT | O_WRONLY, 0644);
	close(f);
	expect_exit(run_child(unprivileged, NULL), 0, "non-root: mount and umount EPERM");
	CHECK_ERR(sys_mount("none", M, "nosuchfs", 0, NULL), ENODEV, "unknown type ENODEV");
	CHECK_ERR(sys_mount("none", D "/none", "tmpfs", 0, NULL), ENOENT, "missing target ENOENT");
	CHECK_ERR(sys_mount("none", M "/under", "tmpfs", 0, NULL), ENOTDIR, "file target ENOTDIR");
	CHECK_ERR(sys_mount("none", M, "tmpfs", 0, "bogus=1"), EINVAL, "unknown tmpfs option EINVAL");
	CHECK_ERR(sys_umount2(M, 0), EINVAL, "umount of no mount EINVAL");

	if (CHECK_OK(sys_mount("scratch", M, "tmpfs", 0, "size=1m,mode=700,uid=5"), "mount a tmpfs") != 0)
		return done();
	struct stat st;
	CHECK(stat(M "/under", &st) == -1 && errno == ENOENT, "the old content is hidden");
	CHECK(stat(M, &st) == 0 && (st.st_mode & 07777) == 0700 && st.st_uid == 5 && st.st_nlink == 2,
	      "root: mode=700, uid=5, nlink 2");
	struct statfs64 sf;
	CHECK(raw_syscall(__NR_statfs64, (long)M, sizeof sf, (long)&sf) == 0 && sf.f_type == TMPFS_MAGIC &&
	      sf.f_blocks == 256 && sf.f_bsize == 4096, "statfs: TMPFS_MAGIC, 256 blocks of 4096");
	CHECK(file_has("/proc/mounts", "scratch " M " tmpfs rw,relatime,size=1024k,mode=700,uid=5"),
	      "/proc/mounts line");
	CHECK(file_has("/proc/self/mountinfo", " / " M " rw,relatime - tmpfs scratch rw,size=1024k,mode=700,uid=5"),
	      "mountinfo line");
	f = open(M "/file", O_CREAT | O_RDWR, 0644);
	CHECK(f >= 0 && write(f, "abc", 3) == 3, "a file in it");
	CHECK_ERR(sys_umount2(M, 0), EBUSY, "umount with an open file EBUSY");
	CHECK(raw_syscall(__NR_statfs64, (long)M, sizeof sf, (long)&sf) == 0 && sf.f_bfree == 255,
	      "statfs: one block used");
	close(f);
	CHECK_ERR(link(M "/file", D "/link"), EXDEV, "link out of it EXDEV");
	CHECK_ERR(rename(M "/file", D "/moved"), EXDEV, "rename out of it EXDEV");
	CHECK(stat(M "/..", &st) == 0 && stat(D, &st) == 0, "\"..\" leads out");
	CHECK_OK(chdir(M), "cd into it");
	CHECK_ERR(sys_umount2(M, 0), EBUSY, "umount with a cwd inside EBUSY");
	CHECK_OK(chdir("/"), "cd out");

	int sh = open(M "/script", O_CREAT | O_WRONLY, 0755);
	CHECK(sh >= 0 && write(sh, "#!/bin/sh\nexit 0\n", 17) == 17, "a script");
	close(sh);
	CHECK_OK(sys_mount(NULL, M, NULL, MS_REMOUNT | MS_RDONLY | MS_NOEXEC, NULL), "remount ro,noexec");
	CHECK_ERR(open(M "/new", O_CREAT | O_WRONLY, 0644), EROFS, "create on ro EROFS");
	CHECK_ERR(open(M "/file", O_WRONLY), EROFS, "open for writing on ro EROFS");
	CHECK_ERR(mkdir(M "/dir", 0755), EROFS, "mkdir on ro EROFS");
	CHECK_ERR(access(M "/script", X_OK), EACCES, "noexec: access X_OK EACCES");
	char *argv[] = { M "/script", NULL };
	pid_t pid = fork();
	if (pid == 0) {
		execve(argv[0], argv, NULL);
		_exit(errno == EACCES ? 7 : 8);
	}
	expect_exit(wait_status(pid), 7, "noexec: execve EACCES");
	CHECK(raw_syscall(__NR_statfs64, (long)M, sizeof sf, (long)&sf) == 0 &&
	      (sf.f_flags & (ST_RDONLY | ST_NOEXEC)) == (ST_RDONLY | ST_NOEXEC), "statfs f_flags ro, noexec");
	CHECK(file_has("/proc/mounts", "scratch " M " tmpfs ro,noexec,relatime,size=1024k"), "/proc/mounts says ro,noexec");
	char buf[4];
	f = open(M "/file", O_RDONLY);
	CHECK(f >= 0 && read(f, buf, 3) == 3 && memcmp(buf, "abc", 3) == 0, "reads still work");
	close(f);
	CHECK_ERR(sys_umount2(M, 0x100), EINVAL, "umount2 unknown flag EINVAL");
	CHECK_ERR(sys_umount2(M, MNT_EXPIRE | MNT_DETACH), EINVAL, "MNT_EXPIRE with MNT_DETACH EINVAL");
	CHECK_OK(sys_umount2(M, 0), "umount");
	CHECK(stat(M "/under", &st) == 0 && stat(M "/file", &st) == -1, "the old content is back");
	CHECK(!file_has("/proc/mounts", " " M " "), "gone from /proc/mounts");

	CHECK_OK(sys_mount("r", M, "ramfs", MS_NOSUID | MS_NODEV, "mode=711,whatever"), "mount a ramfs");
	CHECK(stat(M, &st) == 0 && (st.st_mode & 07777) == 0711, "ramfs root mode=711");
	CHECK(raw_syscall(__NR_statfs64, (long)M, sizeof sf, (long)&sf) == 0 && sf.f_type == RAMFS_MAGIC,
	      "statfs: RAMFS_MAGIC");
	CHECK(file_has("/proc/mounts", "r " M " ramfs rw,nosuid,nodev,relatime,mode=711"), "ramfs /proc/mounts line");
	CHECK_OK(chdir(M), "cd into the ramfs");
	f = open("kept", O_CREAT | O_RDWR, 0600);
	CHECK_OK(sys_umount2(M, MNT_DETACH), "MNT_DETACH while busy");
	CHECK(stat(M "/under", &st) == 0, "the directory is uncovered at once");
	CHECK(write(f, "x", 1) == 1 && stat(".", &st) == 0 && stat("kept", &st) == 0, "the detached tree still works");
	close(f);
	CHECK_OK(chdir("/"), "leave it");

	CHECK_OK(sys_mount("small", M, "tmpfs", 0, "size=8k"), "mount a tmpfs of two pages");
	static char big[3 * 4096];
	f = open(M "/big", O_CREAT | O_WRONLY, 0600);
	CHECK_EQ(write(f, big, sizeof big), 8192, "a write past size= is cut short");
	CHECK_ERR(write(f, big, 1), ENOSPC, "then ENOSPC");
	CHECK(raw_syscall(__NR_statfs64, (long)M, sizeof sf, (long)&sf) == 0 && sf.f_blocks == 2 && sf.f_bfree == 0,
	      "statfs: full");
	close(f);
	CHECK_OK(unlink(M "/big"), "unlink frees it");
	f = open(M "/again", O_CREAT | O_WRONLY, 0600);
	CHECK_EQ(write(f, big, 4096), 4096, "room again");
	close(f);
	CHECK_OK(sys_umount2(M, 0), "umount it");

	unlink(M "/under");
	rmdir(M);
	rmdir(D);
	return done();
}
