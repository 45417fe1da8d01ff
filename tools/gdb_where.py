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


def cpu():
    eip = reg("eip")
    if reg("cs") & 3:
        gdb.write(f"CPU 0: in user mode at eip {eip:#010x}\n")
        return
    gdb.write(f"CPU 0: in the kernel at eip {eip:#010x}\n")
    show("bt 16")


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
        current = int(gdb.parse_and_eval("current"))
    except gdb.error:
        return
    for i in range(table.type.range()[1] + 1):
        p = table[i]
        state = str(p["state"])
        if state == "P_UNUSED":
            continue
        gdb.write(f"task {int(p['pid'])} {p['comm'].string()} {state}"
                  f"{' (on the CPU)' if int(p.address) == current else ''}\n")
        if int(p.address) != current and state == "P_SLEEPING" and int(p["context"]):
            task_stack(p["context"])


cpu()
tasks()
