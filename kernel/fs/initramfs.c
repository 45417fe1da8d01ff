/* initramfs.c: unpacks cpio "newc" archives (what tools/mkcpio.py writes, and
 * what Linux's initramfs takes) into the root: directories, regular files,
 * symlinks and device nodes. Several archives may follow one another, as
 * when a boot loader concatenates them; zero padding between them is skipped. */
#include "kernel.h"
#include "mm/kmalloc.h"
#include "fs/namei.h"
#include "fs/ramfs.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

#define CPIO_HDR_LEN 110

struct cpio_entry {
	umode_t mode;
	uint32_t uid, gid, mtime, filesize, rdevmajor, rdevminor, namesize;
	const char *name;               /* inside the archive, NUL-terminated */
	const char *data;
};

static bool parse_hex(const char *s, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < 8; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return false;
		v = v << 4 | (uint32_t)d;
	}
	*out = v;
	return true;
}

/* Parses the entry at off; returns the offset after it, or 0 if it is malformed. */
static size_t parse_entry(const char *a, size_t size, size_t off, struct cpio_entry *e)
{
	if (size - off < CPIO_HDR_LEN ||
	    (memcmp(a + off, "070701", 6) != 0 && memcmp(a + off, "070702", 6) != 0))
		return 0;
	uint32_t f[13];
	for (int i = 0; i < 13; i++)
		if (!parse_hex(a + off + 6 + 8 * i, &f[i]))
			return 0;
	e->mode = f[1];
	e->uid = f[2];
	e->gid = f[3];
	e->mtime = f[5];
	e->filesize = f[6];
	e->rdevmajor = f[9];
	e->rdevminor = f[10];
	e->namesize = f[11];
	size_t name_off = off + CPIO_HDR_LEN;
	if (e->namesize == 0 || e->namesize > size - name_off || a[name_off + e->namesize - 1] != '\0')
		return 0;
	e->name = a + name_off;
	size_t data_off = ROUNDUP(name_off + e->namesize, 4);
	if (data_off > size || e->filesize > size - data_off)
		return 0;
	e->data = a + data_off;
	return MIN(ROUNDUP(data_off + e->filesize, 4), size);
}

/* An existing directory keeps its contents; anything else is replaced. */
static int make_node(const struct cpio_entry *e, const char *path)
{
	struct nameidata nd;
	int err = vfs_lookup_parent(AT_FDCWD, path, &nd);
	if (err)
		return err;
	struct inode *old = ramfs_find(nd.dir, nd.name, nd.len), *inode = NULL;
	if (old && S_ISDIR(old->i_mode) && S_ISDIR(e->mode))
		inode = iget(old);
	else if (old)
		err = vfs_remove(&nd, S_ISDIR(old->i_mode), false);
	if (!err && !inode)
		err = vfs_create(&nd, e->mode, MKDEV(e->rdevmajor, e->rdevminor), false, &inode);
	nameidata_put(&nd);
	if (err)
		return err;
	inode->i_mode = e->mode;
	inode->i_uid = e->uid;
	inode->i_gid = e->gid;
	if ((S_ISREG(e->mode) || S_ISLNK(e->mode)) && e->filesize)
		err = ramfs_write_data(inode, 0, e->data, e->filesize);
	inode->i_mtime = e->mtime;
	iput(inode);
	return err;
}

static bool supported(umode_t mode)
{
	return S_ISDIR(mode) || S_ISREG(mode) || S_ISLNK(mode) || S_ISCHR(mode) ||
	       S_ISBLK(mode) || S_ISFIFO(mode) || S_ISSOCK(mode);
}

int initramfs_unpack(const void *data, size_t size)
{
	const char *a = data;
	size_t off = 0;
	int files = 0;
	char *path = kmalloc(PATH_MAX);
	if (!path)
		return -ENOMEM;
	while (off < size) {
		if (a[off] == '\0') {   /* padding between concatenated archives */
			off += 4;
			continue;
		}
		struct cpio_entry e;
		size_t next = parse_entry(a, size, off, &e);
		if (!next) {
			pr_warn("initramfs: malformed entry at offset %u\n", (unsigned)off);
			kfree(path);
			return -EINVAL;
		}
		off = next;
		if (strcmp(e.name, "TRAILER!!!") == 0)
			continue;
		const char *name = e.name;
		while (name[0] == '.' && name[1] == '/')
			name += 2;
		if (strcmp(name, ".") == 0 || !*name)
			continue;
		if (strlen(name) + 2 > PATH_MAX) {
			pr_warn("initramfs: name too long at offset %u\n", (unsigned)off);
			continue;
		}
		if (!supported(e.mode)) {
			pr_warn("initramfs: %s: unknown file type %#o\n", name, e.mode);
			continue;
		}
		snprintf(path, PATH_MAX, "/%s", name);
		int err = make_node(&e, path);
		if (err)
			pr_warn("initramfs: %s: error %d\n", path, err);
		else
			files++;
	}
	kfree(path);
	pr_info("initramfs: %d entries unpacked\n", files);
	return 0;
}
