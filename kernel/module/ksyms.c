/* ksyms.c: what the kernel exports to loadable modules: the driver API
 * that docs/drivers.md describes (both faces), the log, the heap, the
 * string functions, the uaccess layer, wait queues, locks, /proc, /sys and the
 * character-device layers. One list, so that the boundary is visible. */
#include "kernel.h"
#include "dev/cdevsw.h"
#include "dev/chrdev.h"
#include "dev/device.h"
#include "dev/miscdevice.h"
#include "dev/uio.h"
#include "fs/anon_inode.h"
#include "fs/fasync.h"
#include "fs/file.h"
#include "fs/poll.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "fs/sysfs.h"
#include "locking/bitops.h"
#include "locking/completion.h"
#include "locking/might_sleep.h"
#include "locking/mutex.h"
#include "locking/rwlock.h"
#include "locking/semaphore.h"
#include "locking/spinlock.h"
#include "mm/kmalloc.h"
#include "module/module.h"
#include "proc.h"
#include "time.h"
#include "uaccess.h"
#include "waitqueue.h"
#include "x86/timer.h"

/* The log and the reports. */
EXPORT_SYMBOL(printk);
EXPORT_SYMBOL(dump_stack);
EXPORT_SYMBOL(panic);
EXPORT_SYMBOL(__warn_printk);
EXPORT_SYMBOL(add_taint);

/* The heap and the string functions. */
EXPORT_SYMBOL(kmalloc);
EXPORT_SYMBOL(kzalloc);
EXPORT_SYMBOL(kfree);
EXPORT_SYMBOL(kstrdup);
EXPORT_SYMBOL(memset);
EXPORT_SYMBOL(memcpy);
EXPORT_SYMBOL(memmove);
EXPORT_SYMBOL(memcmp);
EXPORT_SYMBOL(strlen);
EXPORT_SYMBOL(strnlen);
EXPORT_SYMBOL(strcmp);
EXPORT_SYMBOL(strncmp);
EXPORT_SYMBOL(strchr);
EXPORT_SYMBOL(strlcpy);
EXPORT_SYMBOL(strtoul);
EXPORT_SYMBOL(snprintf);
EXPORT_SYMBOL(kvsnprintf);

/* libgcc's 64-bit division, which gcc calls for loff_t arithmetic. */
long long __divdi3(long long, long long);
long long __moddi3(long long, long long);
unsigned long long __udivdi3(unsigned long long, unsigned long long);
unsigned long long __umoddi3(unsigned long long, unsigned long long);
long long __divmoddi4(long long, long long, long long *);
unsigned long long __udivmoddi4(unsigned long long, unsigned long long, unsigned long long *);
EXPORT_SYMBOL(__divdi3);
EXPORT_SYMBOL(__moddi3);
EXPORT_SYMBOL(__udivdi3);
EXPORT_SYMBOL(__umoddi3);
EXPORT_SYMBOL(__divmoddi4);
EXPORT_SYMBOL(__udivmoddi4);

/* User memory, both faces. */
EXPORT_SYMBOL(access_ok);
EXPORT_SYMBOL(copyin);
EXPORT_SYMBOL(copyout);
EXPORT_SYMBOL(copyinstr);
EXPORT_SYMBOL(copystr);
EXPORT_SYMBOL(copy_from_user);
EXPORT_SYMBOL(copy_to_user);
EXPORT_SYMBOL(strncpy_from_user);
EXPORT_SYMBOL(uiomove);

/* Processes, sleeping and time. */
EXPORT_SYMBOL(jiffies);
EXPORT_SYMBOL(schedule);
EXPORT_SYMBOL(init_waitqueue_head);
EXPORT_SYMBOL(init_wait_entry);
EXPORT_SYMBOL(prepare_to_wait);
EXPORT_SYMBOL(prepare_to_wait_exclusive);
EXPORT_SYMBOL(finish_wait);
EXPORT_SYMBOL(wake_up);
EXPORT_SYMBOL(wake_up_interruptible);
EXPORT_SYMBOL(wake_up_all);
EXPORT_SYMBOL(schedule_timeout);
EXPORT_SYMBOL(signal_pending_current);
EXPORT_SYMBOL(poll_wait);

