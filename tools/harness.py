#!/usr/bin/env python3
"""harness.py: `make test` and `make grade`.

`test`: boots the kernel headless in test mode, once per CPU count of `--cpus`
(at the same time; on N > 1 CPUs the tests are named cpusN/NAME and reported in
build/test-logs/cpusN/), and runs the in-kernel tests
(k_NAME) and the user tests (/tests/NAME, and /tests/NAME.glibc for the
differential ones) through suite.py, which reboots past a panic or a hang so
one bug is one failure; runs the differential halves on the host; proves that
the harness itself survives a panic, locates a hang, selects and grades
(selftest.py); checks that the ISO boots and that no artefact names the
checkout's path.  `--select PATTERNS` (make T=...)
runs only the matching tests.  Prints one line per test, the report of each
failure (also kept in build/test-logs/), and ends with
"N passed, N failed[, N skipped]"; exits non-zero on any failure.

`grade --lab FILE`: runs the tests a lab names and prints each with OK/FAIL and
its points, then "Score: N/M" (see labs/)."""
import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plan as plans  # noqa: E402
import qemu  # noqa: E402
import report  # noqa: E402
import selftest  # noqa: E402
import symbols  # noqa: E402
import suite  # noqa: E402


def host_runs_i386(build):
    probe = os.path.join(build, "glibc-tests")
    if not os.path.isdir(probe):
        return False
    for name in sorted(os.listdir(probe)):
        try:
            subprocess.run([os.path.abspath(os.path.join(probe, name))], capture_output=True, timeout=30,
                           cwd=build)
            return True
        except subprocess.TimeoutExpired:
            return True     # it ran; the differential half reports the slow test itself
        except OSError:
            return False
    return False


def run_host(path, cwd, budget):
    try:
        p = subprocess.run([path], capture_output=True, timeout=budget, cwd=cwd)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, f"(no result within {budget:g} s)\n"


def host_outputs(plan, chosen):
    """{(NAME, flavour): (exit code, stdout)} of the differential tests on the host,
    or None if the host cannot run i386 programs."""
    wanted = [d for d in plan.diff if d in chosen or any(n.startswith(f"diff/{d}/") for n in chosen)]
    if not wanted or not host_runs_i386(plan.args.build):
        return None
    out = {}
    for name in wanted:
        for flavour, sub in (("glibc", "glibc-tests"), ("libc", "tests")):
            out[(name, flavour)] = run_host(os.path.abspath(os.path.join(plan.args.build, sub, name)),
                                            plan.args.build, suite.budget_of(plan.budgets, name))
    return out


def kernel_failure(outcome, host, kernel):
    """The report of a test that failed in the kernel, with the diff against the
    Linux output when the test is a differential one."""
    diff = ""
    linux = host and host.get((suite.base_name(outcome.name), "glibc"))
    if linux and linux[0] is not None:
        diff = report.unified(linux[1], outcome.output, "linux (glibc build)", f"kernel ({outcome.name})")
    # A panic or oops report is shown on the console too: once, in the kernel log, is enough.
    logged = {line for line in outcome.klog.splitlines(True) if line.strip()}
    output = "".join(line for line in outcome.output.splitlines(True) if line not in logged)
    modules = symbols.module_frames(outcome.klog, os.path.join(os.path.dirname(kernel), "modules"))
    return report.Failure(outcome.reason, output, diff, outcome.klog, outcome.where + modules)


def run_kernel(plan, chosen, results, host, logdir, ncpus=1):
    ktests, users = plan.kernel_runs(chosen)

    def reported(o):
        # Every run counts, also one only there for a chosen differential half.
        results.report(o.name, "passed" if o.ok else "failed",
                       None if o.ok else kernel_failure(o, host, plan.args.kernel))

    if not ktests and not users:
        return {}, None
    return suite.run(plan.args.kernel, plan.args.initrd, ktests, users, plan.budgets_for(ncpus), plan.user_elf,
                     reported, logdir, ncpus=ncpus)


