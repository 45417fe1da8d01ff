/* fs_readdir_rename: a directory read a few entries at a time while names
 * change under it. Files renamed or unlinked after the read began are never
 * listed twice and the others exactly once: a file renamed after it was
 * listed is not listed again under its new name, one renamed before at most
 * once under either name (POSIX leaves it open; Linux's tmpfs drops it, here
 * it keeps its place), an unlinked one not at all. */
#include "check.h"

#include <stdint.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#define DIR_PATH "/tmp/fs_readdir_rename"
#define NFILES 40

struct dirent64_ {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static int seen[NFILES], seen_x_new, seen_y_new, dots, others;

/* One getdents64 call into a small buffer: the number of entries, counted. */
static int read_some(int fd)
{
	char buf[256];
	long n = raw_syscall(__NR_getdents64, fd, (long)buf, sizeof buf);
	int entries = 0;
	for (long off = 0; n > 0 && off < n; entries++) {
		struct dirent64_ *d = (struct dirent64_ *)(buf + off);
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			dots++;
		else if (strcmp(d->d_name, "new_x") == 0)
			seen_x_new++;
		else if (strcmp(d->d_name, "new_y") == 0)
			seen_y_new++;
		else if (d->d_name[0] == 'f' && atoi(d->d_name + 1) < NFILES)
			seen[atoi(d->d_name + 1)]++;
		else
			others++;
		off += d->d_reclen;
	}
	return n < 0 ? -1 : entries;
}

int main(void)
{
	char path[128];
	CHECK(mkdir(DIR_PATH, 0755) == 0, "a directory");
	int made = 0;
	for (int i = 0; i < NFILES; i++) {
		snprintf(path, sizeof path, DIR_PATH "/f%02d", i);
		int fd = open(path, O_WRONLY | O_CREAT, 0644);
		made += fd >= 0;
		close(fd);
	}
	CHECK_EQ(made, NFILES, "40 files in it");
	int fd = open(DIR_PATH, O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "opened for reading");
	int first = read_some(fd);
	CHECK(first > 2 && first < NFILES / 2, "the first getdents64 lists a few entries");
	int x = -1, y = -1, z = -1;
	for (int i = 0; i < NFILES; i++) {
		if (seen[i] && y < 0)
			y = i;
		else if (!seen[i] && x < 0)
			x = i;
		else if (!seen[i] && z < 0)
			z = i;
	}
	CHECK(x >= 0 && y >= 0 && z >= 0, "some listed, some not yet");
	char from[128];
	snprintf(from, sizeof from, DIR_PATH "/f%02d", x);
	CHECK(rename(from, DIR_PATH "/new_x") == 0, "rename a file not listed yet");
	snprintf(from, sizeof from, DIR_PATH "/f%02d", y);
	CHECK(rename(from, DIR_PATH "/new_y") == 0, "rename a file already listed");
	snprintf(from, sizeof from, DIR_PATH "/f%02d", z);
	CHECK(unlink(from) == 0, "unlink a file not listed yet");
	int rounds = 0, n;
	while ((n = read_some(fd)) > 0 && rounds < 100)
		rounds++;
	CHECK(n == 0, "the listing ends");
	int once = 1;
	for (int i = 0; i < NFILES; i++)
		if (i != x && i != y && i != z)
			once &= seen[i] == 1;
	CHECK(once, "every other file is listed exactly once");
	CHECK_EQ(dots, 2, ". and .. once each");
	CHECK_EQ(others, 0, "nothing else");
	struct utsname u;
	int here = uname(&u) == 0 && strstr(u.release, "freax") != NULL;
	CHECK(seen[y] == 1 && (!here || seen_y_new == 0), "the file renamed after it was listed is not listed twice");
	CHECK(here ? seen[x] + seen_x_new == 1 : seen[x] + seen_x_new <= 1, "the file renamed before is listed at most once");
	CHECK_EQ(seen[z], 0, "the unlinked file is not listed");
	close(fd);

	/* Read again from the start: every name as it is now. */
	memset(seen, 0, sizeof seen);
	seen_x_new = seen_y_new = dots = 0;
	fd = open(DIR_PATH, O_RDONLY | O_DIRECTORY);
	while (read_some(fd) > 0)
		;
	CHECK(seen_x_new == 1 && seen_y_new == 1 && seen[x] == 0 && seen[y] == 0 && seen[z] == 0,
	      "a new listing shows the new names");
	close(fd);
	for (int i = 0; i < NFILES; i++) {
		snprintf(path, sizeof path, DIR_PATH "/f%02d", i);
		unlink(path);
	}
	unlink(DIR_PATH "/new_x");
	unlink(DIR_PATH "/new_y");
	CHECK(rmdir(DIR_PATH) == 0, "the directory is empty again");
	return done();
}
