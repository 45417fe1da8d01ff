/* sys/klog.h: klogctl(), glibc's name for syslog(2), which reads the kernel log. */
#ifndef _SYS_KLOG_H
#define _SYS_KLOG_H

int klogctl(int type, char *bufp, int len);

#endif
