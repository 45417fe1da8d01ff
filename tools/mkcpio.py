#!/usr/bin/env python3
"""mkcpio.py: writes the initramfs, a cpio archive in the "newc" format that
the kernel unpacks at boot.  Usage: mkcpio.py OUT [DEST=SRC | DEST=@TEXT]...
DEST is the path inside the image; SRC a host file, or @TEXT literal contents.
Parent directories and the standard ones (/bin /dev /proc /sys /tmp /etc) are added."""
import os
import sys

STD_DIRS = ["bin", "dev", "etc", "proc", "sys", "tmp", "tests"]


def header(ino, mode, size, name, nlink=1):
    fields = [ino, mode, 0, 0, nlink, 0, size, 0, 0, 0, 0, len(name) + 1, 0]
    return b"070701" + b"".join(b"%08X" % f for f in fields)


def entry(ino, mode, name, data=b""):
    out = header(ino, mode, len(data), name) + name.encode() + b"\0"
    out += b"\0" * (-len(out) % 4)
    out += data + b"\0" * (-len(data) % 4)
    return out


def main():
    out, specs = sys.argv[1], sys.argv[2:]
    files = {}
    for spec in specs:
        dest, src = spec.split("=", 1)
        if src.startswith("@"):
            files[dest.strip("/")] = (0o100644, src[1:].encode())
        else:
            with open(src, "rb") as f:
                files[dest.strip("/")] = (0o100755, f.read())
    dirs = set(STD_DIRS)
    for dest in files:
        parts = dest.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add("/".join(parts[:i]))
    blob = b""
    ino = 1
    for d in sorted(dirs):
        mode = 0o41777 if d == "tmp" else 0o40755
        blob += entry(ino, mode, d)
        ino += 1
    for dest in sorted(files):
        mode, data = files[dest]
        blob += entry(ino, mode, dest, data)
        ino += 1
    blob += entry(0, 0, "TRAILER!!!")
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(blob)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
