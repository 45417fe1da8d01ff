/* sys/auxv.h: getauxval(), reading the auxiliary vector the kernel passed at exec. */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <uapi/auxv.h>

unsigned long getauxval(unsigned long type);

#endif
