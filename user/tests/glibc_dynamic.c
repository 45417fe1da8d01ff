/* glibc_dynamic: the project's differential tests built dynamically linked
 * against glibc (/tests/NAME.dyn, the list in tests.mk: PIEs that Debian's
 * ld-linux.so.2 loads with libc.so.6 from /lib/i386-linux-gnu) give the
 * output and the exit status of their static glibc builds (/tests/NAME.glibc,
 * which the harness compares with Linux), run here one after the other. */
#include "run_capture.h"
#include <dirent.h>

#define MAX_TESTS 64

static char static_out[32768], dyn_out[32768];
static char names[MAX_TESTS][64];

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void compare(const char *name)
{
	char path[96], what[160];
	snprintf(path, sizeof path, "/tests/%s.glibc", name);
	int st1 = run_capture((char *[]){ path, NULL }, static_out, sizeof static_out);
	snprintf(path, sizeof path, "/tests/%s.dyn", name);
	int st2 = run_capture((char *[]){ path, NULL }, dyn_out, sizeof dyn_out);
	snprintf(what, sizeof what, "%s: the dynamic build exits as the static one", name);
	CHECK_EQ(st2, st1, what);
	snprintf(what, sizeof what, "%s: and prints the same", name);
	if (!CHECK(strcmp(static_out, dyn_out) == 0, what))
		check_line("--- static:\n%s--- dynamic:\n%s", static_out, dyn_out);
	snprintf(what, sizeof what, "%s: which passes", name);
	expect_exit(st1, 0, what);
}

int main(void)
{
	DIR *d = opendir("/tests");
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d)) && n < MAX_TESTS;) {
		size_t len = strlen(e->d_name);
		if (len > 4 && len < sizeof names[0] && strcmp(e->d_name + len - 4, ".dyn") == 0) {
			memcpy(names[n], e->d_name, len - 4);
			names[n++][len - 4] = '\0';
		}
	}
	if (d)
		closedir(d);
	CHECK(n >= 10, "the dynamic builds are in /tests");
	qsort(names, n, sizeof names[0], by_name);
	for (int i = 0; i < n; i++)
		compare(names[i]);
	return done();
}
