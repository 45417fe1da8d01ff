/* sys/wait.h: waiting for children. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <signal.h>
#include <sys/types.h>
#include <bits/waitstatus.h>

struct rusage;
typedef int idtype_t;                   /* P_ALL, P_PID, P_PGID (uapi/wait.h) */

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait3(int *status, int options, struct rusage *ru);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);
int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options);

#endif
