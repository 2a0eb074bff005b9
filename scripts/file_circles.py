#!/usr/bin/env python3
"""Finds files of the program that call each other, from the objects' symbol tables.

Usage: file_circles.py BUILD_DIR

Reads every object of htx's libraries and executable in BUILD_DIR (tests and
benchmarks left out) with nm: file A uses file B when A's object has an
undefined symbol that B's object defines.  Prints each pair of files that
use each other, then every larger circle (a strongly connected group of
three or more files), and the line "N mutual pairs, N circles".  Exits 1
when there is any: a module that dispatches must sit above what it
dispatches to, and the files of one module must layer too.
"""
import collections
import os
import subprocess
import sys


def objects(build_dir):
    """(source path, object path) for each object of the program."""
    found = []
    for directory, _, files in os.walk(build_dir):
        relative = os.path.relpath(directory, build_dir)
        if relative.split(os.sep)[0] in ("tests", "meson-private", "meson-logs"):
            continue
        for name in files:
            if not name.endswith(".c.o"):
                continue
            # meson names an object after its source path below the target's
            # meson.build, with '/' written '_': keep the folder for the reader.
            top = relative.split(os.sep)[0]
            found.append((source_path(top, name[: -len(".o")]), os.path.join(directory, name)))
    return sorted(found)


def source_path(top, flattened):
    """tui + cli_cmd_edit.c -> tui/cli/cmd_edit.c, the file that exists in the tree."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    parts = flattened.split("_")
    for cut in range(len(parts)):
        candidate = os.path.join(top, *parts[:cut], "_".join(parts[cut:]))
        if os.path.exists(os.path.join(root, candidate)):
            return candidate
    return f"{top}/{flattened}"


def symbol_tables(objs):
    """Which file defines each global symbol, and which symbols each file uses (one nm run)."""
    source_of = {path: source for source, path in objs}
    out = subprocess.run(["nm", "-A", *source_of], capture_output=True, text=True, check=True).stdout
    defined, used = {}, collections.defaultdict(set)
    for line in out.splitlines():
        path, _, rest = line.rpartition(".o:")
        source = source_of.get(path + ".o")
        parts = rest.split()
        if source is None:
            continue
        if len(parts) == 3 and parts[1] in "TDBRCGSV":
            defined[parts[2]] = source
        elif len(parts) == 2 and parts[0] == "U":
            used[source].add(parts[1])
    return defined, used


def strongly_connected(graph):
    """Tarjan's algorithm, iterative: the groups of files that reach each other."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    groups.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    objs = objects(sys.argv[1])
    if not objs:
        print(f"no objects under {sys.argv[1]}: build first", file=sys.stderr)
        return 2
    defined, used = symbol_tables(objs)
    graph = {source: set() for source, _ in objs}
    for source, symbols in used.items():
        for symbol in symbols:
            owner = defined.get(symbol)
            if owner and owner != source:
                graph[source].add(owner)
    pairs = sorted({tuple(sorted((a, b))) for a in graph for b in graph[a] if a in graph.get(b, ())})
    for a, b in pairs:
        print(f"mutual: {a} <-> {b}")
    circles = [g for g in strongly_connected(graph) if len(g) > 2]
    for group in circles:
        print("circle: " + " -> ".join(group))
    print(f"{len(pairs)} mutual pairs, {len(circles)} circles ({len(objs)} files)")
    return 1 if pairs or circles else 0


if __name__ == "__main__":
    sys.exit(main())
