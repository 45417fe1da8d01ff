/* uapi/flock.h: record locks (fcntl F_GETLK/F_SETLK/F_SETLKW, their 64-bit
 * and open-file-description forms) and flock(2), as Linux i386 has them: the
 * lock types, the commands beyond uapi/fcntl.h's, flock's operations, and
 * struct flock (32-bit offsets, 16 bytes) and struct flock64 (24 bytes),
 * named k_flock and k_flock64 here so user programs can include them next to
 * their libc's <fcntl.h>. */
#ifndef UAPI_FLOCK_H
#define UAPI_FLOCK_H

#include <stdint.h>

#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2

#define F_OFD_GETLK  36
#define F_OFD_SETLK  37
#define F_OFD_SETLKW 38

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

struct k_flock {
	int16_t l_type, l_whence;
	int32_t l_start, l_len;
	int32_t l_pid;
};

struct k_flock64 {
	int16_t l_type, l_whence;
	int64_t l_start, l_len;
	int32_t l_pid;
} __attribute__((packed, aligned(4)));

#endif