/* Locks. */
EXPORT_SYMBOL(spin_lock);
EXPORT_SYMBOL(spin_trylock);
EXPORT_SYMBOL(spin_unlock);
EXPORT_SYMBOL(spin_lock_irq);
EXPORT_SYMBOL(spin_unlock_irq);
EXPORT_SYMBOL(_spin_lock_irqsave);
EXPORT_SYMBOL(spin_unlock_irqrestore);
EXPORT_SYMBOL(__spin_lock_init);
EXPORT_SYMBOL(arch_spin_lock);
EXPORT_SYMBOL(__mutex_init);
EXPORT_SYMBOL(mutex_lock);
EXPORT_SYMBOL(mutex_lock_interruptible);
EXPORT_SYMBOL(mutex_trylock);
EXPORT_SYMBOL(mutex_unlock);
EXPORT_SYMBOL(mutex_is_locked);
EXPORT_SYMBOL(sema_init);
EXPORT_SYMBOL(down);
EXPORT_SYMBOL(down_interruptible);
EXPORT_SYMBOL(down_trylock);
EXPORT_SYMBOL(up);
EXPORT_SYMBOL(down_timeout);
EXPORT_SYMBOL(__rwlock_init);
EXPORT_SYMBOL(read_lock);
EXPORT_SYMBOL(read_unlock);
EXPORT_SYMBOL(write_lock);
EXPORT_SYMBOL(write_unlock);
EXPORT_SYMBOL(read_trylock);
EXPORT_SYMBOL(write_trylock);
EXPORT_SYMBOL(read_lock_irq);
EXPORT_SYMBOL(read_unlock_irq);
EXPORT_SYMBOL(write_lock_irq);
EXPORT_SYMBOL(write_unlock_irq);
EXPORT_SYMBOL(_read_lock_irqsave);
EXPORT_SYMBOL(_write_lock_irqsave);
EXPORT_SYMBOL(read_unlock_irqrestore);
EXPORT_SYMBOL(write_unlock_irqrestore);
EXPORT_SYMBOL(init_completion);
EXPORT_SYMBOL(wait_for_completion);
EXPORT_SYMBOL(wait_for_completion_interruptible);
EXPORT_SYMBOL(wait_for_completion_timeout);
EXPORT_SYMBOL(wait_for_completion_interruptible_timeout);
EXPORT_SYMBOL(try_wait_for_completion);
EXPORT_SYMBOL(completion_done);
EXPORT_SYMBOL(complete);
EXPORT_SYMBOL(complete_all);
EXPORT_SYMBOL(find_next_bit);
EXPORT_SYMBOL(find_next_zero_bit);
#ifdef CONFIG_LOCKDEP
EXPORT_SYMBOL(__might_sleep);
EXPORT_SYMBOL(lockdep_init_map);
EXPORT_SYMBOL(lock_acquire);
EXPORT_SYMBOL(lock_release);
#endif

/* Files and character devices. */
EXPORT_SYMBOL(no_llseek);
EXPORT_SYMBOL(generic_file_llseek);
EXPORT_SYMBOL(generic_file_llseek_size);
EXPORT_SYMBOL(llseek_pos);
EXPORT_SYMBOL(simple_read_from_buffer);
EXPORT_SYMBOL(anon_inode_getfd);
EXPORT_SYMBOL(fasync_helper);
EXPORT_SYMBOL(kill_fasync);
EXPORT_SYMBOL(register_chrdev_region);
EXPORT_SYMBOL(alloc_chrdev_region);
EXPORT_SYMBOL(unregister_chrdev_region);
EXPORT_SYMBOL(cdev_init);
EXPORT_SYMBOL(cdev_add);
EXPORT_SYMBOL(cdev_del);
EXPORT_SYMBOL(register_chrdev);
EXPORT_SYMBOL(unregister_chrdev);
EXPORT_SYMBOL(class_create);
EXPORT_SYMBOL(class_destroy);
EXPORT_SYMBOL(device_create);
EXPORT_SYMBOL(device_destroy);
EXPORT_SYMBOL(misc_register);
EXPORT_SYMBOL(misc_deregister);
EXPORT_SYMBOL(make_dev);
EXPORT_SYMBOL(destroy_dev);
EXPORT_SYMBOL(dev2unit);
EXPORT_SYMBOL(uprintf);

/* /proc and /sys. */
EXPORT_SYMBOL(proc_create);
EXPORT_SYMBOL(proc_create_data);
EXPORT_SYMBOL(proc_create_single_data);
EXPORT_SYMBOL(proc_create_seq_data);
EXPORT_SYMBOL(proc_mkdir);
EXPORT_SYMBOL(remove_proc_entry);
EXPORT_SYMBOL(proc_remove);
EXPORT_SYMBOL(proc_set_size);
EXPORT_SYMBOL(proc_set_user);
EXPORT_SYMBOL(pde_data);
EXPORT_SYMBOL(seq_open);
EXPORT_SYMBOL(seq_read);
EXPORT_SYMBOL(seq_lseek);
EXPORT_SYMBOL(seq_release);
EXPORT_SYMBOL(seq_printf);
EXPORT_SYMBOL(seq_puts);
EXPORT_SYMBOL(seq_putc);
EXPORT_SYMBOL(seq_write);
EXPORT_SYMBOL(single_open);
EXPORT_SYMBOL(single_release);
EXPORT_SYMBOL(kernel_kobj);
EXPORT_SYMBOL(kobject_create_and_add);
EXPORT_SYMBOL(kobject_get);
EXPORT_SYMBOL(kobject_put);
EXPORT_SYMBOL(sysfs_create_file);
EXPORT_SYMBOL(sysfs_emit);
EXPORT_SYMBOL(sysfs_remove_file);

/* Modules themselves. */
EXPORT_SYMBOL(try_module_get);
EXPORT_SYMBOL(__module_get);
EXPORT_SYMBOL(module_put);
EXPORT_SYMBOL(module_refcount);
EXPORT_SYMBOL_GPL(find_symbol);
