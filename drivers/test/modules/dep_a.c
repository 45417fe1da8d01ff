/* dep_a.c: exports a function that dep_b uses: dep_b depends on it. */
#include <linux/module.h>

int dep_a_answer(int x)
{
	return x + 40;
}
EXPORT_SYMBOL(dep_a_answer);

static int __init dep_a_init(void)
{
	return 0;
}

static void __exit dep_a_exit(void)
{
}

module_init(dep_a_init);
module_exit(dep_a_exit);
MODULE_LICENSE("GPL");
