"""selftest.py: the harness's own tests, run by `make test` after the suite.
Deliberately broken in-kernel tests (a failed check, a NULL dereference, a
panic, a busy loop) and a user test that sleeps for ever run among passing
ones, and each check below must see the harness report exactly what
happened: one failure per broken test naming the faulting function or the
wait it sleeps in, found within seconds, the others passing after the
reboots; T= selection and grading are checked on the plan and on those
results. The wake-up stress test, run on 4 CPUs against a driver whose wait
is deliberately broken (wq_test's lost_wakeup parameter), must fail."""
import os
import time

import mkcpio
import plan as plans
import report
import suite

HANG_BUDGET = 3.0
SLEEPER = "harness_sleeper"     # /bin/cat as a test: it waits for the console for ever
MOD_SLEEPER = "harness_sleeper_mod"  # reads /dev/sleepy, whose driver is a module, for ever
STRESS = "dev_wq_stress"
LOST_WAKEUP = "harness_lost_wakeup"  # dev_wq_stress with the broken wait (uapi/wq_test.h)
STRESS_CPUS = 4
STRESS_BUDGET = 60.0


def boot(plan, ktests, users, budgets=None, files=None, ncpus=1):
    """Runs the tests quietly; returns ({name: Outcome}, {name: times reported}, seconds)."""
    seen = {}

    def count(o):
        seen[o.name] = seen.get(o.name, 0) + 1

    start = time.monotonic()
    outcomes, _ = suite.run(plan.args.kernel, plan.args.initrd, ktests, users, budgets or {},
                            plan.user_elf, count, files=files, ncpus=ncpus)
    return outcomes, seen, time.monotonic() - start


def describe(outcomes):
    return "".join(f"{n}: {'ok' if o.ok else o.reason}\n{o.where}" for n, o in outcomes.items())


def crash_checks(outcomes, seen, users):
    fail = outcomes.get("k_broken_fail")
    null = outcomes.get("k_broken_null")
    panic = outcomes.get("k_broken_panic")
    planned = {"k_broken_fail", "k_broken_null", "k_broken_panic", "k_printf_format", *users}
    return {
        "harness_catches_fail": fail is not None and not fail.ok and fail.reason == "exit 1"
        and "FAIL - " in fail.output,
        "harness_survives_panic": set(outcomes) == planned and set(seen.values()) == {1}
        and all(outcomes[n].ok for n in ["k_printf_format", *users])
        and null is not None and null.reason == "kernel panic"
        and "ktest_broken_null" in null.where + null.klog and "ktest_core.c" in null.where + null.klog
        and panic is not None and panic.reason == "kernel panic"
        and "deliberate panic" in panic.klog,
    }


def hang_check(plan, users):
    """A kernel busy in a loop and tests asleep for ever (cat reading the
    console, and a driver's read in a module, whose frame needs the module's
    symbols): each is one failure naming the function, found within seconds."""
    cat = os.path.join(plan.args.build, "user", "cat")
    outcomes, seen, took = boot(plan, ["broken_hang", "printf_format"], users + [SLEEPER, MOD_SLEEPER],
                                {"k_broken_hang": HANG_BUDGET, SLEEPER: HANG_BUDGET, MOD_SLEEPER: HANG_BUDGET},
                                {"tests/" + SLEEPER: mkcpio.host_file(cat),
                                 "tests/" + MOD_SLEEPER: (0o100755, b"#!/bin/cat /dev/sleepy\n")})
    hang, sleeper = outcomes.get("k_broken_hang"), outcomes.get(SLEEPER)
    mod_sleeper = outcomes.get(MOD_SLEEPER)
    ok = (hang is not None and hang.reason.startswith("hang") and "ktest_broken_hang" in hang.where
          and sleeper is not None and sleeper.reason.startswith("hang") and "tty_read" in sleeper.where
          and f"{SLEEPER} P_SLEEPING" in sleeper.where
          and mod_sleeper is not None and mod_sleeper.reason.startswith("hang")
          and "sleepy_read" in mod_sleeper.where and "drivers/sleepy.c" in mod_sleeper.where
          and took < 30 and all(outcomes.get(n) and outcomes[n].ok for n in ["k_printf_format", *users]))
    return ok, f"took {took:.1f} s\n" + describe(outcomes)


def lost_wakeup_check(plan):
    """On 4 CPUs the stress test passes with the real wait queues and fails
    with wq_test's broken wait (it checks the condition, then sleeps without
    checking again once queued): the lost wake-ups are timed out and counted."""
    script = f"#!/tests/{STRESS} lost-wakeup\n".encode()
    outcomes, _, took = boot(plan, [], [STRESS, LOST_WAKEUP],
                             {STRESS: STRESS_BUDGET, LOST_WAKEUP: STRESS_BUDGET},
                             {"tests/" + LOST_WAKEUP: (0o100755, script)}, ncpus=STRESS_CPUS)
    good, broken = outcomes.get(STRESS), outcomes.get(LOST_WAKEUP)
    ok = (good is not None and good.ok and broken is not None and broken.reason == "exit 1"
          and f"# cpus: {STRESS_CPUS}" in broken.output
          and "FAIL - no sleeper waited out its time-out" in broken.output)
    return ok, f"took {took:.1f} s on {STRESS_CPUS} CPUs\n" + describe(outcomes) + (
        broken.output if broken else "")


def select_check(plan):
    d = plan.diff[0]
    halves = {f"diff/{d}/{h}" for h in plans.HALVES}
    checks = [
        plan.select("dev_chardev") == ({"dev_chardev"} if "dev_chardev" in plan.users else set()),
        plan.select(d) == {d, d + ".glibc"} | halves,
        plan.select("no_such_test_anywhere") == set(),
        plan.select("k_broken_null") == {"k_broken_null"},
        plan.kernel_runs({f"diff/{d}/glibc-on-linux"}) == ([], [d, d + ".glibc"]),
    ]
    tty = plan.select("k_tty_*")
    checks.append(bool(tty) and all(n.startswith("k_tty_") for n in tty))
    return all(checks), f"checks: {checks}"


def grade_check(results, outcomes):
    lab = [("k_printf_format", 5), ("k_broken_fail", 3)]
    score, possible, lines = report.grade(lab, results, lambda chosen: outcomes)
    ok = (score, possible) == (5, 8) and lines[-1] == "Score: 5/8" and \
        any("k_broken_fail: FAIL" in line and "0/3" in line for line in lines)
    return ok, "\n".join(lines)


def run(plan, chosen, results):
    wanted = [n for n in plans.SELFTESTS if n in chosen]
    if not wanted:
        return
    users = plan.users[:2]
    verdicts = {}
    if {"harness_catches_fail", "harness_survives_panic", "harness_grades"} & set(wanted):
        outcomes, seen, _ = boot(plan, ["broken_fail", "broken_null", "broken_panic", "printf_format"], users)
        detail = describe(outcomes)
        verdicts.update({k: (v, detail) for k, v in crash_checks(outcomes, seen, users).items()})
        verdicts["harness_grades"] = grade_check(results, outcomes)
    if "harness_locates_hang" in wanted:
        verdicts["harness_locates_hang"] = hang_check(plan, users[:1])
    if "harness_catches_lost_wakeup" in wanted:
        verdicts["harness_catches_lost_wakeup"] = lost_wakeup_check(plan)
    if "harness_selects" in wanted:
        verdicts["harness_selects"] = select_check(plan)
    for name in wanted:
        ok, detail = verdicts[name]
        results.report(name, "passed" if ok else "failed",
                       None if ok else report.Failure("the harness missed it", detail))
