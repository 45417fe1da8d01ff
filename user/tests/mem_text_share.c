/* mem_text_share: processes running one program share its text. Four
 * copies of busybox (2 MB, most of it text) sleeping side by side take far
 * less than one private copy of the file each: exec maps the program's
 * pages from the page cache, and the initramfs already put them there.
 * Kernel-only: exact meminfo figures. */
#include "check.h"

#include <sys/stat.h>

#define COPIES 4

int main(void)
{
	struct stat st;
	CHECK(stat("/bin/busybox", &st) == 0 && st.st_size > 1000000, "busybox is a big program");
	long before = meminfo_kb("MemFree:");
	pid_t pids[COPIES];
	for (int i = 0; i < COPIES; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			execl("/bin/busybox", "sleep", "4", (char *)NULL);
			_exit(9);
		}
	}
	sleep_ms(1500);
	long during = meminfo_kb("MemFree:");
	int running = 0;
	for (int i = 0; i < COPIES; i++)
		running += still_running(pids[i]);
	CHECK_EQ(running, COPIES, "four copies running");
	char d[96];
	long per_copy = (before - during) / COPIES, file_kb = (long)(st.st_size / 1024);
	snprintf(d, sizeof d, "%ld kB each, the file is %ld kB", per_copy, file_kb);
	check_record(per_copy < file_kb / 4, "each copy takes less than a quarter of the file", d);
	int ok = 0;
	for (int i = 0; i < COPIES; i++) {
		int s = wait_status(pids[i]);
		ok += WIFEXITED(s) && WEXITSTATUS(s) == 0;
	}
	CHECK_EQ(ok, COPIES, "and they all exit 0");
	return done();
}
