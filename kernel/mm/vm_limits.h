/* vm_limits.h: whether an address space may grow by npages pages of a
 * mapping with vm_flags under the caller's RLIMIT_AS and RLIMIT_DATA. */
#ifndef MM_VM_LIMITS_H
#define MM_VM_LIMITS_H

#include <stdbool.h>
#include <stdint.h>

struct mm_struct;
bool may_expand_vm(struct mm_struct *mm, uint32_t vm_flags, uint32_t npages);

#endif
