/* ktest_core.c: in-kernel tests of the boot-time core: the page allocator, the
 * heap, the page tables and the formatter. The "broken" tests exist to prove
 * that the harness notices a panic, a fault, a hang and a failed check. */
#include "kernel.h"
#include "mm/kmalloc.h"
#include "test/ktest.h"
#include "mm/pmm.h"
#include "mm/vm.h"
#include "mm/vma.h"
#include "uapi/errno.h"

KTEST(pmm_alloc_free)
{
	size_t before = pmm_free_pages();
	uint32_t a = pmm_alloc(), b = pmm_alloc();
	KCHECK(a && b && a != b);
	KCHECK(a % PGSIZE == 0 && b % PGSIZE == 0);
	KCHECK(pmm_free_pages() == before - 2);
	uint32_t run = pmm_alloc_contig(16);
	KCHECK(run != 0);
	pmm_free_contig(run, 16);
	pmm_free(a);
	pmm_free(b);
	KCHECK(pmm_free_pages() == before);
	KCHECK(pmm_total_pages() > 1000);
}

KTEST(kmalloc_sizes)
{
	static const size_t sizes[] = { 1, 15, 16, 17, 100, 2048, 2049, 4096, 10000, 70000 };
	void *p[ARRAY_SIZE(sizes)];
	size_t before = kmalloc_in_use();
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		p[i] = kmalloc(sizes[i]);
		KCHECK(p[i] != NULL);
		memset(p[i], (int)i + 1, sizes[i]);
	}
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		const unsigned char *c = p[i];
		KCHECK(c[0] == i + 1 && c[sizes[i] - 1] == i + 1);
	}
	KCHECK(((uintptr_t)p[9] & (PGSIZE - 1)) == 0);
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++)
		kfree(p[i]);
	KCHECK(kmalloc_in_use() == before);
}

/* Slab pages go back to the page allocator once all their objects are free. */
KTEST(kmalloc_returns_pages)
{
	static void *objs[2000];
	size_t free0 = pmm_free_pages();
	for (size_t i = 0; i < ARRAY_SIZE(objs); i++)
		objs[i] = kmalloc(16 << (i % 8));
	KCHECK(pmm_free_pages() < free0 - 100);
	for (size_t i = 0; i < ARRAY_SIZE(objs); i += 2)
		kfree(objs[i]);
	for (size_t i = 1; i < ARRAY_SIZE(objs); i += 2)
		kfree(objs[i]);
	KCHECK(pmm_free_pages() == free0);
}

KTEST(kmalloc_reuse)
{
	void *keep = kmalloc(64);       /* holds the slab page, which would go back empty */
	void *a = kmalloc(64);
	kfree(a);
	void *b = kmalloc(64);
	KCHECK(a == b);
	kfree(b);
	kfree(keep);
	char *z = kzalloc(300);
	bool zero = true;
	for (int i = 0; i < 300; i++)
		zero &= z[i] == 0;
	KCHECK(zero);
	kfree(z);
}

KTEST(page_tables)
{
	size_t before = pmm_free_pages();
	pde_t *pd = pgdir_create();
	KCHECK(pd != NULL);
	KCHECK(vm_alloc_range(pd, 0x08048000, 0x0804a000, PTE_U | PTE_W, false) == 0);
	pte_t *pte = vm_walk(pd, 0x08049000, false);
	KCHECK(pte && (*pte & PTE_P) && (*pte & PTE_U));
	KCHECK(vm_walk(pd, 0x10000000, false) == NULL);
	KCHECK(vm_kaddr(pd, 0x08048000) != NULL);
	KCHECK(vm_kaddr(pd, 0x0804a000) == NULL);
	*(uint32_t *)P2V(PTE_ADDR(*pte)) = 0xfeedface;
	pde_t *copy = vm_copy(pd);
	pte_t *cpte = vm_walk(copy, 0x08049000, false);
	/* fork shares the frame, read-only on both sides, with two references. */
	KCHECK(cpte && PTE_ADDR(*cpte) == PTE_ADDR(*pte));
	KCHECK(!(*cpte & PTE_W) && !(*pte & PTE_W));
	KCHECK(pmm_refcount(PTE_ADDR(*pte)) == 2);
	KCHECK(*(uint32_t *)P2V(PTE_ADDR(*cpte)) == 0xfeedface);
	vm_protect_range(pd, 0x08048000, 0x08049000, 0);
	KCHECK(!(*vm_walk(pd, 0x08048000, false) & PTE_P));
	vm_unmap_range(pd, 0x08048000, 0x08049000);
	KCHECK(vm_kaddr(pd, 0x08048000) == NULL);
	KCHECK(pd[KERNBASE >> 22] == kpgdir[KERNBASE >> 22]);
	pgdir_free(copy);
	pgdir_free(pd);
	KCHECK(pmm_free_pages() == before);
}

