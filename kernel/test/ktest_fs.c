/* ktest_fs.c: in-kernel tests of the filesystem core: path lookup, creating,
 * renaming and removing names and their errors, permissions, links,
 * initramfs unpacking, directory iteration, and heap leaks. */
#include "kernel.h"
#include "mm/kmalloc.h"
#include "mm/pmm.h"
#include "test/ktest.h"
#include "test/ktest_fs.h"
#include "fs/namei.h"
#include "proc.h"
#include "fs/ramfs.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"
KTEST(fs_lookup_create_unlink)
{
	become(0);
	int err;
	KCHECK(kmkdir("/tmp/kt", 0755) == 0);
	struct file *f = kopen("/tmp/kt/a", O_CREAT | O_RDWR, 0644, &err);
	KCHECK(f != NULL);
	if (!f)
		goto out;
	KCHECK(kwrite(f, "hello") == 5);
	struct inode *a, *b;
	KCHECK(vfs_lookup("/tmp/kt/./a", &a) == 0);
	KCHECK(vfs_lookup("//tmp/../tmp/kt/a", &b) == 0);
	KCHECK(a == b && a == f->f_inode && a->i_size == 5);
	iput(b);
	KCHECK(vfs_lookup("/tmp/kt", &b) == 0);
	current->fs->cwd = b;
	KCHECK(lookup_err("a") == 0 && lookup_err("../kt/a") == 0);
	char cwd[64];
	KCHECK(vfs_getcwd(cwd, sizeof(cwd)) == 8 && strcmp(cwd, "/tmp/kt") == 0);
	KCHECK(vfs_getcwd(cwd, 5) == -ERANGE);
	/* Unlinked but open: the data stays until the last reference goes. */
	KCHECK(kremove("a", false) == 0);
	KCHECK(lookup_err("a") == -ENOENT && a->i_nlink == 0);
	char buf[8] = { 0 };
	KCHECK(kernel_read(f, buf, sizeof(buf), 0) == 5 && memcmp(buf, "hello", 5) == 0);
	iput(a);
	fput(f);
	KCHECK(kremove("/tmp/kt", true) == 0);
	/* The current directory is gone: lookups in it fail, getcwd says so. */
	KCHECK(lookup_err("..") == -ENOENT);
	KCHECK(vfs_getcwd(cwd, sizeof(cwd)) == -ENOENT);
out:
	leave();
}

KTEST(fs_errors)
{
	become(0);
	int err;
	KCHECK(kmkdir("/tmp/ke", 0755) == 0);
	struct file *f = kopen("/tmp/ke/f", O_CREAT | O_WRONLY, 0644, &err);
	KCHECK(f != NULL);
	if (f) {
		/* A length past the largest file (16 TiB) is refused, not wrapped. */
		KCHECK(f->f_inode->i_op->truncate(f->f_inode, (1LL << 44) + 16) == -EFBIG);
		KCHECK(f->f_inode->i_size == 0);
		fput(f);
	}
	KCHECK(lookup_err("/tmp/ke/f/x") == -ENOTDIR);
	KCHECK(lookup_err("/tmp/ke/f/") == -ENOTDIR);
	KCHECK(lookup_err("/tmp/ke/missing") == -ENOENT);
	KCHECK(lookup_err("/tmp/ke/missing/x") == -ENOENT);
	KCHECK(lookup_err("") == -ENOENT);
	KCHECK(!kopen("/tmp/ke/f", O_CREAT | O_EXCL | O_WRONLY, 0644, &err) && err == -EEXIST);
	KCHECK(!kopen("/tmp/ke", O_WRONLY, 0, &err) && err == -EISDIR);
	KCHECK(!kopen("/tmp/ke", O_CREAT | O_RDONLY, 0, &err) && err == -EISDIR);
	KCHECK(!kopen("/tmp/ke/f", O_RDONLY | O_DIRECTORY, 0, &err) && err == -ENOTDIR);
	KCHECK(kmkdir("/tmp/ke", 0755) == -EEXIST);
	KCHECK(kmkdir("/tmp/ke/f/d", 0755) == -ENOTDIR);
	KCHECK(kremove("/tmp/ke", true) == -ENOTEMPTY);
	KCHECK(kremove("/tmp/ke/f", true) == -ENOTDIR);
	KCHECK(kremove("/tmp/ke", false) == -EISDIR);
	KCHECK(kremove("/tmp/ke/.", true) == -EINVAL);
	KCHECK(kremove("/", true) == -EBUSY);
	KCHECK(!kopen("/tmp/ke/n", O_CREAT | O_DIRECTORY, 0644, &err) && err == -EINVAL);
	KCHECK(lookup_err("/tmp/ke/n") == -ENOENT);
	char longname[300] = "/tmp/";
	memset(longname + 5, 'x', 256);
	KCHECK(lookup_err(longname) == -ENAMETOOLONG);
	KCHECK(kremove("/tmp/ke/f", false) == 0);
	KCHECK(kremove("/tmp/ke", true) == 0);
	leave();
}

