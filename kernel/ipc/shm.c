/* ipc/shm.c: SysV shared memory (Linux's ipc/shm.c): shmget, shmat, shmdt,
 * shmctl and /proc/sysvipc/shm. A segment's pages live in the page cache of
 * an inode of its own, filled in when first touched; shmat maps that inode
 * through a file of its own (read-only for SHM_RDONLY, so mprotect cannot
 * make it writable), and the segment's regions count its attachments through
 * their vm_ops open and close, so fork, a split, munmap, exec and exit all
 * keep shm_nattch right. A removed segment (SHM_DEST) goes with its last
 * attachment. */
#include "fs/anon_inode.h"
#include "fs/file.h"
#include "fs/seq_file.h"
#include "ipc/ipc.h"
#include "ipc/util.h"
#include "kernel.h"
#include "mm/filemap.h"
#include "mm/kmalloc.h"
#include "mm/mm_struct.h"
#include "mm/vma.h"
#include "proc.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/mman.h"
#include "uapi/shm.h"

struct shmid_kernel {
	struct kern_ipc_perm shm_perm;
	uint32_t shm_segsz;
	uint32_t shm_atim, shm_dtim, shm_ctim;
	int shm_cprid, shm_lprid;
	unsigned long shm_nattch;
	struct inode *shm_inode;        /* its pages: i_mapping */
};

static struct ipc_ids shm_ids = IPC_IDS_INIT(SHMMNI);
static unsigned long shm_tot;           /* pages in all segments */

static uint32_t seg_pages(const struct shmid_kernel *shp)
{
	return (uint32_t)(((uint64_t)shp->shm_segsz + PGSIZE - 1) / PGSIZE);
}

static struct shmid_kernel *shm_of(struct kern_ipc_perm *perm)
{
	return (struct shmid_kernel *)perm;
}

static void shm_free(struct kern_ipc_perm *perm)
{
	struct shmid_kernel *shp = shm_of(perm);
	shm_tot -= seg_pages(shp);
	mapping_free(shp->shm_inode->i_mapping);
	shp->shm_inode->i_mapping = NULL;
	iput(shp->shm_inode);
	kfree(shp);
}

static void shm_destroy_if_unused(struct shmid_kernel *shp)
{
	if (shp->shm_nattch == 0 && (shp->shm_perm.mode & SHM_DEST))
		ipc_rmid(&shm_ids, &shp->shm_perm);
}

static struct shmid_kernel *vma_shm(struct vm_area *vma)
{
	return vma->vm_file->private_data;
}

static void shm_vm_open(struct vm_area *vma)
{
	struct shmid_kernel *shp = vma_shm(vma);
	shp->shm_atim = ipc_now();
	shp->shm_lprid = ipc_pid();
	shp->shm_nattch++;
}

static void shm_vm_close(struct vm_area *vma)
{
	struct shmid_kernel *shp = vma_shm(vma);
	shp->shm_dtim = ipc_now();
	shp->shm_lprid = ipc_pid();
	shp->shm_nattch--;
	shm_destroy_if_unused(shp);
}

static const struct vm_operations_struct shm_vm_ops = {
	.fault = filemap_fault,
	.open = shm_vm_open,
	.close = shm_vm_close,
};

static int shm_mmap(struct file *file, struct vm_area *vma)
{
	(void)file;
	vma->vm_ops = &shm_vm_ops;
	return 0;
}

static const struct file_operations shm_file_operations = {
	.mmap = shm_mmap,
};

static int newseg(__kernel_key_t key, int shmflg, unsigned long size)
{
	if (size < SHMMIN || size > SHMMAX)
		return -EINVAL;
	unsigned long pages = (unsigned long)(((uint64_t)size + PGSIZE - 1) / PGSIZE);
	if (shm_tot + pages < shm_tot || shm_tot + pages > SHMALL)
		return -ENOSPC;
	struct shmid_kernel *shp = kzalloc(sizeof(*shp));
	char name[16];
	snprintf(name, sizeof name, "SYSV%08x", (unsigned)key);
	struct inode *inode = shp ? anon_inode_alloc(name) : NULL;
	struct address_space *m = inode ? mapping_alloc() : NULL;
	if (!m) {
		if (inode)
			iput(inode);
		kfree(shp);
		return -ENOMEM;
	}
	inode->i_mapping = m;
	inode->i_size = size;
	shp->shm_inode = inode;
	shp->shm_segsz = (uint32_t)size;
	shp->shm_cprid = ipc_pid();
	shp->shm_ctim = ipc_now();
	shp->shm_perm.free = shm_free;
	int r = ipc_addid(&shm_ids, &shp->shm_perm, key, shmflg);
	if (r) {
		mapping_free(m);
		inode->i_mapping = NULL;
		iput(inode);
		kfree(shp);
		return r;
	}
	shm_tot += pages;
	return shp->shm_perm.id;
}

