/* export.h: EXPORT_SYMBOL and EXPORT_SYMBOL_GPL, as Linux's: what a loadable
 * module may link against. Each export is an entry of section __ksymtab
 * (in the kernel image, or in a module, whose loader finds it by name). */
#ifndef MODULE_EXPORT_H
#define MODULE_EXPORT_H

struct kernel_symbol {
	unsigned long value;
	const char *name;
	int gpl_only;
};

#define __EXPORT_SYMBOL(sym, gpl)                                               \
	static const char __kstrtab_##sym[] = #sym;                             \
	static const struct kernel_symbol __ksymtab_##sym                       \
		__attribute__((used, section("__ksymtab"), aligned(4))) =       \
		{ (unsigned long)&sym, __kstrtab_##sym, gpl };

#define EXPORT_SYMBOL(sym)     __EXPORT_SYMBOL(sym, 0)
#define EXPORT_SYMBOL_GPL(sym) __EXPORT_SYMBOL(sym, 1)

#endif
