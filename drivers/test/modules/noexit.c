/* noexit.c: an init without an exit: it cannot be unloaded (EBUSY) but
 * by force (rmmod -f). */
#include <linux/module.h>

static int __init noexit_init(void)
{
	return 0;
}

module_init(noexit_init);
MODULE_LICENSE("GPL");
