/* poll.h: the poll table through which a driver's poll method registers the
 * wait queues that will announce readiness (poll_wait), as in Linux. */
#ifndef POLL_H
#define POLL_H

#include "fs/file.h"
#include "uapi/poll.h"
#include "waitqueue.h"

typedef struct poll_table_struct poll_table;

void poll_wait(struct file *file, struct wait_queue_head *wq, poll_table *pt);

#endif
