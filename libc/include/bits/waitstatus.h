/* bits/waitstatus.h: the POSIX wait status macros, shared by <sys/wait.h> and <stdlib.h>
 * (glibc's <stdlib.h> provides them too, and programs rely on that). */
#ifndef _BITS_WAITSTATUS_H
#define _BITS_WAITSTATUS_H

#include <uapi/wait.h>

#define WEXITSTATUS(s)  K_WEXITSTATUS(s)
#define WTERMSIG(s)     K_WTERMSIG(s)
#define WSTOPSIG(s)     K_WSTOPSIG(s)
#define WIFEXITED(s)    K_WIFEXITED(s)
#define WIFSIGNALED(s)  K_WIFSIGNALED(s)
#define WIFSTOPPED(s)   K_WIFSTOPPED(s)
#define WIFCONTINUED(s) K_WIFCONTINUED(s)
#define WCOREDUMP(s)    K_WCOREDUMP(s)

#endif
