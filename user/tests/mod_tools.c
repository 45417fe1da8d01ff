/* mod_tools.c: the module tools in /sbin (kernel-only): insmod, rmmod,
 * lsmod, modinfo, kldload, kldunload and kldstat, their exit statuses and
 * the lines they print, as Linux's kmod and FreeBSD's tools print them. */
#include "check.h"
#include "run_capture.h"
#include <fcntl.h>

#define DIR "/lib/modules/test/"

static char out[8192];

/* argv's exit status with its output in out, or -1 (killed, or past the deadline). */
static int run(char *const argv[])
{
	int st = run_capture(argv, out, sizeof(out));
	return st >= 0 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

#define RUN(...) run((char *const[]){ __VA_ARGS__, NULL })

int main(void)
{
	CHECK_EQ(RUN("/sbin/insmod", DIR "hello.ko", "greeting=5", "who=tools"), 0, "insmod hello.ko greeting=5 who=tools");
	CHECK_EQ(RUN("/sbin/lsmod"), 0, "lsmod");
	CHECK(strncmp(out, "Module                  Size  Used by\n", 38) == 0, "lsmod's header is Linux's");
	CHECK(strstr(out, "\nhello ") && strstr(strstr(out, "\nhello "), "  0\n"), "lsmod lists hello, used by 0");
	CHECK_EQ(RUN("/sbin/modinfo", DIR "hello.ko"), 0, "modinfo hello.ko");
	CHECK(strstr(out, "filename:       " DIR "hello.ko\n") && strstr(out, "license:        GPL\n") &&
	      strstr(out, "parm:           greeting:the number /dev/hello reads\n") &&
	      strstr(out, "vermagic:       "), "modinfo shows filename, license, parm and vermagic");
	CHECK_EQ(RUN("/sbin/insmod", DIR "hello.ko"), 1, "insmod of a loaded module fails");
	CHECK(strcmp(out, "insmod: ERROR: could not insert module " DIR "hello.ko: File exists\n") == 0,
	      "insmod: ERROR: could not insert module ...: File exists");
	CHECK_EQ(RUN("/sbin/rmmod", "hello"), 0, "rmmod hello");
	CHECK_EQ(RUN("/sbin/rmmod", "hello"), 1, "rmmod hello again fails");
	CHECK(strcmp(out, "rmmod: ERROR: Module hello is not currently loaded\n") == 0,
	      "rmmod: ERROR: Module hello is not currently loaded");
	CHECK_EQ(RUN("/sbin/insmod", DIR "unknown_sym.ko"), 1, "insmod of a module with an unknown symbol fails");
	CHECK(strstr(out, "Unknown symbol in module") != NULL, "and says: Unknown symbol in module");
	CHECK_EQ(RUN("/sbin/insmod", DIR "noexit.ko"), 0, "insmod noexit.ko");
	CHECK_EQ(RUN("/sbin/rmmod", "noexit"), 1, "rmmod of a module without exit fails");
	CHECK(strcmp(out, "rmmod: ERROR: Module noexit is in use\n") == 0, "rmmod: ERROR: Module noexit is in use");
	CHECK_EQ(RUN("/sbin/rmmod", "-f", "noexit"), 0, "rmmod -f noexit");

	CHECK_EQ(RUN("/sbin/kldload", DIR "bsd_echo.ko"), 0, "kldload bsd_echo.ko");
	CHECK_EQ(RUN("/sbin/kldstat"), 0, "kldstat");
	CHECK(strncmp(out, "Id Refs Address    Size     Name\n", 33) == 0 && strstr(out, " kernel\n") &&
	      strstr(out, " bsd_echo.ko\n"), "kldstat lists the kernel and bsd_echo.ko");
	CHECK_EQ(RUN("/sbin/kldunload", "bsd_echo"), 1, "kldunload refused by MOD_UNLOAD");
	CHECK(strcmp(out, "kldunload: can't unload file: Device or resource busy\n") == 0,
	      "kldunload: can't unload file: Device or resource busy");
	CHECK_EQ(RUN("/sbin/kldunload", "bsd_echo"), 0, "kldunload again");
	CHECK_EQ(RUN("/sbin/kldunload", "bsd_echo"), 1, "and once more: not loaded");
	return done();
}
