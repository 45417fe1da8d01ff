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


def host_file(src):
    with open(src, "rb") as f:
        return 0o100755, f.read()


def text_file(text):
    return 0o100644, text.encode()


def archive(files):
    """The archive of files ({DEST: (mode, bytes)}) with their parent directories."""
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
    return blob + entry(0, 0, "TRAILER!!!")


def write(out, blob):
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(blob)
    os.replace(tmp, out)


def overlay(base, out, files):
    """Writes to out the image base followed by a second archive of files: the
    kernel unpacks both, the later one winning (how krun and the harness add
    their files to build/initramfs.cpio)."""
    with open(base, "rb") as f:
        write(out, f.read() + archive({dest.strip("/"): v for dest, v in files.items()}))


def main():
    out, specs = sys.argv[1], sys.argv[2:]
    files = {}
    for spec in specs:
        dest, src = spec.split("=", 1)
        files[dest.strip("/")] = text_file(src[1:]) if src.startswith("@") else host_file(src)
    write(out, archive(files))


if __name__ == "__main__":
    main()
