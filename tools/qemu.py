#!/usr/bin/env python3
"""qemu.py: the one place that says how QEMU runs the kernel.

The Makefile asks it for the common options (`tools/qemu.py args base`,
`args accel`) and for a GDB port (`tools/qemu.py gdb-port`); the harness and
krun start a headless Guest: COM1, COM2 and debugcon come back through pipes
as the guest writes them, isa-debug-exit powers it off with a status, and a
gdbstub on a private Unix socket lets `where()` ask where the CPU is before a
hung guest is killed.  Nothing waits on a guest forever: the callers poll
with deadlines.

Environment: QEMU (the binary), MEM (guest memory, default 512M), CPUS (how
many CPUs, default 1), KVM=1 (try KVM before TCG), GDBPORT (for `make qemu-gdb`), QEMU_EXTRA (options added to every headless boot, e.g.
"-icount shift=0" for timings that count instructions)."""
import os
import select
import shlex
import socket
import subprocess
import sys
import tempfile

import mkcpio

QEMU = os.environ.get("QEMU", "qemu-system-i386")
DEFAULT_MEM = "512M"
MAX_CPUS = 8            # kernel/smp.h's NR_CPUS
HERE = os.path.dirname(os.path.abspath(__file__))
WHERE_SCRIPT = os.path.join(HERE, "gdb_where.py")
GDB_COMMANDS = os.path.join(HERE, "gdb", "freax.gdb")   # lx-symbols: drivers are modules
STREAMS = ("serial", "serial2", "debugcon")
# Kernel command-line words for the headless boots: the kernel log goes to
# debugcon, and COM1 carries the programs' output with no more of the log than
# emergencies (1 is the lowest level syslog(2) can set back).
QUIET = "quiet loglevel=1"


def cpus(n=None):
    """How many CPUs the guest has: n, else $CPUS, else 1."""
    value = n if n is not None else os.environ.get("CPUS") or 1
    try:
        count = int(value)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_CPUS:
        sys.exit(f"qemu.py: CPUS={value}: give a number of CPUs from 1 to {MAX_CPUS}")
    return count


def base_args(mem=None, ncpus=None):
    """The machine every run uses, interactive or not.  QEMU's default CPU model
    (qemu32: CPUID, a local APIC, no features TCG lacks) runs under
    multi-threaded TCG without a warning, so none is named."""
    return [QEMU, "-m", mem or os.environ.get("MEM") or DEFAULT_MEM, "-smp", str(cpus(ncpus)), "-no-reboot"]


def accel_args(ncpus=None):
    # TCG by default: deterministic and always there; KVM=1 asks for KVM when it works.
    # Several CPUs run on as many host threads (multi-threaded TCG), so that they
    # really run at once; one CPU keeps the single-threaded TCG of old, and so
    # does -icount (QEMU refuses it with MTTCG): its CPUs take turns on one thread.
    multi = cpus(ncpus) > 1 and "-icount" not in os.environ.get("QEMU_EXTRA", "")
    tcg = "tcg,thread=multi" if multi else "tcg"
    if os.environ.get("KVM") == "1":
        return ["-accel", "kvm", "-accel", tcg]
    return ["-accel", tcg]


def gdb_port():
    """xv6's rule, so two users of one machine do not collide: uid % 5000 + 25000,
    moved up past ports already taken (a second checkout's QEMU); GDBPORT=N insists on N."""
    if os.environ.get("GDBPORT"):
        return int(os.environ["GDBPORT"])
    port = os.getuid() % 5000 + 25000
    for candidate in range(port, port + 100):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", candidate))
                return candidate
            except OSError:
                continue
    return port


