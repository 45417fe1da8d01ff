/* seq_file.h: Linux's seq_file: a file whose contents a driver prints record by
 * record (start/next/stop/show) into a kernel buffer that read() then drains,
 * so that show() never deals with user buffers, offsets or short reads.
 * single_open() covers the common case of one record. */
#ifndef SEQ_FILE_H
#define SEQ_FILE_H

#include "fs/file.h"

struct seq_operations;

struct seq_file {
	char *buf;
	size_t size;                    /* of buf; doubled when a record does not fit */
	size_t from;                    /* unread bytes are buf[from, from + count) */
	size_t count;
	loff_t index;                   /* the iterator position start() and next() see */
	loff_t read_pos;                /* the file offset the buffer corresponds to */
	const struct seq_operations *op;
	void *private;
	struct file *file;
};

struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

#define SEQ_START_TOKEN ((void *)1)
#define SEQ_SKIP 1                      /* show() returning it drops the record */

int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);

void seq_printf(struct seq_file *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);

static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_release(struct inode *inode, struct file *file);

#endif
