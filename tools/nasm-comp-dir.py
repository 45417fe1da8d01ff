#!/usr/bin/env python3
"""nasm-comp-dir.py: makes a nasm object independent of where the checkout is.

    nasm-comp-dir.py SOURCE.asm IN.o OUT.o

nasm writes the absolute directory of its source into the DWARF of the object
(DW_AT_comp_dir) and, unlike gcc, has no prefix map, so the same commit would
build different bytes in two checkouts.  This rewrites that string to ".", as
gcc's -ffile-prefix-map=$(CURDIR)=. does (DW_AT_name already holds the path
from the top of the tree), moves the relocations of .debug_info that follow it
and lays the sections out again.  It handles what nasm writes, one ELF32
little-endian relocatable with one compilation unit, and fails on anything
else rather than guess."""
import os
import struct
import sys

SHT_REL = 9
SHDR = struct.Struct("<10I")


def main():
    source, in_path, out_path = sys.argv[1:4]
    with open(in_path, "rb") as f:
        elf = f.read()
    if elf[:4] != b"\x7fELF" or elf[4] != 1 or elf[5] != 1:
        sys.exit(f"{in_path}: not an ELF32 little-endian object")
    e_shoff, = struct.unpack_from("<I", elf, 0x20)
    e_shentsize, e_shnum, e_shstrndx = struct.unpack_from("<3H", elf, 0x2e)
    shdrs = [list(SHDR.unpack_from(elf, e_shoff + i * e_shentsize)) for i in range(e_shnum)]
    data = [bytearray(elf[h[4]:h[4] + h[5]]) if h[1] != 8 else bytearray() for h in shdrs]
    strtab = bytes(data[e_shstrndx])

    def name(h):
        return strtab[h[0]:strtab.index(b"\0", h[0])].decode()

    info = next(i for i, h in enumerate(shdrs) if name(h) == ".debug_info")
    comp_dir = (os.path.dirname(os.path.realpath(source)) + "/").encode() + b"\0"
    at = data[info].find(comp_dir)
    if at < 0 or data[info].count(comp_dir) != 1:
        sys.exit(f"{in_path}: DW_AT_comp_dir {comp_dir[:-1].decode()} not found once")
    cut = len(comp_dir) - len(b".\0")
    data[info][at:at + len(comp_dir)] = b".\0"
    unit_length, = struct.unpack_from("<I", data[info], 0)
    if unit_length + 4 != len(data[info]) + cut:
        sys.exit(f"{in_path}: .debug_info holds more than one compilation unit")
    struct.pack_into("<I", data[info], 0, unit_length - cut)
    for i, h in enumerate(shdrs):
        if h[1] == SHT_REL and h[7] == info:
            for off in range(0, len(data[i]), 8):
                r_offset, = struct.unpack_from("<I", data[i], off)
                if r_offset > at:
                    struct.pack_into("<I", data[i], off, r_offset - cut)

    # The sections again in their order in the file, each at its alignment.
    out = bytearray(elf[:max(0x34, min(h[4] for h in shdrs[1:]))])
    for i in sorted(range(1, e_shnum), key=lambda i: shdrs[i][4]):
        h = shdrs[i]
        out += b"\0" * (-len(out) % max(h[8], 1))
        h[4] = len(out)
        if h[1] != 8:                   # SHT_NOBITS keeps its size and takes no bytes
            h[5] = len(data[i])
            out += data[i]
    out += b"\0" * (-len(out) % 4)
    struct.pack_into("<I", out, 0x20, len(out))
    for h in shdrs:
        out += SHDR.pack(*h)
    if comp_dir[:-1] in out:
        sys.exit(f"{in_path}: the directory is still in the object")
    with open(out_path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
