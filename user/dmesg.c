/* dmesg: prints the kernel log, which our kernel exposes as /proc/dmesg. */
#include <err.h>
#include <stdio.h>

int main(void)
{
	char buf[4096];
	size_t n;
	FILE *f = fopen("/proc/dmesg", "r");

	if (!f)
		err(1, "/proc/dmesg");
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, n, stdout);
	if (ferror(f))
		err(1, "/proc/dmesg");
	if (fflush(stdout) == EOF)
		err(1, "write");
	return 0;
}
