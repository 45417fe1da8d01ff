/* modify_ldt: writing LDT entries (func 0x11 and the old mode 1) from a
 * struct user_desc and reading them back (func 0: the descriptors Linux's
 * fill_ldt makes, then zeros up to the count asked), the default LDT (func
 * 2), the errors (EINVAL for a bad count, entry or contents 3, EFAULT,
 * ENOSYS); a data segment whose base is a buffer, loaded into %fs and read
 * and written through, as Wine and old threading libraries do; a selector
 * past the table or of a cleared entry gives SIGSEGV, a not-present one
 * SIGBUS; fork copies the table, vfork shares it, exec drops it; clearing
 * the entry in %fs is no crash. Only %fs is used: glibc keeps its TLS in %gs.
 * Not checked, as the two kernels differ: the default LDT's size (i386
 * Linux's 40 bytes, 128 under a 64-bit kernel), and whether %fs reads back
 * null after its entry is cleared (i386 Linux: null, as here); nor segment
 * limits, which QEMU does not enforce. */
#include "check.h"

#include <sched.h>
#include <stdint.h>
#include <uapi/ldt.h>

#define LDT_READ 0
#define LDT_WRITE_OLD 1
#define LDT_READ_DEFAULT 2
#define LDT_WRITE 0x11
#define LDT_SEL(i) (((i) << 3) | 4 | 3)

static uint32_t buf[4] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444 };
static uint32_t table[8192 * 2 + 8];

static long ldt(int func, void *ptr, unsigned long count)
{
	return raw_syscall(__NR_modify_ldt, func, (long)ptr, (long)count);
}

/* A 32-bit writable data segment over buf (limit in bytes). */
static struct user_desc data_seg(unsigned entry, unsigned limit)
{
	return (struct user_desc){ .entry_number = entry, .base_addr = (unsigned)(uintptr_t)buf,
				   .limit = limit, .seg_32bit = 1 };
}

static long write_entry(int func, struct user_desc d)
{
	return ldt(func, &d, sizeof d);
}

static void load_fs(uint16_t sel)
{
	__asm__ volatile("movw %0, %%fs" : : "r"(sel) : "memory");
}

static uint16_t get_fs(void)
{
	uint16_t sel;
	__asm__ volatile("movw %%fs, %0" : "=r"(sel));
	return sel;
}

static uint32_t fs_read(uint32_t off)
{
	uint32_t v;
	__asm__ volatile("movl %%fs:(%1), %0" : "=r"(v) : "r"(off) : "memory");
	return v;
}

static void fs_write(uint32_t off, uint32_t v)
{
	__asm__ volatile("movl %0, %%fs:(%1)" : : "r"(v), "r"(off) : "memory");
}

/* The words of a descriptor for buf: base bits in the low and the high word. */
static uint32_t base_lo(void)
{
	return ((uint32_t)(uintptr_t)buf & 0xffff) << 16;
}

static uint32_t base_hi(void)
{
	uint32_t base = (uint32_t)(uintptr_t)buf;
	return (base & 0xff000000) | ((base >> 16) & 0xff);
}

/* Entry i's two words as modify_ldt reads them back. */
static int entry_is(unsigned i, uint32_t lo, uint32_t hi)
{
	memset(table, 0xa5, sizeof table);
	long n = ldt(LDT_READ, table, (i + 1) * 8);
	return n == (long)(i + 1) * 8 && table[2 * i] == lo && table[2 * i + 1] == hi;
}

static int load_selector(void *arg)
{
	load_fs((uint16_t)(uintptr_t)arg);
	return 0;
}

/* The child's copy: the same segment, and its own writes stay its own. */
static int forked(void *arg)
{
	(void)arg;
	load_fs(LDT_SEL(0));
	if (fs_read(0) != buf[0])
		return 1;
	if (write_entry(LDT_WRITE, data_seg(0, 3)) != 0)
		return 2;
	return entry_is(0, base_lo() | 3, base_hi() | 0x0040f300) ? 0 : 3;
}

