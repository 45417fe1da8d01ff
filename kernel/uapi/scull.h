/* uapi/scull.h: the scull devices of LDD3 [seed 004]: /dev/scull0..3 (memory
 * made of quantum-sized pieces, qset pieces per list node), /dev/scullpipe0..3
 * (a blocking FIFO) and their 'k' ioctls. The letter says how the value moves:
 *   S "Set" through a pointer        T "Tell" as the argument itself
 *   G "Get" through a pointer        Q "Query" as the return value
 *   X "eXchange": G and S at once    H "sHift": T and Q at once
 * S, T, X and H need CAP_SYS_ADMIN (uid 0); others get EPERM. */
#ifndef UAPI_SCULL_H
#define UAPI_SCULL_H

#include "ioctl.h"

#define SCULL_NR_DEVS   4               /* scull0..scull3 */
#define SCULL_P_NR_DEVS 4               /* scullpipe0..scullpipe3 */
#define SCULL_QUANTUM   4000            /* bytes per quantum */
#define SCULL_QSET      1000            /* quanta per list node */
#define SCULL_P_BUFFER  4000            /* scullpipe's FIFO size */

#define SCULL_IOC_MAGIC 'k'

#define SCULL_IOCRESET    _IO(SCULL_IOC_MAGIC, 0)
#define SCULL_IOCSQUANTUM _IOW(SCULL_IOC_MAGIC, 1, int)
#define SCULL_IOCSQSET    _IOW(SCULL_IOC_MAGIC, 2, int)
#define SCULL_IOCTQUANTUM _IO(SCULL_IOC_MAGIC, 3)
#define SCULL_IOCTQSET    _IO(SCULL_IOC_MAGIC, 4)
#define SCULL_IOCGQUANTUM _IOR(SCULL_IOC_MAGIC, 5, int)
#define SCULL_IOCGQSET    _IOR(SCULL_IOC_MAGIC, 6, int)
#define SCULL_IOCQQUANTUM _IO(SCULL_IOC_MAGIC, 7)
#define SCULL_IOCQQSET    _IO(SCULL_IOC_MAGIC, 8)
#define SCULL_IOCXQUANTUM _IOWR(SCULL_IOC_MAGIC, 9, int)
#define SCULL_IOCXQSET    _IOWR(SCULL_IOC_MAGIC, 10, int)
#define SCULL_IOCHQUANTUM _IO(SCULL_IOC_MAGIC, 11)
#define SCULL_IOCHQSET    _IO(SCULL_IOC_MAGIC, 12)
/* scullpipe's buffer size: Tell and Query; takes effect when the pipe's
 * buffer is next allocated (first open after everyone closed it). */
#define SCULL_P_IOCTSIZE  _IO(SCULL_IOC_MAGIC, 13)
#define SCULL_P_IOCQSIZE  _IO(SCULL_IOC_MAGIC, 14)

#define SCULL_IOC_MAXNR 14

#endif
