/* procfs.h: /proc as Linux drivers know it: proc_create() with a struct
 * proc_ops, proc_mkdir(), remove_proc_entry(), pde_data(). The entries are
 * nodes of the in-memory tree; /proc also lists the live processes. */
#ifndef PROCFS_H
#define PROCFS_H

#include "fs/file.h"

struct seq_file;
struct seq_operations;

struct proc_ops {
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*proc_write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
};

struct proc_dir_entry {
	struct inode *inode;            /* its node: the entry is freed with it, after removal and last close */
	const struct proc_ops *proc_ops;
	void *data;
	int (*single_show)(struct seq_file *m, void *v);        /* proc_create_single */
	const struct seq_operations *seq_ops;                   /* proc_create_seq */
};

/* parent NULL means /proc. A mode without permission bits means 0444. NULL on failure. */
struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *ops);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					const struct proc_ops *ops, void *data);
/* A seq_file entry printed by one show() call (single_open), or by an iterator;
 * pde_data / seq_file->private is data. */
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data);
struct proc_dir_entry *proc_create_seq_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					    const struct seq_operations *ops, void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)
#define proc_create_seq(name, mode, parent, ops) proc_create_seq_data(name, mode, parent, ops, NULL)
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
/* Removes the entry and everything below it. */
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
void proc_remove(struct proc_dir_entry *pde);
void proc_set_size(struct proc_dir_entry *pde, loff_t size);
void proc_set_user(struct proc_dir_entry *pde, uint32_t uid, uint32_t gid);
/* The data given to proc_create_data, from the entry's inode (in proc_open). */
void *pde_data(const struct inode *inode);

/* Builds /proc (vfs_init calls it). */
void procfs_init(void);

/* Linux's proc_symlink: a link in parent (NULL: /proc) whose target is dest. */
struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent, const char *dest);

/* proc_pid.c: the per-process directories that the /proc directory shows. */
int proc_pid_lookup(struct inode *proc_root, const char *name, size_t len, struct inode **res);
bool proc_pid_emit(struct dir_context *ctx, loff_t first_pos);
struct proc;
int proc_pid_dir(struct inode *parent, struct proc *p, const char *name, size_t len, struct inode **res);
int proc_parse_pid(const char *name, size_t len);
void proc_pid_evict(struct inode *inode);
uint32_t proc_pid_ino(int pid, size_t entry);
/* proc_task.c: /proc/PID/task, a directory per thread of the group. */
extern const struct inode_operations proc_task_iops;
extern const struct file_operations proc_task_fops;
/* For the files below a process's directory: a node below dir (which it
 * references) for process p, made on lookup (i_nlink 0) with
 * proc_pid_evict as its evict; the pid a node was made for. */
struct inode *proc_pid_node(struct inode *dir, const struct proc *p, umode_t mode, uint32_t ino);
int proc_inode_pid(const struct inode *inode);
/* A readlink method's answer: target, cut at size (no NUL). */
int proc_copy_link(char *buf, size_t size, const char *target);

/* proc_fd.c: /proc/PID/fd/ (a magic link per open fd) and /proc/PID/fdinfo/. */
extern const struct inode_operations proc_fd_iops, proc_fdinfo_iops;
extern const struct file_operations proc_fd_fops, proc_fdinfo_fops;

/* proc_limits.c: /proc/PID/limits in Linux's table. */
struct k_rlimit64;
void proc_limits_show(struct seq_file *m, const struct k_rlimit64 *rlim);

#endif
