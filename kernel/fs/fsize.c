/* fsize.c: RLIMIT_FSIZE, where Linux checks it: a write to a regular file
 * is cut at the limit, and one starting at or past it raises SIGXFSZ and
 * fails with EFBIG (generic_write_check_limits); growing a file past it by
 * truncate does the same (inode_newsize_ok). */
#include "kernel.h"
#include "fs/fsize.h"
#include "proc.h"
#include "uapi/errno.h"
#include "uapi/resource.h"
#include "uapi/signal.h"
#include "uapi/stat.h"

static uint64_t fsize_limit(void)
{
	return current ? current->rlim[RLIMIT_FSIZE].rlim_cur : K_RLIM64_INFINITY;
}

static int file_too_big(void)
{
	send_signal(current, SIGXFSZ, NULL);
	return -EFBIG;
}

int generic_write_check_limits(const struct inode *inode, loff_t pos, size_t *count)
{
	uint64_t limit = fsize_limit();
	if (!inode || !S_ISREG(inode->i_mode) || *count == 0 || limit == K_RLIM64_INFINITY)
		return 0;
	if ((uint64_t)pos >= limit)
		return file_too_big();
	*count = (size_t)MIN((uint64_t)*count, limit - (uint64_t)pos);
	return 0;
}

int inode_newsize_ok(const struct inode *inode, loff_t size)
{
	uint64_t limit = fsize_limit();
	if (size > inode->i_size && limit != K_RLIM64_INFINITY && (uint64_t)size > limit)
		return file_too_big();
	return 0;
}
