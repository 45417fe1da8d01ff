/* params.c: one parameter of every type module_param takes, and an
 * array, all writable, so the test reads back what it gave. */
#include <linux/module.h>

static unsigned char b = 1;
static short s = -2;
static unsigned short us = 3;
static int i = -4;
static unsigned int ui = 5;
static long l = -6;
static unsigned long ul = 7;
static char *str = "default";
static bool flag;
static bool inv;
static int arr[4] = { 1, 2 };
static unsigned int narr = 2;

module_param(b, byte, 0644);
module_param(s, short, 0644);
module_param(us, ushort, 0644);
module_param(i, int, 0644);
module_param(ui, uint, 0644);
module_param(l, long, 0644);
module_param(ul, ulong, 0644);
module_param(str, charp, 0644);
module_param(flag, bool, 0644);
module_param(inv, invbool, 0644);
module_param_array(arr, int, &narr, 0644);
MODULE_PARM_DESC(arr, "up to four ints");

static int __init params_init(void)
{
	return 0;
}

static void __exit params_exit(void)
{
}

module_init(params_init);
module_exit(params_exit);
MODULE_LICENSE("GPL");
