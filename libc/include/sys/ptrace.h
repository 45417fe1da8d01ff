/* sys/ptrace.h: process tracing (requests, options and events from uapi/ptrace.h). */
#ifndef _SYS_PTRACE_H
#define _SYS_PTRACE_H

#include <sys/types.h>
#include <uapi/ptrace.h>

#define PTRACE_PEEKUSR PTRACE_PEEKUSER
#define PTRACE_POKEUSR PTRACE_POKEUSER

long ptrace(int request, ...);

#endif
