/* warn_init.c: a WARN_ON in a module's init: reported from the module's
 * own bug table with its file:line, and the init goes on. */
#include <linux/module.h>

static int __init warn_init_init(void)
{
	WARN_ON(1);
	return 0;
}

static void __exit warn_init_exit(void)
{
}

module_init(warn_init_init);
module_exit(warn_init_exit);
MODULE_LICENSE("GPL");
