/* cmdline.c: the kernel command line, split into words once at boot. Words
 * `key=value` configure the kernel and, as on Linux, become init's environment. */
#include "kernel.h"
#include "cmdline.h"

#define CMDLINE_MAX 4096            /* `ktest=` may name every in-kernel test */
#define MAX_WORDS 32

static char buf[CMDLINE_MAX];
static const char *words[MAX_WORDS];
static int nwords;

void cmdline_init(const char *s)
{
	strlcpy(buf, s ? s : "", sizeof(buf));
	char *p = buf;
	/* GRUB and QEMU put the kernel's own path first; it is not an option. */
	bool first = true;
	while (*p && nwords < MAX_WORDS) {
		while (*p == ' ')
			*p++ = 0;
		if (!*p)
			break;
		if (!(first && *p == '/'))
			words[nwords++] = p;
		first = false;
		while (*p && *p != ' ')
			p++;
	}
}

const char *cmdline_get(const char *key)
{
	size_t n = strlen(key);
	for (int i = 0; i < nwords; i++)
		if (strncmp(words[i], key, n) == 0 && words[i][n] == '=')
			return words[i] + n + 1;
	return NULL;
}

bool cmdline_has(const char *word)
{
	for (int i = 0; i < nwords; i++)
		if (strcmp(words[i], word) == 0)
			return true;
	return false;
}

int cmdline_words(const char **out, int max)
{
	int n = MIN(nwords, max);
	for (int i = 0; i < n; i++)
		out[i] = words[i];
	return n;
}
