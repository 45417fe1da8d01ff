/* power.h: leaving the machine: power-off with a status for the host. */
#ifndef POWER_H
#define POWER_H

_Noreturn void poweroff(int code);
_Noreturn void machine_halt_failure(void);

#endif
