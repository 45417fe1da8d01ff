/* params.c: module parameters, as Linux's kernel/params.c: the typed set
 * and get operations, the "name=value name2=value" words that init_module
 * passes, and /sys/module/NAME/parameters/NAME (writable as perm says). */
#include "kernel.h"
#include "fs/sysfs.h"
#include "mm/kmalloc.h"
#include "module/internal.h"
#include "uapi/errno.h"

/* Parses a whole decimal, octal (0) or hex (0x) number with an optional sign. */
static int parse_long(const char *val, long *res, bool is_unsigned)
{
	const char *p = val;
	bool neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	if (!*p || (neg && is_unsigned))
		return -EINVAL;
	char *end;
	unsigned long v = strtoul(p, &end, 0);
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	*res = neg ? -(long)v : (long)v;
	return 0;
}

#define STANDARD_PARAM(name, type, lo, hi, uns)                            \
	static int param_set_##name(const char *val, const struct kernel_param *kp) \
	{                                                                       \
		long v;                                                         \
		int r = parse_long(val, &v, uns);                               \
		if (r)                                                          \
			return r;                                               \
		if ((lo) != (hi) && (uns ? (unsigned long)v > (unsigned long)(hi) : (v < (long)(lo) || v > (long)(hi)))) \
			return -EINVAL;                                         \
		*(type *)kp->arg = (type)v;                                     \
		return 0;                                                       \
	}                                                                       \
	static int param_get_##name(char *buf, const struct kernel_param *kp)   \
	{                                                                       \
		return uns ? snprintf(buf, PGSIZE, "%lu\n", (unsigned long)*(type *)kp->arg) \
			   : snprintf(buf, PGSIZE, "%ld\n", (long)*(type *)kp->arg); \
	}                                                                       \
	const struct kernel_param_ops param_ops_##name = { param_set_##name, param_get_##name, NULL }; \
	EXPORT_SYMBOL(param_ops_##name)

STANDARD_PARAM(byte, unsigned char, 0, 255, true);
STANDARD_PARAM(short, short, -32768, 32767, false);
STANDARD_PARAM(ushort, unsigned short, 0, 65535, true);
STANDARD_PARAM(int, int, INT32_MIN, INT32_MAX, false);
STANDARD_PARAM(uint, unsigned int, 0, 0, true);
STANDARD_PARAM(long, long, 0, 0, false);
STANDARD_PARAM(ulong, unsigned long, 0, 0, true);

/* The strings charp parameters were given: only these are freed. */
struct charp_string {
	struct charp_string *next;
	char s[];
};
static struct charp_string *charp_strings;

static void param_free_charp(void *arg)
{
	char **p = arg;
	for (struct charp_string **c = &charp_strings; *c; c = &(*c)->next)
		if ((*c)->s == *p) {
			struct charp_string *dead = *c;
			*c = dead->next;
			kfree(dead);
			*p = NULL;
			return;
		}
}

static int param_set_charp(const char *val, const struct kernel_param *kp)
{
	size_t len = strlen(val);
	if (len > 1024)
		return -ENOSPC;
	struct charp_string *c = kmalloc(sizeof(*c) + len + 1);
	if (!c)
		return -ENOMEM;
	memcpy(c->s, val, len + 1);
	param_free_charp(kp->arg);
	c->next = charp_strings;
	charp_strings = c;
	*(char **)kp->arg = c->s;
	return 0;
}

static int param_get_charp(char *buf, const struct kernel_param *kp)
{
	const char *s = *(char **)kp->arg;
	return snprintf(buf, PGSIZE, "%s\n", s ? s : "(null)");
}

const struct kernel_param_ops param_ops_charp = { param_set_charp, param_get_charp, param_free_charp };
EXPORT_SYMBOL(param_ops_charp);

/* y/Y/1 and n/N/0, as Linux's kstrtobool. */
static int parse_bool(const char *val, bool *res)
{
	switch (val[0]) {
	case 'y': case 'Y': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case '0':
		*res = false;
		return 0;
	}
	return -EINVAL;
}

static int param_set_bool(const char *val, const struct kernel_param *kp)
{
	return parse_bool(val, kp->arg);
}

static int param_get_bool(char *buf, const struct kernel_param *kp)
{
	return snprintf(buf, PGSIZE, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = { param_set_bool, param_get_bool, NULL };
EXPORT_SYMBOL(param_ops_bool);

static int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int r = parse_bool(val, &v);
	if (!r)
		*(bool *)kp->arg = !v;
	return r;
}

static int param_get_invbool(char *buf, const struct kernel_param *kp)
{
	return snprintf(buf, PGSIZE, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = { param_set_invbool, param_get_invbool, NULL };
EXPORT_SYMBOL(param_ops_invbool);

/* An element of an array as a parameter of its own. */
static struct kernel_param array_elem(const struct kernel_param *kp, unsigned i)
{
	const struct kparam_array *arr = kp->arr;
	return (struct kernel_param){ kp->name, arr->ops, kp->perm, { (char *)arr->elem + i * arr->elemsize } };
}

/* Comma-separated values, at most max of them. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	char buf[128];
	unsigned n = 0;
	for (const char *p = val;; n++) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (n >= arr->max) {
			pr_err("%s: can only take %u arguments\n", kp->name, arr->max);
			return -EINVAL;
		}
		if (len >= sizeof(buf))
			return -EINVAL;
		memcpy(buf, p, len);
		buf[len] = '\0';
		struct kernel_param e = array_elem(kp, n);
		int r = arr->ops->set(buf, &e);
		if (r)
			return r;
		if (!comma)
			break;
		p = comma + 1;
	}
	if (arr->num)
		*arr->num = n + 1;
	return 0;
}

static int param_array_get(char *buf, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned n = arr->num ? *arr->num : arr->max;
	int len = 0;
	for (unsigned i = 0; i < n && len < (int)PGSIZE - 1; i++) {
		struct kernel_param e = array_elem(kp, i);
		if (i)
			buf[len - 1] = ',';     /* the element's newline becomes a comma */
		len += arr->ops->get(buf + len, &e);
	}
	if (!n)
		len = snprintf(buf, PGSIZE, "\n");
	return len;
}

static void param_array_free(void *arg)
{
	const struct kparam_array *arr = arg;
	if (arr->ops->free)
		for (unsigned i = 0; i < arr->max; i++)
			arr->ops->free((char *)arr->elem + i * arr->elemsize);
}

const struct kernel_param_ops param_array_ops = { param_array_set, param_array_get, param_array_free };
EXPORT_SYMBOL(param_array_ops);

static const struct kernel_param *find_param(struct module *mod, const char *name)
{
	for (unsigned i = 0; i < mod->num_kp; i++)
		if (strcmp(mod->kp[i].name, name) == 0)
			return &mod->kp[i];
	return NULL;
}

/* The next word of args (quotes group, as Linux's next_arg), split at '='. */
static char *next_arg(char *args, char **param, char **val)
{
	bool quoted = false;
	*param = args;
	*val = NULL;
	char *p = args;
	for (; *p && (quoted || *p != ' '); p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '=' && !*val)
			*val = p;
	}
	if (*p)
		*p++ = '\0';
	if (*val) {
		*(*val)++ = '\0';
		size_t len = strlen(*val);
		if (**val == '"' && len >= 2 && (*val)[len - 1] == '"') {
			(*val)[len - 1] = '\0';
			(*val)++;
		}
	}
	while (*p == ' ')
		p++;
	return p;
}

int parse_args(struct module *mod, char *args)
{
	while (*args == ' ')
		args++;
	while (*args) {
		char *param, *val;
		args = next_arg(args, &param, &val);
		const struct kernel_param *kp = find_param(mod, param);
		if (!kp) {
			pr_warn("%s: unknown parameter '%s' ignored\n", mod->name, param);
			continue;
		}
		bool is_bool = kp->ops == &param_ops_bool || kp->ops == &param_ops_invbool;
		if (!val && !is_bool) {
			pr_err("%s: parameter '%s' needs a value\n", mod->name, param);
			return -EINVAL;
		}
		int r = kp->ops->set(val ? val : "1", kp);
		if (r) {
			pr_err("%s: '%s' invalid for parameter '%s'\n", mod->name, val, param);
			return r;
		}
	}
	return 0;
}

void module_param_free(struct module *mod)
{
	for (unsigned i = 0; i < mod->num_kp; i++)
		if (mod->kp[i].ops->free)
			mod->kp[i].ops->free(mod->kp[i].arg);
}

struct param_attribute {
	struct kobj_attribute kattr;
	const struct kernel_param *param;
};

static ssize_t param_attr_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	(void)kobj;
	const struct kernel_param *kp = container_of(attr, struct param_attribute, kattr)->param;
	return kp->ops->get(buf, kp);
}

