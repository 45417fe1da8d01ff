/* uapi/futex.h: the futex word's bits and the robust-list records that
 * set_robust_list registers (Linux's <linux/futex.h>, i386 layout). */
#ifndef UAPI_FUTEX_H
#define UAPI_FUTEX_H

#include <stdint.h>

#define FUTEX_WAIT            0
#define FUTEX_WAKE            1
#define FUTEX_REQUEUE         3
#define FUTEX_CMP_REQUEUE     4
#define FUTEX_WAKE_OP         5
#define FUTEX_WAIT_BITSET     9
#define FUTEX_WAKE_BITSET     10
#define FUTEX_PRIVATE_FLAG    128
#define FUTEX_CLOCK_REALTIME  256
#define FUTEX_CMD_MASK        (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu

/* FUTEX_WAKE_OP's val3: op (4 bits, with FUTEX_OP_OPARG_SHIFT), cmp (4),
 * oparg (12), cmparg (12). */
#define FUTEX_OP_SET  0
#define FUTEX_OP_ADD  1
#define FUTEX_OP_OR   2
#define FUTEX_OP_ANDN 3
#define FUTEX_OP_XOR  4
#define FUTEX_OP_OPARG_SHIFT 8
#define FUTEX_OP_CMP_EQ 0
#define FUTEX_OP_CMP_NE 1
#define FUTEX_OP_CMP_LT 2
#define FUTEX_OP_CMP_LE 3
#define FUTEX_OP_CMP_GT 4
#define FUTEX_OP_CMP_GE 5

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
