/* uapi/fcntl.h: open flags, fcntl commands, *at() flags and access() modes (Linux i386 values). */
#ifndef UAPI_FCNTL_H
#define UAPI_FCNTL_H

#define O_ACCMODE       00000003
#define O_RDONLY        00000000
#define O_WRONLY        00000001
#define O_RDWR          00000002
#define O_CREAT         00000100
#define O_EXCL          00000200
#define O_NOCTTY        00000400
#define O_TRUNC         00001000
#define O_APPEND        00002000
#define O_NONBLOCK      00004000
#define O_NDELAY        O_NONBLOCK
#define O_DSYNC         00010000
#define FASYNC          00020000
#define O_DIRECT        00040000
#define O_LARGEFILE     00100000
#define O_DIRECTORY     00200000
#define O_NOFOLLOW      00400000
#define O_NOATIME       01000000
#define O_CLOEXEC       02000000
#define __O_SYNC        04000000
#define O_SYNC          (__O_SYNC | O_DSYNC)
#define O_PATH          010000000
#define __O_TMPFILE     020000000
#define O_TMPFILE       (__O_TMPFILE | O_DIRECTORY)

#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_GETFL         3
#define F_SETFL         4
#define F_GETLK         5
#define F_SETLK         6
#define F_SETLKW        7
#define F_SETOWN        8
#define F_GETOWN        9
#define F_SETSIG        10
#define F_GETSIG        11
#define F_GETLK64       12
#define F_SETLK64       13
#define F_SETLKW64      14
#define F_SETOWN_EX     15
#define F_GETOWN_EX     16
#define F_SETLEASE      1024
#define F_GETLEASE      1025
#define F_DUPFD_CLOEXEC 1030
#define F_SETPIPE_SZ    1031
#define F_GETPIPE_SZ    1032

#define FD_CLOEXEC      1

/* F_SETOWN_EX / F_GETOWN_EX */
#define F_OWNER_TID     0
#define F_OWNER_PID     1
#define F_OWNER_PGRP    2
struct k_f_owner_ex {
	int type;
	int pid;
};

#define AT_FDCWD            -100
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EACCESS          0x200
#define AT_REMOVEDIR        0x200
#define AT_SYMLINK_FOLLOW   0x400
#define AT_NO_AUTOMOUNT     0x800
#define AT_EMPTY_PATH       0x1000

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

#endif
