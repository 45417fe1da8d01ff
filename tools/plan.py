"""plan.py: every test the harness knows, by name, and how `make test T=...`
picks among them.  Names: k_NAME for an in-kernel test, NAME for a user test
(NAME.glibc for its glibc build run in the kernel), diff/NAME/HALF for the
differential comparisons, and the harness's own selftests."""
import fnmatch
import os

import suite
import symbols

HALVES = ("glibc-in-kernel", "glibc-on-linux", "libc-on-linux")
ISO_TEST = "iso_boots_to_banner"
REPRO_TEST = "build_names_no_checkout_path"
# selftest.py's checks, by name.
SELFTESTS = ["harness_catches_fail", "harness_survives_panic", "harness_locates_hang",
             "harness_selects", "harness_grades", "harness_catches_lost_wakeup"]


class Plan:
    """Every test the harness knows, by name, and which of them to run."""

    def __init__(self, args):
        self.args = args
        self.ktests, self.broken = symbols.ktests(args.kernel)
        self.users = sorted(args.user_tests.split())
        self.diff = args.diff_tests.split()
        self.all_budgets = dict((k, float(v)) for k, v in (w.split("=") for w in args.timeouts.split()))
        self.budgets = self.budgets_for(1)

    def budgets_for(self, ncpus):
        """{test: seconds} on ncpus CPUs: TEST_TIMEOUTS's NAME=S, with NAME@N=S instead on N CPUs."""
        plain = {k: v for k, v in self.all_budgets.items() if "@" not in k}
        plain.update({k.split("@")[0]: v for k, v in self.all_budgets.items() if k.endswith(f"@{ncpus}")})
        return plain

    def names(self):
        return (["k_" + k for k in self.ktests] + self.users
                + [f"diff/{d}/{h}" for d in self.diff for h in HALVES]
                + SELFTESTS + [ISO_TEST, REPRO_TEST])

    def select(self, patterns):
        """The names matching any of the patterns: a test's exact name (or the user
        test it belongs to) if some test has it, else a shell glob if it has one of
        *?[, else a substring.  Deliberately broken ktests only by exact name."""
        names = self.names()
        chosen = set()
        for pat in patterns.replace(",", " ").split():
            exact = [n for n in names + ["k_" + b for b in self.broken]
                     if pat in (n, suite.base_name(n))]
            if exact:
                chosen.update(exact)
            elif any(c in pat for c in "*?["):
                chosen.update(n for n in names if fnmatch.fnmatchcase(n, pat)
                              or fnmatch.fnmatchcase(suite.base_name(n), pat))
            else:
                chosen.update(n for n in names if pat in n)
        return chosen

    def kernel_runs(self, chosen):
        """(ktests, user tests) to boot for the chosen names: a differential half
        needs the kernel's runs of its test."""
        need = set(chosen)
        for n in chosen:
            if n.startswith("diff/"):
                need.update({suite.base_name(n), suite.base_name(n) + ".glibc"})
        return ([k for k in self.ktests + self.broken if "k_" + k in need],
                [u for u in self.users if u in need])

    def user_elf(self, name):
        build = self.args.build
        if name.endswith(".glibc"):
            return os.path.join(build, "glibc-tests", suite.base_name(name))
        return os.path.join(build, "tests", name)
