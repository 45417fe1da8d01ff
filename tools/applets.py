#!/usr/bin/env python3
"""applets.py: lists the applets of a busybox binary as mkcpio.py link specs,
one per line: DIR/NAME=>TARGET.

    applets.py BUSYBOX DIR TARGET

The names are read from the binary itself (busybox keeps them as one sorted
run of NUL-terminated strings starting with "[" and "[["), so this works on a
host that cannot run i386 programs; where it can, `busybox --list` agrees."""
import sys


def applet_names(blob):
    start = blob.find(b"[\0[[\0")
    if start < 0:
        sys.exit("applets.py: no applet table found: is this busybox?")
    names = []
    for name in blob[start:].split(b"\0"):
        if not name or (names and name.decode("ascii", "replace") <= names[-1]):
            break
        names.append(name.decode("ascii"))
    return names


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    busybox, directory, target = sys.argv[1:]
    with open(busybox, "rb") as f:
        names = applet_names(f.read())
    if len(names) < 10:
        sys.exit(f"applets.py: only {len(names)} applets found in {busybox}")
    for name in names:
        print(f"{directory.strip('/')}/{name}=>{target}")


if __name__ == "__main__":
    main()
