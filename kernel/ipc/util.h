/* ipc/util.h: what SysV shared memory, semaphores and message queues share
 * (Linux's ipc/util.c): every object starts with a struct kern_ipc_perm and
 * lives in its kind's struct ipc_ids, found by key (the *get calls) or by id
 * (everything else); the permission checks; IPC_STAT's and IPC_SET's
 * ipc64_perm; the time stamps. The kernel is uniprocessor and system calls
 * run under the big kernel lock, so the tables need no lock of their own. */
#ifndef IPC_UTIL_H
#define IPC_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include "uapi/ipc.h"

/* Linux's IPCMNI: an id is seq * IPCMNI + slot. */
#define IPCMNI 32768
/* The slots there are here for each kind (Linux's SHMMNI; SEMMNI and MSGMNI
 * are larger, but a teaching machine never has that many). */
#define IPC_SLOTS 4096

struct kern_ipc_perm {
	int id;
	bool deleted;           /* IPC_RMID'ed: gone from its table */
	__kernel_key_t key;
	uint32_t uid, gid, cuid, cgid;
	unsigned short mode;
	unsigned short seq;
	/* The table holds one reference; a sleeper holds one while it sleeps
	 * on a set or queue, so its wake-up can still see `deleted`. */
	int refcount;
	void (*free)(struct kern_ipc_perm *perm);
};

struct ipc_ids {
	int in_use;
	unsigned short seq;
	int last_idx;
	int max;                /* slots the kind allows (its *MNI) */
	struct kern_ipc_perm *entries[IPC_SLOTS];
};

#define IPC_IDS_INIT(mni) { .last_idx = -1, .max = (mni) < IPC_SLOTS ? (mni) : IPC_SLOTS }

/* The *get calls, after a search by key: how an existing object is checked
 * (Linux's more_checks and the rest of ipcget_public) and a new one made. */
struct ipc_ops {
	/* A new object with key and flg's mode: its id, or -errno. */
	int (*getnew)(__kernel_key_t key, int flg, unsigned long arg);
	/* An existing one: 0 or -errno (the size or count too small). */
	int (*more_checks)(struct kern_ipc_perm *perm, unsigned long arg);
};
int ipcget(struct ipc_ids *ids, const struct ipc_ops *ops, __kernel_key_t key, int flg, unsigned long arg);

/* Fills in a new object's owner, mode and key and puts it in a free slot:
 * 0 (perm->id set) or -ENOSPC. */
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *perm, __kernel_key_t key, int flg);
/* The object with this id, or NULL (Linux then says EINVAL). */
struct kern_ipc_perm *ipc_obtain_check(struct ipc_ids *ids, int id);
/* *_STAT's argument is a slot, not an id. */
struct kern_ipc_perm *ipc_obtain_slot(struct ipc_ids *ids, int idx);
/* The object IPC_STAT (by id) or *_STAT (by slot) reports, after the read
 * check that *_STAT_ANY skips: 0 with *out set, -EINVAL or -EACCES. */
int ipc_obtain_stat(struct ipc_ids *ids, int id, bool by_slot, bool any, struct kern_ipc_perm **out);
/* The highest slot in use, or -1: what IPC_INFO and *_INFO return. */
int ipc_get_maxidx(const struct ipc_ids *ids);
/* Takes the object out of its table (deleted set) and drops the table's reference. */
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *perm);
void ipc_get(struct kern_ipc_perm *perm);
void ipc_put(struct kern_ipc_perm *perm);

/* Linux's ipcperms: 0 if the caller has flag's access (S_IRUGO, S_IWUGO
 * and the like), else -EACCES. */
int ipcperms(const struct kern_ipc_perm *perm, int flag);
/* IPC_SET and IPC_RMID: the owner, the creator or CAP_SYS_ADMIN, else -EPERM. */
int ipc_check_owner(const struct kern_ipc_perm *perm);
void ipc_fill_perm64(const struct kern_ipc_perm *in, struct ipc64_perm *out);
/* IPC_SET: the new owner and mode bits. */
void ipc_update_perm(const struct ipc64_perm *in, struct kern_ipc_perm *out);
/* The id and the version (IPC_64 or 0) of a *ctl command through ipc(2). */
int ipc_parse_version(int *cmd);

/* Seconds since the epoch, for the *_time fields. */
uint32_t ipc_now(void);
/* The caller's process id, for the *pid fields. */
int ipc_pid(void);

/* The /proc/sysvipc/NAME file that lists ids's objects: show prints one. */
struct seq_file;
int ipc_proc_create(const char *name, struct ipc_ids *ids, const char *header,
		    void (*show)(struct seq_file *m, struct kern_ipc_perm *perm));

#endif
