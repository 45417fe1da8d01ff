# gdb_where.py: run inside `gdb -batch` attached to a stopped guest (qemu.py's
# Guest.where) to say where a hung kernel is: the CPU's EIP and backtrace, then
# each task's saved kernel stack, so a test asleep in a driver shows the wait
# it is stuck in even while the CPU itself idles.
import gdb


def show(cmd):
    try:
        gdb.write(gdb.execute(cmd, to_string=True))
    except gdb.error as e:
        gdb.write(f"  ({cmd}: {e})\n")


def reg(name):
    return int(gdb.parse_and_eval(f"${name}")) & 0xffffffff


def one_cpu(n):
    eip = reg("eip")
    if reg("cs") & 3:
        gdb.write(f"CPU {n}: in user mode at eip {eip:#010x}\n")
        return
    gdb.write(f"CPU {n}: in the kernel at eip {eip:#010x}\n")
    show("bt 16")


def cpu():
    """Each CPU (a gdb thread each), the boot CPU first."""
    threads = sorted(gdb.selected_inferior().threads(), key=lambda t: t.num)
    for n, t in enumerate(threads):
        t.switch()
        one_cpu(n)
    if threads:
        threads[0].switch()


def running_tasks():
    """The processes current on some CPU (struct cpu's current_task)."""
    cpus = gdb.parse_and_eval("cpus")
    n = int(gdb.parse_and_eval("nr_cpu_ids"))
    return {int(cpus[i]["current_task"]) for i in range(n)}


def task_stack(ctx):
    """The backtrace a sleeping task resumes from: swtch() saved edi, esi, ebx,
    ebp and the return address at ctx; registers are set to it for bt and put back."""
    saved = {r: reg(r) for r in ("esp", "ebp", "eip")}
    try:
        gdb.execute(f"set $esp = {int(ctx) + ctx.dereference().type.sizeof}")
        gdb.execute(f"set $ebp = {int(ctx['ebp'])}")
        gdb.execute(f"set $eip = {int(ctx['eip'])}")
        show("bt 12")
    finally:
        for r, v in saved.items():
            gdb.execute(f"set ${r} = {v}")


def tasks():
    try:
        table = gdb.parse_and_eval("proc_table")
        current = running_tasks()
    except gdb.error:
        return
    for i in range(table.type.range()[1] + 1):
        p = table[i]
        state = str(p["state"])
        if state == "P_UNUSED":
            continue
        gdb.write(f"task {int(p['pid'])} {p['comm'].string()} {state}"
                  f"{' (on the CPU)' if int(p.address) in current else ''}\n")
        if int(p.address) not in current and state == "P_SLEEPING" and int(p["context"]):
            task_stack(p["context"])


cpu()
show("print jiffies")
show("print kernel_flag")
tasks()
