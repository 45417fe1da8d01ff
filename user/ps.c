/* ps: lists every process, read from /proc/<pid>/stat ("pid (comm) state ppid ..."):
 * PID, PPID, state and command name, sorted by PID. */
#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct proc {
	int pid, ppid;
	char state;
	char comm[64];
};

/* Fills p from /proc/<name>/stat; 0 when the process is gone or the file is malformed. */
static int read_proc(const char *name, struct proc *p)
{
	char path[64], line[512], *open, *close;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%s/stat", name);
	if (!(f = fopen(path, "r")))
		return 0;
	open = fgets(line, sizeof line, f);
	fclose(f);
	/* The name may itself contain spaces and parentheses: it ends at the last ')'. */
	if (!open || !(open = strchr(line, '(')) || !(close = strrchr(line, ')')) || strlen(close) < 5)
		return 0;
	p->pid = atoi(line);
	snprintf(p->comm, sizeof p->comm, "%.*s", (int)(close - open - 1), open + 1);
	p->state = close[2];
	p->ppid = atoi(close + 4);
	return 1;
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct proc *)a)->pid - ((const struct proc *)b)->pid;
}

int main(void)
{
	struct proc *procs = NULL;
	size_t n = 0;
	struct dirent *de;
	DIR *d = opendir("/proc");

	if (!d)
		err(1, "/proc");
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		if (!(procs = realloc(procs, (n + 1) * sizeof *procs)))
			err(1, "malloc");
		n += read_proc(de->d_name, &procs[n]);
	}
	closedir(d);
	qsort(procs, n, sizeof *procs, by_pid);
	printf("  PID  PPID S CMD\n");
	for (size_t i = 0; i < n; i++)
		printf("%5d %5d %c %s\n", procs[i].pid, procs[i].ppid, procs[i].state, procs[i].comm);
	return 0;
}
