/* mount.c: mount(2), umount(2) and umount2(2) for new in-memory file
 * systems: tmpfs (size=, mode=, uid=, gid=) and ramfs (mode=) over a
 * directory, MS_RDONLY/MS_NOSUID/MS_NODEV/MS_NOEXEC, MS_REMOUNT of one of
 * them; umount's EBUSY while a file or a cwd is inside, MNT_DETACH. MS_BIND
 * (MS_REC accepted: a bind takes what is mounted inside along anyway), and
 * second mounts of proc, sysfs, devtmpfs and devpts, which show the same
 * tree (one pid namespace; no devpts newinstance). The mounts themselves
 * are in mounts.c. At boot, /dev/shm
 * is a tmpfs (mode 1777, nosuid, nodev) for POSIX shared memory and semaphores. */
#include "kernel.h"
#include "initcall.h"
#include "fs/ramfs.h"
#include "fs/mounts.h"
#include "fs/namei.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/mount.h"
#include "uapi/stat.h"
#include "uapi/statfs.h"

#define MS_KNOWN (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_SYNCHRONOUS | MS_REMOUNT | MS_MANDLOCK | \
		  MS_DIRSYNC | MS_NOSYMFOLLOW | MS_NOATIME | MS_NODIRATIME | MS_SILENT | MS_RELATIME | \
		  MS_STRICTATIME)
#define MS_KEPT (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC)

static const struct fs_type {
	const char *name;
	uint32_t magic;
	umode_t default_mode;
	bool sized;                     /* takes size=, uid=, gid= */
} fs_types[] = {
	{ "tmpfs", TMPFS_MAGIC, 01777, true },
	{ "ramfs", RAMFS_MAGIC, 0755, false },
};

static bool parse_num(const char *s, size_t len, unsigned base, uint64_t *res)
{
	uint64_t v = 0;
	if (!len)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned d = (unsigned)(s[i] - '0');
		if (d >= base)
			return false;
		v = v * base + d;
	}
	*res = v;
	return true;
}

/* One "key=value" of the options: -EINVAL for a bad or unknown one of tmpfs's. */
static int parse_opt(const char *opt, size_t len, const struct fs_type *t, struct mount_params *p)
{
	size_t klen = 0;
	while (klen < len && opt[klen] != '=')
		klen++;
	size_t vlen = klen < len ? len - klen - 1 : 0;
	const char *val = opt + klen + (klen < len);
	uint64_t v;
	if (klen == 4 && !memcmp(opt, "mode", 4))
		return parse_num(val, vlen, 8, &v) && v <= 07777 ? (p->mode = (umode_t)v, 0) : -EINVAL;
	if (!t->sized)
		return 0;                       /* ramfs ignores what it does not know */
	if (klen == 4 && !memcmp(opt, "size", 4)) {
		uint64_t mul = 1;
		char suffix = vlen ? val[vlen - 1] : 0;
		if (suffix == 'k' || suffix == 'K' || suffix == 'm' || suffix == 'M' || suffix == 'g' || suffix == 'G') {
			mul = suffix == 'k' || suffix == 'K' ? 1024 : suffix == 'm' || suffix == 'M' ? 1 << 20 : 1 << 30;
			vlen--;
		}
		if (!parse_num(val, vlen, 10, &v))
			return -EINVAL;
		p->size = ROUNDUP(v * mul, (uint64_t)PGSIZE);
		return 0;
	}
	if ((klen == 3 && !memcmp(opt, "uid", 3)) || (klen == 3 && !memcmp(opt, "gid", 3))) {
		if (!parse_num(val, vlen, 10, &v) || v > 0xffffffffu)
			return -EINVAL;
		*(opt[0] == 'u' ? &p->uid : &p->gid) = (uint32_t)v;
		return 0;
	}
	return -EINVAL;
}

static int parse_opts(const char __user *udata, const struct fs_type *t, struct mount_params *p)
{
	if (!udata)
		return 0;
	char *data;
	int err = getname(udata, &data);
	if (err < 0)
		return err;
	err = 0;
	for (const char *s = data; *s && !err;) {
		size_t len = 0;
		while (s[len] && s[len] != ',')
			len++;
		if (len)
			err = parse_opt(s, len, t, p);
		s += len + (s[len] == ',');
	}
	putname(data);
	return err;
}

/* The root of the tree, or a directory not in a ramfs-like one, cannot be covered here. */
static bool cannot_cover(struct inode *target)
{
	return target == vfs_root() || !target->i_parent || target->i_parent->i_op->create == NULL;
}

