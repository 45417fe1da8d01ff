/* printk.h: the kernel log as Linux drivers write to it: printk with a
 * KERN_* level prefix ("\0013" is KERN_ERR), the pr_* helpers (a file may
 * define pr_fmt before including this to prefix its messages), and dev_*
 * helpers that prefix a device's name. kprintf is printk at the default level. */
#ifndef PRINTK_H
#define PRINTK_H

#include <stdbool.h>
#include <stddef.h>

#define KERN_SOH     "\001"
#define KERN_EMERG   KERN_SOH "0"       /* system is unusable */
#define KERN_ALERT   KERN_SOH "1"       /* action must be taken immediately */
#define KERN_CRIT    KERN_SOH "2"
#define KERN_ERR     KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE  KERN_SOH "5"
#define KERN_INFO    KERN_SOH "6"
#define KERN_DEBUG   KERN_SOH "7"
#define KERN_DEFAULT KERN_SOH "d"       /* default_message_loglevel */
#define KERN_CONT    KERN_SOH "c"       /* continues the previous line */

#define LOGLEVEL_DEFAULT          4     /* of a message without a level, as Linux */
#define CONSOLE_LOGLEVEL_DEFAULT  7     /* shown on the console: levels below this */
#define CONSOLE_LOGLEVEL_QUIET    4
#define CONSOLE_LOGLEVEL_MIN      1
#define CONSOLE_LOGLEVEL_MOTORMOUTH 15  /* everything: during an oops or a panic */
#define LOG_BUF_LEN               (1 << 16)

int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define kprintf printk

extern int console_loglevel;
extern int dmesg_restrict;               /* syslog(2) for root only */
/* Reads the command line's loglevel= and quiet (main.c, once it is parsed). */
void printk_init(void);
/* Shows everything on the console from now on, for an oops or a panic;
 * console_restore undoes it once an oops is over. */
void console_verbose(void);
void console_restore(void);
/* The backtrace of the caller, as Linux's dump_stack(). */
void dump_stack(void);
/* syslog(2) itself, for kernel callers (with uaccess_kernel_begin for a kernel buffer). */
long do_syslog(int type, char *buf, int len);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/* Never printed, but its arguments are still checked. */
#define no_printk(fmt, ...) ({ if (0) printk(fmt, ##__VA_ARGS__); 0; })

#define pr_emerg(fmt, ...)   printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)   printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)    printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)     printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)    printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)  printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)    printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)    printk(KERN_CONT fmt, ##__VA_ARGS__)
/* As in Linux, pr_debug prints only in a file compiled with DEBUG defined. */
#ifdef DEBUG
#define pr_debug(fmt, ...)   printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...)   no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

/* dev: anything with a name member (a struct miscdevice, say), printed
 * first as Linux prints the device's name. */
#define dev_printk(level, dev, fmt, ...) printk(level "%s: " fmt, (dev)->name, ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...)  dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)  dev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)   dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)    dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)   dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)   dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#ifdef DEBUG
#define dev_dbg(dev, fmt, ...)    dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...)    no_printk(KERN_DEBUG "%s: " fmt, (dev)->name, ##__VA_ARGS__)
#endif

/* panic: the log lock is taken over from a CPU that may have stopped holding it. */
void printk_bust_locks(void);

#endif
