/* uapi/syslog.h: the actions of syslog(2) (glibc's klogctl), as Linux numbers them. */
#ifndef UAPI_SYSLOG_H
#define UAPI_SYSLOG_H

#define SYSLOG_ACTION_CLOSE         0
#define SYSLOG_ACTION_OPEN          1
#define SYSLOG_ACTION_READ          2   /* blocks; what it returns is consumed */
#define SYSLOG_ACTION_READ_ALL      3   /* the whole log, oldest first */
#define SYSLOG_ACTION_READ_CLEAR    4
#define SYSLOG_ACTION_CLEAR         5
#define SYSLOG_ACTION_CONSOLE_OFF   6
#define SYSLOG_ACTION_CONSOLE_ON    7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_UNREAD   9
#define SYSLOG_ACTION_SIZE_BUFFER   10

#endif