/* After exec: no LDT at all. */
static int after_exec(void)
{
	return ldt(LDT_READ, table, 64) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exec"))
		return after_exec();
	CHECK_EQ(ldt(LDT_READ, table, sizeof table), 0, "read before any write: 0 bytes");
	memset(table, 0xa5, 64);
	CHECK_EQ(ldt(LDT_READ_DEFAULT, table, 36), 36, "default LDT: the count asked, up to 40");
	CHECK(table[0] == 0 && table[8] == 0 && table[9] == 0xa5a5a5a5, "zeros, and no more");
	CHECK_EQ(ldt(LDT_READ_DEFAULT, null_ptr(), 8), -EFAULT, "default LDT to a bad pointer: EFAULT");
	CHECK_EQ(ldt(3, table, 8), -ENOSYS, "func 3: ENOSYS");

	struct user_desc d = data_seg(0, 15);
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d - 1), -EINVAL, "write with a short count: EINVAL");
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d + 4), -EINVAL, "a long count: EINVAL");
	CHECK_EQ(ldt(LDT_WRITE, null_ptr(), sizeof d), -EFAULT, "from a bad pointer: EFAULT");
	d.entry_number = 8192;
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), -EINVAL, "entry 8192: EINVAL");
	d = data_seg(1, 15);
	d.contents = 3;
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), -EINVAL, "contents 3, present: EINVAL");
	CHECK_EQ(ldt(LDT_WRITE_OLD, &d, sizeof d), -EINVAL, "contents 3 in the old mode: EINVAL");
	CHECK_EQ(ldt(LDT_READ, table, 8), 0, "the failed writes made no LDT");

	CHECK_EQ(write_entry(LDT_WRITE, data_seg(0, 15)), 0, "entry 0: a data segment over a buffer");
	CHECK(entry_is(0, base_lo() | 15, base_hi() | 0x0040f300), "read back as fill_ldt encodes it");
	memset(table, 0xa5, 64);
	CHECK_EQ(ldt(LDT_READ, table, 64), 64, "a count past the table: that many bytes");
	CHECK(table[2] == 0 && table[15] == 0, "zeros after the one entry");
	CHECK_EQ(ldt(LDT_READ, table, sizeof table), 65536, "a count past 8192 entries: 65536");
	CHECK_EQ(ldt(LDT_READ, null_ptr(), 8), -EFAULT, "read to a bad pointer: EFAULT");

	load_fs(LDT_SEL(0));
	CHECK_EQ(get_fs(), LDT_SEL(0), "selector 7 loaded into %fs");
	CHECK_EQ(fs_read(0), 0x11111111, "%fs:0 is the buffer's first word");
	CHECK_EQ(fs_read(12), 0x44444444, "%fs:12 its last");
	fs_write(4, 0x55555555);
	CHECK_EQ(buf[1], 0x55555555, "a write through %fs lands in the buffer");
	sched_yield();
	usleep(20000);
	CHECK_EQ(get_fs(), LDT_SEL(0), "%fs survives a system call and a sleep");
	CHECK_EQ(fs_read(8), 0x33333333, "and still reads the buffer");

	expect_signal(run_child(load_selector, (void *)LDT_SEL(40)), SIGSEGV, "a selector past the table: SIGSEGV");

	d = data_seg(2, 0xabcde);
	d.base_addr = 0x12345678;
	d.limit_in_pages = 1, d.read_exec_only = 1, d.useable = 1, d.seg_32bit = 0;
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), 0, "entry 2: 16-bit, read-only, page-granular, useable");
	CHECK(entry_is(2, 0x5678bcde, 0x129af134), "encoded with G, AVL, no D and no W");
	CHECK(entry_is(1, 0, 0), "entry 1, never written, reads as zero");
	CHECK_EQ(ldt(LDT_WRITE_OLD, &d, sizeof d), 0, "the same in the old mode");
	CHECK(entry_is(2, 0x5678bcde, 0x128af134), "without the useable bit");
	d = data_seg(3, 1);
	d.contents = 2, d.read_exec_only = 0;
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), 0, "entry 3: a code segment");
	CHECK(entry_is(3, base_lo() | 1, base_hi() | 0x0040fb00), "encoded readable, executable");
	d.contents = 3, d.seg_not_present = 1;
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), 0, "contents 3 not present: allowed");
	CHECK(entry_is(3, base_lo() | 1, base_hi() | 0x00407f00), "conforming code, not present");
	d = data_seg(4, 15);
	d.seg_not_present = 1;
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), 0, "entry 4: a not-present data segment");
	expect_signal(run_child(load_selector, (void *)LDT_SEL(4)), SIGBUS, "loading it: SIGBUS");

	d = (struct user_desc){ .entry_number = 5 };
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), 0, "entry 5 all zero, new mode");
	CHECK(entry_is(5, 0, 0x0000f300), "is a real 16-bit segment at 0");
	CHECK_EQ(ldt(LDT_WRITE_OLD, &d, sizeof d), 0, "all zero in the old mode");
	CHECK(entry_is(5, 0, 0), "clears it");
	d = data_seg(5, 15);
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), 0, "entry 5 rewritten");
	d = (struct user_desc){ .entry_number = 5, .read_exec_only = 1, .seg_not_present = 1 };
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), 0, "the empty form, new mode");
	CHECK(entry_is(5, 0, 0), "clears it too");
	CHECK_EQ(ldt(LDT_READ, table, 48), 48, "the table is 6 entries long");

	expect_exit(run_child(forked, NULL), 0, "fork: the child has a copy it can change");
	CHECK(entry_is(0, base_lo() | 15, base_hi() | 0x0040f300), "the parent's entry 0 is unchanged");
	pid_t pid = vfork();
	if (pid == 0) {
		struct user_desc v = data_seg(6, 7);
		_exit(ldt(LDT_WRITE, &v, sizeof v) ? 1 : 0);
	}
	expect_exit(wait_status(pid), 0, "vfork: the child writes entry 6");
	CHECK(entry_is(6, base_lo() | 7, base_hi() | 0x0040f300), "into the shared table");

	pid = fork();
	if (pid == 0) {
		execl("/proc/self/exe", "modify_ldt", "exec", (char *)NULL);
		_exit(2);
	}
	expect_exit(wait_status(pid), 0, "exec: the new image has no LDT");

	d = (struct user_desc){ .entry_number = 0, .read_exec_only = 1, .seg_not_present = 1 };
	CHECK_EQ(ldt(LDT_WRITE, &d, sizeof d), 0, "entry 0 cleared while in %fs");
	expect_signal(run_child(load_selector, (void *)LDT_SEL(0)), SIGSEGV, "loading the cleared entry: SIGSEGV");
	return done();
}
