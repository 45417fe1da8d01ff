/* uapi/wait.h: wait4/waitid option bits and the wait status encoding. The status macros carry a
 * K_ prefix because glibc's <stdlib.h> defines the POSIX names differently; the libc maps them. */
#ifndef UAPI_WAIT_H
#define UAPI_WAIT_H

#define WNOHANG     0x00000001
#define WUNTRACED   0x00000002
#define WSTOPPED    WUNTRACED
#define WEXITED     0x00000004
#define WCONTINUED  0x00000008
#define WNOWAIT     0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL      0x40000000
#define __WCLONE    0x80000000

/* idtype for waitid */
#define P_ALL       0
#define P_PID       1
#define P_PGID      2

/* Encoding (kernel side): exit code in bits 8-15; a terminating signal in bits 0-6, bit 7 set
 * if a core was dumped; a stopped child reports 0x7f in the low byte and the signal above it;
 * a continued child reports 0xffff. */
#define K_W_EXITCODE(code, sig) ((((code) & 0xff) << 8) | ((sig) & 0x7f))
#define K_W_STOPCODE(sig)       ((((sig) & 0xff) << 8) | 0x7f)
#define K_W_CONTINUED           0xffff
#define K_WCOREFLAG             0x80

/* Decoding (user side). */
#define K_WEXITSTATUS(s)  (((s) & 0xff00) >> 8)
#define K_WTERMSIG(s)     ((s) & 0x7f)
#define K_WSTOPSIG(s)     K_WEXITSTATUS(s)
#define K_WIFEXITED(s)    (K_WTERMSIG(s) == 0)
#define K_WIFSIGNALED(s)  (((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define K_WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define K_WIFCONTINUED(s) ((s) == K_W_CONTINUED)
#define K_WCOREDUMP(s)    ((s) & K_WCOREFLAG)

#endif
