/* exit.c: atexit, exit (handlers, then stdio flush, then exit_group), _Exit, abort, and the
 * assert failure report. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

/* Weak: a program that never touches stdio does not link it in just to flush it. */
void __stdio_exit(void) __attribute__((weak));

int atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX)
		return -1;
	handlers[nhandlers++] = fn;
	return 0;
}

void exit(int status)
{
	while (nhandlers > 0)
		handlers[--nhandlers]();
	if (__stdio_exit)
		__stdio_exit();
	_exit(status);
}

void _Exit(int status)
{
	_exit(status);
}

void abort(void)
{
	struct sigaction sa = { .sa_handler = SIG_DFL };
	sigset_t set;

	raise(SIGABRT);
	/* Caught and returned, or blocked: force the default action. */
	sigaction(SIGABRT, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	_exit(127);
}

void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func)
{
	fprintf(stderr, "%s:%u: %s: Assertion `%s' failed.\n", file, line, func, expr);
	abort();
}
