/* ktest_fs.h: helpers shared by the filesystem's in-kernel tests: acting as
 * a stand-in process (credentials, working directory, kernel buffers through
 * uaccess) and short forms of open, read, write, lookup, mkdir and remove. */
#ifndef KTEST_FS_H
#define KTEST_FS_H

#include "fs/file.h"

void become(uint32_t uid);             /* act as a process of that uid (and gid), cwd / */
void leave(void);                       /* back to the kernel's own context */
struct file *kopen(const char *path, int flags, umode_t mode, int *err);
ssize_t kwrite(struct file *f, const char *s);
/* Reads a whole file in chunks of `chunk` bytes into buf (NUL-terminated). */
ssize_t kread_all(const char *path, char *buf, size_t size, size_t chunk);
int lookup_err(const char *path);
int kmkdir(const char *path, umode_t mode);
int kremove(const char *path, bool dir);

#endif
