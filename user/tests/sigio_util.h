/* sigio_util.h: what the SIGIO tests (sigio_basic, dev_sigio) count: plain
 * SIGIO deliveries, and the F_SETSIG signal (SIGUSR1) with its siginfo. */
#ifndef SIGIO_UTIL_H
#define SIGIO_UTIL_H

#include <signal.h>

static volatile int sigio_count, usr1_count, usr1_code, usr1_fd;
static volatile long usr1_band;

static void on_sigio(int sig)
{
	(void)sig;
	sigio_count++;
}

static void on_usr1(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)ctx;
	usr1_count++;
	usr1_code = si->si_code;
	usr1_band = si->si_band;
	usr1_fd = si->si_fd;
}

#endif
