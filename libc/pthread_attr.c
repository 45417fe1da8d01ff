/* pthread_attr.c: thread attributes: detach state, stack size and guard size. */
#include <errno.h>
#include "pthread_impl.h"

int pthread_attr_init(pthread_attr_t *a)
{
	a->stacksize = 0;	/* pthread_create's default */
	a->guardsize = 4096;
	a->detached = 0;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
	(void)a;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	a->detached = state == PTHREAD_CREATE_DETACHED;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	*state = a->detached ? PTHREAD_CREATE_DETACHED : PTHREAD_CREATE_JOINABLE;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	a->stacksize = size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size)
{
	*size = a->stacksize ? a->stacksize : DEFAULT_STACK;
	return 0;
}

int pthread_attr_setguardsize(pthread_attr_t *a, size_t size)
{
	a->guardsize = size;
	return 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *a, size_t *size)
{
	*size = a->guardsize;
	return 0;
}
