/* uapi/stat.h: file type and mode bits, the device number encoding, and the records the
 * stat64 family (struct stat64) and statx (struct statx) fill in, as on Linux i386. */
#ifndef UAPI_STAT_H
#define UAPI_STAT_H

#include <stdint.h>

#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISUID  0004000
#define S_ISGID  0002000
#define S_ISVTX  0001000

#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001

/* Linux's "new" dev_t encoding (what stat64 reports and mknod takes): 12-bit major in bits 8-19,
 * 20-bit minor split around it so that old 8:8 numbers keep their value. */
#define k_makedev(ma, mi) \
	((((mi) & 0xffu) | (((ma) & 0xfffu) << 8) | (((mi) & ~0xffu) << 12)))
#define k_major(dev) ((unsigned int)(((dev) >> 8) & 0xfff))
#define k_minor(dev) ((unsigned int)(((dev) & 0xff) | (((dev) >> 12) & 0xfff00)))

/* Linux i386 struct stat64 (96 bytes; 64-bit members are 4-aligned on i386). The seconds fields
 * are named st_*time_sec, not st_*time, because POSIX makes st_atime etc. macros for st_atim.tv_sec. */
struct stat64 {
	uint64_t st_dev;
	unsigned char __pad0[4];
	uint32_t __st_ino;		/* truncated inode number, kept for old binaries */
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	unsigned char __pad3[4];
	int64_t st_size;
	uint32_t st_blksize;
	uint64_t st_blocks;		/* 512-byte units */
	uint32_t st_atime_sec;
	uint32_t st_atime_nsec;
	uint32_t st_mtime_sec;
	uint32_t st_mtime_nsec;
	uint32_t st_ctime_sec;
	uint32_t st_ctime_nsec;
	uint64_t st_ino;
};

struct statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t __reserved;
};

/* statx(2) result, 256 bytes; every member is naturally aligned, so the layout is the same on
 * every architecture. */
struct statx {
	uint32_t stx_mask;		/* STATX_* bits saying which fields are valid */
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t __spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_timestamp stx_atime;
	struct statx_timestamp stx_btime;
	struct statx_timestamp stx_ctime;
	struct statx_timestamp stx_mtime;
	uint32_t stx_rdev_major;
	uint32_t stx_rdev_minor;
	uint32_t stx_dev_major;
	uint32_t stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align;
	uint32_t stx_dio_offset_align;
	uint64_t __spare3[12];
};

#define STATX_TYPE        0x0001U
#define STATX_MODE        0x0002U
#define STATX_NLINK       0x0004U
#define STATX_UID         0x0008U
#define STATX_GID         0x0010U
#define STATX_ATIME       0x0020U
#define STATX_MTIME       0x0040U
#define STATX_CTIME       0x0080U
#define STATX_INO         0x0100U
#define STATX_SIZE        0x0200U
#define STATX_BLOCKS      0x0400U
#define STATX_BASIC_STATS 0x07ffU
#define STATX_BTIME       0x0800U

/* utimensat's tv_nsec values that mean "the current time" and "leave it". */
#define UTIME_NOW  ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

#endif