KTEST(fs_permissions)
{
	become(0);
	int err;
	struct file *f = kopen("/tmp/kp_root", O_CREAT | O_WRONLY, 0600, &err);
	KCHECK(f != NULL);
	if (f)
		fput(f);
	become(1000);
	KCHECK(!kopen("/tmp/kp_root", O_RDONLY, 0, &err) && err == -EACCES);
	f = kopen("/tmp/kp_user", O_CREAT | O_WRONLY, 0644, &err);
	KCHECK(f != NULL && f->f_inode->i_uid == 1000);
	if (f)
		fput(f);
	KCHECK(kmkdir("/dev/kp", 0755) == -EACCES);
	/* /tmp is sticky: another user may not remove it, its owner may. */
	become(1001);
	KCHECK(kremove("/tmp/kp_user", false) == -EPERM);
	become(1000);
	KCHECK(kremove("/tmp/kp_user", false) == 0);
	KCHECK(kremove("/tmp/kp_root", false) == -EPERM);
	become(0);
	KCHECK(kremove("/tmp/kp_root", false) == 0);
	leave();
}

static bool kcreate(const char *path)
{
	int err;
	struct file *f = kopen(path, O_CREAT | O_WRONLY, 0644, &err);
	if (f)
		fput(f);
	return f != NULL;
}

KTEST(fs_rename)
{
	become(0);
	KCHECK(kmkdir("/tmp/kr", 0755) == 0 && kmkdir("/tmp/kr/d", 0755) == 0 && kmkdir("/tmp/kr/e", 0755) == 0);
	KCHECK(kcreate("/tmp/kr/a") && kcreate("/tmp/kr/b"));
	struct inode *a, *in;
	KCHECK(vfs_lookup("/tmp/kr/a", &a) == 0);
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/a", AT_FDCWD, "/tmp/kr/b") == 0);
	KCHECK(lookup_err("/tmp/kr/a") == -ENOENT);
	KCHECK(vfs_lookup("/tmp/kr/b", &in) == 0 && in == a);
	iput(in);
	iput(a);
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/b", AT_FDCWD, "/tmp/kr/d/c") == 0);
	KCHECK(lookup_err("/tmp/kr/d/c") == 0);
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/missing", AT_FDCWD, "/tmp/kr/x") == -ENOENT);
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/d", AT_FDCWD, "/tmp/kr/d/sub") == -EINVAL);
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/e", AT_FDCWD, "/tmp/kr/d") == -ENOTEMPTY);
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/e", AT_FDCWD, "/tmp/kr/d/c") == -ENOTDIR);
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/d/c", AT_FDCWD, "/tmp/kr/e") == -EISDIR);
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/d/c", AT_FDCWD, "/proc/c") == -EXDEV);
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/d/c", AT_FDCWD, "/tmp/kr/d/c") == 0);
	/* A directory moves with its contents and its ".." follows. */
	KCHECK(vfs_rename_at(AT_FDCWD, "/tmp/kr/d", AT_FDCWD, "/tmp/kr/e/d2") == 0);
	KCHECK(vfs_lookup("/tmp/kr/e/d2/../..", &in) == 0);
	KCHECK(vfs_lookup("/tmp/kr", &a) == 0 && in == a && a->i_nlink == 3);
	iput(in);
	iput(a);
	KCHECK(kremove("/tmp/kr/e/d2/c", false) == 0 && kremove("/tmp/kr/e/d2", true) == 0);
	KCHECK(kremove("/tmp/kr/e", true) == 0 && kremove("/tmp/kr", true) == 0);
	leave();
}

