/* statfs_sync: statfs, fstatfs, statfs64 and fstatfs64 give Linux's magic
 * numbers for proc, sysfs, devtmpfs and pipes, the same answer in the 32- and
 * 64-bit forms, and Linux's errors; fsync, fdatasync, sync, syncfs and
 * sync_file_range succeed on files and fail as Linux on pipes and devices.
 * Raw system calls with the kernel's structures from <uapi/statfs.h>, so both
 * libcs ask the kernel the same thing. */
#include "check.h"

#include <fcntl.h>

#include <uapi/statfs.h>

static long sc(long nr, long a, long b, long c)
{
	return raw_syscall(nr, a, b, c);
}

static unsigned magic_of(const char *path)
{
	struct statfs64 st;
	memset(&st, 0, sizeof st);
	return sc(__NR_statfs64, (long)path, sizeof st, (long)&st) == 0 ? st.f_type : 0;
}

int main(void)
{
	_Static_assert(sizeof(struct statfs) == 64 && sizeof(struct statfs64) == 84, "the i386 layouts");
	CHECK_EQ(magic_of("/proc"), PROC_SUPER_MAGIC, "statfs64 /proc: PROC_SUPER_MAGIC");
	CHECK_EQ(magic_of("/proc/self/status"), PROC_SUPER_MAGIC, "statfs64 of a file in /proc/self");
	CHECK_EQ(magic_of("/sys"), SYSFS_MAGIC, "statfs64 /sys: SYSFS_MAGIC");
	CHECK_EQ(magic_of("/dev"), TMPFS_MAGIC, "statfs64 /dev: devtmpfs is TMPFS_MAGIC");
	CHECK_EQ(magic_of("/dev/null"), TMPFS_MAGIC, "statfs64 of a device node in /dev");

	struct statfs s32;
	struct statfs64 s64;
	CHECK_EQ(sc(__NR_statfs, (long)"/proc", (long)&s32, 0), 0, "statfs /proc");
	CHECK(s32.f_type == PROC_SUPER_MAGIC && s32.f_bsize == 4096 && s32.f_namelen == 255 &&
	      s32.f_blocks == 0 && (s32.f_flags & ST_VALID), "proc: 4096-byte blocks, none used, names of 255");
	int fd = open("/dev/null", O_RDONLY);
	CHECK_EQ(sc(__NR_fstatfs, fd, (long)&s32, 0), 0, "fstatfs of /dev/null");
	CHECK_EQ(sc(__NR_fstatfs64, fd, sizeof s64, (long)&s64), 0, "fstatfs64 of /dev/null");
	CHECK(s32.f_type == TMPFS_MAGIC && s64.f_type == TMPFS_MAGIC && s64.f_blocks == s32.f_blocks &&
	      s64.f_bsize == s32.f_bsize && s64.f_namelen == s32.f_namelen, "both forms agree");
	CHECK(s64.f_bavail <= s64.f_bfree && s64.f_bfree <= s64.f_blocks && s64.f_blocks > 0,
	      "devtmpfs: free blocks within the total");
	CHECK_EQ(sc(__NR_fstatfs64, fd, sizeof s64 - 4, (long)&s64), -EINVAL, "fstatfs64 with the wrong size: EINVAL");
	CHECK_EQ(sc(__NR_statfs64, (long)"/proc", 88, (long)&s64), -EINVAL, "statfs64 with the wrong size: EINVAL");

	int p[2];
	CHECK_OK(pipe(p), "a pipe");
	CHECK_EQ(sc(__NR_fstatfs64, p[0], sizeof s64, (long)&s64), 0, "fstatfs64 of a pipe");
	CHECK_EQ(s64.f_type, PIPEFS_MAGIC, "a pipe is on pipefs");

	CHECK_EQ(sc(__NR_statfs, (long)"/no/such/dir", (long)&s32, 0), -ENOENT, "statfs of a missing path: ENOENT");
	CHECK_EQ(sc(__NR_statfs, (long)"/dev/null/x", (long)&s32, 0), -ENOTDIR, "statfs through a non-directory: ENOTDIR");
	CHECK_EQ(sc(__NR_statfs, (long)null_ptr(), (long)&s32, 0), -EFAULT, "statfs of a bad path: EFAULT");
	CHECK_EQ(sc(__NR_statfs, (long)"/proc", (long)null_ptr(), 0), -EFAULT, "statfs to a bad buffer: EFAULT");
	CHECK_EQ(sc(__NR_fstatfs, 1000, (long)&s32, 0), -EBADF, "fstatfs of a closed fd: EBADF");
	CHECK_EQ(sc(__NR_fstatfs64, -1, sizeof s64, (long)&s64), -EBADF, "fstatfs64 of fd -1: EBADF");

	/* The sync family. */
	const char *path = "/tmp/statfs_sync.file";
	int f = open(path, O_CREAT | O_TRUNC | O_RDWR, 0600);
	CHECK(f >= 0 && write(f, "data", 4) == 4, "a file with data");
	CHECK_EQ(sc(__NR_fsync, f, 0, 0), 0, "fsync of a file");
	CHECK_EQ(sc(__NR_fdatasync, f, 0, 0), 0, "fdatasync of a file");
	CHECK_EQ(sc(__NR_syncfs, f, 0, 0), 0, "syncfs");
	CHECK_EQ(sc(__NR_sync, 0, 0, 0), 0, "sync");
	CHECK_EQ(raw_syscall6(__NR_sync_file_range, f, 0, 0, 4, 0, 2), 0, "sync_file_range of a file");
	CHECK_EQ(raw_syscall6(__NR_sync_file_range, f, 0, 0, 4, 0, 8), -EINVAL, "sync_file_range with a bad flag: EINVAL");
	CHECK_EQ(raw_syscall6(__NR_sync_file_range, f, -1, -1, 4, 0, 2), -EINVAL,
		 "sync_file_range at a negative offset: EINVAL");
	CHECK_EQ(raw_syscall6(__NR_sync_file_range, p[1], 0, 0, 4, 0, 2), -ESPIPE, "sync_file_range of a pipe: ESPIPE");
	int dir = open("/tmp", O_RDONLY | O_DIRECTORY);
	CHECK_EQ(sc(__NR_fsync, dir, 0, 0), 0, "fsync of a directory");
	CHECK_EQ(sc(__NR_fsync, p[1], 0, 0), -EINVAL, "fsync of a pipe: EINVAL");
	CHECK_EQ(sc(__NR_fdatasync, fd, 0, 0), -EINVAL, "fdatasync of /dev/null: EINVAL");
	int st = open("/proc/self/status", O_RDONLY);
	CHECK_EQ(sc(__NR_fsync, st, 0, 0), -EINVAL, "fsync of a /proc file: EINVAL");
	CHECK_EQ(sc(__NR_fsync, 1000, 0, 0), -EBADF, "fsync of a closed fd: EBADF");
	CHECK_EQ(sc(__NR_syncfs, 1000, 0, 0), -EBADF, "syncfs of a closed fd: EBADF");
	unlink(path);
	return done();
}