def run_differential(plan, chosen, results, outcomes, host):
    """Each differential test ran in the kernel twice (project libc as NAME,
    glibc as NAME.glibc); both builds also run on the host Linux.  All four
    outputs must equal the kernel's run of the project-libc build."""
    for name in plan.diff:
        halves = [h for h in plans.HALVES if f"diff/{name}/{h}" in chosen]
        if not halves:
            continue
        mine = outcomes.get(name)
        for half in halves:
            label = f"diff/{name}/{half}"
            theirs = outcomes.get(name + ".glibc")
            failed = [n for n, o in ((name, mine), (name + ".glibc", theirs))
                      if (o is None or not o.ok) and (n == name or half == "glibc-in-kernel")]
            if failed:
                # Already a failure of its own: one bug, one failure.
                results.report(label, "skipped", note=f"{failed[0]} failed in the kernel")
                continue
            if half == "glibc-in-kernel":
                rc, out, other = 0, theirs.output, "kernel"
            elif host is None:
                results.report(label, "skipped", note="host cannot run i386 binaries")
                continue
            else:
                rc, out = host[(name, half.split("-")[0])]
                other = "linux"
            flavour = half.split("-")[0]
            if rc is None:
                why = f"the {flavour} build gives no result on {other} {out.strip()}"
            elif rc != 0:
                why = f"the {flavour} build exits {rc} on {other}"
            elif out != mine.output:
                why = f"the {flavour} build's output on {other} differs from the kernel's"
            else:
                results.report(label, "passed")
                continue
            diff = report.unified(out, mine.output, f"{flavour} build on {other}", f"kernel ({name})")
            results.report(label, "failed", report.Failure(why, out, diff))


def run_iso(args, results):
    deadline = time.monotonic() + 60
    with qemu.Guest(iso=args.iso) as g:
        while b"just a hobby" not in g.data["serial"] and not g.exited and time.monotonic() < deadline:
            g.poll(0.5)
        ok = b"just a hobby" in g.data["serial"]
    results.report(plans.ISO_TEST, "passed" if ok else "failed",
                   None if ok else report.Failure("no banner on COM1", g.data["serial"].decode("utf-8", "replace")))


