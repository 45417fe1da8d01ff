/* main.c: kmain, the C entry point: brings up the core in dependency order,
 * prints the banner, then runs the tests or starts user space. */
#include "kernel.h"
#include "cmdline.h"
#include "tty/console.h"
#include "x86/cpu.h"
#include "x86/gdt.h"
#include "initcall.h"
#include "mm/kmalloc.h"
#include "test/ktest.h"
#include "x86/multiboot.h"
#include "mm/pmm.h"
#include "x86/power.h"
#include "proc.h"
#include "serial.h"
#include "syscall.h"
#include "x86/timer.h"
#include "x86/trap.h"
#include "fs/vfs.h"
#include "vga.h"
#include "mm/vm.h"
#include "x86/x86.h"
#include "x86/smpboot.h"

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

static void unpack_initramfs(const struct multiboot_info *mbi)
{
	if (!(mbi->flags & MB_INFO_MODS) || mbi->mods_count == 0) {
		pr_warn("no initramfs module\n");
		return;
	}
	const struct multiboot_module *m = P2V(mbi->mods_addr);
	int r = initramfs_unpack(P2V(m->start), m->end - m->start);
	if (r < 0)
		pr_err("initramfs: error %d\n", r);
}

/* As Linux does: command-line words "key=value" become init's environment,
 * after HOME and TERM, the others its arguments. PATH is init's to choose. */
#define INIT_MAX_ARGS 16
static char *init_argv[INIT_MAX_ARGS + 2] = { "/bin/init" };
static char *init_envp[INIT_MAX_ARGS + 4] = { "HOME=/", "TERM=linux" };

static void split_cmdline(void)
{
	const char *words[INIT_MAX_ARGS];
	int n = cmdline_words(words, INIT_MAX_ARGS), na = 1, ne = 0;
	while (init_envp[ne])
		ne++;
	for (int i = 0; i < n; i++) {
		if (strchr(words[i], '='))
			init_envp[ne++] = (char *)words[i];
		else
			init_argv[na++] = (char *)words[i];
	}
}

void kmain(uint32_t magic, uint32_t mbi_pa)
{
	const struct multiboot_info *mbi = P2V(mbi_pa);
	smp_prepare_boot_cpu();             /* %fs, current and the big kernel lock first: everything uses them */
	cmdline_init(magic == MULTIBOOT_BOOTLOADER_MAGIC && (mbi->flags & MB_INFO_CMDLINE) ?
		     (const char *)P2V(mbi->cmdline) : "");
	serial_init();
	vga_init();
	console_init(cmdline_has("quiet"));
	printk_init();
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not booted by a Multiboot loader (magic %#x)", magic);

	/* One line of the 80-column screen. */
	pr_info("freax 0.1 for 386(486) AT clones: just a hobby, won't be big and professional\n");
	idt_init();
	pic_init();
	cpu_init();
	pmm_init(mbi, boot_reserved_end(mbi));
	vm_init();
	kmalloc_init();
	timer_init();
	syscall_init();
	proc_init();
	vfs_init();
	smp_detect();
	do_initcalls();
	unpack_initramfs(mbi);
	sti();
	smp_init();
	pr_info("memory: %u KiB free of %u KiB\n",
		(unsigned)(pmm_free_pages() * 4), (unsigned)(pmm_phys_top() / 1024));

	const char *mode = cmdline_get("mode");
	if (mode && strcmp(mode, "test") == 0)
		ktest_run_all(cmdline_get("ktest"));
	split_cmdline();
	start_init(init_argv[0], init_argv, init_envp);
	scheduler_start();
}
