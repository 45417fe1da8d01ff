/* stdio_lock.c: flockfile, funlockfile and ftrylockfile, the recursive per-stream lock every
 * stdio operation takes (STREAM_LOCKED in stdio_impl.h). Only the owner writes owner and depth,
 * so a thread reading them to ask "is it mine?" needs no lock. */
#include <stdio.h>
#include "pthread_impl.h"
#include "stdio_impl.h"

void flockfile(FILE *f)
{
	int tid = __pthread_self()->tid;

	if (f->owner != tid) {
		__lock(&f->lock);
		f->owner = tid;
	}
	f->depth++;
}

int ftrylockfile(FILE *f)
{
	int tid = __pthread_self()->tid;

	if (f->owner != tid) {
		if (__sync_val_compare_and_swap(&f->lock, 0, 1) != 0)
			return -1;
		f->owner = tid;
	}
	f->depth++;
	return 0;
}

void funlockfile(FILE *f)
{
	if (--f->depth == 0) {
		f->owner = 0;
		__unlock(&f->lock);
	}
}
