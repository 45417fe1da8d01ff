#!/usr/bin/env python3
"""harness.py: `make test`.  Boots the kernel headless in test mode, reads the
"@@TEST name" / "@@RESULT name exit|signal N" / "@@DONE" protocol from COM1
(in-kernel tests first, then the user-space runner over /tests), runs the
differential half on the host, checks that the ISO boots, and proves that the
harness itself notices a panic, a hang and a failed check.  Prints one line
per test and ends with "N passed, N failed[, N skipped]"; exits non-zero on
any failure."""
import argparse
import os
import subprocess
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

SUITE_TIMEOUT = 400     # seconds for the whole in-kernel suite
SUITE_IDLE = 60         # seconds without a byte on COM1: the guest is hung


class Results:
    def __init__(self):
        self.counts = {"passed": 0, "failed": 0, "skipped": 0}

    def report(self, name, status, detail=""):
        self.counts[status] += 1
        word = {"passed": "PASS", "failed": "FAIL", "skipped": "SKIP"}[status]
        print(f"{word} {name}" + (f"  ({detail.strip()})" if detail.strip() and status != "passed" else ""),
              flush=True)
        if status == "failed" and detail.count("\n") > 0:
            for line in detail.rstrip().splitlines()[-30:]:
                print("    | " + line)

    def summary(self):
        c = self.counts
        line = f"{c['passed']} passed, {c['failed']} failed"
        if c["skipped"]:
            line += f", {c['skipped']} skipped"
        return line


def parse_suite(boot):
    """Turns one test-mode boot into [(name, ok, output, reason)], one per test
    that started, plus a synthetic failing entry when the boot itself went wrong."""
    tests = []
    current = None
    output = []
    text = boot.serial.decode("utf-8", "replace").replace("\r\n", "\n")
    done = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("@@TEST ") and (current is None):
            current = stripped.split(None, 1)[1]
            output = []
            continue
        if stripped.startswith("@@RESULT ") and current is not None:
            parts = stripped.split()
            # A test may print anything, even a line that looks like a result.
            if len(parts) != 4 or not parts[3].lstrip("-").isdigit():
                output.append(line)
                continue
            how, code = parts[2], int(parts[3])
            ok = how == "exit" and code == 0
            tests.append((current, ok, "".join(output), "" if ok else f"{how} {code}"))
            current = None
            continue
        if stripped == "@@DONE":
            done = True
            continue
        if current is not None:
            output.append(line)
    why = None
    if boot.panicked:
        why = "kernel panic"
    elif boot.timed_out:
        why = "timeout: guest hung and was killed"
    elif not done:
        why = f"guest stopped early (QEMU exit {boot.exit_code})"
    if current is not None:
        tests.append((current, False, "".join(output), why or "no result"))
    if why:
        log = boot.debugcon.decode("utf-8", "replace")
        tests.append(("boot", False, log[-3000:], why))
    return tests


def suite_failed(tests):
    return any(not ok for _, ok, _, _ in tests)


def run_selftests(args, results):
    """Deliberately broken tests: each must be reported as a failure."""
    for name, idle in (("broken_panic", 10), ("broken_hang", 3), ("broken_fail", 10)):
        boot = qemu.boot(kernel=args.kernel, append=f"mode=test quiet ktest={name}",
                         timeout=30, idle=idle)
        tests = parse_suite(boot)
        caught = suite_failed(tests) and any(t[0] == "k_" + name for t in tests)
        results.report(f"harness_catches_{name[len('broken_'):]}", "passed" if caught else "failed",
                       "" if caught else "harness did not report the broken test as failed")


def run_iso(args, results):
    boot = qemu.boot(iso=args.iso, timeout=60, idle=60, stop_on=b"just a hobby")
    ok = b"just a hobby" in boot.serial
    results.report("iso_boots_to_banner", "passed" if ok else "failed",
                   "" if ok else boot.serial.decode("utf-8", "replace")[-2000:])


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
            return True     # it ran; run_differential reports the slow test itself
        except OSError:
            return False
    return False


def run_host(path, cwd):
    try:
        p = subprocess.run([path], capture_output=True, timeout=60, cwd=cwd)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, "timeout"


def run_differential(args, results, kernel_out):
    """Each differential test ran in the kernel twice (project libc as NAME,
    glibc as NAME.glibc); both builds also run on the host Linux.  All four
    outputs must equal the kernel's run of the project-libc build."""
    names = args.diff_tests.split()
    can_run = host_runs_i386(args.build)
    for name in names:
        if name not in kernel_out:
            results.report(f"diff/{name}", "failed", "did not run in the kernel")
            continue
        expected = kernel_out[name]
        glibc_in_kernel = kernel_out.get(name + ".glibc")
        if glibc_in_kernel is None:
            results.report(f"diff/{name}/glibc-in-kernel", "failed", "the glibc build did not run in the kernel")
        elif glibc_in_kernel != expected:
            results.report(f"diff/{name}/glibc-in-kernel", "failed",
                           "differs from the libc build\n--- glibc\n" + glibc_in_kernel + "--- libc\n" + expected)
        else:
            results.report(f"diff/{name}/glibc-in-kernel", "passed")
        for flavour, path in (("glibc", os.path.join(args.build, "glibc-tests", name)),
                              ("libc", os.path.join(args.build, "tests", name))):
            label = f"diff/{name}/{flavour}-on-linux"
            if not can_run:
                results.report(label, "skipped", "host cannot run i386 binaries")
                continue
            rc, out = run_host(os.path.abspath(path), args.build)
            if rc != 0:
                results.report(label, "failed", f"exit {rc} on the host\n{out}")
            elif out != expected:
                results.report(label, "failed", "output differs from the kernel's\n--- linux\n" + out
                               + "--- kernel\n" + expected)
            else:
                results.report(label, "passed")


def main():
    results = Results()
    try:
        run(results)
    except Exception:  # whatever broke, the summary must still be the last line
        results.report("harness", "failed", traceback.format_exc())
    print(results.summary())
    return 1 if results.counts["failed"] else 0


def run(results):
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd")
    ap.add_argument("--iso")
    ap.add_argument("--diff-tests", default="")
    args = ap.parse_args()
    start = time.monotonic()

    boot = qemu.boot(kernel=args.kernel, initrd=args.initrd, append="mode=test quiet",
                     timeout=SUITE_TIMEOUT, idle=SUITE_IDLE)
    kernel_out = {}
    for name, ok, output, reason in parse_suite(boot):
        results.report(name, "passed" if ok else "failed", "" if ok else reason + "\n" + output)
        kernel_out[name] = output
    run_differential(args, results, kernel_out)
    run_selftests(args, results)
    if args.iso:
        run_iso(args, results)

    first = f"{boot.first_test_s:.2f} s" if boot.first_test_s is not None else "n/a"
    print(f"boot to first test: {first}; in-kernel suite: {boot.elapsed_s:.2f} s; "
          f"whole harness: {time.monotonic() - start:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
