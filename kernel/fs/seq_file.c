/* seq_file.c: Linux's seq_file read loop. read() first drains what an earlier
 * call left in the buffer; then it shows records into the buffer (doubling
 * it when one record does not fit) and copies them out. An lseek or a read at
 * another offset replays the records from the start up to that offset. */
#include "kernel.h"
#include "mm/kmalloc.h"
#include "fs/seq_file.h"
#include "uapi/errno.h"

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->op = op;
	m->file = file;
	file->private_data = m;
	return 0;
}

int seq_release(struct inode *inode, struct file *file)
{
	(void)inode;
	struct seq_file *m = file->private_data;
	kfree(m->buf);
	kfree(m);
	return 0;
}

static bool seq_grow(struct seq_file *m)
{
	kfree(m->buf);
	m->size = m->size ? m->size * 2 : PGSIZE;
	m->buf = kmalloc(m->size);
	m->count = 0;
	return m->buf != NULL;
}

/* Replays the records up to offset, leaving the rest of the record there in the buffer. */
static int traverse(struct seq_file *m, loff_t offset)
{
	loff_t pos = 0;
	int err = 0;
	m->index = 0;
	m->count = m->from = 0;
	if (!offset)
		return 0;
	if (!m->buf && !seq_grow(m))
		return -ENOMEM;
	void *p = m->op->start(m, &m->index);
	while (p) {
		err = m->op->show(m, p);
		if (err < 0)
			break;
		if (err) {
			err = 0;
			m->count = 0;
		}
		if (seq_has_overflowed(m)) {
			m->op->stop(m, p);
			return seq_grow(m) ? -EAGAIN : -ENOMEM;
		}
		p = m->op->next(m, p, &m->index);
		if (pos + (loff_t)m->count > offset) {
			m->from = (size_t)(offset - pos);
			m->count -= m->from;
			break;
		}
		pos += m->count;
		m->count = 0;
		if (pos == offset)
			break;
	}
	m->op->stop(m, p);
	return err;
}

static int seek_to(struct seq_file *m, loff_t offset)
{
	int err;
	while ((err = traverse(m, offset)) == -EAGAIN)
		;
	if (err) {
		m->read_pos = m->index = 0;
		m->count = 0;
		return err;
	}
	m->read_pos = offset;
	return 0;
}

ssize_t seq_read(struct file *file, char __user *ubuf, size_t size, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	size_t copied = 0;
	int err = 0;
	if (!size)
		return 0;
	/* Reading from 0 starts over: the iterator may have moved on. */
	if (*ppos == 0) {
		m->index = 0;
		m->count = 0;
	}
	if (*ppos != m->read_pos && (err = seek_to(m, *ppos)))
		return err;
	if (!m->buf && !seq_grow(m))
		return -ENOMEM;
	if (m->count) {
		size_t n = MIN(m->count, size);
		if (copy_to_user(ubuf, m->buf + m->from, n))
			return -EFAULT;
		m->count -= n;
		m->from += n;
		copied += n;
		if (m->count || copied == size)
			goto done;
	}
	/* Get one non-empty record into the buffer. */
	m->from = 0;
	void *p = m->op->start(m, &m->index);
	for (;;) {
		if (!p)
			break;
		err = m->op->show(m, p);
		if (err < 0)
			break;
		if (err)
			m->count = 0;
		if (!m->count) {
			p = m->op->next(m, p, &m->index);
			continue;
		}
		if (!seq_has_overflowed(m))
			goto fill;
		m->op->stop(m, p);
		if (!seq_grow(m))
			return copied ? (ssize_t)copied : -ENOMEM;
		p = m->op->start(m, &m->index);
	}
	m->op->stop(m, p);
	m->count = 0;
	goto done;
fill:
	/* Add records while they fit and the caller wants more; the iterator
	 * advances once for every record shown. */
	for (;;) {
		size_t offs = m->count;
		loff_t pos = m->index;
		p = m->op->next(m, p, &m->index);
		if (pos == m->index)
			m->index++;
		if (!p || m->count >= size - copied)
			break;
		err = m->op->show(m, p);
		if (err > 0) {
			m->count = offs;
		} else if (err || seq_has_overflowed(m)) {
			m->count = offs;
			break;
		}
	}
	m->op->stop(m, p);
	size_t n = MIN(m->count, size - copied);
	if (copy_to_user(ubuf + copied, m->buf, n))
		err = -EFAULT;
	else
		copied += n;
	m->count -= n;
	m->from = n;
done:
	if (!copied)
		return err;
	*ppos += copied;
	m->read_pos += copied;
	return (ssize_t)copied;
}

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	/* A seq file is made as it is read: it knows no end to seek from. */
	offset = llseek_pos(file, offset, whence, INT64_MAX, -1);
	if (offset < 0)
		return offset;
	if (offset != m->read_pos) {
		int err = seek_to(m, offset);
		if (err) {
			file->f_pos = 0;
			return err;
		}
	}
	file->f_pos = offset;
	return offset;
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len >= m->size) {
		m->count = m->size;     /* overflowed: seq_read retries with a bigger buffer */
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	size_t room = m->size - m->count;
	int n = kvsnprintf(m->buf + m->count, room, fmt, ap);
	va_end(ap);
	m->count = (size_t)n < room ? m->count + (size_t)n : m->size;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

static void *single_start(struct seq_file *m, loff_t *pos)
{
	(void)m;
	return *pos ? NULL : SEQ_START_TOKEN;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	(void)m, (void)v;
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
	(void)m, (void)v;
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data)
{
	struct seq_operations *op = kmalloc(sizeof(*op));
	if (!op)
		return -ENOMEM;
	*op = (struct seq_operations){ single_start, single_stop, single_next, show };
	int err = seq_open(file, op);
	if (err) {
		kfree(op);
		return err;
	}
	((struct seq_file *)file->private_data)->private = data;
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op = ((struct seq_file *)file->private_data)->op;
	int err = seq_release(inode, file);
	kfree((void *)op);
	return err;
}
