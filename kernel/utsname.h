/* utsname.h: the system's identity as uname(2) reports it (sys.c), shared
 * with the /proc files that repeat it (version, sys/kernel/osrelease...). */
#ifndef UTSNAME_H
#define UTSNAME_H

#include "uapi/utsname.h"

extern const struct new_utsname init_uts;

#endif
