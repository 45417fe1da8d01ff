/* power.c: power-off. Under test, QEMU's isa-debug-exit device (port 0xf4) ends
 * QEMU with exit code (value << 1) | 1, and debugcon carries the status text for
 * the harness; on a plain QEMU the ACPI ports switch it off. */
#include "kernel.h"
#include "tty/console.h"
#include "x86/power.h"
#include "serial.h"
#include "x86/x86.h"

#define DEBUG_EXIT_PORT 0xf4

static _Noreturn void halt_forever(void)
{
	for (;;) {
		cli();
		hlt();
	}
}

void poweroff(int code)
{
	char buf[32];
	serial_flush();                     /* what user programs wrote must reach the host */
	snprintf(buf, sizeof(buf), "\n@@POWEROFF %d\n", code);
	debugcon_write(buf);
	outb(DEBUG_EXIT_PORT, 0);           /* QEMU exits with 1: a clean power-off */
	outw(0x604, 0x2000);                /* QEMU PIIX4 ACPI */
	outw(0xb004, 0x2000);               /* older QEMU and Bochs */
	halt_forever();
}

void machine_halt_failure(void)
{
	serial_flush();
	debugcon_write("\n@@PANIC\n");
	outb(DEBUG_EXIT_PORT, 1);           /* QEMU exits with 3 */
	halt_forever();
}
