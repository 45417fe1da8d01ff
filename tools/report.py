"""report.py: what `make test` and `make grade` print about each test, and the
full report of a failing test kept in build/test-logs/NAME.log: why it failed,
its output, a unified diff against what was expected, the kernel log lines
printed while it ran, and where the kernel was (backtrace, symbolised EIP)."""
import difflib
import os
import threading

EXCERPT = 12        # lines of each part of a report shown on the terminal
WHERE_LINES = 60    # but the location of a crash or a hang in full, within reason,
KLOG_LINES = 40     # and enough of the kernel log for its oops or panic report


def unified(expected, got, expected_label, got_label):
    """A unified diff; empty when the two are equal."""
    return "".join(difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                        expected_label, got_label))


def tail(text, n=EXCERPT):
    lines = text.rstrip("\n").splitlines()
    cut = lines[-n:]
    return (["... (%d lines before)" % (len(lines) - n)] if len(lines) > n else []) + cut


class Failure:
    """The parts of one failure's report, most telling first."""

    def __init__(self, reason, output="", diff="", klog="", where=""):
        self.reason, self.output, self.diff, self.klog, self.where = reason, output, diff, klog, where

    def sections(self):
        return [(title, text) for title, text in (
            ("where the kernel was", self.where),
            ("diff against what was expected", self.diff),
            ("kernel log while it ran", self.klog),
            ("output", self.output)) if text.strip()]

    def text(self, name):
        out = f"{name}: {self.reason}\n"
        for title, text in self.sections():
            out += f"\n--- {title}\n{text.rstrip()}\n"
        return out


class Results:
    """The results of one `make test`; suites running at once (one per CPU count)
    report into it through scoped(), each line printed whole."""

    def __init__(self, logdir=None, quiet=False):
        self.counts = {"passed": 0, "failed": 0, "skipped": 0}
        self.status = {}
        self.logdir = logdir
        self.quiet = quiet
        self.lock = threading.Lock()

    def scoped(self, ncpus):
        """The results of the suite on ncpus CPUs: on one CPU this object itself; on N
        the tests are named cpusN/NAME and their reports kept in test-logs/cpusN/."""
        return self if ncpus == 1 else Scoped(self, f"cpus{ncpus}")

    def report(self, name, status, failure=None, note="", path=None):
        """Counts and prints one result; a failure's report is also written to a file."""
        with self.lock:
            self._report(name, status, failure, note, path)

    def _report(self, name, status, failure, note, path):
        self.counts[status] += 1
        self.status[name] = status
        path = self.write(path, name, failure) if failure else None
        if self.quiet:
            return
        word = {"passed": "PASS", "failed": "FAIL", "skipped": "SKIP"}[status]
        why = failure.reason if failure else note
        print(f"{word} {name}" + (f"  ({why.strip()})" if why.strip() and status != "passed" else ""),
              flush=True)
        if failure:
            for title, text in failure.sections():
                # Where the kernel was in full; the diff from where it first goes wrong; logs their end.
                lines = text.rstrip("\n").splitlines()
                lines = lines[:WHERE_LINES] if title.startswith("where") else \
                    lines[:EXCERPT * 2] if title.startswith("diff") else \
                    tail(text, KLOG_LINES) if title.startswith("kernel log") else tail(text)
                print(f"    {title}:")
                for line in lines:
                    print("    | " + line)
            if path:
                print(f"    report: {path}", flush=True)

    def write(self, path, name, failure):
        if not self.logdir:
            return None
        path = path or self.path(name)
        with open(path, "w") as f:
            f.write(failure.text(name))
        return os.path.relpath(path)

    def path(self, name):
        return os.path.join(self.logdir, name.replace("/", "__") + ".log")

    def summary(self):
        c = self.counts
        line = f"{c['passed']} passed, {c['failed']} failed"
        if c["skipped"]:
            line += f", {c['skipped']} skipped"
        return line


class Scoped:
    """One CPU count's view of the Results: names prefixed, logs in a folder of their own."""

    def __init__(self, parent, prefix):
        self.parent, self.prefix = parent, prefix
        self.logdir = parent.logdir and os.path.join(parent.logdir, prefix)
        if self.logdir:
            os.makedirs(self.logdir, exist_ok=True)

    def report(self, name, status, failure=None, note=""):
        self.parent.report(f"{self.prefix}/{name}", status, failure, note, self.path(name))

    def path(self, name):
        return os.path.join(self.logdir, name.replace("/", "__") + ".log")


def grade(lab, results, outcomes_of):
    """Runs the lab's tests (outcomes_of(chosen) gives {name: Outcome}); returns
    (score, possible, lines), a line per test with OK/FAIL and its points, the
    score last."""
    outcomes = outcomes_of({name for name, _ in lab})
    lines = []
    score = possible = 0
    for name, points in lab:
        o = outcomes.get(name)
        ok = o is not None and o.ok
        possible += points
        score += points if ok else 0
        took = f" ({o.seconds:.1f}s)" if o else ""
        lines.append(f"{name}: {'OK' if ok else 'FAIL'}{took}  {points if ok else 0}/{points}"
                     + ("" if o else "  (no such test, or it did not run)"))
        if not ok and results.status.get(name) == "failed" and results.logdir:
            lines.append(f"    report: {os.path.relpath(results.path(name))}")
    lines.append(f"Score: {score}/{possible}")
    return score, possible, lines
