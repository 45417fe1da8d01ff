/* uapi/param.h: the unit of clock_t, what times(2), /proc/PID/stat and AT_CLKTCK count in
 * (Linux's USER_HZ, 100 on i386, whatever the kernel's own tick rate). */
#ifndef UAPI_PARAM_H
#define UAPI_PARAM_H

#define USER_HZ 100

#endif
