/* cred.h: the supplementary groups of a process (setgroups/getgroups) and the
 * test permission checks make of them. Linux allows NGROUPS_MAX (65536) groups;
 * a process here holds at most NGROUPS_SMALL, which is what Linux keeps
 * inline, and setgroups with more answers EINVAL. */
#ifndef CRED_H
#define CRED_H

#include <stdbool.h>
#include <stdint.h>

#define NGROUPS_SMALL 32

struct group_info {
	int ngroups;
	uint32_t gid[NGROUPS_SMALL];    /* sorted, as Linux's groups_sort keeps them */
};

/* Whether gid is one of the caller's supplementary groups (false without a process). */
bool in_supplementary_groups(uint32_t gid);

#endif
