#!/usr/bin/env python3
"""console_jobs.py: types a job-control session into `make run-nox`'s serial
console, as a user at the terminal would, and checks what ash answers:
`sleep 100 &`, `jobs`, `fg`, ^Z, `bg`, `kill %1`, then ^C on a foreground
sleep.  The in-guest test job_ash cannot type ^Z (only the console's line
discipline turns it into SIGTSTP); this can.  Exit status 0 if every step
gave what a Linux terminal gives.

    make build/freax.iso && tools/console_jobs.py [build/freax.iso]"""
import os
import pty
import re
import select
import sys
import time

import qemu

PROMPT = rb"# "
STEPS = [   # (what is typed, what must come back within 30 s: the prompt unless said)
    ("sleep 100 &\r", PROMPT),
    ("jobs\r", rb"\[1\]\+  Running +sleep 100\r*\n.*" + PROMPT),
    ("fg\r", rb"fg\r*\nsleep 100\r*\n"),     # no prompt: the job has the terminal
    ("\x1a", rb"\^Z\[1\]\+  Stopped +sleep 100\r*\n.*" + PROMPT),
    ("jobs\r", rb"\[1\]\+  Stopped +sleep 100\r*\n.*" + PROMPT),
    ("bg\r", rb"\[1\] sleep 100\r*\n.*" + PROMPT),
    ("jobs\r", rb"\[1\]\+  Running +sleep 100\r*\n.*" + PROMPT),
    ("kill %1\r", rb"\[1\]\+  Terminated +sleep 100\r*\n.*" + PROMPT),
    ("sleep 50\r", rb"sleep 50\r*\n"),        # no prompt until ^C
    ("\x03", rb"\^C\r*\n.*" + PROMPT),
]


class Console:
    def __init__(self, iso):
        cmd = qemu.base_args() + qemu.accel_args() + ["-cdrom", iso, "-boot", "order=d", "-nic", "none",
                                                      "-nographic"]
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvp(cmd[0], cmd)
        self.buf = b""

    def expect(self, pattern, timeout):
        """The text up to pattern's match (and drops it), or None after timeout s."""
        end = time.time() + timeout
        while time.time() < end:
            m = re.search(pattern, self.buf, re.S)
            if m:
                text, self.buf = self.buf[:m.end()], self.buf[m.end():]
                return text
            if select.select([self.fd], [], [], 0.5)[0]:
                try:
                    self.buf += os.read(self.fd, 4096)
                except OSError:
                    return None
        return None

    def close(self):
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)


def main():
    iso = sys.argv[1] if len(sys.argv) > 1 else "build/freax.iso"
    con = Console(iso)
    failed = 0
    try:
        if con.expect(PROMPT, 300) is None:
            print("FAIL - no shell prompt on the console")
            return 1
        for typed, want in STEPS:
            time.sleep(0.5)
            os.write(con.fd, typed.encode())
            text = con.expect(want, 30)
            ok = text is not None
            failed += not ok
            shown = (text or b"(nothing)").decode("utf-8", "replace").replace("\r", "")
            print(f"{'ok' if ok else 'FAIL'} - {typed!r}: {shown.strip()!r}")
    finally:
        con.close()
    print(f"{len(STEPS)} steps, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
