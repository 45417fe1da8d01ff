"""qemu.py: boots the kernel under QEMU for the harness and for krun.

One function, boot(), runs QEMU headless with COM1 captured (streamed, so the
time to the first test can be measured), COM2 and debugcon written to files,
and isa-debug-exit for power-off.  A guest that stays silent too long or runs
past its deadline is killed: nothing waits on a hung guest forever."""
import os
import select
import subprocess
import tempfile
import time

QEMU = os.environ.get("QEMU", "qemu-system-i386")


class Boot:
    """What one boot produced."""

    def __init__(self):
        self.serial = b""           # COM1
        self.serial2 = b""          # COM2
        self.debugcon = b""         # the kernel log and power-off status
        self.exit_code = None
        self.timed_out = False
        self.first_test_s = None    # seconds from QEMU start to the first "@@TEST"
        self.elapsed_s = 0.0

    @property
    def panicked(self):
        return b"@@PANIC" in self.debugcon

    @property
    def poweroff_code(self):
        """The code given to power-off, or None if the guest never powered off."""
        marker = b"@@POWEROFF "
        i = self.debugcon.rfind(marker)
        if i < 0:
            return None
        return int(self.debugcon[i + len(marker):].split()[0])


def accel_args():
    # TCG by default: deterministic and always there; KVM=1 asks for KVM when it works.
    if os.environ.get("KVM") == "1":
        return ["-accel", "kvm", "-accel", "tcg"]
    return ["-accel", "tcg"]


def boot(kernel=None, initrd=None, iso=None, append="", timeout=120, idle=30,
         stop_on=None, extra=()):
    """Boots a kernel (direct Multiboot boot) or an ISO.  Returns a Boot.
    stop_on: bytes on COM1 after which the guest is killed (a successful probe)."""
    result = Boot()
    with tempfile.TemporaryDirectory() as tmp:
        com2 = os.path.join(tmp, "com2")
        dcon = os.path.join(tmp, "debugcon")
        cmd = [QEMU, "-m", "256M", "-no-reboot", "-display", "none", "-monitor", "none",
               "-serial", "stdio", "-serial", "file:" + com2, "-debugcon", "file:" + dcon,
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"] + accel_args()
        if iso:
            cmd += ["-cdrom", iso]
        else:
            cmd += ["-kernel", kernel, "-append", append]
            if initrd:
                cmd += ["-initrd", initrd]
        # QEMU_EXTRA adds options to every boot, e.g. "-icount shift=0" for
        # timings that count instructions instead of depending on the host's load.
        cmd += list(extra) + os.environ.get("QEMU_EXTRA", "").split()
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        last = start
        chunks = []
        fd = proc.stdout.fileno()
        while True:
            now = time.monotonic()
            if now - start > timeout or now - last > idle:
                result.timed_out = True
                proc.kill()
                break
            ready, _, _ = select.select([fd], [], [], 0.2)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            data = os.read(fd, 65536)
            if not data:
                break
            chunks.append(data)
            last = time.monotonic()
            if result.first_test_s is None and b"@@TEST" in b"".join(chunks[-2:]):
                result.first_test_s = last - start
            if stop_on and stop_on in b"".join(chunks):
                proc.kill()
                break
        result.exit_code = proc.wait()
        result.elapsed_s = time.monotonic() - start
        result.serial = b"".join(chunks)
        for path, attr in ((com2, "serial2"), (dcon, "debugcon")):
            if os.path.exists(path):
                with open(path, "rb") as f:
                    setattr(result, attr, f.read())
    return result
