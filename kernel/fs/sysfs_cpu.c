/* sysfs_cpu.c: /sys/devices/system/cpu as Linux lays it out for the CPUs of
 * smp.h: online, possible, present and offline as CPU lists ("0-3", ranges
 * joined by commas, what glibc's sysconf(_SC_NPROCESSORS_*) parses),
 * kernel_max (NR_CPUS - 1), and a directory cpuN per possible CPU (what
 * busybox's `nproc --all` counts). */
#include "kernel.h"
#include "initcall.h"
#include "smp.h"
#include "fs/sysfs.h"
#include "uapi/errno.h"

/* Linux's cpumap_print_to_pagebuf(true, ...): the mask as a list of ranges. */
static int print_cpulist(char *buf, cpumask_t mask)
{
	int len = 0;
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!((mask >> cpu) & 1))
			continue;
		unsigned int last = cpu;
		while (last + 1 < NR_CPUS && ((mask >> (last + 1)) & 1))
			last++;
		len += snprintf(buf + len, PGSIZE - (size_t)len, len ? ",%u" : "%u", cpu);
		if (last > cpu)
			len += snprintf(buf + len, PGSIZE - (size_t)len, "-%u", last);
		cpu = last;
	}
	return len + snprintf(buf + len, PGSIZE - (size_t)len, "\n");
}

static ssize_t online_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	(void)kobj, (void)attr;
	return print_cpulist(buf, cpu_online_mask);
}

/* The CPUs found are the CPUs there can be: possible and present are one list. */
static ssize_t possible_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	(void)kobj, (void)attr;
	return print_cpulist(buf, cpu_possible_mask());
}

static ssize_t offline_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	(void)kobj, (void)attr;
	return print_cpulist(buf, cpu_possible_mask() & ~cpu_online_mask);
}

static ssize_t kernel_max_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	(void)kobj, (void)attr;
	return sysfs_emit(buf, "%d\n", NR_CPUS - 1);
}

static struct kobj_attribute cpu_attrs[] = {
	__ATTR_RO(online), __ATTR_RO(possible), __ATTR(present, 0444, possible_show, NULL),
	__ATTR_RO(offline), __ATTR_RO(kernel_max),
};

static int sysfs_cpu_init(void)
{
	struct kobject *devices = kobject_create_and_add("devices", NULL);
	struct kobject *system = devices ? kobject_create_and_add("system", devices) : NULL;
	struct kobject *cpu = system ? kobject_create_and_add("cpu", system) : NULL;
	if (!cpu)
		return -ENOMEM;
	for (size_t i = 0; i < ARRAY_SIZE(cpu_attrs); i++) {
		int err = sysfs_create_file(cpu, &cpu_attrs[i].attr);
		if (err)
			return err;
	}
	for (unsigned int n = 0; n < nr_cpu_ids; n++) {
		char name[8];
		snprintf(name, sizeof name, "cpu%u", n);
		if (!kobject_create_and_add(name, cpu))
			return -ENOMEM;
	}
	return 0;
}
/* The cpuN directories are made once, for the nr_cpu_ids CPUs the firmware
 * tables gave (read before the initcalls); the lists follow cpu_online_mask. */
late_initcall(sysfs_cpu_init);