static int shm_more_checks(struct kern_ipc_perm *perm, unsigned long size)
{
	return shm_of(perm)->shm_segsz < size ? -EINVAL : 0;
}

static const struct ipc_ops shm_ops = { .getnew = newseg, .more_checks = shm_more_checks };

long ksys_shmget(__kernel_key_t key, uint32_t size, int shmflg)
{
	return ipcget(&shm_ids, &shm_ops, key, shmflg, size);
}

long do_shmat(int shmid, uint32_t addr, int shmflg, uint32_t *raddr)
{
	if (shmid < 0)
		return -EINVAL;
	int flags = MAP_SHARED;
	if (addr) {
		if (addr & (SHMLBA - 1)) {
			if (!(shmflg & SHM_RND))
				return -EINVAL;
			addr &= ~(uint32_t)(SHMLBA - 1);
			if (!addr && (shmflg & SHM_REMAP))
				return -EINVAL;
		}
		flags |= MAP_FIXED;
	} else if (shmflg & SHM_REMAP) {
		return -EINVAL;
	}
	int prot = PROT_READ, acc_mode = 0444;
	unsigned f_flags = O_RDONLY;
	if (!(shmflg & SHM_RDONLY)) {
		prot |= PROT_WRITE;
		acc_mode |= 0222;
		f_flags = O_RDWR;
	}
	if (shmflg & SHM_EXEC) {
		prot |= PROT_EXEC;
		acc_mode |= 0111;
	}
	struct kern_ipc_perm *perm = ipc_obtain_check(&shm_ids, shmid);
	if (!perm)
		return -EINVAL;
	if (ipcperms(perm, acc_mode))
		return -EACCES;
	struct shmid_kernel *shp = shm_of(perm);
	uint32_t size = shp->shm_segsz;
	if (addr && !(shmflg & SHM_REMAP) &&
	    (addr + size < addr || !vma_range_free(current->mm->mmap, addr, addr + ROUNDUP(size, PGSIZE))))
		return -EINVAL;
	struct file *file = file_alloc(&shm_file_operations, shp->shm_inode, f_flags);
	if (!file)
		return -ENOMEM;
	file->private_data = shp;
	long r = do_mmap(file, addr, size, prot, flags, 0);
	fput(file);                     /* the region holds its own reference */
	if (r < 0 && r > -4096)
		return r;
	*raddr = (uint32_t)r;
	return 0;
}

/* The first region at or above addr that maps a segment from its start at
 * addr (Linux's shmdt looks for the same). */
static struct vm_area *shm_region_at(uint32_t addr, const struct file *file)
{
	for (struct vm_area *v = vma_find(current->mm->mmap, addr); v; v = v->next)
		if (v->vm_ops == &shm_vm_ops && v->start - addr == v->vm_pgoff * PGSIZE &&
		    (!file || v->vm_file == file))
			return v;
	return NULL;
}

long ksys_shmdt(uint32_t addr)
{
	if (addr & (PGSIZE - 1))
		return -EINVAL;
	struct vm_area *v = shm_region_at(addr, NULL);
	if (!v)
		return -EINVAL;
	struct file *file = v->vm_file;
	uint32_t end = addr + ROUNDUP(vma_shm(v)->shm_segsz, PGSIZE);
	/* Every piece of this attachment (mprotect may have split it). */
	while ((v = shm_region_at(addr, file)) && v->start < end)
		vma_unmap(current->pgdir, &current->mm->mmap, v->start, v->end);
	return 0;
}

static void fill_shmid64(const struct shmid_kernel *shp, struct shmid64_ds *out)
{
	*out = (struct shmid64_ds){ .shm_segsz = shp->shm_segsz, .shm_atime = shp->shm_atim,
				    .shm_dtime = shp->shm_dtim, .shm_ctime = shp->shm_ctim,
				    .shm_cpid = shp->shm_cprid, .shm_lpid = shp->shm_lprid,
				    .shm_nattch = shp->shm_nattch };
	ipc_fill_perm64(&shp->shm_perm, &out->shm_perm);
}

