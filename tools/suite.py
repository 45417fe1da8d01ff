"""suite.py: runs tests inside the kernel so that one bug is one failure.

A boot runs the in-kernel tests named by `ktest=` and then the user tests named
in /etc/tests.list (added to the initramfs), reporting "@@TEST name" ...
"@@RESULT name exit|signal N" on COM1.  Each test has a time budget; a test
that overruns it is a hang: gdb asks the gdbstub where the CPU and the tasks
are (gdb_where.py) before the guest is killed.  After a hang or a panic the
kernel is booted again with the tests not yet run.  The kernel log (debugcon)
carries the same markers, so each test gets the log lines printed while it ran."""
import os
import re
import time

import mkcpio
import qemu
import symbols

DEFAULT_BUDGET = 15.0   # seconds a test may take unless user/tests/tests.mk says otherwise
BOOT_BUDGET = 30.0      # from power-on to the first test
GAP_BUDGET = 15.0       # between one test's result and the next test (or the power-off)
MARK = re.compile(r"@@(TEST|RESULT) (\S+)")


class Outcome:
    """How one test ended: ok, or why not, with what it printed, the kernel log
    lines of its time and, for a crash or a hang, where the kernel was."""

    def __init__(self, name, ok, reason="", output="", klog="", where="", seconds=0.0):
        self.name, self.ok, self.reason = name, ok, reason
        self.output, self.klog, self.where, self.seconds = output, klog, where, seconds


def base_name(name):
    """The user test a name belongs to: NAME.glibc and diff/NAME/... to NAME."""
    if name.startswith("diff/"):
        return name.split("/")[1]
    return name[:-len(".glibc")] if name.endswith(".glibc") else name


def budget_of(budgets, name):
    """Seconds a test may take: its own entry in budgets, its user test's, or the default."""
    return budgets.get(name, budgets.get(base_name(name), DEFAULT_BUDGET))


class Boot:
    """The state of one boot as its streams arrive."""

    def __init__(self, kernel, budgets, user_elf, on_result):
        self.kernel, self.budgets, self.user_elf, self.on_result = kernel, budgets, user_elf, on_result
        self.outcomes = {}
        self.partial = {"serial": "", "debugcon": ""}
        self.current = None
        self.output = []
        self.klog = {}
        self.klog_owner = None
        self.done = False
        self.start = self.last = time.monotonic()
        self.first_test_s = None

    def budget(self):
        if self.current is None:
            return GAP_BUDGET if self.outcomes or self.first_test_s else BOOT_BUDGET
        return budget_of(self.budgets, self.current)

    def feed(self, stream, data):
        text = self.partial[stream] + data.decode("utf-8", "replace").replace("\r\n", "\n")
        lines = text.split("\n")
        self.partial[stream] = lines.pop()
        for line in lines:
            (self.serial_line if stream == "serial" else self.log_line)(line + "\n")

    def serial_line(self, line):
        words = line.split()
        if words[:1] == ["@@TEST"] and len(words) == 2 and self.current is None:
            self.current, self.output, self.last = words[1], [], time.monotonic()
            if self.first_test_s is None:
                self.first_test_s = self.last - self.start
        # A test may print anything, even a line that looks like a result.
        elif (words[:1] == ["@@RESULT"] and self.current is not None and len(words) == 4
              and words[1] == self.current and words[3].lstrip("-").isdigit()):
            ok = words[2] == "exit" and words[3] == "0"
            self.finish(Outcome(self.current, ok, "" if ok else f"{words[2]} {words[3]}"))
        elif words == ["@@DONE"]:
            self.done = True
        elif self.current is not None:
            self.output.append(line)

    def log_line(self, line):
        m = MARK.search(line)
        if m:
            self.klog_owner = m.group(2) if m.group(1) == "TEST" else None
        else:
            self.klog.setdefault(self.klog_owner, []).append(line)

    def finish(self, outcome):
        now = time.monotonic()
        outcome.output = "".join(self.output)
        outcome.klog = "".join(self.klog.get(outcome.name, []))
        outcome.seconds = now - self.last
        self.outcomes[outcome.name] = outcome
        self.current, self.last = None, now
        self.on_result(outcome)

    def hung(self, guest):
        where = guest.where(self.kernel) or ""
        elf = self.user_elf(self.current) if self.current else None
        return where + symbols.explain(where, self.kernel, elf, kernel_too=False)

    def ended(self, guest, where):
        """Turns how the boot ended into outcomes: the test that was running fails
        once; a crash outside any test is the boot's own failure."""
        for stream in self.partial:
            if self.partial[stream]:
                self.feed(stream, b"\n")
        if where is not None:
            why = f"hang: no result within {self.budget():g} s; the guest was stopped and killed"
        elif guest.panicked:
            why = "kernel panic"
        elif not self.done:
            why = f"the guest stopped without finishing (QEMU exit {guest.exit_code})"
        else:
            return
        name = self.current or "boot"
        log = "".join(self.klog.get(self.current, []))
        if self.current is None:
            log = "".join(self.klog.get(None, []))[-4000:] + guest.qemu_errors()
            self.output = []
        self.klog[name] = [log]
        self.finish(Outcome(name, False, why, where=where or symbols.explain(log, self.kernel)))


def run(kernel, initrd, ktests, users, budgets, user_elf, on_result, logdir=None, files=None, ncpus=None):
    """Runs ktests (names without "k_") then the user tests, booting again after
    a crash or a hang to go on with the rest.  on_result(outcome) is called as
    each test ends; files go into the initramfs too; the guest has ncpus CPUs
    (default $CPUS or 1).  Returns ({name: Outcome}, seconds to the first test)."""
    pending = ["k_" + k for k in ktests] + list(users)
    outcomes = {}
    first_test_s = None
    boots = 0
    while pending:
        boots += 1
        boot = Boot(kernel, budgets, user_elf, on_result)
        names = [n for n in pending if not n.startswith("k_")]
        extra = dict(files or {}, **{"etc/tests.list": mkcpio.text_file("".join(n + "\n" for n in names))})
        append = f"mode=test {qemu.QUIET} ktest=" + ",".join(n[2:] for n in pending if n.startswith("k_"))
        with qemu.Guest(kernel=kernel, initrd=initrd, append=append, files=extra, ncpus=ncpus) as guest:
            where = drive(guest, boot)
            boot.ended(guest, where)
            if logdir:
                for stream in ("serial", "debugcon"):
                    with open(os.path.join(logdir, f"boot{boots}.{stream}"), "wb") as f:
                        f.write(guest.data[stream])
        first_test_s = first_test_s if first_test_s is not None else boot.first_test_s
        progress = [n for n in boot.outcomes if n in pending]
        outcomes.update(boot.outcomes)
        pending = [n for n in pending if n not in outcomes]
        if not progress:
            for name in pending:
                outcomes[name] = Outcome(name, False, "not run: the kernel did not get to it")
                on_result(outcomes[name])
            break
    return outcomes, first_test_s


def drive(guest, boot):
    """Feeds the boot its streams until the guest exits or overruns a budget;
    returns where a hung guest was, or None."""
    where = None
    while not guest.exited:
        left = boot.last + boot.budget() - time.monotonic()
        if left <= 0 and where is None and guest.proc.poll() is None:
            where = boot.hung(guest)
            guest.kill()
        # The kernel log first: it was written before the COM1 line that ends a test.
        for stream, data in sorted(guest.poll(min(max(left, 0.05), 0.5)), key=lambda c: c[0] != "debugcon"):
            if stream != "serial2":
                boot.feed(stream, data)
    return where
