/* sys/reboot.h: reboot(2), called raw with its magic numbers, and the command constants. */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <uapi/reboot.h>

#define RB_AUTOBOOT    LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM LINUX_REBOOT_CMD_HALT
#define RB_POWER_OFF   LINUX_REBOOT_CMD_POWER_OFF

/* Unlike glibc's reboot(cmd), this is the raw system call: the kernel's power-off protocol passes
 * an exit code through arg. */
int reboot(unsigned int magic1, unsigned int magic2, unsigned int cmd, void *arg);

#endif
