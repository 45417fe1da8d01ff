/* uapi/dirent.h: the records getdents64 packs into the caller's buffer, and the d_type values. */
#ifndef UAPI_DIRENT_H
#define UAPI_DIRENT_H

#include <stdint.h>

/* Records are variable-length: d_reclen covers the NUL-terminated name and is a multiple of 8. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;			/* opaque cookie: lseek here to resume after this entry */
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK     10
#define DT_SOCK    12
#define DT_WHT     14

#endif
