/* uapi/ioctl.h: the Linux ioctl command encoding and the generic (file and tty) ioctl commands.
 * Every definition is guarded so the file can be included after glibc's <sys/ioctl.h>. */
#ifndef UAPI_IOCTL_H
#define UAPI_IOCTL_H

#ifndef _IOC
#define _IOC_NRBITS     8
#define _IOC_TYPEBITS   8
#define _IOC_SIZEBITS   14
#define _IOC_DIRBITS    2

#define _IOC_NRMASK     ((1 << _IOC_NRBITS) - 1)
#define _IOC_TYPEMASK   ((1 << _IOC_TYPEBITS) - 1)
#define _IOC_SIZEMASK   ((1 << _IOC_SIZEBITS) - 1)
#define _IOC_DIRMASK    ((1 << _IOC_DIRBITS) - 1)

#define _IOC_NRSHIFT    0
#define _IOC_TYPESHIFT  (_IOC_NRSHIFT + _IOC_NRBITS)
#define _IOC_SIZESHIFT  (_IOC_TYPESHIFT + _IOC_TYPEBITS)
#define _IOC_DIRSHIFT   (_IOC_SIZESHIFT + _IOC_SIZEBITS)

/* Direction is seen from user space: WRITE means the kernel reads the argument. */
#define _IOC_NONE       0U
#define _IOC_WRITE      1U
#define _IOC_READ       2U

#define _IOC(dir, type, nr, size) \
	(((dir) << _IOC_DIRSHIFT) | ((type) << _IOC_TYPESHIFT) | \
	 ((nr) << _IOC_NRSHIFT) | ((size) << _IOC_SIZESHIFT))

#define _IO(type, nr)          _IOC(_IOC_NONE, (type), (nr), 0)
#define _IOR(type, nr, argtype)  _IOC(_IOC_READ, (type), (nr), sizeof(argtype))
#define _IOW(type, nr, argtype)  _IOC(_IOC_WRITE, (type), (nr), sizeof(argtype))
#define _IOWR(type, nr, argtype) _IOC(_IOC_READ | _IOC_WRITE, (type), (nr), sizeof(argtype))

#define _IOC_DIR(nr)    (((nr) >> _IOC_DIRSHIFT) & _IOC_DIRMASK)
#define _IOC_TYPE(nr)   (((nr) >> _IOC_TYPESHIFT) & _IOC_TYPEMASK)
#define _IOC_NR(nr)     (((nr) >> _IOC_NRSHIFT) & _IOC_NRMASK)
#define _IOC_SIZE(nr)   (((nr) >> _IOC_SIZESHIFT) & _IOC_SIZEMASK)
#endif

/* Terminal commands (the old 'T' numbering that predates _IOC). */
#ifndef TCGETS
#define TCGETS          0x5401
#endif
#ifndef TCSETS
#define TCSETS          0x5402
#endif
#ifndef TCSETSW
#define TCSETSW         0x5403
#endif
#ifndef TCSETSF
#define TCSETSF         0x5404
#endif
#ifndef TCSBRK
#define TCSBRK          0x5409
#endif
#ifndef TCXONC
#define TCXONC          0x540A
#endif
#ifndef TCFLSH
#define TCFLSH          0x540B
#endif
#ifndef TIOCSCTTY
#define TIOCSCTTY       0x540E
#endif
#ifndef TIOCGPGRP
#define TIOCGPGRP       0x540F
#endif
#ifndef TIOCSPGRP
#define TIOCSPGRP       0x5410
#endif
#ifndef TIOCOUTQ
#define TIOCOUTQ        0x5411
#endif
#ifndef TIOCGWINSZ
#define TIOCGWINSZ      0x5413
#endif
#ifndef TIOCSWINSZ
#define TIOCSWINSZ      0x5414
#endif
#ifndef TIOCNOTTY
#define TIOCNOTTY       0x5422
#endif
#ifndef TIOCGSID
#define TIOCGSID        0x5429
#endif

/* Pseudo-terminal masters (Unix98 ptys). */
#ifndef TIOCPKT
#define TIOCPKT         0x5420
#endif
#ifndef TIOCGPTN
#define TIOCGPTN        _IOR('T', 0x30, unsigned int)
#endif
#ifndef TIOCSPTLCK
#define TIOCSPTLCK      _IOW('T', 0x31, int)
#endif
#ifndef TIOCGPKT
#define TIOCGPKT        _IOR('T', 0x38, int)
#endif
#ifndef TIOCGPTLCK
#define TIOCGPTLCK      _IOR('T', 0x39, int)
#endif
#ifndef TIOCGPTPEER
#define TIOCGPTPEER     _IO('T', 0x41)
#endif

/* The status byte a TIOCPKT master reads before data (TIOCPKT_DATA) or alone. */
#ifndef TIOCPKT_DATA
#define TIOCPKT_DATA            0
#define TIOCPKT_FLUSHREAD       1
#define TIOCPKT_FLUSHWRITE      2
#define TIOCPKT_STOP            4
#define TIOCPKT_START           8
#define TIOCPKT_NOSTOP          16
#define TIOCPKT_DOSTOP          32
#define TIOCPKT_IOCTL           64
#endif

/* Commands any file understands. */
#ifndef FIONREAD
#define FIONREAD        0x541B
#endif
#ifndef TIOCINQ
#define TIOCINQ         FIONREAD
#endif
#ifndef FIONBIO
#define FIONBIO         0x5421
#endif
#ifndef FIONCLEX
#define FIONCLEX        0x5450
#endif
#ifndef FIOCLEX
#define FIOCLEX         0x5451
#endif
#ifndef FIOASYNC
#define FIOASYNC        0x5452
#endif

#endif
