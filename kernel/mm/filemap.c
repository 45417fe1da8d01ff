/* filemap.c: the page cache (see filemap.h): the radix tree of a file's
 * frames, read and write straight between them and the caller's buffer,
 * truncation (which first takes the cut pages out of every mapping of the
 * file), and the fault method that file mappings use. */
#include "kernel.h"
#include "x86/tlb.h"
#include "mm/filemap.h"
#include "mm/kmalloc.h"
#include "mm/mm_struct.h"
#include "mm/pmm.h"
#include "mm/vma.h"
#include "proc.h"
#include "uapi/errno.h"
#include "uapi/resource.h"
#include "uapi/signal.h"
#include "x86/x86.h"

#define RADIX_SHIFT 6
#define RADIX_SLOTS (1u << RADIX_SHIFT)
#define MAX_NON_LFS ((loff_t)0x7fffffff)

/* At height 1 the slots are frames (physical addresses), above that nodes. */
struct radix_node {
	void *slots[RADIX_SLOTS];
};

/* Pages one slot at this height spans. */
static uint64_t slot_span(unsigned height)
{
	return (uint64_t)1 << (RADIX_SHIFT * (height - 1));
}

struct address_space *mapping_alloc(void)
{
	return kzalloc(sizeof(struct address_space));
}

uint32_t find_get_page(struct address_space *m, uint32_t index)
{
	if (!m->root || index >= slot_span(m->height) * RADIX_SLOTS)
		return 0;
	struct radix_node *n = m->root;
	for (unsigned h = m->height; h > 1; h--) {
		n = n->slots[(index / slot_span(h)) % RADIX_SLOTS];
		if (!n)
			return 0;
	}
	return (uint32_t)(uintptr_t)n->slots[index % RADIX_SLOTS];
}

int find_or_create_page(struct address_space *m, uint32_t index, uint32_t *pa)
{
	if (!m->root)
		m->height = 1;
	while (index >= slot_span(m->height) * RADIX_SLOTS) {
		if (m->root) {
			struct radix_node *up = kzalloc(sizeof(*up));
			if (!up)
				return -ENOSPC;
			up->slots[0] = m->root;
			m->root = up;
		}
		m->height++;
	}
	void **slot = &m->root;
	for (unsigned h = m->height; ; h--) {
		if (!*slot && !(*slot = kzalloc(sizeof(struct radix_node))))
			return -ENOSPC;
		slot = &((struct radix_node *)*slot)->slots[(index / slot_span(h)) % RADIX_SLOTS];
		if (h == 1)
			break;
	}
	if (!*slot) {
		uint32_t frame = pmm_alloc();
		if (!frame)
			return -ENOSPC;
		memset(P2V(frame), 0, PGSIZE);
		*slot = (void *)(uintptr_t)frame;
		m->nrpages++;
	}
	*pa = (uint32_t)(uintptr_t)*slot;
	return 0;
}

/* Frees the pages at or above from in the subtree covering [base, ...);
 * true when the subtree is then empty. */
static bool free_from(struct address_space *m, struct radix_node *n, unsigned height, uint64_t base,
		      uint64_t from)
{
	bool empty = true;
	for (unsigned i = 0; i < RADIX_SLOTS; i++) {
		uint64_t start = base + i * slot_span(height);
		if (!n->slots[i])
			continue;
		if (start + slot_span(height) <= from) {
			empty = false;
		} else if (height == 1) {
			pmm_free((uint32_t)(uintptr_t)n->slots[i]);
			n->slots[i] = NULL;
			m->nrpages--;
		} else if (free_from(m, n->slots[i], height - 1, start, from)) {
			kfree(n->slots[i]);
			n->slots[i] = NULL;
		} else {
			empty = false;
		}
	}
	return empty;
}

static void truncate_pages(struct address_space *m, uint32_t from)
{
	if (m->root && free_from(m, m->root, m->height, 0, from)) {
		kfree(m->root);
		m->root = NULL;
		m->height = 0;
	}
}

void mapping_free(struct address_space *m)
{
	if (!m)
		return;
	truncate_pages(m, 0);
	kfree(m);
}

ssize_t filemap_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	if (*pos < 0)
		return -EINVAL;
	if (*pos >= inode->i_size || count == 0)
		return 0;
	size_t want = (size_t)MIN((loff_t)count, inode->i_size - *pos), done = 0;
	while (done < want) {
		loff_t at = *pos + (loff_t)done;
		size_t off = (size_t)(at & (PGSIZE - 1)), n = MIN(want - done, PGSIZE - off);
		uint32_t pa = find_get_page(inode->i_mapping, (uint32_t)(at / PGSIZE));
		size_t left = pa ? copy_to_user(buf + done, (char *)P2V(pa) + off, n) : clear_user(buf + done, n);
		done += n - left;
		if (left)
			break;
	}
	if (done == 0)
		return -EFAULT;
	*pos += (loff_t)done;
	return (ssize_t)done;
}

