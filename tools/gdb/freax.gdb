# freax.gdb: GDB commands for the freax kernel (.gdbinit sources this file).
#   ps        the process table: pid, state, command
#   current   the running process (pid, command, its user registers)
#   dmesg     the kernel log, as dmesg prints it
#   bt-user   where the current process is in user space

python
import gdb

STATES = {"P_UNUSED": None, "P_EMBRYO": "N", "P_RUNNABLE": "R", "P_SLEEPING": "S", "P_ZOMBIE": "Z"}


def comm(p):
    return p["comm"].string(length=16).split("\0")[0]


class Ps(gdb.Command):
    """The process table: PID, state (R S D Z), parent and command."""

    def __init__(self):
        super().__init__("ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        table = gdb.parse_and_eval("proc_table")
        cur = gdb.parse_and_eval("current")
        n = table.type.range()[1] + 1
        print("  PID  PPID S COMMAND")
        for i in range(n):
            p = table[i]
            state = STATES.get(str(p["state"]))
            if state is None:
                continue
            if state == "S" and int(p["sleep_state"]) == 2:
                state = "D"
            ppid = int(p["parent"]["pid"]) if int(p["parent"]) else 0
            mark = "*" if int(p.address) == int(cur) else " "
            print(f"{mark}{int(p['pid']):4d} {ppid:5d} {state} {comm(p)}")


class Current(gdb.Command):
    """The running process: its pid and command, and its user registers."""

    def __init__(self):
        super().__init__("current", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        p = gdb.parse_and_eval("current").dereference()
        print(f"pid {int(p['pid'])} comm {comm(p)} (struct proc *) {p.address}")
        if int(p["tf"]):
            tf = p["tf"].dereference()
            print(f"user eip 0x{int(tf['eip']):08x} esp 0x{int(tf['esp']):08x} eax 0x{int(tf['eax']):08x}")


class Dmesg(gdb.Command):
    """The kernel log (printk's ring), without the <level> prefixes."""

    def __init__(self):
        super().__init__("dmesg", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        buf = gdb.parse_and_eval("log_buf")
        size = buf.type.sizeof
        first = int(gdb.parse_and_eval("log_first"))
        nxt = int(gdb.parse_and_eval("log_next"))
        inf = gdb.selected_inferior()
        raw = bytes(inf.read_memory(buf.address, size))
        data = bytes(raw[(first + i) % size] for i in range(nxt - first))
        for line in data.decode("utf-8", "replace").splitlines():
            if line.startswith("<") and ">" in line[:4]:
                line = line[line.index(">") + 1:]
            print(line)


Ps()
Current()
Dmesg()
end

define bt-user
  if current->tf
    printf "user eip 0x%08x esp 0x%08x ebp 0x%08x\n", current->tf->eip, current->tf->esp, current->tf->ebp
  end
end
document bt-user
Where the current process is in user space (its trap frame's eip, esp, ebp).
end
