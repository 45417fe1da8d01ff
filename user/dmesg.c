/* dmesg: prints the kernel log as util-linux's dmesg does, "[    1.234567] text"
 * per line, read with syslog(2) (klogctl) as busybox's dmesg does.
 *   -r  raw: keep each line's "<level>" prefix
 *   -c  clear the log after printing it
 *   -C  clear the log, print nothing
 *   -n LEVEL  set the console log level */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>
#include <uapi/syslog.h>

/* Without -r the "<6>" before each line goes: the level is for the console. */
static void print_log(const char *buf, int n, int raw)
{
	int at_line_start = 1;
	for (int i = 0; i < n; i++) {
		if (!raw && at_line_start && buf[i] == '<') {
			int j = i + 1;
			while (j < n && buf[j] >= '0' && buf[j] <= '9')
				j++;
			if (j < n && j > i + 1 && buf[j] == '>') {
				i = j;
				at_line_start = 0;
				continue;
			}
		}
		putchar(buf[i]);
		at_line_start = buf[i] == '\n';
	}
}

int main(int argc, char **argv)
{
	int raw = 0, action = SYSLOG_ACTION_READ_ALL, opt;

	while ((opt = getopt(argc, argv, "rcCn:")) != -1) {
		switch (opt) {
		case 'r':
			raw = 1;
			break;
		case 'c':
			action = SYSLOG_ACTION_READ_CLEAR;
			break;
		case 'C':
			if (klogctl(SYSLOG_ACTION_CLEAR, NULL, 0) < 0)
				err(1, "klogctl");
			return 0;
		case 'n':
			if (klogctl(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, atoi(optarg)) < 0)
				err(1, "klogctl");
			return 0;
		default:
			fprintf(stderr, "usage: dmesg [-r] [-c] [-C] [-n level]\n");
			return 2;
		}
	}
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	if (size < 0)
		err(1, "klogctl");
	char *buf = malloc(size);
	if (!buf)
		err(1, "malloc");
	int n = klogctl(action, buf, size);
	if (n < 0)
		err(1, "klogctl");
	print_log(buf, n, raw);
	if (fflush(stdout) == EOF)
		err(1, "write");
	return 0;
}