KTEST(fs_symlink)
{
	become(0);
	int err;
	struct file *f = kopen("/tmp/ks_target", O_CREAT | O_WRONLY, 0644, &err);
	KCHECK(f != NULL);
	if (f)
		fput(f);
	struct nameidata nd;
	struct inode *link = NULL;
	KCHECK(vfs_lookup_parent(AT_FDCWD, "/tmp/ks_link", &nd) == 0);
	KCHECK(vfs_create(&nd, S_IFLNK | 0777, 0, true, &link) == 0);
	nameidata_put(&nd);
	if (!link)
		goto out;
	KCHECK(ramfs_write_data(link, 0, "ks_target", 9) == 0);
	iput(link);
	struct inode *a, *b;
	KCHECK(vfs_lookup_at(AT_FDCWD, "/tmp/ks_link", true, &a) == 0 && S_ISREG(a->i_mode));
	KCHECK(vfs_lookup_at(AT_FDCWD, "/tmp/ks_link", false, &b) == 0 && S_ISLNK(b->i_mode));
	char buf[16];
	KCHECK(b->i_op->readlink(b, buf, sizeof(buf)) == 9 && memcmp(buf, "ks_target", 9) == 0);
	iput(a);
	iput(b);
	KCHECK(!kopen("/tmp/ks_link", O_RDONLY | O_NOFOLLOW, 0, &err) && err == -ELOOP);
	KCHECK(kremove("/tmp/ks_link", false) == 0);
	KCHECK(kremove("/tmp/ks_target", false) == 0);
out:
	leave();
}

/* Appends one newc entry to the archive at a + *off. */
static void cpio_add(char *a, size_t *off, const char *name, umode_t mode, uint32_t rmaj, uint32_t rmin,
		     const char *data)
{
	size_t nlen = strlen(name) + 1, dlen = strlen(data);
	*off += (size_t)snprintf(a + *off, 111, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
				 1u, (unsigned)mode, 0u, 0u, 1u, 0u, (unsigned)dlen, 0u, 0u,
				 (unsigned)rmaj, (unsigned)rmin, (unsigned)nlen, 0u);
	memcpy(a + *off, name, nlen);
	*off = ROUNDUP(*off + nlen, 4);
	memcpy(a + *off, data, dlen);
	*off = ROUNDUP(*off + dlen, 4);
}

KTEST(fs_initramfs)
{
	become(0);
	char *a = kzalloc(4096);
	size_t off = 0;
	cpio_add(a, &off, "kcpio", S_IFDIR | 0750, 0, 0, "");
	cpio_add(a, &off, "kcpio/f", S_IFREG | 0640, 0, 0, "contents");
	cpio_add(a, &off, "kcpio/l", S_IFLNK | 0777, 0, 0, "f");
	cpio_add(a, &off, "TRAILER!!!", 0, 0, 0, "");
	off += 8;               /* zero padding, then a second archive */
	cpio_add(a, &off, "./kcpio/dev", S_IFCHR | 0600, 250, 7, "");
	cpio_add(a, &off, "kcpio/f", S_IFREG | 0600, 0, 0, "replaced");
	cpio_add(a, &off, "TRAILER!!!", 0, 0, 0, "");
	KCHECK(initramfs_unpack(a, off) == 0);
	struct inode *in;
	KCHECK(vfs_lookup("/kcpio", &in) == 0 && in->i_mode == (S_IFDIR | 0750));
	iput(in);
	char buf[32];
	KCHECK(kread_all("/kcpio/l", buf, sizeof(buf), 3) == 8 && strcmp(buf, "replaced") == 0);
	KCHECK(vfs_lookup("/kcpio/f", &in) == 0 && in->i_mode == (S_IFREG | 0600));
	iput(in);
	KCHECK(vfs_lookup("/kcpio/dev", &in) == 0 && S_ISCHR(in->i_mode) && in->i_rdev == MKDEV(250, 7));
	iput(in);
	KCHECK(initramfs_unpack("070701zz", 8) == -EINVAL);
	for (const char *p = "/kcpio/dev\0/kcpio/l\0/kcpio/f\0"; *p; p += strlen(p) + 1)
		KCHECK(kremove(p, false) == 0);
	KCHECK(kremove("/kcpio", true) == 0);
	kfree(a);
	leave();
}

