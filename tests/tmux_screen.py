"""Drives the real htx in tmux for the screen tests.

A Screen starts htx in a detached tmux session of a known size, types keys
with send-keys and reads the rendered screen with capture-pane.  Nothing
sleeps for a fixed time: wait_for polls the screen until what it expects
appears or a deadline passes.  main() runs a test module's unittest cases
with the htx path given as the first argument.
"""
import os
import shutil
import tempfile
import subprocess
import sys
import time
import unittest

HTX = None  # set by main()
# The sizes every desk test runs at: a desk monitor's window and the classic terminal.
SIZES = ((120, 40), (80, 24))
DEADLINE = float(os.environ.get("HTX_TUI_DEADLINE", "20"))


def tmux(*args, check=True):
    p = subprocess.run(["tmux", "-L", Screen.socket, *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"tmux {' '.join(args)}: {p.stderr}")
    return p.stdout


class Screen:
    """One htx in one tmux session."""

    socket = f"htx-test-{os.getpid()}"

    def __init__(self, db, *args, width=120, height=40, env=None, cwd=None):
        self.name = f"htx{time.monotonic_ns()}"
        self.size = f"{width}x{height}"
        self.status_file = os.path.join(os.path.dirname(db), self.name + ".status")
        environment = {"LANG": "C.UTF-8", "TERM": "xterm-256color", "HTX_LANG": ""}
        environment.update(env or {})
        exports = " ".join(f"{k}={quote(v)}" for k, v in environment.items())
        command = " ".join([quote(HTX), "--db", quote(db), *map(quote, args)])
        # The exit status is written to a file: the pane closes with htx.
        shell = f"env {exports} {command}; echo $? > {quote(self.status_file)}"
        where = ["-c", cwd] if cwd else []
        tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), *where, shell)

    def text(self):
        return tmux("capture-pane", "-p", "-t", self.name, check=False)

    def keys(self, *keys):
        tmux("send-keys", "-t", self.name, *keys)

    def type(self, text):
        tmux("send-keys", "-t", self.name, "-l", text)

    def raw(self, data):
        """Sends bytes as they are (a terminal's own escape sequence)."""
        tmux("send-keys", "-t", self.name, "-H", *(f"{b:02x}" for b in data))

    def resize(self, width, height):
        tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def wait_for(self, *needles, absent=(), deadline=DEADLINE):
        end = time.monotonic() + deadline
        screen = ""
        while time.monotonic() < end:
            screen = self.text()
            if all(n in screen for n in needles) and not any(a in screen for a in absent):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"at {self.size}, waited for {needles} (not {absent}); the screen was:\n{screen}")

    def exit_status(self, deadline=DEADLINE):
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            if os.path.exists(self.status_file):
                with open(self.status_file) as f:
                    content = f.read().strip()
                if content:
                    return int(content)
            time.sleep(0.05)
        raise AssertionError("htx did not exit; the screen was:\n" + self.text())

    def close(self):
        tmux("kill-session", "-t", self.name, check=False)


def quote(s):
    return "'" + str(s).replace("'", "'\\''") + "'"


def start_server():
    """A tmux server that outlives every htx session: without a session of
    its own it exits when the last htx quits, racing the next test's start."""
    tmux("new-session", "-d", "-s", "keeper", "sleep 86400")



class DemoCase(unittest.TestCase):
    """Tests on one demo register made for the class; open() starts htx on
    it and closes it after the test."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "demo.db")
        subprocess.run([HTX, "--db", cls.db, "init", "--demo"], check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def open(self, *args, **kw):
        screen = Screen(self.db, *args, **kw)
        self.addCleanup(screen.close)
        return screen

    def each_size(self):
        """The sizes to repeat a check at; a failure names its size (Screen)."""
        return SIZES


def main():
    global HTX
    HTX = os.path.abspath(sys.argv.pop(1))
    if not shutil.which("tmux"):
        sys.exit("tmux is needed for these tests (scripts/setup-debian.sh installs it)")
    start_server()
    try:
        unittest.main(module="__main__", verbosity=2)
    finally:
        tmux("kill-server", check=False)
