/* dev_sysrq: /proc/sysrq-trigger as on Linux: h prints the help line, t every
 * task with its kernel stack, m the memory summary (c, the crash, is the
 * harness's business: it panics). */
#include "check.h"
#include "klog.h"

int main(void)
{
	klog_clear();
	CHECK_EQ(sysrq('h'), 0, "write h to /proc/sysrq-trigger");
	const char *log = klog_read();
	CHECK(klog_has(log, "<6>["), "sysrq lines are KERN_INFO");
	CHECK(klog_has(log, "] sysrq: HELP : loglevel(0-9) crash(c) show-memory-usage(m) show-task-states(t) \n"),
	      "h prints the help line");

	klog_clear();
	CHECK_EQ(sysrq('t'), 0, "write t");
	log = klog_read();
	CHECK(klog_has(log, "sysrq: Show State"), "t says what it does");
	CHECK(klog_has(log, "task:init            state:S pid:1"), "t lists init, asleep");
	const char *self = klog_line_with(log, "task:dev_sysrq       state:R");
	CHECK(self != NULL, "t lists this process, running");
	CHECK(self && strstr(self, " write_sysrq_trigger+0x"), "with its kernel stack");
	CHECK(self && strstr(self, " <user mode, system call> EIP: 0x"), "down to its user-mode frame");
	CHECK(klog_has(log, " schedule+0x"), "sleeping tasks' stacks end in schedule");

	klog_clear();
	CHECK_EQ(sysrq('m'), 0, "write m");
	log = klog_read();
	CHECK(klog_has(log, "sysrq: Show Memory"), "m says what it does");
	CHECK(klog_has(log, "Mem-Info:") && klog_has(log, " pages RAM\n"), "m prints the memory summary");

	return done();
}
