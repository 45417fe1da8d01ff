/* ls: lists directories and files.
 *   ls [-a] [-l] [path...]   (default ".")
 * Names are sorted; one per line unless stdout is a terminal, then in columns. -a includes names
 * starting with '.'; -l adds the mode string, link count, uid, gid, size (major, minor for devices)
 * and where symbolic links point. */
#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h> /* not POSIX, but both libcs have major() and minor() */
#include <unistd.h>

static int aflag, lflag, status;

static void mode_string(mode_t m, char *s)
{
	s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b'
	     : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '-';
	for (int i = 0; i < 9; i++)
		s[1 + i] = m & (0400 >> i) ? "rwxrwxrwx"[i] : '-';
	if (m & S_ISUID)
		s[3] = s[3] == 'x' ? 's' : 'S';
	if (m & S_ISGID)
		s[6] = s[6] == 'x' ? 's' : 'S';
	if (m & S_ISVTX)
		s[9] = s[9] == 'x' ? 't' : 'T';
	s[10] = '\0';
}

static void long_line(const char *path, const char *name)
{
	struct stat st;
	char mode[11], target[4096];
	ssize_t n;

	if (lstat(path, &st) < 0) {
		warn("%s", path);
		status = 1;
		return;
	}
	mode_string(st.st_mode, mode);
	printf("%s %3lu %4lu %4lu ", mode, (unsigned long)st.st_nlink, (unsigned long)st.st_uid,
	       (unsigned long)st.st_gid);
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		printf("%4u, %4u ", (unsigned)major(st.st_rdev), (unsigned)minor(st.st_rdev));
	else
		printf("%10lu ", (unsigned long)st.st_size);
	fputs(name, stdout);
	if (S_ISLNK(st.st_mode) && (n = readlink(path, target, sizeof target - 1)) >= 0)
		printf(" -> %.*s", (int)n, target);
	putchar('\n');
}

static void columns(char **names, size_t n)
{
	struct winsize ws;
	size_t width = 1, cols, rows;

	for (size_t i = 0; i < n; i++)
		if (strlen(names[i]) + 2 > width)
			width = strlen(names[i]) + 2;
	cols = ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col / width : 80 / width;
	cols = cols ? cols : 1;
	rows = (n + cols - 1) / cols;
	for (size_t r = 0; r < rows; r++) {
		/* Column-major, like other ls implementations: names run down each column. */
		for (size_t i = r; i < n; i += rows)
			printf("%-*s", (int)(i + rows < n ? width : 0), names[i]);
		putchar('\n');
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints names, which are in dir (NULL: paths relative to here). */
static void list(char **names, size_t n, const char *dir)
{
	char path[4096];

	qsort(names, n, sizeof *names, by_name);
	if (!lflag && isatty(1)) {
		columns(names, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (lflag) {
			snprintf(path, sizeof path, "%s%s%s", dir ? dir : "", dir ? "/" : "", names[i]);
			long_line(path, names[i]);
		} else {
			puts(names[i]);
		}
	}
}

static void list_dir(const char *dir)
{
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d) {
		warn("%s", dir);
		status = 1;
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && !aflag)
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		if (!names || !(names[n++] = strdup(de->d_name)))
			err(1, "malloc");
	}
	closedir(d);
	list(names, n, dir);
	while (n > 0)
		free(names[--n]);
	free(names);
}

int main(int argc, char **argv)
{
	char **files = malloc(argc * sizeof *files), **dirs = malloc(argc * sizeof *dirs);
	size_t nfiles = 0, ndirs = 0;
	int i = 1;
	struct stat st;

	if (!files || !dirs)
		err(1, "malloc");
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'a')
				aflag = 1;
			else if (*o == 'l')
				lflag = 1;
			else
				errx(2, "usage: ls [-al] [path...]");
		}
	}
	if (i == argc)
		dirs[ndirs++] = ".";
	/* Without -l a symbolic link to a directory lists the directory; with -l, the link itself. */
	for (; i < argc; i++) {
		if ((lflag ? lstat : stat)(argv[i], &st) < 0) {
			warn("%s", argv[i]);
			status = 1;
		} else if (S_ISDIR(st.st_mode)) {
			dirs[ndirs++] = argv[i];
		} else {
			files[nfiles++] = argv[i];
		}
	}
	list(files, nfiles, NULL);
	qsort(dirs, ndirs, sizeof *dirs, by_name);
	for (size_t d = 0; d < ndirs; d++) {
		if (nfiles + ndirs > 1)
			printf("%s%s:\n", nfiles || d ? "\n" : "", dirs[d]);
		list_dir(dirs[d]);
	}
	return status;
}
