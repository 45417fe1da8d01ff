/* ipc_util.h: what the SysV IPC tests (ipc_*.c) share. The host that runs
 * their glibc builds shares its IPC namespace with everything else running
 * there, so a test names its objects by keys of its own (the pid in them)
 * and prints nothing that depends on the ids or on other users' objects. */
#ifndef IPC_UTIL_H
#define IPC_UTIL_H

#include <stdlib.h>
#include <sys/ipc.h>
#include <unistd.h>

/* POSIX leaves union semun to the caller. */
union semun {
	int val;
	void *buf;
	unsigned short *array;
	void *info;
};

/* A key no other process uses: tag n of this test process. */
static inline __attribute__((unused)) key_t ipc_test_key(int n)
{
	return (key_t)(0x46000000 | ((getpid() & 0xffff) << 8) | (n & 0xff));
}

/* A child gives up root for the permission checks: gid and uid 1000. */
static inline __attribute__((unused)) int drop_to_user(void)
{
	return setgid(1000) == 0 && setuid(1000) == 0 ? 0 : -1;
}

/* The first n numbers of a /proc/sysvipc line (the third, perms, in octal):
 * whether there were n. */
static inline __attribute__((unused)) int parse_fields(const char *line, long *v, int n)
{
	char *end;
	for (int i = 0; i < n; i++, line = end) {
		v[i] = strtol(line, &end, i == 2 ? 8 : 10);
		if (end == line)
			return 0;
	}
	return 1;
}

#endif
