/* kill: sends a signal (SIGTERM unless told) to processes.
 *   kill [-SIG | -s SIG] pid...   SIG is a number or a name, with or without "SIG" (-9, -KILL, -s INT)
 *   kill -l                       lists the signal names */
#include <err.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	int number;
} sigs[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ILL", SIGILL },
	{ "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "BUS", SIGBUS }, { "FPE", SIGFPE },
	{ "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
	{ "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "CHLD", SIGCHLD },
	{ "CONT", SIGCONT }, { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN },
	{ "TTOU", SIGTTOU },
};
#define NSIGS (sizeof sigs / sizeof sigs[0])

/* Returns the number of the signal called s, -1 if there is none. */
static int signal_number(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s && !*end)
		return n >= 0 && n <= INT_MAX ? (int)n : -1;
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	for (size_t i = 0; i < NSIGS; i++)
		if (strcmp(s, sigs[i].name) == 0)
			return sigs[i].number;
	return -1;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;

	if (argc == 2 && strcmp(argv[1], "-l") == 0) {
		for (size_t j = 0; j < NSIGS; j++)
			printf("%2d %s\n", sigs[j].number, sigs[j].name);
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "-s") == 0) {
		sig = signal_number(argv[2]);
		i = 3;
	} else if (argc > 1 && argv[1][0] == '-') {
		sig = signal_number(argv[1] + 1);
		i = 2;
	}
	if (sig < 0)
		errx(2, "%s: unknown signal", argv[i - 1]);
	if (i >= argc)
		errx(2, "usage: kill [-SIG | -s SIG] pid... | kill -l");
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);

		if (!*argv[i] || *end) {
			warnx("%s: not a process id", argv[i]);
			status = 1;
		} else if (kill(pid, sig) < 0) {
			warn("%s", argv[i]);
			status = 1;
		}
	}
	return status;
}
