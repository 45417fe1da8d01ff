/* irqflags.h: Linux's local_irq_* on the interrupt flag of this CPU
 * (x86.h's cli/sti/irq_save). flags is an lvalue, as in Linux. */
#ifndef LOCKING_IRQFLAGS_H
#define LOCKING_IRQFLAGS_H

#include "x86/x86.h"

#define local_irq_disable() cli()
#define local_irq_enable()  sti()
#define local_irq_save(flags) ((flags) = irq_save())
#define local_irq_restore(flags) irq_restore((uint32_t)(flags))
#define local_save_flags(flags) ((flags) = read_eflags())
#define irqs_disabled_flags(flags) (!((flags) & EFLAGS_IF))
#define irqs_disabled() irqs_disabled_flags(read_eflags())

#endif
