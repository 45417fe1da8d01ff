# freax.gdb: GDB commands for the freax kernel (.gdbinit sources this file).
#   ps        the process table: pid, state, command
#   current   the running process (pid, command, its user registers)
#   dmesg     the kernel log, as dmesg prints it
#   bt-user   where the current process is in user space
#   lx-symbols [DIR...]  the symbols of loaded modules (their .ko files are found
#             under build/modules and DIR); from then on each module loaded
#             gets its symbols as it loads, so `break chardev_ioctl` works
#             before the module is there

python
import sys

import gdb

# GDB runs from the checkout, as .gdbinit's relative paths already assume.
sys.path.insert(0, "tools")
import symbols  # noqa: E402  (find_ko, shared with the harness)

STATES = {"P_UNUSED": None, "P_EMBRYO": "N", "P_RUNNABLE": "R", "P_SLEEPING": "S", "P_ZOMBIE": "Z"}


def comm(p):
    return p["comm"].string(length=16).split("\0")[0]


def current_proc():
    """The process the selected CPU (gdb thread) runs: its struct cpu's
    current_task (the kernel reads it through %fs, x86/percpu.h)."""
    thread = gdb.selected_thread()
    n = thread.num - 1 if thread else 0
    return gdb.parse_and_eval(f"cpus[{n}].current_task")


class CurrentFunction(gdb.Function):
    """$current(): the selected CPU's running process, for expressions."""

    def __init__(self):
        super().__init__("current")

    def invoke(self):
        return current_proc()


class Ps(gdb.Command):
    """The process table: PID, state (R S D Z), parent and command."""

    def __init__(self):
        super().__init__("ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        table = gdb.parse_and_eval("proc_table")
        cur = current_proc()
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
        p = current_proc().dereference()
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


SHF_ALLOC = 0x2


def ko_sections(path):
    """The SHF_ALLOC sections of a .ko and their offsets in the module's block,
    laid out as kernel/module/loader.c's layout_sections does."""
    import struct
    with open(path, "rb") as f:
        data = f.read()
    shoff, = struct.unpack_from("<I", data, 0x20)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x2E)
    heads = [struct.unpack_from("<10I", data, shoff + i * shentsize) for i in range(shnum)]
    names = heads[shstrndx][4]

    def name(h):
        end = data.index(b"\0", names + h[0])
        return data[names + h[0]:end].decode()

    size, out = 0, []
    for h in heads[1:]:
        if not h[2] & SHF_ALLOC or name(h) == ".modinfo":
            continue
        align = h[8] or 1
        size = (size + align - 1) // align * align
        out.append((name(h), size))
        size += h[5]
    return out


class LxSymbols(gdb.Command):
    """The symbols of every loaded module, and of each module as it loads.
lx-symbols [DIR...]: .ko files are looked for under build/modules and each DIR."""

    def __init__(self):
        super().__init__("lx-symbols", gdb.COMMAND_FILES)
        self.dirs = ["build/modules"]
        self.loaded = {}
        self.hook = None

    def load(self, mod):
        modname = mod["name"].string()
        core = int(mod["core"])
        if self.loaded.get(modname) == core:
            return
        path = next(filter(None, (symbols.find_ko(d, modname) for d in self.dirs)), None)
        if path is None:
            print(f"lx-symbols: no {modname}.ko under {' '.join(self.dirs)}")
            return
        secs = dict(ko_sections(path))
        if ".text" not in secs:
            return
        args = " ".join(f"-s {n} 0x{core + off:x}" for n, off in secs.items() if n != ".text")
        gdb.execute(f"add-symbol-file {path} 0x{core + secs['.text']:x} {args}", to_string=True)
        self.loaded[modname] = core
        print(f"lx-symbols: {modname} at 0x{core:08x} ({path})")

    def invoke(self, arg, from_tty):
        self.dirs = ["build/modules"] + arg.split()
        head = gdb.parse_and_eval("&modules")
        node = head["next"]
        mtype = gdb.lookup_type("struct module")
        offset = next(f.bitpos // 8 for f in mtype.fields() if f.name == "list")
        while int(node) != int(head):
            mod = gdb.Value(int(node) - offset).cast(mtype.pointer()).dereference()
            self.load(mod)
            node = node["next"]
        if self.hook is None:
            self.hook = ModuleLoadHook(self)


class ModuleLoadHook(gdb.Breakpoint):
    """Stops nobody: adds each module's symbols when do_init_module is entered."""

    def __init__(self, syms):
        super().__init__("do_init_module", internal=True)
        self.syms = syms

    def stop(self):
        self.syms.load(gdb.parse_and_eval("mod").dereference())
        return False


Ps()
Current()
CurrentFunction()
Dmesg()
LxSymbols()
end

define bt-user
  if $current()->tf
    printf "user eip 0x%08x esp 0x%08x ebp 0x%08x\n", $current()->tf->eip, $current()->tf->esp, $current()->tf->ebp
  end
end
document bt-user
Where the current process is in user space (its trap frame's eip, esp, ebp).
end
