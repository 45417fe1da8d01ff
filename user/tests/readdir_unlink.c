/* readdir_unlink: removing entries while reading a directory a few entries
 * at a time (what "rm -r" does) must not skip any: every file is seen once
 * and the directory ends empty. Also: a file created after the listing began
 * may or may not be seen, but nothing is seen twice. */
#include "check.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#define NFILES 20

struct dirent64_hdr {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static char base[64];

/* Reads one small batch with getdents64; the bytes it filled in. */
static long batch(int fd, char *buf, size_t size)
{
	return raw_syscall(__NR_getdents64, fd, (long)buf, (long)size);
}

int main(void)
{
	char buf[64];                   /* room for about one entry per call */
	int seen[NFILES] = { 0 };
	snprintf(base, sizeof base, "/tmp/readdir_unlink_%d", (int)getpid());
	CHECK_OK(mkdir(base, 0700), "mkdir");
	for (int i = 0; i < NFILES; i++)
		close(open(path_in(base, (char[8]){ 'f', (char)('a' + i), 0 }), O_CREAT | O_WRONLY, 0600));

	int fd = CHECK_OK(open(base, O_RDONLY | O_DIRECTORY), "open the directory");
	long n;
	int dups = 0, extra = 0, removed = 0;
	while ((n = batch(fd, buf, sizeof buf)) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64_hdr *d = (struct dirent64_hdr *)(buf + off);
			off += d->d_reclen;
			if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0 ||
			    strcmp(d->d_name, "late") == 0)
				continue;
			int i = d->d_name[1] - 'a';
			if (d->d_name[0] != 'f' || i < 0 || i >= NFILES || d->d_name[2]) {
				extra++;
				continue;
			}
			dups += seen[i]++ > 0;
			removed += unlink(path_in(base, d->d_name)) == 0;
			if (i == 0)         /* a late arrival: allowed to show up or not */
				close(open(path_in(base, "late"), O_CREAT | O_WRONLY, 0600));
		}
	}
	CHECK_EQ(n, 0, "getdents64 ends with 0");
	int all = 0;
	for (int i = 0; i < NFILES; i++)
		all += seen[i] == 1;
	CHECK_EQ(all, NFILES, "every file seen exactly once while unlinking");
	CHECK_EQ(dups, 0, "no entry seen twice");
	CHECK_EQ(extra, 0, "no unexpected names");
	CHECK_EQ(removed, NFILES, "every file removed");
	close(fd);
	unlink(path_in(base, "late"));
	CHECK_OK(rmdir(base), "the directory is empty at the end");
	return done();
}
