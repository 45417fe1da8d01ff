/* debian_dash: Debian's own dynamically linked i386 programs, unmodified,
 * run in the kernel: dash runs a script (started through its #! line, so
 * exec loads a PIE and its interpreter), with arithmetic, loops, command
 * substitution, a pipeline of Debian's coreutils, a redirection and an exit
 * status; the maps of a dynamic program show the loader, libc, the vDSO. */
#include "run_capture.h"
#include <sys/stat.h>

#define BIN "/opt/debian/bin/"
#define SCRIPT "/tmp/debian_dash.sh"

static const char script[] =
	"#!/bin/dash\n"
	"echo \"dash says $((6 * 7))\"\n"
	"for i in 1 2 3; do printf '%s,' \"$i\"; done; echo\n"
	"x=$(" BIN "echo substituted); echo \"got $x\"\n"
	BIN "seq 5 | " BIN "sort -r | " BIN "head -n 3 | " BIN "tr '\\n' ' '; echo\n"
	BIN "echo to a file > /tmp/debian_dash.out; " BIN "cat /tmp/debian_dash.out | " BIN "wc -c\n"
	BIN "uname -s\n"
	"case $(" BIN "date +%Y) in 20[0-9][0-9]) echo date ok;; *) echo date bad;; esac\n"
	"f() { return 7; }; f; echo \"function status $?\"\n"
	"exit 5\n";

static const char expected[] =
	"dash says 42\n"
	"1,2,3,\n"
	"got substituted\n"
	"5 4 3 \n"
	"10\n"
	"Linux\n"
	"date ok\n"
	"function status 7\n";

static char out[8192];

int main(void)
{
	int fd = open(SCRIPT, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	CHECK(fd >= 0 && write(fd, script, sizeof script - 1) == (ssize_t)sizeof script - 1, "script written");
	close(fd);
	int st = run_capture((char *[]){ SCRIPT, NULL }, out, sizeof out);
	expect_exit(st, 5, "Debian's dash runs the script and exits 5");
	if (!CHECK(strcmp(out, expected) == 0, "with the expected output"))
		check_line("--- got:\n%s", out);

	st = run_capture((char *[]){ "/bin/dash", "-c", "echo $0 $1; exit 3", "zero", "one", NULL }, out,
			 sizeof out);
	expect_exit(st, 3, "dash -c exits 3");
	CHECK(strcmp(out, "zero one\n") == 0, "and prints its arguments");

	st = run_capture((char *[]){ BIN "cat", "/proc/self/maps", NULL }, out, sizeof out);
	expect_exit(st, 0, "Debian's cat reads its own maps");
	CHECK(strstr(out, "[vdso]") && strstr(out, "[vvar]") && strstr(out, "[stack]"),
	      "which show the vDSO, its time page and the stack");
	return done();
}
