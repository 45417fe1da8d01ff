/* ldt.c: modify_ldt and the per-address-space LDT, as Linux's
 * arch/x86/kernel/ldt.c: func 0 reads the LDT, 1 (old mode) and 0x11 write
 * one entry from a struct user_desc, 2 reads i386's default LDT (five zero
 * descriptors). The table is allocated on the first write and grows to the
 * highest entry written (at most LDT_ENTRIES); fork copies it, exec drops
 * it with the old address space, threads share it. A user loads a selector
 * (index << 3 | 4 | 3) into a segment register; the selectors a process has
 * loaded are checked on its way back to ring 3 after each write (trap.c). */
#include "kernel.h"
#include "x86/ldt.h"
#include "mm/kmalloc.h"
#include "mm/mm_struct.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"

bool ldt_zero(const struct user_desc *info)
{
	return !info->base_addr && !info->limit && !info->contents && !info->read_exec_only &&
	       !info->seg_32bit && !info->limit_in_pages && !info->seg_not_present && !info->useable;
}

bool ldt_empty(const struct user_desc *info)
{
	return !info->base_addr && !info->limit && !info->contents && info->read_exec_only &&
	       !info->seg_32bit && !info->limit_in_pages && info->seg_not_present && !info->useable;
}

struct segdesc fill_ldt(const struct user_desc *info)
{
	uint8_t access = DESC_ACCESSED | (info->read_exec_only ? 0 : DESC_DATA_WRITABLE) |
			 (uint8_t)(info->contents << 2) | DESC_S | DESC_DPL(3) |
			 (info->seg_not_present ? 0 : DESC_PRESENT);
	uint8_t flags = (info->useable ? DESC_AVL : 0) | (info->seg_32bit ? DESC_DB : 0) |
			(info->limit_in_pages ? DESC_GRANULARITY_4K : 0);
	return make_segdesc(info->base_addr, info->limit, access, flags);
}

static struct ldt_struct *alloc_ldt(unsigned int n)
{
	struct ldt_struct *ldt = kzalloc(sizeof(*ldt) + n * LDT_ENTRY_SIZE);
	if (ldt)
		ldt->nr_entries = n;
	return ldt;
}

int ldt_dup(struct mm_struct *mm, const struct mm_struct *old)
{
	if (!old->ldt)
		return 0;
	mm->ldt = alloc_ldt(old->ldt->nr_entries);
	if (!mm->ldt)
		return -ENOMEM;
	memcpy(mm->ldt->entries, old->ldt->entries, old->ldt->nr_entries * LDT_ENTRY_SIZE);
	return 0;
}

void load_mm_ldt(const struct mm_struct *mm)
{
	const struct ldt_struct *ldt = mm ? mm->ldt : NULL;
	gdt_load_ldt(ldt ? ldt->entries : NULL, ldt ? ldt->nr_entries : 0);
}

void ldt_free(struct mm_struct *mm)
{
	for (struct ldt_struct *ldt = mm->ldt, *prev; ldt; ldt = prev) {
		prev = ldt->prev;
		kfree(ldt);
	}
	mm->ldt = NULL;
}

const struct segdesc *ldt_entry(const struct mm_struct *mm, unsigned int idx)
{
	return mm && mm->ldt && idx < mm->ldt->nr_entries ? &mm->ldt->entries[idx] : NULL;
}

/* The entries there are, then zeros up to bytecount (at most the whole
 * table's size), as Linux: that many bytes "read"; 0 with no LDT. */
static long read_ldt(void __user *ptr, unsigned long bytecount)
{
	const struct ldt_struct *ldt = current->mm->ldt;
	if (!ldt)
		return 0;
	bytecount = MIN(bytecount, (unsigned long)LDT_ENTRIES * LDT_ENTRY_SIZE);
	unsigned long size = MIN(bytecount, (unsigned long)ldt->nr_entries * LDT_ENTRY_SIZE);
	if (copyout(ldt->entries, ptr, size) || clear_user((char __user *)ptr + size, bytecount - size))
		return -EFAULT;
	return (long)bytecount;
}

static long read_default_ldt(void __user *ptr, unsigned long bytecount)
{
	unsigned long n = MIN(bytecount, 5ul * LDT_ENTRY_SIZE);
	return clear_user(ptr, n) ? -EFAULT : (long)n;
}

/* After a change, every thread of the address space reloads the LDT (one on
 * another CPU may hold a table this write replaced) and checks its selectors
 * on its way back to user mode (a cleared entry's become null). A thread
 * running in user mode on another CPU passes there at its next tick at the
 * latest; Linux asks those CPUs at once with an IPI (flush_ldt). */
static void ldt_changed(const struct mm_struct *mm)
{
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].mm == mm)
			proc_table[i].exit_work |= EXIT_WORK_SELECTORS;
}

/* Linux's write_ldt. Old mode (func 1) clears an entry given a zero base
 * and limit and never sets the "useable" bit; contents 3 (conforming code)
 * only as a not-present entry in the new mode. */
static long write_ldt(const void __user *ptr, unsigned long bytecount, bool oldmode)
{
	struct user_desc info;
	if (bytecount != sizeof(info))
		return -EINVAL;
	if (copyin(ptr, &info, sizeof(info)))
		return -EFAULT;
	if (info.entry_number >= LDT_ENTRIES)
		return -EINVAL;
	if (info.contents == 3 && (oldmode || !info.seg_not_present))
		return -EINVAL;
	struct segdesc desc = { 0 };
	if (!(oldmode && !info.base_addr && !info.limit) && !ldt_empty(&info)) {
		if (oldmode)
			info.useable = 0;
		desc = fill_ldt(&info);
	}
	struct mm_struct *mm = current->mm;
	struct ldt_struct *ldt = mm->ldt;
	if (!ldt || info.entry_number >= ldt->nr_entries) {
		ldt = alloc_ldt(info.entry_number + 1);
		if (!ldt)
			return -ENOMEM;
		if (mm->ldt)
			memcpy(ldt->entries, mm->ldt->entries, mm->ldt->nr_entries * LDT_ENTRY_SIZE);
		ldt->prev = mm->ldt;
		__atomic_store_n(&mm->ldt, ldt, __ATOMIC_RELEASE);
	}
	ldt->entries[info.entry_number] = desc;
	load_mm_ldt(mm);
	ldt_changed(mm);
	return 0;
}

SYSCALL_DEFINE3(modify_ldt, int, func, void __user *, ptr, unsigned long, bytecount)
{
	switch (func) {
	case 0:
		return read_ldt(ptr, bytecount);
	case 1:
		return write_ldt(ptr, bytecount, true);
	case 2:
		return read_default_ldt(ptr, bytecount);
	case 0x11:
		return write_ldt(ptr, bytecount, false);
	default:
		return -ENOSYS;
	}
}
