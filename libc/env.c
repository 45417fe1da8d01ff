/* env.c: the environment: environ, getenv, setenv, unsetenv, putenv, clearenv. The initial
 * environ points into the kernel-built stack; the first change copies the array to the heap so it
 * can grow (the strings themselves are never freed, since callers may still hold them). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

char **environ;
static char **owned;	/* environ, when it is our heap copy */

/* Index of name in environ, or the number of entries when absent. */
static size_t find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; environ && environ[i]; i++)
		if (!strncmp(environ[i], name, len) && environ[i][len] == '=')
			break;
	return i;
}

char *getenv(const char *name)
{
	size_t len = strlen(name), i = find(name, len);

	return environ && environ[i] ? environ[i] + len + 1 : NULL;
}

static int valid_name(const char *name)
{
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

/* Stores entry at index i, growing (and on first use copying) the array when i is past the end. */
static int store(size_t i, char *entry)
{
	if (!environ || !environ[i]) {
		char **n = realloc(owned, (i + 2) * sizeof *n);

		if (!n)
			return -1;
		if (n != environ && environ != owned)
			memcpy(n, environ, i * sizeof *n);
		n[i + 1] = NULL;
		environ = owned = n;
	}
	environ[i] = entry;
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t len, vlen, i;
	char *entry;

	if (!valid_name(name))
		return -1;
	len = strlen(name);
	i = find(name, len);
	if (environ && environ[i] && !overwrite)
		return 0;
	vlen = strlen(value);
	if (!(entry = malloc(len + vlen + 2)))
		return -1;
	memcpy(entry, name, len);
	entry[len] = '=';
	memcpy(entry + len + 1, value, vlen + 1);
	if (store(i, entry) < 0) {
		free(entry);
		return -1;
	}
	return 0;
}

int putenv(char *string)
{
	const char *eq = strchr(string, '=');

	if (!eq)
		return unsetenv(string);
	return store(find(string, (size_t)(eq - string)), string);
}

int unsetenv(const char *name)
{
	size_t len, i;

	if (!valid_name(name))
		return -1;
	len = strlen(name);
	/* Removing entries in place is fine even in the kernel-built array. */
	while (environ && environ[i = find(name, len)])
		do
			environ[i] = environ[i + 1];
		while (environ[i++]);
	return 0;
}

int clearenv(void)
{
	free(owned);
	environ = owned = NULL;
	return 0;
}
