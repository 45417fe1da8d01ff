/* filemap.h: the page cache (Linux's address_space and mm/filemap.c): a
 * file's bytes live in whole page frames, found by page index in a radix
 * tree, so a file grows a page at a time, a hole is a missing page that reads
 * as zeros, and mmap hands out the very frames read(2) and write(2) use. The
 * cache holds one reference to each of its frames (pmm.c); every mapping of
 * a frame holds another, so a frame outlives its file's truncation while a
 * private mapping still has it. */
#ifndef FILEMAP_H
#define FILEMAP_H

#include "fs/file.h"

struct vm_area;

struct address_space {
	void *root;             /* a tree node, NULL when the file has no pages */
	unsigned height;        /* the tree covers indices below 64^height */
	uint32_t nrpages;
	int i_mmap_count;       /* regions that map the file (truncate unmaps from them) */
};

/* Linux's MAX_LFS_FILESIZE on 32-bit: every page index fits in 32 bits. */
#define MAX_LFS_FILESIZE ((loff_t)0xffffffffu << 12)

struct address_space *mapping_alloc(void);
/* Frees every page and the mapping itself (the inode is going). */
void mapping_free(struct address_space *m);
/* The frame at index, or 0 for a hole. */
uint32_t find_get_page(struct address_space *m, uint32_t index);
/* The frame at index, a zeroed one added for a hole; -ENOSPC when memory is gone. */
int find_or_create_page(struct address_space *m, uint32_t index, uint32_t *pa);

/* read(2) and write(2) of a page-cache file at *pos, straight between the
 * frames and the (user or kernel_read) buffer. write returns the bytes it
 * moved (a fault part-way ends it short) and grows i_size by them. */
ssize_t filemap_read(struct file *file, char __user *buf, size_t count, loff_t *pos);
ssize_t filemap_write(struct inode *inode, const char __user *buf, size_t count, loff_t pos);
/* Kernel-side write (initramfs, symlink targets): 0 or -errno. */
int filemap_write_kernel(struct inode *inode, loff_t pos, const void *src, size_t len);
/* Sets i_size; shrinking unmaps the pages past the end from every region
 * (private copies too, as Linux: any access there is then SIGBUS), frees
 * them, and zeroes the cut part of the last page. */
int filemap_truncate(struct inode *inode, loff_t size);
/* A file's f_op->mmap for page-cache files (Linux's generic_file_mmap). */
int generic_file_mmap(struct file *file, struct vm_area *vma);
/* Its vm_ops->fault: the cache's page, SIGBUS past i_size. */
struct vm_fault;
int filemap_fault(struct vm_area *vma, struct vm_fault *vmf);

/* The one size check of the write path: how much of count bytes at pos may
 * be written under RLIMIT_FSIZE and the largest file size, or -EFBIG (with
 * SIGXFSZ when the rlimit is what stops it, as Linux's generic_write_check_limits). */
ssize_t file_write_limit(const struct file *file, loff_t pos, size_t count);

#endif
