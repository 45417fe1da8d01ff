/* uapi/statfs.h: statfs/fstatfs and statfs64/fstatfs64 as Linux i386 lays
 * them out (asm-generic/statfs.h; statfs64 is packed to 4 bytes on i386, 84
 * bytes), the file system magic numbers of linux/magic.h and the f_flags bits. */
#ifndef UAPI_STATFS_H
#define UAPI_STATFS_H

#include <stdint.h>

#define TMPFS_MAGIC          0x01021994u        /* tmpfs, and devtmpfs and rootfs built on it */
#define RAMFS_MAGIC          0x858458f6u
#define PROC_SUPER_MAGIC     0x00009fa0u
#define SYSFS_MAGIC          0x62656572u
#define PIPEFS_MAGIC         0x50495045u
#define ANON_INODE_FS_MAGIC  0x09041934u
#define DEVPTS_SUPER_MAGIC   0x00001cd1u

#define ST_RDONLY   0x0001
#define ST_NOSUID   0x0002
#define ST_NODEV    0x0004
#define ST_NOEXEC   0x0008
#define ST_VALID    0x0020      /* f_flags is meaningful (set by every Linux since 2.6.36) */
#define ST_RELATIME 0x1000

struct statfs {
	uint32_t f_type, f_bsize;
	uint32_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	uint32_t f_namelen, f_frsize, f_flags;
	uint32_t f_spare[4];
};

struct statfs64 {
	uint32_t f_type, f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	uint32_t f_namelen, f_frsize, f_flags;
	uint32_t f_spare[4];
} __attribute__((packed, aligned(4)));

#endif
