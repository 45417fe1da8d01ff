/* robust_list: at exit, each futex on the process's robust list that it
 * still owns gets FUTEX_OWNER_DIED with the owner cleared (FUTEX_WAITERS
 * kept), as Linux: another process sharing the memory sees the owner died.
 * Futexes owned by others, and the pending one when it is 0, stay as they
 * are. The list is user memory read through the uaccess layer: a kernel
 * address or a list that never ends back at its head ends the walk, not the
 * kernel. set_robust_list takes only the i386 head size; get_robust_list
 * returns what was set. */
#include "check.h"

#include <stdint.h>

#define FUTEX_WAITERS_    0x80000000u
#define FUTEX_OWNER_DIED_ 0x40000000u

/* In a shared page: a head, four entries (next, then the futex word at +4). */
struct shared {
	uint32_t head[3];               /* list, futex_offset, list_op_pending */
	struct {
		uint32_t next, word;
	} e[5];
};

static struct shared *sh;

static long set_list(void *head, long len)
{
	return raw_syscall(__NR_set_robust_list, (long)head, len, 0);
}

static int owner_dies(void *unused)
{
	(void)unused;
	uint32_t me = (uint32_t)getpid();
	sh->head[0] = (uint32_t)&sh->e[0];
	sh->head[1] = 4;
	sh->head[2] = (uint32_t)&sh->e[4];
	sh->e[0] = (typeof(sh->e[0])){ (uint32_t)&sh->e[1], me };
	sh->e[1] = (typeof(sh->e[0])){ (uint32_t)&sh->e[2], me | FUTEX_WAITERS_ };
	sh->e[2] = (typeof(sh->e[0])){ (uint32_t)&sh->e[3], 12345 };
	sh->e[3] = (typeof(sh->e[0])){ (uint32_t)sh->head, me };
	sh->e[4] = (typeof(sh->e[0])){ 0, 0 };
	if (set_list(sh->head, 12) != 0)
		return 2;
	uint32_t head = 0, len = 0;
	if (raw_syscall(__NR_get_robust_list, 0, (long)&head, (long)&len) != 0 ||
	    head != (uint32_t)sh->head || len != 12)
		return 3;
	return 0;
}

static int bad_head(void *unused)
{
	(void)unused;
	return set_list((void *)0xC0001000u, 12) == 0 ? 5 : 6;
}

static int endless(void *unused)
{
	(void)unused;
	sh->head[0] = (uint32_t)&sh->e[0];
	sh->head[1] = 4;
	sh->head[2] = 0;
	sh->e[0] = (typeof(sh->e[0])){ (uint32_t)&sh->e[0], (uint32_t)getpid() };
	return set_list(sh->head, 12) == 0 ? 7 : 8;
}

int main(void)
{
	sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK_EQ(set_list(sh->head, 11), -EINVAL, "set_robust_list with another size: EINVAL");
	expect_exit(run_child(owner_dies, NULL), 0, "set_robust_list, get_robust_list reads it back");
	CHECK_EQ(sh->e[0].word, FUTEX_OWNER_DIED_, "an owned futex: FUTEX_OWNER_DIED, no owner");
	CHECK_EQ(sh->e[1].word, FUTEX_OWNER_DIED_ | FUTEX_WAITERS_, "... FUTEX_WAITERS kept");
	CHECK_EQ(sh->e[2].word, 12345, "another owner's futex is untouched");
	CHECK_EQ(sh->e[3].word, FUTEX_OWNER_DIED_, "the last entry too");
	CHECK_EQ(sh->e[4].word, 0, "the pending one at 0 is untouched");
	expect_exit(run_child(bad_head, NULL), 5, "a kernel address as the head: a normal exit");
	expect_exit(run_child(endless, NULL), 7, "a list that loops: a normal exit");
	CHECK_EQ(sh->e[0].word, FUTEX_OWNER_DIED_, "... its futex marked once");
	return done();
}
