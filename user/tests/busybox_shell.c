/* busybox_shell: Debian's busybox in the image, its applets run through the
 * shell as a user types them: ash's for loops, && and ||, globbing, pipelines
 * of applets, applets started through their /usr/bin links (argv[0] names
 * the applet), and sh -c nested three deep whichever shell is /bin/sh (ash
 * re-executes itself through /proc/self/exe for each applet); the system
 * applets give Linux's output shape: ln (hard links), df (statfs), nproc
 * (sched_getaffinity), id (/etc/passwd, /etc/group), ps, touch, free,
 * uptime, dmesg, top -n 1. Kernel-only:
 * the host has no busybox at /bin/busybox. Each command runs in a process
 * group of its own and is killed if it takes more than 20 s. */
#include "check.h"
#include "run_capture.h"

#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define ASH "/usr/bin/sh"
#define OWN_SH "/bin/sh"
#define DIR "/tmp/busybox_shell"

/* shell -c script prints want and exits code. */
static void expect(const char *shell, const char *script, const char *want, int code, const char *what)
{
	char out[1024], detail[1200], label[160];
	char *argv[] = { (char *)shell, "-c", (char *)script, NULL };
	int st = run_capture(argv, out, sizeof out);
	snprintf(label, sizeof label, "%s: exit %d", what, code);
	expect_exit(st, code, label);
	snprintf(label, sizeof label, "%s: output", what);
	snprintf(detail, sizeof detail, "got \"%s\"", out);
	check_record(strcmp(out, want) == 0, label, detail);
}

static void make_file(const char *name)
{
	int fd = open(path_in(DIR, name), O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0, name);
	close(fd);
}