static long shm_stat(int id, int cmd, void __user *buf)
{
	struct kern_ipc_perm *perm;
	int r = ipc_obtain_stat(&shm_ids, id, cmd != IPC_STAT, cmd == SHM_STAT_ANY, &perm);
	if (r)
		return r;
	struct shmid64_ds ds;
	fill_shmid64(shm_of(perm), &ds);
	if (copyout(&ds, buf, sizeof ds))
		return -EFAULT;
	return cmd == IPC_STAT ? 0 : perm->id;
}

static long shm_info(int cmd, void __user *buf)
{
	int maxidx = MAX(ipc_get_maxidx(&shm_ids), 0);
	if (cmd == IPC_INFO) {
		struct shminfo64 info = { .shmmax = SHMMAX, .shmmin = SHMMIN, .shmmni = SHMMNI, .shmseg = SHMSEG,
					  .shmall = SHMALL };
		return copyout(&info, buf, sizeof info) ? -EFAULT : maxidx;
	}
	struct shm_info info = { .used_ids = shm_ids.in_use, .shm_tot = shm_tot };
	for (int i = 0; i <= maxidx; i++)
		if (shm_ids.entries[i])
			info.shm_rss += shm_of(shm_ids.entries[i])->shm_inode->i_mapping->nrpages;
	return copyout(&info, buf, sizeof info) ? -EFAULT : maxidx;
}

/* IPC_SET, IPC_RMID, SHM_LOCK and SHM_UNLOCK: the owner's commands. */
static long shmctl_down(int shmid, int cmd, const struct shmid64_ds *in)
{
	struct kern_ipc_perm *perm = ipc_obtain_check(&shm_ids, shmid);
	if (!perm)
		return -EINVAL;
	int r = ipc_check_owner(perm);
	if (cmd == SHM_LOCK || cmd == SHM_UNLOCK) {
		if (r && !capable(CAP_IPC_LOCK))
			return r;
		perm->mode = (unsigned short)(cmd == SHM_LOCK ? perm->mode | SHM_LOCKED : perm->mode & ~SHM_LOCKED);
		return 0;
	}
	if (r)
		return r;
	struct shmid_kernel *shp = shm_of(perm);
	if (cmd == IPC_SET) {
		ipc_update_perm(&in->shm_perm, perm);
		shp->shm_ctim = ipc_now();
		return 0;
	}
	perm->key = IPC_PRIVATE;
	perm->mode |= SHM_DEST;
	shm_destroy_if_unused(shp);
	return 0;
}

long ksys_shmctl(int shmid, int cmd, void __user *buf)
{
	if (cmd < 0 || shmid < 0)
		return -EINVAL;
	struct shmid64_ds in;
	switch (cmd) {
	case IPC_INFO:
	case SHM_INFO:
		return shm_info(cmd, buf);
	case IPC_STAT:
	case SHM_STAT:
	case SHM_STAT_ANY:
		return shm_stat(shmid, cmd, buf);
	case IPC_SET:
		if (copyin(buf, &in, sizeof in))
			return -EFAULT;
		return shmctl_down(shmid, cmd, &in);
	case IPC_RMID:
	case SHM_LOCK:
	case SHM_UNLOCK:
		return shmctl_down(shmid, cmd, NULL);
	default:
		return -EINVAL;
	}
}

static void shm_proc_show(struct seq_file *m, struct kern_ipc_perm *perm)
{
	const struct shmid_kernel *shp = shm_of(perm);
	seq_printf(m, "%10d %10d  %4o %10u %5u %5u  %5lu %5u %5u %5u %5u %10u %10u %10u %10u %10u\n", perm->key,
		   perm->id, perm->mode, shp->shm_segsz, shp->shm_cprid, shp->shm_lprid, shp->shm_nattch, perm->uid,
		   perm->gid, perm->cuid, perm->cgid, shp->shm_atim, shp->shm_dtim, shp->shm_ctim,
		   shp->shm_inode->i_mapping->nrpages * PGSIZE, 0u);
}

int shm_init(void)
{
	return ipc_proc_create("shm", &shm_ids,
			       "       key      shmid perms       size  cpid  lpid nattch   uid   gid  cuid  cgid"
			       "      atime      dtime      ctime        rss       swap\n",
			       shm_proc_show);
}