ssize_t filemap_write(struct inode *inode, const char __user *buf, size_t count, loff_t pos)
{
	size_t done = 0;
	int err = 0;
	while (done < count) {
		loff_t at = pos + (loff_t)done;
		size_t off = (size_t)(at & (PGSIZE - 1)), n = MIN(count - done, PGSIZE - off);
		uint32_t pa;
		err = find_or_create_page(inode->i_mapping, (uint32_t)(at / PGSIZE), &pa);
		if (err)
			break;
		size_t left = copy_from_user((char *)P2V(pa) + off, buf + done, n);
		done += n - left;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	if (done == 0)
		return err;
	inode->i_size = MAX(inode->i_size, pos + (loff_t)done);
	return (ssize_t)done;
}

int filemap_write_kernel(struct inode *inode, loff_t pos, const void *src, size_t len)
{
	if (pos < 0 || (uint64_t)pos + len > (uint64_t)MAX_LFS_FILESIZE)
		return -EFBIG;
	if (len == 0)
		return 0;
	bool saved = uaccess_kernel_begin();
	ssize_t n = filemap_write(inode, src, len, pos);
	uaccess_kernel_end(saved);
	return n < 0 ? (int)n : 0;
}

/* Linux's unmap_mapping_pages with even_cows, as truncate_pagecache calls it:
 * every region of every address space that maps page `from` or beyond of m
 * loses those pages, a private region its own copies too, so that every
 * access there is SIGBUS. */
static void unmap_mapping_pages(struct address_space *m, uint32_t from)
{
	for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
		if (p->state == P_UNUSED || !p->mm)
			continue;
		for (struct vm_area *v = p->mm->mmap; v; v = v->next) {
			if (!v->vm_file || v->vm_file->f_inode->i_mapping != m)
				continue;
			uint32_t pages = (v->end - v->start) / PGSIZE;
			if (v->vm_pgoff + pages <= from)
				continue;
			uint32_t first = from > v->vm_pgoff ? from - v->vm_pgoff : 0;
			for (uint32_t i = first; i < pages; i++) {
				uint32_t va = v->start + i * PGSIZE;
				pte_t *pte = vm_walk(p->mm->pgdir, va, false);
				if (!pte || !(*pte & (PTE_P | PTE_NONE)))
					continue;
				uint32_t pa = PTE_ADDR(*pte);
				*pte = 0;
				flush_tlb_page(p->mm->pgdir, va);
				pmm_free(pa);
			}
		}
	}
}

int filemap_truncate(struct inode *inode, loff_t size)
{
	if (size < 0)
		return -EINVAL;
	if (size > MAX_LFS_FILESIZE)
		return -EFBIG;
	struct address_space *m = inode->i_mapping;
	if (size < inode->i_size) {
		uint32_t keep = (uint32_t)(ROUNDUP((uint64_t)size, PGSIZE) / PGSIZE);
		if (m->i_mmap_count)
			unmap_mapping_pages(m, keep);
		truncate_pages(m, keep);
		uint32_t pa = size % PGSIZE ? find_get_page(m, (uint32_t)(size / PGSIZE)) : 0;
		if (pa)
			memset((char *)P2V(pa) + size % PGSIZE, 0, PGSIZE - size % PGSIZE);
	}
	inode->i_size = size;
	return 0;
}

/* Past the end of the file is SIGBUS, as Linux's filemap_fault; a hole inside
 * it gets its (zeroed) page in the cache, so a shared mapping's writes there
 * become the file's. */
int filemap_fault(struct vm_area *vma, struct vm_fault *vmf)
{
	struct inode *inode = vma->vm_file->f_inode;
	if ((loff_t)vmf->pgoff * PGSIZE >= inode->i_size)
		return VM_FAULT_SIGBUS;
	if (find_or_create_page(inode->i_mapping, vmf->pgoff, &vmf->pa))
		return VM_FAULT_OOM;
	pmm_ref(vmf->pa);
	return 0;
}

static const struct vm_operations_struct filemap_vm_ops = {
	.fault = filemap_fault,
};

int generic_file_mmap(struct file *file, struct vm_area *vma)
{
	(void)file;
	vma->vm_ops = &filemap_vm_ops;
	return 0;
}

ssize_t file_write_limit(const struct file *file, loff_t pos, size_t count)
{
	/* The boot thread (KTESTs write files from it) has no limits, as Linux's init_task. */
	uint64_t limit = current->pid ? current->rlim[RLIMIT_FSIZE].rlim_cur : K_RLIM64_INFINITY;
	if (limit != K_RLIM64_INFINITY) {
		if ((uint64_t)pos >= limit) {
			send_signal(current, SIGXFSZ, NULL);
			return -EFBIG;
		}
		count = (size_t)MIN((uint64_t)count, limit - (uint64_t)pos);
	}
	loff_t max = (file->f_flags & O_LARGEFILE) ? MAX_LFS_FILESIZE : MAX_NON_LFS;
	if (pos >= max)
		return -EFBIG;
	return (ssize_t)MIN((loff_t)count, max - pos);
}
