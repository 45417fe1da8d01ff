/* stdio.h: buffered streams and formatted output. */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>
#include <uapi/fs.h>		/* SEEK_SET, SEEK_CUR, SEEK_END */

typedef struct __file FILE;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

#define EOF (-1)
#define BUFSIZ 4096
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

#define __printflike(f, a) __attribute__((format(printf, f, a)))

FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *popen(const char *command, const char *mode);
int pclose(FILE *f);
FILE *freopen(const char *path, const char *mode, FILE *f);
int fclose(FILE *f);
int fflush(FILE *f);
void flockfile(FILE *f);
void funlockfile(FILE *f);
int ftrylockfile(FILE *f);
size_t fread(void *buf, size_t size, size_t n, FILE *f);
size_t fwrite(const void *buf, size_t size, size_t n, FILE *f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
char *fgets(char *s, int size, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);
int ungetc(int c, FILE *f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);
int fseek(FILE *f, long off, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void setbuf(FILE *f, char *buf);
int remove(const char *path);
int rename(const char *from, const char *to);
void perror(const char *s);

int printf(const char *fmt, ...) __printflike(1, 2);
int fprintf(FILE *f, const char *fmt, ...) __printflike(2, 3);
int dprintf(int fd, const char *fmt, ...) __printflike(2, 3);
int sprintf(char *buf, const char *fmt, ...) __printflike(2, 3);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printflike(3, 4);
int asprintf(char **out, const char *fmt, ...) __printflike(2, 3);
int vprintf(const char *fmt, va_list ap) __printflike(1, 0);
int vfprintf(FILE *f, const char *fmt, va_list ap) __printflike(2, 0);
int vdprintf(int fd, const char *fmt, va_list ap) __printflike(2, 0);
int vsprintf(char *buf, const char *fmt, va_list ap) __printflike(2, 0);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) __printflike(3, 0);
int vasprintf(char **out, const char *fmt, va_list ap) __printflike(2, 0);

#endif
