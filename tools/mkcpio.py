#!/usr/bin/env python3
"""mkcpio.py: writes the initramfs, a cpio archive in the "newc" format that
the kernel unpacks at boot.

    mkcpio.py OUT [DEST=SRC | DEST=@TEXT | DEST=>TARGET | @LISTFILE]...

DEST is the path inside the image; SRC a host file (its permission bits are
kept), @TEXT literal contents (mode 0644), >TARGET a symbolic link to TARGET.
@LISTFILE reads more such specs from LISTFILE, one a line, which keeps long
lists and names the shell would mangle (busybox's "[") off the command line.
Parent directories and the standard ones (/bin /dev /proc /sys /tmp /etc) are added."""
import os
import stat
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
        return stat.S_IFREG | stat.S_IMODE(os.fstat(f.fileno()).st_mode), f.read()


def text_file(text):
    return 0o100644, text.encode()


def symlink(target):
    return 0o120777, target.encode()


def expand(specs):
    for spec in specs:
        if spec.startswith("@"):
            with open(spec[1:]) as f:
                yield from expand(line.rstrip("\n") for line in f if line.strip())
        else:
            yield spec


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


def main():
    out, specs = sys.argv[1], sys.argv[2:]
    files = {}
    for spec in expand(specs):
        dest, src = spec.split("=", 1)
        kind = {"@": text_file, ">": symlink}.get(src[:1])
        files[dest.strip("/")] = kind(src[1:]) if kind else host_file(src)
    write(out, archive(files))


if __name__ == "__main__":
    main()
