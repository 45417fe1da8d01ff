/* unknown_sym.c: calls a function nothing exports: ENOENT and the log
 * line "unknown_sym: Unknown symbol no_such_export (err -2)". */
#include <linux/module.h>

int no_such_export(void);

static int __init unknown_sym_init(void)
{
	return no_such_export();
}

module_init(unknown_sym_init);
MODULE_LICENSE("GPL");