int main(void)
{
	struct stat st;
	CHECK(stat("/bin/busybox", &st) == 0 && S_ISREG(st.st_mode), "/bin/busybox is there");
	CHECK(lstat("/usr/bin/ls", &st) == 0 && S_ISLNK(st.st_mode), "/usr/bin/ls is a link to it");

	expect(ASH, "for i in 1 2; do echo $i; done && echo ok", "1\n2\nok\n", 0,
	       "ash: a for loop, then && runs the next command");
	expect(ASH, "false || exit 3", "", 3, "ash: || runs the next command after a failure");
	expect(ASH, "true && false", "", 1, "ash: the status of && is the last command's");
	expect(ASH, "grep -q x /nonexistent 2>/dev/null", "", 2, "grep: a missing file exits 2");
	expect(ASH, "printf 'b\\na\\nb\\n' | sort | uniq -c | sed 's/^ *//'", "1 a\n2 b\n", 0,
	       "a pipeline of applets: printf | sort | uniq -c | sed");
	expect(ASH, "echo hello | wc -c", "6\n", 0, "wc -c counts the bytes");
	expect(ASH, "x=0; while [ $x -lt 3 ]; do x=$((x + 1)); done; echo $x", "3\n", 0,
	       "ash: while, test and arithmetic");

	mkdir(DIR, 0755);
	make_file("a.c");
	make_file("b.c");
	make_file("c.h");
	expect(ASH, "cd " DIR " && echo *.c && ls", "a.c b.c\na.c\nb.c\nc.h\n", 0,
	       "ash: globbing in a directory, then ls");
	expect(ASH, "cd " DIR " && echo hello > f && tar czf t.tgz f && rm f && tar xzf t.tgz && cat f",
	       "hello\n", 0, "tar -z runs gzip from PATH (init's /bin:/usr/bin)");
	expect(ASH, "cd " DIR " && echo hi > f && ln f g && stat -c %h f && cat g && rm g && stat -c %h f", "2\nhi\n1\n",
	       0, "ln makes a hard link: two names, one file");
	expect(ASH, "cd " DIR " && rm *.c f t.tgz && echo * && rm c.h && cd / && rmdir " DIR " && echo gone",
	       "c.h\ngone\n", 0, "rm of a glob, rmdir");

	expect(ASH, "sh -c 'sh -c \"echo deep; exit 5\"'", "deep\n", 5,
	       "ash: sh -c three deep, through /proc/self/exe, passes the status up");
	expect(OWN_SH, "/usr/bin/sh -c 'sh -c \"echo from ash\"'", "from ash\n", 0,
	       "the project's sh runs ash, which nests its own sh -c");
	expect(ASH, OWN_SH " -c '" OWN_SH " -c \"echo from sh\"'", "from sh\n", 0,
	       "ash runs the project's sh, which nests its own sh -c");

	expect(ASH, "df | tr -s ' ' | cut -d' ' -f1,6", "Filesystem Mounted\ndevtmpfs /dev\ntmpfs /dev/shm\n", 0,
	       "df: the header and the mounts with blocks (rootfs hidden, as busybox does on Linux)");
	expect(ASH, "mkdir -p /tmp/bb_mnt && mount -t tmpfs -o size=2m,mode=755 bbfs /tmp/bb_mnt && "
	       "mount | grep bb_mnt && echo hi > /tmp/bb_mnt/f && df /tmp/bb_mnt | tr -s ' ' && "
	       "umount /tmp/bb_mnt && mount | grep -c bb_mnt; rmdir /tmp/bb_mnt",
	       "bbfs on /tmp/bb_mnt type tmpfs (rw,relatime,size=2048k,mode=755)\n"
	       "Filesystem 1K-blocks Used Available Use% Mounted on\nbbfs 2048 4 2044 0% /tmp/bb_mnt\n0\n", 0,
	       "mount -t tmpfs, mount's list, df of it with a page used, umount");
	expect(ASH, "test $(nproc) = $(grep -c ^processor /proc/cpuinfo) && "
	       "test $(nproc --all) = $(ls -d /sys/devices/system/cpu/cpu[0-9]* | wc -l) && echo same", "same\n", 0,
	       "nproc: the CPUs of /proc/cpuinfo (sched_getaffinity); --all: the cpuN directories");
	expect(ASH, "id", "uid=0(root) gid=0(root)\n", 0, "id: root by name, no supplementary groups");
	expect(ASH, "ps | head -1 | tr -s ' '", "PID USER COMMAND\n", 0, "ps: the header");
	expect(ASH, "cd /tmp && touch bb_newfile && ls bb_newfile && rm bb_newfile", "bb_newfile\n", 0,
	       "touch creates a file (utimensat)");
	expect(ASH, "free | head -1 | tr -s ' '; free | sed -n 2p | cut -d: -f1",
	       " total used free shared buff/cache available\nMem\n", 0, "free: the header and the Mem line (sysinfo)");
	expect(ASH, "uptime | sed 's/^ [0-9:]* up .*load average: [0-9.]*, [0-9.]*, [0-9.]*$/shape/'", "shape\n", 0,
	       "uptime: the time, up, the load averages");
	expect(ASH, "dmesg | head -1 | sed 's/^\\[ *[0-9]*\\.[0-9]*\\] .*/stamp/'", "stamp\n", 0,
	       "dmesg: timestamped lines (syslog)");
	expect(ASH, "top -b -n 1 | head -2 | cut -d: -f1", "Mem\nCPU\n", 0, "top -n 1: the Mem and CPU lines (/proc/stat)");

	char out[64];
	char *echo[] = { "/usr/bin/echo", "by", "link", NULL };
	expect_exit(run_capture(echo, out, sizeof out), 0, "an applet run through its link");
	CHECK(strcmp(out, "by link\n") == 0, "argv[0] named the applet");
	char *whole[] = { "/bin/busybox", "basename", "/a/b.c", ".c", NULL };
	expect_exit(run_capture(whole, out, sizeof out), 0, "busybox APPLET ARGS");
	CHECK(strcmp(out, "b\n") == 0, "busybox basename strips the suffix");
	return done();
}