struct names_seen {
	struct dir_context ctx;
	int count, dots;
	bool found;
};

static bool count_actor(struct dir_context *ctx, const char *name, size_t len, loff_t next_pos,
			uint64_t ino, unsigned int type)
{
	(void)next_pos, (void)ino;
	struct names_seen *s = container_of(ctx, struct names_seen, ctx);
	s->count++;
	s->dots += (len == 1 && name[0] == '.') || (len == 2 && memcmp(name, "..", 2) == 0);
	s->found |= len == 5 && memcmp(name, "kd_f2", 5) == 0 && type == 8 /* DT_REG */;
	return s->count < 3;    /* a small "buffer": stop after every third entry */
}

KTEST(fs_iterate)
{
	become(0);
	int err;
	const char *names[] = { "/tmp/kd/kd_f1", "/tmp/kd/kd_f2", "/tmp/kd/kd_f3" };
	KCHECK(kmkdir("/tmp/kd", 0755) == 0);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct file *f = kopen(names[i], O_CREAT | O_WRONLY, 0644, &err);
		if (f)
			fput(f);
	}
	struct file *d = kopen("/tmp/kd", O_RDONLY | O_DIRECTORY, 0, &err);
	KCHECK(d != NULL);
	if (!d)
		goto out;
	struct names_seen s = { .ctx = { .actor = count_actor } };
	int total = 0;
	for (int round = 0; round < 4; round++) {
		s.count = 0;
		KCHECK(d->f_op->iterate(d, &s.ctx) == 0);
		total += s.count - (s.count == 3);     /* the refused one comes again */
	}
	KCHECK(total == 5 && s.dots == 2 && s.found);
	fput(d);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		KCHECK(kremove(names[i], false) == 0);
	KCHECK(kremove("/tmp/kd", true) == 0);
out:
	leave();
}

KTEST(fs_no_leak)
{
	become(0);
	int err;
	size_t before = kmalloc_in_use();
	for (int i = 0; i < 50; i++) {
		struct file *f = kopen("/tmp/kl", O_CREAT | O_RDWR, 0644, &err);
		if (!f)
			break;
		for (int k = 0; k < 20; k++)
			kwrite(f, "0123456789abcdef0123456789abcdef");
		KCHECK(kremove("/tmp/kl", false) == 0);
		fput(f);
	}
	KCHECK(kmalloc_in_use() == before);
	leave();
}

/* Writing until memory is gone ends in ENOSPC, with the file as big as what
 * was written; truncating it gives every page back. */
KTEST(fs_enospc)
{
	become(0);
	int err;
	size_t free_before = pmm_free_pages();
	struct file *f = kopen("/tmp/kfull", O_CREAT | O_RDWR, 0644, &err);
	KCHECK(f != NULL);
	if (!f)
		goto out;
	static char chunk[65536];
	ssize_t n;
	loff_t total = 0;
	while ((n = f->f_op->write(f, chunk, sizeof chunk, &f->f_pos)) > 0)
		total += n;
	KCHECK(n == -ENOSPC);
	KCHECK(total > (loff_t)(free_before / 2) * PGSIZE);
	KCHECK(f->f_inode->i_size == total);
	KCHECK(f->f_inode->i_op->truncate(f->f_inode, 0) == 0);
	KCHECK(kremove("/tmp/kfull", false) == 0);
	fput(f);
	KCHECK(pmm_free_pages() == free_before);
out:
	leave();
}