class Guest:
    """One headless boot.  Use as a context manager; poll() until exited (after
    kill() too: the streams are read to their end)."""

    def __init__(self, kernel=None, initrd=None, iso=None, append="", mem=None, files=None, ncpus=None):
        """files ({guest path: (mode, bytes)}, mkcpio's entries) go into a second
        archive after initrd: the kernel unpacks both, the later one winning.
        ncpus: the CPU count (default $CPUS or 1)."""
        self.tmp = tempfile.TemporaryDirectory(prefix="freax-qemu-")
        if files:
            image = os.path.join(self.tmp.name, "initrd.cpio")
            with open(initrd, "rb") as f:
                mkcpio.write(image, f.read() + mkcpio.archive({k.strip("/"): v for k, v in files.items()}))
            initrd = image
        self.gdb_socket = os.path.join(self.tmp.name, "gdb.sock")
        self.data = {name: bytearray() for name in STREAMS}
        pipes = {name: os.pipe() for name in STREAMS}
        cmd = base_args(mem, ncpus) + accel_args(ncpus) + [
            "-display", "none", "-monitor", "none",
            "-serial", f"file:/dev/fd/{pipes['serial'][1]}",
            "-serial", f"file:/dev/fd/{pipes['serial2'][1]}",
            "-debugcon", f"file:/dev/fd/{pipes['debugcon'][1]}",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-chardev", f"socket,id=gdb0,path={self.gdb_socket},server=on,wait=off",
            "-gdb", "chardev:gdb0"]
        if iso:
            cmd += ["-cdrom", iso]
        else:
            cmd += ["-kernel", kernel, "-append", append]
            if initrd:
                cmd += ["-initrd", initrd]
        cmd += os.environ.get("QEMU_EXTRA", "").split()
        writers = [w for _, w in pipes.values()]
        self.stderr_path = os.path.join(self.tmp.name, "stderr")
        with open(self.stderr_path, "wb") as err:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=err, pass_fds=writers)
        for fd in writers:
            os.close(fd)
        self.readers = {r: name for name, (r, _) in pipes.items()}
        self.exit_code = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()
        while not self.exited:
            self.poll(0.1)
        for fd in self.readers:
            os.close(fd)
        self.tmp.cleanup()

    @property
    def exited(self):
        return self.exit_code is not None

    def poll(self, timeout):
        """Waits up to timeout seconds for output; returns [(stream, bytes)] in the
        order read (empty on a timeout).  When every stream is closed the guest has
        exited and exit_code is set."""
        open_fds = [fd for fd in self.readers if self.readers[fd] is not None]
        if not open_fds:
            self._reap()
            return []
        ready, _, _ = select.select(open_fds, [], [], timeout)
        chunks = []
        for fd in ready:
            data = os.read(fd, 65536)
            name = self.readers[fd]
            if not data:
                self.readers[fd] = None
                continue
            self.data[name] += data
            chunks.append((name, data))
        if all(name is None for name in self.readers.values()):
            self._reap()
        return chunks

    def _reap(self):
        if self.exit_code is None:
            self.exit_code = self.proc.wait()

    @property
    def panicked(self):
        return b"@@PANIC" in self.data["debugcon"]

    @property
    def poweroff_code(self):
        """The code given to power-off, or None if the guest never powered off."""
        marker = b"@@POWEROFF "
        i = self.data["debugcon"].rfind(marker)
        if i < 0:
            return None
        return int(self.data["debugcon"][i + len(marker):].split()[0])

    def where(self, kernel_elf):
        """Where the CPU is and what every task's kernel stack holds, through the
        gdbstub (tools/gdb_where.py); the guest stays stopped afterwards.
        None if QEMU has exited meanwhile: the guest finished after all."""
        if self.proc.poll() is not None:
            return None
        modules = os.path.join(os.path.dirname(kernel_elf), "modules")
        cmd = ["gdb", "-batch", "-nx", "-ex", "set architecture i386", "-ex", f"file {kernel_elf}",
               "-ex", f"target remote {self.gdb_socket}", "-x", GDB_COMMANDS,
               "-ex", f"lx-symbols {modules}", "-x", WHERE_SCRIPT]
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"(gdb could not ask the guest: {e})\n"
        # What gdb says on its own as it attaches comes before the script's first line.
        out = p.stdout[p.stdout.find("CPU 0:"):] if "CPU 0:" in p.stdout else p.stdout + p.stderr
        return "\n".join(line for line in out.splitlines() if not line.startswith("[Inferior")) + "\n"

    def qemu_errors(self):
        with open(self.stderr_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def kill(self):
        """Ends QEMU; what it wrote before stays to be read by poll()."""
        if self.proc.poll() is None:
            self.proc.kill()


def main(argv):
    if argv[1:3] == ["args", "base"]:
        print(shlex.join(base_args()))
    elif argv[1:3] == ["args", "accel"]:
        print(shlex.join(accel_args()))
    elif argv[1:2] == ["gdb-port"]:
        print(gdb_port())
    else:
        sys.stderr.write("usage: qemu.py args base|accel | gdb-port\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
