/* ramfs_hash.c: a directory's children by name, so that lookup, create and
 * unlink cost the same in a directory of ten entries or of ten thousand. Each
 * directory that has children keeps a table of buckets (chained through the
 * children's i_hash_next) that doubles when it holds twice as many names as
 * buckets; the i_children list stays for readdir's order. */
#include "kernel.h"
#include "fs/ramfs.h"
#include "mm/kmalloc.h"
#include "uapi/errno.h"

#define MIN_BUCKETS 8

struct dir_hash {
	uint32_t nbuckets, count;
	struct inode *buckets[];
};

/* FNV-1a. */
static uint32_t name_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h;
}

static struct inode **bucket_of(struct dir_hash *t, const char *name, size_t len)
{
	return &t->buckets[name_hash(name, len) & (t->nbuckets - 1)];
}

static struct dir_hash *table_alloc(uint32_t nbuckets)
{
	struct dir_hash *t = kzalloc(sizeof(*t) + nbuckets * sizeof(struct inode *));
	if (t)
		t->nbuckets = nbuckets;
	return t;
}

/* Twice the buckets; staying with the old table when memory is short only
 * makes its chains longer. */
static void grow(struct inode *dir)
{
	struct dir_hash *old = dir->i_dir_hash, *t = table_alloc(old->nbuckets * 2);
	if (!t)
		return;
	t->count = old->count;
	for (uint32_t i = 0; i < old->nbuckets; i++) {
		for (struct inode *c = old->buckets[i], *next; c; c = next) {
			next = c->i_hash_next;
			struct inode **b = bucket_of(t, c->i_name, strlen(c->i_name));
			c->i_hash_next = *b;
			*b = c;
		}
	}
	kfree(old);
	dir->i_dir_hash = t;
}

int dir_hash_init(struct inode *dir)
{
	if (!dir->i_dir_hash && !(dir->i_dir_hash = table_alloc(MIN_BUCKETS)))
		return -ENOMEM;
	return 0;
}

void dir_hash_add(struct inode *dir, struct inode *child)
{
	if (dir->i_dir_hash->count >= 2 * dir->i_dir_hash->nbuckets)
		grow(dir);
	struct dir_hash *t = dir->i_dir_hash;
	struct inode **b = bucket_of(t, child->i_name, strlen(child->i_name));
	child->i_hash_next = *b;
	*b = child;
	t->count++;
}

void dir_hash_del(struct inode *dir, struct inode *child)
{
	struct dir_hash *t = dir->i_dir_hash;
	for (struct inode **pp = bucket_of(t, child->i_name, strlen(child->i_name)); *pp; pp = &(*pp)->i_hash_next) {
		if (*pp == child) {
			*pp = child->i_hash_next;
			child->i_hash_next = NULL;
			t->count--;
			return;
		}
	}
}

struct inode *ramfs_find(struct inode *dir, const char *name, size_t len)
{
	struct dir_hash *t = dir->i_dir_hash;
	if (!t)
		return NULL;
	for (struct inode *c = *bucket_of(t, name, len); c; c = c->i_hash_next)
		if (strncmp(c->i_name, name, len) == 0 && c->i_name[len] == '\0')
			return c;
	return NULL;
}

void dir_hash_free(struct inode *dir)
{
	kfree(dir->i_dir_hash);
	dir->i_dir_hash = NULL;
}
