/* errno.c: errno (a plain global: the libc is single-threaded) and the conversion of raw system
 * call results to the C convention. */
#include <errno.h>
#include "sysdep.h"

int errno;

long __syscall_ret(long r)
{
	if ((unsigned long)r > (unsigned long)-MAX_ERRNO - 1) {
		errno = (int)-r;
		return -1;
	}
	return r;
}