static int vma_count(const struct vm_area *v)
{
	int n = 0;
	for (; v; v = v->next)
		n++;
	return n;
}

/* Regions split where an operation cuts them and merge back when equal. */
KTEST(vma_split_merge)
{
	size_t heap = kmalloc_in_use(), pages = pmm_free_pages();
	pde_t *pd = pgdir_create();
	struct vm_area *list = NULL;
	uint32_t a = 0x10000000, rw = VM_READ | VM_WRITE;
	KCHECK(pd && vma_insert(&list, a, a + 4 * PGSIZE, rw) == 0);
	KCHECK(vma_insert(&list, a + 4 * PGSIZE, a + 6 * PGSIZE, rw) == 0);
	KCHECK(vma_count(list) == 1 && list->end == a + 6 * PGSIZE);
	KCHECK(vm_alloc_range(pd, a, a + 6 * PGSIZE, PTE_U | PTE_W, false) == 0);
	KCHECK(vma_set_flags(pd, &list, a + PGSIZE, a + 2 * PGSIZE, VM_PROT, VM_READ) == 0);
	KCHECK(vma_count(list) == 3 && !(*vm_walk(pd, a + PGSIZE, false) & PTE_W));
	KCHECK(vma_set_flags(pd, &list, a + PGSIZE, a + 2 * PGSIZE, VM_PROT, rw) == 0);
	KCHECK(vma_count(list) == 1);
	KCHECK(vma_set_flags(pd, &list, a, a + 7 * PGSIZE, 0, VM_LOCKED) == -ENOMEM);
	KCHECK(vma_unmap(pd, &list, a + 2 * PGSIZE, a + 3 * PGSIZE) == 0);
	KCHECK(vma_count(list) == 2 && vm_kaddr(pd, a + 2 * PGSIZE) == NULL);
	KCHECK(vma_find(list, a + 2 * PGSIZE)->start == a + 3 * PGSIZE);
	KCHECK(vma_total(list, 0) == 5 * PGSIZE);
	bool ok;
	struct vm_area *copy = vma_dup(list, &ok);
	KCHECK(ok && vma_count(copy) == 2);
	vma_free_all(&copy);
	KCHECK(vma_unmap(pd, &list, a, a + 6 * PGSIZE) == 0 && list == NULL);
	pgdir_free(pd);
	KCHECK(kmalloc_in_use() == heap && pmm_free_pages() == pages);
}

KTEST(printf_format)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%d|%5d|%-4d|%05d|%u", -42, 7, 3, -12, 4000000000u);
	KCHECK(strcmp(buf, "-42|    7|3   |-0012|4000000000") == 0);
	snprintf(buf, sizeof(buf), "%x|%X|%08x|%o|%p", 0xbeef, 0xbeef, 0x1f, 8, (void *)0xc0100000);
	KCHECK(strcmp(buf, "beef|BEEF|0000001f|10|0xc0100000") == 0);
	snprintf(buf, sizeof(buf), "%s|%.3s|%6s|%-3s|%c%%", "abc", "abcdef", "xy", "z", 'Q');
	KCHECK(strcmp(buf, "abc|abc|    xy|z  |Q%") == 0);
	snprintf(buf, sizeof(buf), "%lld|%llu|%llx", -9000000000LL, 18446744073709551615ULL, 0x123456789abULL);
	KCHECK(strcmp(buf, "-9000000000|18446744073709551615|123456789ab") == 0);
	KCHECK(snprintf(buf, 4, "%s", "truncated") == 9 && strcmp(buf, "tru") == 0);
	snprintf(buf, sizeof(buf), "%#x|%#X|%#o|%#x", 0x30, 0xab, 8, 0);
	KCHECK(strcmp(buf, "0x30|0XAB|010|0") == 0);
}

KTEST_BROKEN(broken_panic)
{
	panic("deliberate panic to test the harness");
}

/* What a buggy driver does: the harness must name this function in its report. */
KTEST_BROKEN(broken_null)
{
	volatile int *volatile p = NULL;
	*p = 1;
}

KTEST_BROKEN(broken_hang)
{
	for (;;)
		__asm__ volatile("hlt");
}

KTEST_BROKEN(broken_fail)
{
	KCHECK(1 + 1 == 3);
}
