/* dup_export.c: exports dep_a_answer, the name dep_a exports: the loader
 * refuses whichever of the two comes second (ENOEXEC, "exports duplicate
 * symbol"). */
#include <linux/module.h>

int dep_a_answer(int x)
{
	return x;
}
EXPORT_SYMBOL(dep_a_answer);

static int __init dup_export_init(void)
{
	return 0;
}

static void __exit dup_export_exit(void)
{
}

module_init(dup_export_init);
module_exit(dup_export_exit);
MODULE_LICENSE("GPL");
