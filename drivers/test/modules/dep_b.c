/* dep_b.c: uses dep_a's export; its init fails unless the call works. */
#include <linux/errno.h>
#include <linux/module.h>

int dep_a_answer(int x);

static int __init dep_b_init(void)
{
	int v = dep_a_answer(2);
	pr_info("dep_b: dep_a_answer(2) = %d\n", v);
	return v == 42 ? 0 : -EINVAL;
}

static void __exit dep_b_exit(void)
{
}

module_init(dep_b_init);
module_exit(dep_b_exit);
MODULE_LICENSE("GPL");
