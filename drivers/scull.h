/* scull.h: what scull.c (the memory devices and the 'k' ioctls) and
 * scullpipe.c share, as LDD3's scull.h does: the pipes sit on scull's major
 * after its four minors and use the same ioctl method. */
#ifndef SCULL_H
#define SCULL_H

#include "fs/file.h"

extern int scull_p_buffer;              /* size of a newly allocated pipe buffer */

long scull_ioctl(struct file *filp, unsigned int cmd, unsigned long arg);
/* Registers scullpipe0..3 from firstdev on; called by scull's init. */
int scull_p_init(dev_t firstdev);
void scull_p_cleanup(void);

#endif