def run_reproducible(args, results):
    """One commit must build the same bytes wherever it is checked out. Two checkouts of a
    commit on one machine differ in their path only (the build clock is pinned: the cpio
    stores mtime 0, the ISO is made under a frozen clock), so it is enough that the path
    reaches none of the artefacts; a new build rule that forgets toolchain.mk's REPRO, or
    an assembler that records its directory, brings it back."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = {root.encode(), os.path.realpath(root).encode()}
    leaks = []
    for artefact in filter(None, (args.kernel, args.initrd, args.iso)):
        with open(artefact, "rb") as f:
            data = f.read()
        leaks += [f"{artefact} contains {p.decode()}" for p in sorted(paths) if p in data]
    results.report(plans.REPRO_TEST, "failed" if leaks else "passed",
                   report.Failure("the checkout's path is in the build", "\n".join(leaks)) if leaks else None)


def fresh_logdir(build):
    logdir = os.path.join(build, "test-logs")
    shutil.rmtree(logdir, ignore_errors=True)
    os.makedirs(logdir)
    return logdir


def cmd_test(args, results):
    start = time.monotonic()
    plan = plans.Plan(args)
    chosen = plan.select(args.select) if args.select.strip() else set(plan.names())
    if not chosen:
        results.report(f"T={args.select}", "failed",
                       report.Failure("matches no test; `make help` says how T= matches"))
        return
    host = host_outputs(plan, chosen)
    counts = [qemu.cpus(n) for n in args.cpus.split()] or [qemu.cpus()]
    timings = {}

    def suite_on(ncpus):
        """The kernel's suite and its differential comparisons on ncpus CPUs."""
        scoped = results.scoped(ncpus)
        try:
            kernel_start = time.monotonic()
            outcomes, first = run_kernel(plan, chosen, scoped, host, scoped.logdir, ncpus)
            timings[ncpus] = (first, time.monotonic() - kernel_start, outcomes)
            run_differential(plan, chosen, scoped, outcomes, host)
        except Exception:
            scoped.report("harness", "failed", report.Failure("the harness broke", traceback.format_exc()))

    # The CPU counts' suites at the same time, each in a thread of its own that
    # mostly waits on its guest: on a 2-core host both end in little more than
    # the time of one. The selftests below time hangs, so they run alone after.
    suites = [threading.Thread(target=suite_on, args=(n,)) for n in counts]
    for t in suites:
        t.start()
    for t in suites:
        t.join()
    selftest.run(plan, chosen, results)
    if args.iso and plans.ISO_TEST in chosen:
        run_iso(args, results)
    if plans.REPRO_TEST in chosen:
        run_reproducible(args, results)
    for ncpus, (first, kernel_s, outcomes) in sorted(timings.items()):
        first = f"{first:.2f} s" if first is not None else "n/a"
        print(f"CPUS={ncpus}: boot to first test: {first}; the suite in the kernel: {kernel_s:.2f} s")
        # For TEST_TIMEOUTS: a passing test close to its budget fails on a busier machine.
        budgets = plan.budgets_for(ncpus)
        close = [(o.seconds / suite.budget_of(budgets, o.name), o) for o in outcomes.values() if o.ok]
        for share, o in sorted(close, key=lambda c: -c[0])[:3]:
            if share > 0.5:
                print(f"note: CPUS={ncpus}: {o.name} took {o.seconds:.1f} s of its "
                      f"{suite.budget_of(budgets, o.name):g} s budget")
    print(f"whole harness: {time.monotonic() - start:.2f} s")


def read_lab(path):
    """[(test, points)] from a lab file: "NAME POINTS" a line, # comments."""
    lab = []
    with open(path) as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if words:
                lab.append((words[0], int(words[1]) if len(words) > 1 else 1))
    return lab


def cmd_grade(args, results):
    if not os.path.isfile(args.lab):
        labs = sorted(f[:-len(".lab")] for f in os.listdir(os.path.dirname(args.lab) or ".") if f.endswith(".lab"))
        print(f"grade: no lab {args.lab}; the labs: {' '.join(labs)}")
        return 2
    plan = plans.Plan(args)
    lab = read_lab(args.lab)

    def outcomes_of(chosen):
        host = host_outputs(plan, chosen)
        outcomes, _ = run_kernel(plan, chosen, results, host, results.logdir, qemu.cpus(args.cpus.split()[0]))
        return outcomes

    score, possible, lines = report.grade(lab, results, outcomes_of)
    print("\n".join(lines))
    return 0 if score == possible else 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=("test", "grade"))
    ap.add_argument("--build", required=True)
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--iso")
    ap.add_argument("--user-tests", default="")
    ap.add_argument("--diff-tests", default="")
    ap.add_argument("--timeouts", default="", help="NAME=SECONDS ...: per-test time budgets")
    ap.add_argument("--select", default="", help="patterns: run only the matching tests")
    ap.add_argument("--cpus", default="1", help="CPU counts to run the suite on, at once (\"1 4\")")
    ap.add_argument("--lab", help="for grade: the lab file")
    args = ap.parse_args()
    results = report.Results(fresh_logdir(args.build), quiet=args.command == "grade")
    if args.command == "grade":
        return cmd_grade(args, results)
    try:
        cmd_test(args, results)
    except Exception:  # whatever broke, the summary must still be the last line
        results.report("harness", "failed", report.Failure("the harness broke", traceback.format_exc()))
    print(results.summary())
    return 1 if results.counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
