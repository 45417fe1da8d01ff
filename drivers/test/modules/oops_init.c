/* oops_init.c: faults in its init (a NULL write): an oops that kills the
 * loading process and leaves the module unlisted. */
#include <linux/module.h>

static int *volatile nowhere;

static int __init oops_init_init(void)
{
	*nowhere = 1;
	return 0;
}

module_init(oops_init_init);
MODULE_LICENSE("GPL");
