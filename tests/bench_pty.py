#!/usr/bin/env python3
"""Benchmark: keys into the real htx in a pseudo-terminal, timed until the
screen settles.

    bench_pty.py HTX REGISTER...

For each register (made by bench_browse; opened as it is, so give copies of
registers that an older htx made: opening migrates them), starts htx in a
120x40 pty, and for each key of a list of searches, Enter, Esc, a district
switch, a sort change and a filter change writes the key's bytes and reads the screen's
output until the terminal has been quiet for QUIET seconds: the time from the
write to the last byte is the key's.  Prints p50 and p95 in milliseconds.
Figures, not pass/fail: machines differ."""

import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

QUIET = 0.15
QUERIES = ["a", "x", "thuong", "hop tac xa", "may tre", "HTX mây tre đan Bát Tràng 1", "thuy xuan tien", "0100"]
ENTER, ESC, TAB, DOWN, UP = b"\r", b"\x1b", b"\t", b"\x1b[B", b"\x1b[A"
F4, F6 = b"\x1bOS", b"\x1b[17~"


class Htx:
    def __init__(self, htx, db):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "HTX_LANG": ""})
            os.execv(htx, [htx, "--db", db])
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.settle(30.0)

    def settle(self, first_wait=5.0):
        """Reads until the terminal is quiet; the time of the last byte."""
        last = time.monotonic()
        wait = first_wait
        while True:
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                return last
            try:
                if not os.read(self.fd, 65536):
                    return last
            except OSError:
                return last
            last = time.monotonic()
            wait = QUIET

    def key(self, data):
        """Milliseconds from writing the key to the screen settled."""
        start = time.monotonic()
        os.write(self.fd, data)
        return (self.settle() - start) * 1e3

    def close(self):
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * (len(values) - 1) + 0.5))] if values else 0.0


def line(label, values):
    print(f"  {label:32} {percentile(values, 0.5):8.1f} {percentile(values, 0.95):8.1f} {max(values):8.1f}")


def measure(htx, db):
    h = Htx(htx, db)
    print(f"{db}\n  {'keys':32} {'p50':>8} {'p95':>8} {'max':>8}")
    h.key(TAB)  # to the list
    enter, esc = [], []
    for query in QUERIES:
        h.key(b"/")
        line(query, [h.key(ch.encode()) for ch in query])
        enter.append(h.key(ENTER))
        h.key(b"/")
        esc.append(h.key(ESC))
    line("Enter (keep the search)", enter)
    line("Esc (clear the search)", esc)
    h.key(TAB)  # to the districts
    line("district switch (Down)", [h.key(DOWN) for _ in range(8)])
    h.key(TAB)
    sorts = []
    for _ in range(4):
        h.key(F6)
        h.key(DOWN)
        sorts.append(h.key(ENTER))
    line("sort change", sorts)
    # F4's list: clear, then the sectors, the statuses, the clubs; each
    # chosen from a cleared filter, in name order and in the last sort.
    filters = []
    for sort_downs in (0, -4):
        if sort_downs:
            h.key(F6)
            for _ in range(-sort_downs):
                h.key(UP)
            h.key(ENTER)
        for downs in range(1, 16):
            h.key(F4)
            for _ in range(downs):
                h.key(DOWN)
            filters.append(h.key(ENTER))
            h.key(F4)
            h.key(ENTER)  # the first choice clears
    line("filter change", filters)
    with open(f"/proc/{h.pid}/status") as status:
        peak = next(l for l in status if l.startswith("VmHWM:")).split()[1]
    print(f"  {'peak memory (MiB)':32} {int(peak) / 1024:8.1f}")
    h.close()


def main():
    htx = sys.argv[1]
    for db in sys.argv[2:]:
        measure(htx, db)


if __name__ == "__main__":
    main()
