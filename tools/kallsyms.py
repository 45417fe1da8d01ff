#!/usr/bin/env python3
"""kallsyms.py: the kernel's symbol and line tables, built from a first link.

    kallsyms.py NM READELF KERNEL.ELF OUT.BIN SOURCE...

Reads the text symbols (nm) and the DWARF line table (readelf
--debug-dump=decodedline) of the first-pass kernel and writes one blob that
the second link places in section .kallsyms, after .text, .rodata and .data,
so no function moves between the passes.  kernel/kallsyms.c reads it:

  header  u32 magic "KSYM", nsyms, nlines, nfiles,
          u32 offsets of syms, lines, files, strings
  syms    (u32 addr, u32 size, u32 name offset) sorted by address
  lines   (u32 addr, u16 file, u16 line) sorted by address; file 0xffff ends
          a sequence (no line information from there)
  files   u32 name offset each
  strings NUL-terminated

SOURCE lists the kernel's sources: readelf names a compilation unit's own
file by its base name only, and the list turns that back into a path."""
import os
import struct
import subprocess
import sys

MAGIC = 0x4d59534b
NO_FILE = 0xffff


def text_symbols(nm, elf):
    out = subprocess.run([nm, "-n", "-S", "--defined-only", elf], capture_output=True, text=True,
                         check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4:
            addr, size, kind, name = int(parts[0], 16), int(parts[1], 16), parts[2], parts[3]
        elif len(parts) == 3:
            addr, size, kind, name = int(parts[0], 16), None, parts[1], parts[2]
        else:
            continue
        if kind not in "tTwW" or addr < 0xc0000000:
            continue
        # nasm's local labels (__copy_user.copy) belong to their function.
        if size is None and "." in name:
            continue
        syms.append([addr, size, name])
    # Assembly symbols have no size: they end where the next one starts.
    for i, s in enumerate(syms):
        if s[1] is None or s[1] == 0:
            s[1] = syms[i + 1][0] - s[0] if i + 1 < len(syms) else 16
    # Aliases at one address: keep one name.
    dedup = {}
    for s in syms:
        dedup.setdefault(s[0], s)
    return [dedup[a] for a in sorted(dedup)]


def line_rows(readelf, elf, sources):
    by_base = {}
    for src in sources:
        by_base.setdefault(os.path.basename(src), []).append(src)
    out = subprocess.run([readelf, "-W", "--debug-dump=decodedline", elf], capture_output=True,
                         text=True, check=True).stdout
    current = None
    rows = {}
    for line in out.splitlines():
        if not line.strip() or line.startswith("File name") or line.startswith("Contents of"):
            continue
        parts = line.split()
        if line.rstrip().endswith(":") and len(parts) == 1 or line.startswith("CU: "):
            name = line.rstrip()[:-1].removeprefix("CU: ").removeprefix("./")
            if "/" not in name and len(by_base.get(name, [])) == 1:
                name = by_base[name][0]
            current = name
            continue
        if len(parts) < 3 or current is None:
            continue
        try:
            addr = int(parts[2], 16)
        except ValueError:
            continue
        if parts[1] == "-":
            rows.setdefault(addr, (None, 0))
            continue
        if not parts[1].isdigit():
            continue
        # Several rows at one address (views): the last one describes the instruction.
        rows[addr] = (current, int(parts[1]))
    return rows


def main():
    nm, readelf, elf, out_path = sys.argv[1:5]
    sources = sys.argv[5:]
    syms = text_symbols(nm, elf)
    rows = line_rows(readelf, elf, sources)

    strings = bytearray()
    offsets = {}

    def intern(s):
        if s not in offsets:
            offsets[s] = len(strings)
            strings.extend(s.encode() + b"\0")
        return offsets[s]

    files = []
    file_index = {}
    lines = []
    last = None
    for addr in sorted(rows):
        name, lineno = rows[addr]
        if name is None:
            key = (NO_FILE, 0)
        else:
            if name not in file_index:
                file_index[name] = len(files)
                files.append(intern(name))
            key = (file_index[name], min(lineno, 0xffff))
        if key == last:
            continue
        lines.append((addr,) + key)
        last = key

    sym_blob = b"".join(struct.pack("<III", a, s, intern(n)) for a, s, n in syms)
    line_blob = b"".join(struct.pack("<IHH", a, f, ln) for a, f, ln in lines)
    file_blob = b"".join(struct.pack("<I", f) for f in files)
    header_size = 8 * 4
    off_syms = header_size
    off_lines = off_syms + len(sym_blob)
    off_files = off_lines + len(line_blob)
    off_strings = off_files + len(file_blob)
    header = struct.pack("<8I", MAGIC, len(syms), len(lines), len(files),
                         off_syms, off_lines, off_files, off_strings)
    with open(out_path, "wb") as f:
        f.write(header + sym_blob + line_blob + file_blob + bytes(strings))


if __name__ == "__main__":
    main()
