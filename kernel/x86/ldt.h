/* ldt.h: a process's local descriptor table (modify_ldt), one per address
 * space as Linux's mm->context.ldt, and the user_desc to descriptor rules
 * that modify_ldt and set_thread_area share (Linux's fill_ldt, LDT_empty). */
#ifndef X86_LDT_H
#define X86_LDT_H

#include <stdbool.h>
#include "x86/gdt.h"
#include "uapi/ldt.h"

#define LDT_ENTRIES 8192
#define LDT_ENTRY_SIZE 8

struct mm_struct;

/* Allocated on the first write, as long as its highest entry written. */
struct ldt_struct {
	/* The table this one replaced when it grew. Another CPU running a
	 * thread of the address space may still have it in its LDTR until that
	 * thread next passes through exit_to_user_work (which reloads it), so
	 * replaced tables live as long as the address space (ldt_free). */
	struct ldt_struct *prev;
	unsigned int nr_entries;
	struct segdesc entries[];
};

/* Linux's two "no segment" forms: every field zero, or the "empty" one
 * (read_exec_only and seg_not_present set, nothing else). */
bool ldt_zero(const struct user_desc *info);
bool ldt_empty(const struct user_desc *info);
/* The ring-3 descriptor info describes (accessed bit set, as Linux). */
struct segdesc fill_ldt(const struct user_desc *info);

/* fork: the child's address space gets a copy; 0 or -ENOMEM. */
int ldt_dup(struct mm_struct *mm, const struct mm_struct *old);
/* Makes the CPU use mm's LDT (none, or no mm: a null LDTR); cheap when it
 * already does. */
void load_mm_ldt(const struct mm_struct *mm);
/* Frees the table and those it replaced, with the address space. */
void ldt_free(struct mm_struct *mm);
/* Entry idx of mm's LDT, or NULL past its end. */
const struct segdesc *ldt_entry(const struct mm_struct *mm, unsigned int idx);

#endif
