/* uapi/futex.h: the futex word's bits and the robust-list records that
 * set_robust_list registers (Linux's <linux/futex.h>, i386 layout). */
#ifndef UAPI_FUTEX_H
#define UAPI_FUTEX_H

#include <stdint.h>

#define FUTEX_WAITERS     0x80000000u
#define FUTEX_OWNER_DIED  0x40000000u
#define FUTEX_TID_MASK    0x3fffffffu
#define ROBUST_LIST_LIMIT 2048

struct robust_list {
	uint32_t next;                  /* user address of the next entry; bit 0: a PI futex */
};

struct robust_list_head {
	struct robust_list list;        /* the first entry; the list ends back here */
	int32_t futex_offset;           /* from an entry to its futex word */
	uint32_t list_op_pending;       /* an entry being added or removed */
};

#endif
