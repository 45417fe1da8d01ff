/* sysfs_seed.c: the hello-sysfs example of seed 003: a kobject "mymodule"
 * under /sys/kernel with one attribute, myvariable (mode 0660): reading shows
 * the integer, writing a number sets it. */
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/sysfs.h>

static struct kobject *mymodule;

/* The variable to be able to change. */
static int myvariable = 0;

static ssize_t myvariable_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	(void)kobj, (void)attr;
	return sysfs_emit(buf, "%d\n", myvariable);
}

/* The seed's sscanf("%du"): white space, an optional sign, decimal digits.
 * Input without digits leaves the variable alone, as a failed sscanf does. */
static ssize_t myvariable_store(struct kobject *kobj, struct kobj_attribute *attr,
				const char *buf, size_t count)
{
	(void)kobj, (void)attr;
	while (*buf == ' ' || (*buf >= '\t' && *buf <= '\r'))
		buf++;
	bool neg = *buf == '-';
	if (*buf == '-' || *buf == '+')
		buf++;
	if (*buf >= '0' && *buf <= '9') {
		int v = (int)simple_strtoul(buf, NULL, 10);
		myvariable = neg ? -v : v;
	}
	return (ssize_t)count;
}

static struct kobj_attribute myvariable_attribute =
	__ATTR(myvariable, 0660, myvariable_show, myvariable_store);

static int mymodule_init(void)
{
	mymodule = kobject_create_and_add("mymodule", kernel_kobj);
	if (!mymodule)
		return -ENOMEM;
	int error = sysfs_create_file(mymodule, &myvariable_attribute.attr);
	if (error)
		pr_err("failed to create the myvariable file in /sys/kernel/mymodule\n");
	return error;
}
static void mymodule_exit(void)
{
	kobject_put(mymodule);
}

module_init(mymodule_init);
module_exit(mymodule_exit);
MODULE_LICENSE("GPL");
