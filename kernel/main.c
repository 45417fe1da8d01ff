/* main.c: kmain, the C entry point: brings up the core in dependency order,
 * prints the banner, then runs the tests or starts user space. */
#include "kernel.h"
#include "cmdline.h"
#include "console.h"
#include "cpu.h"
#include "gdt.h"
#include "kmalloc.h"
#include "ktest.h"
#include "multiboot.h"
#include "pmm.h"
#include "power.h"
#include "serial.h"
#include "timer.h"
#include "trap.h"
#include "vga.h"
#include "vm.h"
#include "x86.h"

extern char kernel_end[];

/* Everything the boot loader left in memory that must survive pmm_init. */
static uint32_t boot_reserved_end(const struct multiboot_info *mbi)
{
	uint32_t end = V2P(kernel_end);
	if (mbi->flags & MB_INFO_MODS) {
		const struct multiboot_module *m = P2V(mbi->mods_addr);
		for (uint32_t i = 0; i < mbi->mods_count; i++)
			end = MAX(end, m[i].end);
	}
	return ROUNDUP(end, PGSIZE);
}

void kmain(uint32_t magic, uint32_t mbi_pa)
{
	const struct multiboot_info *mbi = P2V(mbi_pa);
	cmdline_init(magic == MULTIBOOT_BOOTLOADER_MAGIC && (mbi->flags & MB_INFO_CMDLINE) ?
		     (const char *)P2V(mbi->cmdline) : "");
	serial_init();
	vga_init();
	console_init(cmdline_has("quiet"));
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not booted by a Multiboot loader (magic %#x)", magic);

	kprintf("freax 0.1 for 386(486) AT clones: a free operating system, "
		"just a hobby, won't be big and professional like gnu\n");
	gdt_init();
	idt_init();
	pic_init();
	cpu_init();
	pmm_init(mbi, boot_reserved_end(mbi));
	vm_init();
	kmalloc_init();
	timer_init();
	sti();
	kprintf("memory: %u KiB free of %u KiB\n",
		(unsigned)(pmm_free_pages() * 4), (unsigned)(pmm_phys_top() / 1024));

	const char *mode = cmdline_get("mode");
	if (mode && strcmp(mode, "test") == 0) {
		int failed = ktest_run_all(cmdline_get("ktest"));
		ktest_report("@@DONE\n");
		poweroff(failed ? 1 : 0);
	}
	kprintf("nothing to run yet: halting\n");
	for (;;)
		hlt();
}
