/* kmod.c: the module tools, one program under several names as Linux's
 * kmod: insmod FILE [param=value...], rmmod [-f] NAME, lsmod and
 * modinfo FILE with Linux's output, and FreeBSD's kldload FILE,
 * kldunload NAME and kldstat. Loading is finit_module(2), unloading
 * delete_module(2); the lists come from /proc/modules. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *prog;

/* "a=1 s=text": the words after the file, joined as init_module takes them. */
static char *join_args(int argc, char **argv)
{
	size_t len = 1;
	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *s = malloc(len);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (int i = 0; i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

static int load(const char *path, const char *args)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -errno;
	long r = syscall(SYS_finit_module, fd, args, 0);
	int err = r < 0 ? -errno : 0;
	close(fd);
	return err;
}

static int unload(const char *name, unsigned flags)
{
	return syscall(SYS_delete_module, name, flags) < 0 ? -errno : 0;
}

/* Linux's error texts for the loader's answers, as kmod's insmod prints them. */
static const char *insmod_strerror(int err)
{
	switch (err) {
	case -ENOEXEC:
		return "Invalid module format";
	case -ENOENT:
		return "Unknown symbol in module, or unknown parameter (see dmesg)";
	case -ENOSYS:
		return "Kernel does not have module support";
	}
	return strerror(-err);
}

static int insmod(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "Usage:\n\t%s [options] filename [args]\n", prog);
		return 1;
	}
	char *args = join_args(argc - 2, argv + 2);
	int err = args ? load(argv[1], args) : -ENOMEM;
	if (err) {
		fprintf(stderr, "%s: ERROR: could not insert module %s: %s\n", prog, argv[1],
			insmod_strerror(err));
		return 1;
	}
	return 0;
}

/* "dir/x-y.ko" names module "x_y". */
static void module_name(const char *arg, char *name, size_t size)
{
	const char *base = strrchr(arg, '/');
	base = base ? base + 1 : arg;
	snprintf(name, size, "%s", base);
	char *dot = strstr(name, ".ko");
	if (dot && dot[3] == '\0')
		*dot = '\0';
	for (char *p = name; *p; p++)
		if (*p == '-')
			*p = '_';
}

static int rmmod(int argc, char **argv)
{
	unsigned flags = O_NONBLOCK;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "--force") == 0)
			flags |= O_TRUNC;
		else {
			fprintf(stderr, "%s: ERROR: unknown option %s\n", prog, argv[i]);
			return 1;
		}
	}
	if (i >= argc) {
		fprintf(stderr, "Usage:\n\t%s [options] modulename ...\n", prog);
		return 1;
	}
	int status = 0;
	for (; i < argc; i++) {
		char name[64];
		module_name(argv[i], name, sizeof(name));
		int err = unload(name, flags);
		if (err == -ENOENT)
			fprintf(stderr, "%s: ERROR: Module %s is not currently loaded\n", prog, name);
		else if (err == -EWOULDBLOCK || err == -EBUSY)
			fprintf(stderr, "%s: ERROR: Module %s is in use\n", prog, name);
		else if (err)
			fprintf(stderr, "%s: ERROR: could not remove module %s: %s\n", prog, name, strerror(-err));
		status |= err != 0;
	}
	return status;
}

struct modline {
	char name[64], deps[256], state[16];
	unsigned long size, addr;
	int refs;
};

/* One line of /proc/modules: "name size refs deps state addr [taints]". */
static int parse_modline(char *line, struct modline *m)
{
	char *save, *w[6];
	for (int i = 0; i < 6; i++)
		if (!(w[i] = strtok_r(i ? NULL : line, " \n", &save)))
			return -1;
	snprintf(m->name, sizeof(m->name), "%s", w[0]);
	m->size = strtoul(w[1], NULL, 10);
	m->refs = atoi(w[2]);
	snprintf(m->deps, sizeof(m->deps), "%s", w[3]);
	snprintf(m->state, sizeof(m->state), "%s", w[4]);
	m->addr = strtoul(w[5], NULL, 16);
	return 0;
}

static FILE *open_modules(void)
{
	FILE *f = fopen("/proc/modules", "r");
	if (!f)
		fprintf(stderr, "%s: ERROR: could not open /proc/modules: %s\n", prog, strerror(errno));
	return f;
}

