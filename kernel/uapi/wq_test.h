/* uapi/wq_test.h: /dev/wq_test (misc, dynamic minor), a test driver for wait
 * queues. Processes sleep on one queue until a generation counter moves past
 * the value they pass; the wake commands bump the counter and wake the queue
 * the Linux ways. Passing the generation (instead of "the next wake") means a
 * wake that lands before the sleeper reaches the kernel is not missed. */
#ifndef UAPI_WQ_TEST_H
#define UAPI_WQ_TEST_H

#include "ioctl.h"

#define WQ_TEST_PATH "/dev/wq_test"

#define WQ_TEST_MAGIC 'w'

/* arg: a generation the caller saw. Sleeps (interruptibly) until the
 * generation differs: 0 then; -1/EINTR if a signal whose handler has no
 * SA_RESTART came first (with SA_RESTART the call restarts). */
#define WQ_TEST_SLEEP      _IO(WQ_TEST_MAGIC, 0)
/* The same as an exclusive waiter: a WAKE wakes only one of those. */
#define WQ_TEST_SLEEP_EXCL _IO(WQ_TEST_MAGIC, 1)
/* Bump the generation and wake_up (every non-exclusive waiter and one
 * exclusive one) or wake_up_all; both return the new generation. */
#define WQ_TEST_WAKE       _IO(WQ_TEST_MAGIC, 2)
#define WQ_TEST_WAKE_ALL   _IO(WQ_TEST_MAGIC, 3)
#define WQ_TEST_SLEEPERS   _IO(WQ_TEST_MAGIC, 4)  /* waiters on the queue now */
#define WQ_TEST_WOKEN      _IO(WQ_TEST_MAGIC, 5)  /* SLEEPs that have returned 0, ever */
#define WQ_TEST_GENERATION _IO(WQ_TEST_MAGIC, 6)  /* the current generation */

/* The stress test's mailboxes: WQ_TEST_BOXES generations, each with a wait
 * queue of its own, so that many pairs of threads can ping-pong across CPUs.
 * BOX_SLEEP's arg is WQ_TEST_BOX_ARG(box, seen): sleeps until that box's
 * generation differs from seen, for at most WQ_TEST_BOX_TIMEOUT_MS: 0 when
 * woken, -1/ETIMEDOUT when no wake-up came in time (one was lost: the
 * generation had moved and nobody woke the sleeper), -1/EINTR on a signal.
 * BOX_WAKE's arg is the box: bumps its generation, wakes its queue and
 * returns the new generation. Generations stay below 2^24. */
#define WQ_TEST_BOXES 128
#define WQ_TEST_BOX_TIMEOUT_MS 2000
#define WQ_TEST_BOX_ARG(box, seen) ((unsigned long)(seen) << 7 | (unsigned long)(box))
#define WQ_TEST_BOX_SLEEP  _IO(WQ_TEST_MAGIC, 7)
#define WQ_TEST_BOX_WAKE   _IO(WQ_TEST_MAGIC, 8)
/* The module parameter that, for the harness's self-test only, makes
 * BOX_SLEEP wait the broken way (it checks the generation, then joins the
 * queue and sleeps without checking again: the lost wake-up): "1" or "0". */
#define WQ_TEST_LOST_WAKEUP_PARAM "/sys/module/wq_test/parameters/lost_wakeup"

#endif
