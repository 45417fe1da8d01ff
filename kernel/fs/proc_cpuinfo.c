/* proc_cpuinfo.c: /proc/cpuinfo, one entry per online CPU in the order and
 * format of Linux's i386 show_cpuinfo. The identification comes from CPUID on
 * the CPU reading the file: the CPUs of one machine are alike (QEMU's are
 * identical), so only the numbers that place a CPU (processor, core id,
 * apicid) differ between entries. The topology is the one QEMU gives -smp N:
 * one package whose N cores have a thread each. */
#include "kernel.h"
#include "initcall.h"
#include "smp.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "uapi/errno.h"

static void cpuid(uint32_t leaf, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(0));
}

/* The EDX feature bits of leaf 1, as Linux names them. */
static const char *const edx_flags[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic", NULL, "sep", "mtrr", "pge",
	"mca", "cmov", "pat", "pse36", "pn", "clflush", NULL, "dts", "acpi", "mmx", "fxsr", "sse", "sse2",
	"ss", "ht", "tm", "ia64", "pbe",
};

/* The ECX feature bits of leaf 1 that Linux names, by bit. */
static const char *const ecx_flags[32] = {
	[0] = "pni", [1] = "pclmulqdq", [3] = "monitor", [9] = "ssse3", [12] = "fma", [13] = "cx16",
	[19] = "sse4_1", [20] = "sse4_2", [21] = "x2apic", [22] = "movbe", [23] = "popcnt",
	[25] = "aes", [26] = "xsave", [28] = "avx", [30] = "rdrand", [31] = "hypervisor",
};

struct cpu_ident {
	uint32_t vendor[4], brand[13], level, family, model, stepping, edx, ecx;
};

static void identify(struct cpu_ident *c)
{
	uint32_t r[4];
	memset(c, 0, sizeof *c);
	cpuid(0, r);
	c->level = r[0];
	c->vendor[0] = r[1], c->vendor[1] = r[3], c->vendor[2] = r[2];
	cpuid(0x80000000, r);
	if (r[0] >= 0x80000004)
		for (uint32_t i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &c->brand[i * 4]);
	cpuid(1, r);
	c->family = (r[0] >> 8) & 0xf, c->model = (r[0] >> 4) & 0xf, c->stepping = r[0] & 0xf;
	if (c->family == 0xf)
		c->family += (r[0] >> 20) & 0xff;
	if (c->family >= 6)
		c->model |= ((r[0] >> 16) & 0xf) << 4;
	c->ecx = r[2], c->edx = r[3];
}

static void show_flags(struct seq_file *m, uint32_t bits, const char *const names[32])
{
	for (int i = 0; i < 32; i++)
		if ((bits & (1u << i)) && names[i])
			seq_printf(m, " %s", names[i]);
}

static void show_cpu(struct seq_file *m, const struct cpu_ident *c, unsigned int cpu)
{
	const char *name = (const char *)c->brand;
	while (*name == ' ')
		name++;
	unsigned int cores = num_online_cpus();
	seq_printf(m, "processor\t: %u\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n"
		      "model name\t: %s\nstepping\t: %u\ncpu MHz\t\t: 0.000\nphysical id\t: 0\n"
		      "siblings\t: %u\ncore id\t\t: %u\ncpu cores\t: %u\napicid\t\t: %u\n"
		      "initial apicid\t: %u\nfdiv_bug\t: no\nf00f_bug\t: no\ncoma_bug\t: no\nfpu\t\t: yes\n"
		      "fpu_exception\t: yes\ncpuid level\t: %u\nwp\t\t: yes\nflags\t\t:",
		   cpu, (const char *)c->vendor, c->family, c->model, *name ? name : "unknown", c->stepping,
		   cores, cpu, cores, cpu_apic_id(cpu), cpu_apic_id(cpu), c->level);
	show_flags(m, c->edx, edx_flags);
	show_flags(m, c->ecx, ecx_flags);
	seq_puts(m, "\nbogomips\t: 0.00\n\n");
}

static int cpuinfo_show(struct seq_file *m, void *v)
{
	(void)v;
	struct cpu_ident c;
	identify(&c);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu_online(cpu))
			show_cpu(m, &c, cpu);
	return 0;
}

static int proc_cpuinfo_init(void)
{
	return proc_create_single("cpuinfo", 0444, NULL, cpuinfo_show) ? 0 : -ENOMEM;
}
fs_initcall(proc_cpuinfo_init);
