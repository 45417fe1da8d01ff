/* moduleparam.h: module parameters, as Linux's module_param(name, type,
 * perm): each is an entry of section __param that the loader sets from
 * "name=value" words given to init_module, and that
 * /sys/module/NAME/parameters/NAME shows (and stores when perm allows). */
#ifndef MODULE_MODULEPARAM_H
#define MODULE_MODULEPARAM_H

#include <stdbool.h>
#include <stddef.h>

struct kernel_param;

struct kernel_param_ops {
	/* Parses val (never NULL: a bare "name" is "1" for bools): 0 or -errno. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/* Writes the value and a newline into buf (a page): its length. */
	int (*get)(char *buf, const struct kernel_param *kp);
	/* Frees what set allocated (charp). */
	void (*free)(void *arg);
};

struct kparam_array {
	unsigned int max, elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

struct kernel_param {
	const char *name;
	const struct kernel_param_ops *ops;
	unsigned short perm;
	union {
		void *arg;
		const struct kparam_array *arr;
	};
};

extern const struct kernel_param_ops param_ops_byte, param_ops_short, param_ops_ushort,
	param_ops_int, param_ops_uint, param_ops_long, param_ops_ulong, param_ops_charp,
	param_ops_bool, param_ops_invbool, param_array_ops;

#define __MODULE_INFO(tag, name, info)                                          \
	static const char name[]                                                \
		__attribute__((used, section(".modinfo"), aligned(1))) = #tag "=" info

#define MODULE_PARM_DESC(_parm, desc) __MODULE_INFO(parm, __mod_##_parm##__desc, #_parm ":" desc)

#define module_param_cb(_nm, _ops, _arg, _perm)                                \
	static const char __param_str_##_nm[] = #_nm;                         \
	static const struct kernel_param __param_##_nm                         \
		__attribute__((used, section("__param"), aligned(4))) =         \
		{ .name = __param_str_##_nm, .ops = _ops, .perm = _perm, .arg = _arg }

/* The type is pasted here, before bool (a macro) could expand. */
#define module_param_named(_nm, value, type, _perm_)                             \
	__module_param_named(_nm, value, &param_ops_##type, #type, _perm_)
#define __module_param_named(_nm, value, _ops_, typestr, _perm_)                   \
	__MODULE_INFO(parmtype, __mod_##_nm##__type, #_nm ":" typestr);       \
	module_param_cb(_nm, _ops_, &value, _perm_)

#define module_param(_nm, type, _perm_)                                          \
	__module_param_named(_nm, _nm, &param_ops_##type, #type, _perm_)

#define module_param_array_named(_nm, array, type, nump, _perm_)                 \
	__module_param_array_named(_nm, array, &param_ops_##type, #type, nump, _perm_)
#define __module_param_array_named(_nm, array, _ops_, typestr, nump, _perm_)       \
	static const struct kparam_array __param_arr_##_nm =                   \
		{ sizeof(array) / sizeof((array)[0]), sizeof((array)[0]), nump, \
		  _ops_, array };                                                 \
	__MODULE_INFO(parmtype, __mod_##_nm##__type, #_nm ":array of " typestr); \
	static const char __param_str_##_nm[] = #_nm;                         \
	static const struct kernel_param __param_##_nm                         \
		__attribute__((used, section("__param"), aligned(4))) =         \
		{ .name = __param_str_##_nm, .ops = &param_array_ops, .perm = _perm_, \
		  .arr = &__param_arr_##_nm }

#define module_param_array(_nm, type, nump, _perm_)                              \
	__module_param_array_named(_nm, _nm, &param_ops_##type, #type, nump, _perm_)

#endif
