/* sys/utsname.h: uname(). struct utsname is the kernel's struct new_utsname, defined once in
 * uapi/utsname.h and taken here under POSIX's name. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#ifdef UAPI_UTSNAME_H
#error "<uapi/utsname.h> included before <sys/utsname.h>: struct utsname would be missing"
#endif
#define new_utsname utsname
#include <uapi/utsname.h>
#undef new_utsname

int uname(struct utsname *u);

#endif
