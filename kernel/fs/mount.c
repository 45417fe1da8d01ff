/* mount.c: mount(2), umount(2) and umount2(2) for new in-memory file
 * systems: tmpfs (size=, mode=, uid=, gid=) and ramfs (mode=) over a
 * directory, MS_RDONLY/MS_NOSUID/MS_NODEV/MS_NOEXEC, MS_REMOUNT of one of
 * them; umount's EBUSY while a file or a cwd is inside, MNT_DETACH. Not
 * here: bind mounts and second instances of proc, sysfs, devtmpfs and
 * devpts (ENODEV). The mounts themselves are in mounts.c. At boot, /dev/shm
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

static long do_mount(const char __user *usource, const char __user *utarget, const char __user *utype,
		     unsigned long flags, const char __user *udata)
{
	if (current->euid != 0)
		return -EPERM;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & (MS_BIND | MS_MOVE | MS_REC) || flags & ~(MS_KNOWN | MS_BIND | MS_MOVE | MS_REC))
		return -EINVAL;
	struct inode *target;
	long err = user_path_at(AT_FDCWD, utarget, 0, &target);
	if (err)
		return err;
	char *type = NULL;
	const struct fs_type *t = NULL;
	struct mount_params p = { .flags = flags & MS_KEPT };
	if (flags & MS_REMOUNT) {
		err = mount_remount(target, &p);
		iput(target);
		return err;
	}
	if (!S_ISDIR(target->i_mode))
		err = -ENOTDIR;
	else if ((err = getname(utype, &type)) >= 0) {
		for (size_t i = 0; i < ARRAY_SIZE(fs_types); i++)
			if (!strcmp(type, fs_types[i].name))
				t = &fs_types[i];
		err = t ? 0 : -ENODEV;
	}
	putname(type);
	char *source = NULL;
	if (!err && usource && (err = getname(usource, &source)) > 0)
		err = 0;
	if (!err) {
		p.fstype = t->name;
		p.source = source ? source : "none";
		p.magic = t->magic;
		p.mode = p.default_mode = t->default_mode;
		err = parse_opts(udata, t, &p);
	}
	/* The root of the tree, or a directory not in a ramfs-like one, cannot be covered here. */
	if (!err && (target == vfs_root() || !target->i_parent || target->i_parent->i_op->create == NULL))
		err = -EBUSY;
	if (!err)
		err = mount_add(target, &p);
	putname(source);
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
	long err = user_path_at(AT_FDCWD, utarget, flags & UMOUNT_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0, &target);
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
