/* errno.c: errno, one per thread (in the thread's descriptor, found through %gs), and the
 * conversion of raw system call results to the C convention. */
#include <errno.h>
#include "pthread_impl.h"

int *__errno_location(void)
{
	return &__pthread_self()->errno_val;
}

long __syscall_ret(long r)
{
	if ((unsigned long)r > (unsigned long)-MAX_ERRNO - 1) {
		errno = (int)-r;
		return -1;
	}
	return r;
}