static int lsmod(void)
{
	FILE *f = open_modules();
	if (!f)
		return 1;
	char line[512];
	struct modline m;
	printf("Module                  Size  Used by\n");
	while (fgets(line, sizeof(line), f))
		if (parse_modline(line, &m) == 0) {
			size_t n = strlen(m.deps);
			if (n && m.deps[n - 1] == ',')
				m.deps[n - 1] = '\0';
			printf("%-19s %8lu  %d%s%s\n", m.name, m.size, m.refs,
			       strcmp(m.deps, "-") ? " " : "", strcmp(m.deps, "-") ? m.deps : "");
		}
	fclose(f);
	return 0;
}

static int kldstat(void)
{
	FILE *f = open_modules();
	if (!f)
		return 1;
	char line[512];
	struct modline m;
	int id = 1;
	printf("Id Refs Address    Size     Name\n");
	printf("%2d %4d 0x%08x %-8s %s\n", id++, 1, 0xc0100000u, "-", "kernel");
	while (fgets(line, sizeof(line), f))
		if (parse_modline(line, &m) == 0)
			printf("%2d %4d 0x%08lx %-8lx %s.ko\n", id++, m.refs + 1, m.addr, m.size, m.name);
	fclose(f);
	return 0;
}

static int kldload(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: kldload file\n");
		return 1;
	}
	int err = load(argv[1], "");
	if (err) {
		fprintf(stderr, "kldload: can't load %s: %s\n", argv[1],
			err == -EEXIST ? "module already loaded or in kernel" : strerror(-err));
		return 1;
	}
	return 0;
}

static int kldunload(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: kldunload name\n");
		return 1;
	}
	char name[64];
	module_name(argv[1], name, sizeof(name));
	int err = unload(name, O_NONBLOCK);
	if (err) {
		fprintf(stderr, "kldunload: can't unload file: %s\n", strerror(-err));
		return 1;
	}
	return 0;
}

/* The .modinfo section of an ELF relocatable file, read whole. */
static int modinfo(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "Usage:\n\t%s filename\n", prog);
		return 1;
	}
	int fd = open(argv[1], O_RDONLY);
	struct stat st;
	char *img = NULL;
	if (fd >= 0 && fstat(fd, &st) == 0 && (img = malloc(st.st_size + 1)) &&
	    read(fd, img, st.st_size) == st.st_size) {
		unsigned shoff = *(unsigned *)(img + 32);
		unsigned short shnum = *(unsigned short *)(img + 48), shstrndx = *(unsigned short *)(img + 50);
		if (st.st_size > 52 && memcmp(img, "\177ELF", 4) == 0 && shoff + shnum * 40u <= (unsigned)st.st_size &&
		    shstrndx < shnum) {
			const unsigned *sh = (const unsigned *)(img + shoff);
			const char *names = img + sh[shstrndx * 10 + 4];
			printf("%-16s%s\n", "filename:", argv[1]);
			for (unsigned i = 0; i < shnum; i++) {
				if (strcmp(names + sh[i * 10], ".modinfo"))
					continue;
				const char *p = img + sh[i * 10 + 4], *end = p + sh[i * 10 + 5];
				for (; p < end; p += strlen(p) + 1) {
					const char *eq = strchr(p, '=');
					if (!*p || !eq)
						continue;
					char tag[64];
					snprintf(tag, sizeof(tag), "%.*s:", (int)(eq - p), p);
					printf("%-16s%s\n", tag, eq + 1);
				}
			}
			close(fd);
			return 0;
		}
	}
	fprintf(stderr, "%s: ERROR: Module %s not found.\n", prog, argv[1]);
	return 1;
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');
	prog = base ? base + 1 : argv[0];
	if (strcmp(prog, "insmod") == 0)
		return insmod(argc, argv);
	if (strcmp(prog, "rmmod") == 0)
		return rmmod(argc, argv);
	if (strcmp(prog, "lsmod") == 0)
		return lsmod();
	if (strcmp(prog, "modinfo") == 0)
		return modinfo(argc, argv);
	if (strcmp(prog, "kldload") == 0)
		return kldload(argc, argv);
	if (strcmp(prog, "kldunload") == 0)
		return kldunload(argc, argv);
	if (strcmp(prog, "kldstat") == 0)
		return kldstat();
	fprintf(stderr, "%s: call me as insmod, rmmod, lsmod, modinfo, kldload, kldunload or kldstat\n", prog);
	return 1;
}