/* MS_BIND: source's inode over target's, both directories or both not. */
static long do_bind(const char __user *usource, struct inode *target)
{
	struct inode *source;
	long err = user_path_at(AT_FDCWD, usource, 0, &source);
	if (err)
		return err;
	if (S_ISDIR(source->i_mode) != S_ISDIR(target->i_mode))
		err = -ENOTDIR;
	else if (cannot_cover(target))
		err = -EBUSY;
	else
		err = mount_bind(target, source, NULL);
	iput(source);
	return err;
}

/* A new tmpfs or ramfs, or another mount of the one proc, sysfs, devtmpfs or devpts. */
static long do_new_mount(const char __user *usource, struct inode *target, const char __user *utype,
			 unsigned long flags, const char __user *udata)
{
	if (!S_ISDIR(target->i_mode))
		return -ENOTDIR;
	char *type = NULL, *source = NULL;
	const struct fs_type *t = NULL;
	struct inode *shared = NULL;
	long err = getname(utype, &type);
	if (err >= 0) {
		for (size_t i = 0; i < ARRAY_SIZE(fs_types); i++)
			if (!strcmp(type, fs_types[i].name))
				t = &fs_types[i];
		if (!t)
			shared = mount_fs_root(type);
		err = t || shared ? 0 : -ENODEV;
	}
	putname(type);
	if (!err && usource && (err = getname(usource, &source)) > 0)
		err = 0;
	struct mount_params p = { .flags = flags & MS_KEPT };
	if (!err && t) {
		p.fstype = t->name;
		p.source = source ? source : "none";
		p.magic = t->magic;
		p.mode = p.default_mode = t->default_mode;
		err = parse_opts(udata, t, &p);
	}
	if (!err && cannot_cover(target))
		err = -EBUSY;
	if (!err)
		err = shared ? mount_bind(target, shared, source ? source : "none") : mount_add(target, &p);
	if (shared)
		iput(shared);
	putname(source);
	return err;
}

static long do_mount(const char __user *usource, const char __user *utarget, const char __user *utype,
		     unsigned long flags, const char __user *udata)
{
	if (current->euid != 0)
		return -EPERM;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	/* As Linux's path_mount, MS_REMOUNT goes before MS_BIND, which goes before MS_MOVE (not here). */
	if (flags & ~(MS_KNOWN | MS_BIND | MS_MOVE | MS_REC) || (flags & (MS_BIND | MS_MOVE)) == MS_MOVE ||
	    (flags & (MS_BIND | MS_REMOUNT)) == (MS_BIND | MS_REMOUNT))
		return -EINVAL;
	struct inode *target;
	long err = user_path_mountpoint(utarget, true, &target);
	if (err)
		return err;
	if (flags & MS_REMOUNT) {
		struct mount_params p = { .flags = flags & MS_KEPT };
		err = mount_remount(target, &p);
	} else if (flags & MS_BIND) {
		err = do_bind(usource, target);
	} else {
		err = do_new_mount(usource, target, utype, flags, udata);
	}
	iput(target);
	return err;
}

SYSCALL_DEFINE5(mount, const char __user *, source, const char __user *, target, const char __user *, type,
		unsigned long, flags, const void __user *, data)
{
	return do_mount(source, target, type, flags, data);
}

static long do_umount(const char __user *utarget, int flags)
{
	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW) ||
	    ((flags & MNT_EXPIRE) && (flags & (MNT_FORCE | MNT_DETACH))))
		return -EINVAL;
	if (current->euid != 0)
		return -EPERM;
	struct inode *target;
	long err = user_path_mountpoint(utarget, !(flags & UMOUNT_NOFOLLOW), &target);
	if (err)
		return err;
	err = mount_remove(target, flags & MNT_DETACH);
	/* The boot's own mounts stay: they are in use. */
	if (err == -EINVAL && mount_is_root(target))
		err = -EBUSY;
	iput(target);
	return err;
}

SYSCALL_DEFINE2(umount2, const char __user *, target, int, flags)
{
	return do_umount(target, flags);
}

SYSCALL_DEFINE1(umount, const char __user *, target)
{
	return do_umount(target, 0);
}

static int dev_shm_init(void)
{
	struct inode *dev, *shm = ramfs_new_inode(S_IFDIR | 0755, 0, 0);
	if (!shm || vfs_lookup("/dev", &dev) || ramfs_attach(dev, shm, "shm", 3))
		panic("mount: cannot make /dev/shm");
	iput(dev);
	const struct fs_type *t = &fs_types[0];
	struct mount_params p = { .source = t->name, .fstype = t->name, .magic = t->magic,
				  .flags = MS_NOSUID | MS_NODEV, .mode = t->default_mode,
				  .default_mode = t->default_mode };
	int err = mount_add(shm, &p);
	iput(shm);
	return err;
}
fs_initcall(dev_shm_init);
