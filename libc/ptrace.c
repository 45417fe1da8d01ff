/* ptrace.c: ptrace(2) as glibc wraps it (the PEEK requests return the word
 * read, with errno 0 on success, where the kernel stores it at data), and
 * process_vm_readv/writev. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include "sysdep.h"

long ptrace(int request, ...)
{
	va_list ap;
	va_start(ap, request);
	pid_t pid = va_arg(ap, pid_t);
	void *addr = va_arg(ap, void *);
	void *data = va_arg(ap, void *);
	va_end(ap);
	long word;
	bool peek = request == PTRACE_PEEKTEXT || request == PTRACE_PEEKDATA || request == PTRACE_PEEKUSER;
	long r = __syscall(__NR_ptrace, request, pid, addr, peek ? &word : data);
	if (r < 0)
		return __syscall_ret(r);
	if (peek) {
		errno = 0;
		return word;
	}
	return r;
}

ssize_t process_vm_readv(pid_t pid, const struct iovec *local, unsigned long liovcnt,
			 const struct iovec *remote, unsigned long riovcnt, unsigned long flags)
{
	return __sysret(__NR_process_vm_readv, pid, local, liovcnt, remote, riovcnt, flags);
}

ssize_t process_vm_writev(pid_t pid, const struct iovec *local, unsigned long liovcnt,
			  const struct iovec *remote, unsigned long riovcnt, unsigned long flags)
{
	return __sysret(__NR_process_vm_writev, pid, local, liovcnt, remote, riovcnt, flags);
}