static ssize_t param_attr_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf,
				size_t count)
{
	(void)kobj;
	const struct kernel_param *kp = container_of(attr, struct param_attribute, kattr)->param;
	char val[256];
	size_t n = MIN(count, sizeof(val) - 1);
	memcpy(val, buf, n);
	val[n] = '\0';
	if (n && val[n - 1] == '\n')
		val[n - 1] = '\0';
	int r = kp->ops->set(val, kp);
	return r ? r : (ssize_t)count;
}

static struct kobject *module_kset;

int module_param_sysfs_setup(struct module *mod)
{
	if (!module_kset)
		module_kset = kobject_create_and_add("module", NULL);
	mod->mkobj = module_kset ? kobject_create_and_add(mod->name, module_kset) : NULL;
	if (!mod->mkobj)
		return -ENOMEM;
	unsigned visible = 0;
	for (unsigned i = 0; i < mod->num_kp; i++)
		visible += mod->kp[i].perm != 0;
	if (!visible)
		return 0;
	mod->params_kobj = kobject_create_and_add("parameters", mod->mkobj);
	mod->param_attrs = kzalloc(visible * sizeof(*mod->param_attrs));
	if (!mod->params_kobj || !mod->param_attrs)
		return -ENOMEM;
	struct param_attribute *pa = mod->param_attrs;
	for (unsigned i = 0; i < mod->num_kp; i++) {
		const struct kernel_param *kp = &mod->kp[i];
		if (!kp->perm)
			continue;
		pa->param = kp;
		pa->kattr.attr.name = kp->name;
		pa->kattr.attr.mode = kp->perm;
		pa->kattr.show = param_attr_show;
		pa->kattr.store = kp->perm & 0222 ? param_attr_store : NULL;
		int r = sysfs_create_file(mod->params_kobj, &pa->kattr.attr);
		if (r)
			return r;
		pa++;
	}
	return 0;
}

void module_param_sysfs_remove(struct module *mod)
{
	if (mod->params_kobj)
		kobject_put(mod->params_kobj);
	if (mod->mkobj)
		kobject_put(mod->mkobj);
	kfree(mod->param_attrs);
	mod->params_kobj = mod->mkobj = NULL;
	mod->param_attrs = NULL;
}
