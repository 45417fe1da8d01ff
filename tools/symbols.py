"""symbols.py: addresses to names for the harness and krun.  addr2line turns an
EIP from the kernel's register dump into function and file:line (kernel
addresses against build/kernel.elf, user ones against the program that ran),
and nm lists the in-kernel tests in the order the kernel runs them.  A module's
frame, which the kernel can only name ("fn+0x1c/0x40 [mod]": its line tables
stay in the .ko), gets its file:line from the module's .ko, as Linux's
scripts/decode_stacktrace.sh does."""
import os
import re
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNBASE = 0xC0000000
# "eip c0101234" in the trap dump, "eip 0xc0101234" in gdb_where.py's CPU line.
EIP = re.compile(r"\beip (?:0x)?([0-9a-f]{8})\b")
# A backtrace the kernel resolved itself: "function+0x1c/0x40".
RESOLVED = re.compile(r"[A-Za-z_]\w*\+0x[0-9a-f]+")
# A module's frame as the kernel prints it: "function+0x1c/0x40 [module]".
MODULE_FRAME = re.compile(r"\b([A-Za-z_]\w*)\+0x([0-9a-f]+)/0x[0-9a-f]+ \[(\w+)\]")
KTEST_DESC = re.compile(r"^([0-9a-f]+) \w (ktest_(?:broken_)?desc)_(\w+)$")


def tool(name):
    """The cross binutils when installed, the host's (which read i386 ELF too) otherwise."""
    return shutil.which("i686-linux-gnu-" + name) or name


def addr2line(elf, addrs):
    """["function at file:line", ...] for each address."""
    if not addrs:
        return []
    try:
        p = subprocess.run([tool("addr2line"), "-f", "-p", "-e", elf] + [f"{a:#x}" for a in addrs],
                           capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ["??"] * len(addrs)
    lines = p.stdout.splitlines()
    return [relative(line) for line in lines] + ["??"] * (len(addrs) - len(lines))


def relative(line):
    line = re.sub(r" \(discriminator \d+\)", "", line.replace(ROOT + os.sep, ""))
    return re.sub(r"(^| )\./", r"\1", line)


def explain(text, kernel_elf, user_elf=None, kernel_too=True):
    """A line per EIP found in text, with its function and file:line; nothing
    when the kernel printed a resolved backtrace itself."""
    if kernel_too and RESOLVED.search(text):
        return ""
    out = []
    for m in dict.fromkeys(EIP.findall(text)):
        addr = int(m, 16)
        if addr >= KERNBASE and kernel_too:
            out.append(f"eip {addr:#010x} is {addr2line(kernel_elf, [addr])[0]}")
        elif addr < KERNBASE and user_elf and os.path.exists(user_elf):
            out.append(f"eip {addr:#010x} is {addr2line(user_elf, [addr])[0]} "
                       f"(user mode, {os.path.relpath(user_elf, ROOT)})")
    return "".join(line + "\n" for line in out)


def find_ko(modules_dir, module):
    """The .ko file of module (kbuild writes - as _ in the name) under modules_dir, or None."""
    for root, _, files in os.walk(modules_dir):
        for name in (module + ".ko", module.replace("_", "-") + ".ko"):
            if name in files:
                return os.path.join(root, name)
    return None


def ko_function(ko, function):
    """(section name, offset in it) of function in a relocatable .ko, or None."""
    try:
        secs = subprocess.run([tool("readelf"), "-SW", ko], capture_output=True, text=True, timeout=30).stdout
        syms = subprocess.run([tool("readelf"), "-sW", ko], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    names = dict(re.findall(r"^\s*\[\s*(\d+)\]\s+(\S+)", secs, re.M))
    for line in syms.splitlines():
        f = line.split()
        if len(f) == 8 and f[3] == "FUNC" and f[7] == function and f[6] in names:
            return names[f[6]], int(f[1], 16)
    return None


def module_frames(text, modules_dir):
    """A line per module frame in text with its file:line, from the .ko files under modules_dir."""
    out = []
    for function, off, module in dict.fromkeys(MODULE_FRAME.findall(text)):
        ko = find_ko(modules_dir, module)
        where = ko and ko_function(ko, function)
        if not where:
            continue
        try:
            p = subprocess.run([tool("addr2line"), "-p", "-e", ko, "-j", where[0],
                                f"{where[1] + int(off, 16):#x}"], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        out.append(f"{function}+0x{off} [{module}] is at {relative(p.stdout.strip())}\n")
    return "".join(out)


def ktests(kernel_elf):
    """(ordinary, broken): the KTEST names in the order the kernel runs them."""
    p = subprocess.run([tool("nm"), "-n", kernel_elf], capture_output=True, text=True, check=True)
    ordinary, broken = [], []
    for line in p.stdout.splitlines():
        m = KTEST_DESC.match(line)
        if m:
            (broken if m.group(2) == "ktest_broken_desc" else ordinary).append(m.group(3))
    return ordinary, broken
