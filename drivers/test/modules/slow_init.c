/* slow_init.c: an init that takes half a second (yielding the CPU), so
 * that a test can act while the module is still "Loading": EBUSY. */
#include <linux/module.h>
#include <linux/sched.h>

static int __init slow_init_init(void)
{
	uint32_t end = jiffies + HZ / 2;
	while ((int32_t)(jiffies - end) < 0)
		schedule();
	return 0;
}

static void __exit slow_init_exit(void)
{
}

module_init(slow_init_init);
module_exit(slow_init_exit);
MODULE_LICENSE("GPL");
