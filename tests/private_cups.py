"""A private CUPS scheduler for the print tests.

Scheduler starts cupsd with its own configuration under a temporary
directory, listening on a socket of its own (CUPS_SERVER points clients at
it), and adds queues whose device is a file, so that a job can be read back
where it arrived.  Without cupsd, the CUPS clients or the PDF filter the
tests skip, saying why (cannot_run); on CI as root they fail instead.
"""
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest

PDF_PPD = "lsb/usr/cupsfilters/Generic-PDF_Printer-PDF.ppd"
CUPS_USER = "lp"  # the scheduler's user for filters and backends (User in cups-files.conf)


def free_cups_setup(root):
    """Writes a private CUPS configuration under root; returns (cupsd.conf, cups-files.conf, socket)."""
    sock = os.path.join(root, "cups.sock")
    for d in ("spool", "cache", "state", "tmp", "log"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    os.chmod(os.path.join(root, "tmp"), 0o1777)
    conf = os.path.join(root, "cupsd.conf")
    with open(conf, "w") as f:
        f.write(f"Listen {sock}\nLogLevel info\nWebInterface No\nBrowsing No\nPreserveJobFiles Yes\n"
                "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
                "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")
    files = os.path.join(root, "cups-files.conf")
    with open(files, "w") as f:
        f.write("FileDevice Yes\n"
                f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\n"
                f"StateDir {root}/state\nTempDir {root}/tmp\nErrorLog {root}/log/error_log\n"
                f"AccessLog {root}/log/access_log\nPageLog {root}/log/page_log\n")
    return conf, files, sock


def prepare_file_device(path):
    """Creates the file a file:// queue prints into, empty and writable by the scheduler.

    CUPS before 2.4.2-3+deb12u10 created the device file itself (O_CREAT); from that
    Debian security update on it opens it with O_WRONLY|O_EXCL and no O_CREAT, so a
    missing file stops the job ("could not open the output file").  A file that exists,
    belongs to the scheduler's user and is empty works with both behaviours, and its
    size tells the test when the job has arrived.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o660)
    os.close(fd)
    try:
        entry = pwd.getpwnam(CUPS_USER)
        os.chown(path, entry.pw_uid, entry.pw_gid)
    except (KeyError, PermissionError):
        pass  # the scheduler runs as this user and can write its own file
    os.chmod(path, 0o660)


def pdf_inside_job(data):
    """The PDF a print job carries: the generic PDF driver may wrap it in a PJL header and
    trailer (ESC%-12345X@PJL …), which printers strip; None when there is no whole PDF."""
    start = data.find(b"%PDF-")
    end = data.rfind(b"%%EOF")
    if start < 0 or end < start:
        return None
    return data[start:end + len(b"%%EOF")]


def wait_for_job(sock, output, deadline_s=30):
    """Waits until the queue has no job left and the device file holds a whole PDF."""
    deadline = time.time() + deadline_s
    while time.time() < deadline:
        pending = subprocess.run(["lpstat", "-h", sock, "-o"], capture_output=True, text=True).stdout.strip()
        with open(output, "rb") as f:
            data = f.read()
        if not pending and b"%%EOF" in data:
            return data
        time.sleep(0.2)
    with open(output, "rb") as f:
        return f.read()


def cups_unavailable():
    if not shutil.which("cupsd") and not os.path.exists("/usr/sbin/cupsd"):
        return "no cupsd (install the cups package) — the print test needs a real scheduler"
    for tool in ("lp", "lpadmin", "lpstat", "cupsreject"):
        if not shutil.which(tool):
            return f"no {tool} (install cups-client)"
    if not os.path.exists("/usr/lib/cups/filter/pdftopdf"):
        return "no pdftopdf filter (install cups-filters)"
    return None


def cannot_run(reason):
    """Skips, saying why; on CI as root (where the setup script installs CUPS) it fails instead,
    so that the print test never passes by not running."""
    if os.environ.get("CI") and os.geteuid() == 0:
        raise AssertionError("the CUPS print test must run on CI: " + reason)
    raise unittest.SkipTest(reason)


class Scheduler:
    """cupsd on a private socket; queues print into files under its directory."""

    def __init__(self):
        missing = cups_unavailable()
        if missing:
            cannot_run(missing)
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name
        os.chmod(self.root, 0o755)  # filters run as the lp user
        conf, files, self.sock = free_cups_setup(self.root)
        cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
        self.daemon = subprocess.Popen([cupsd, "-f", "-c", conf, "-s", files],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 15
        while time.time() < deadline and not self.ready():
            time.sleep(0.1)
        if not self.ready():
            self.close()
            cannot_run("cupsd did not start (see its log); run this test by hand as root")
        self.env = {"CUPS_SERVER": self.sock}

    def ready(self):
        s = socket.socket(socket.AF_UNIX)
        try:
            s.connect(self.sock)
            return True
        except OSError:
            return False
        finally:
            s.close()

    def add_queue(self, name, description=None):
        """A queue printing into ROOT/NAME.out; returns that file's path."""
        output = os.path.join(self.root, name + ".out")
        prepare_file_device(output)
        args = ["lpadmin", "-h", self.sock, "-p", name, "-E", "-v", f"file://{output}", "-m", PDF_PPD]
        if description:
            args += ["-D", description]
        queue = subprocess.run(args, capture_output=True, text=True)
        if queue.returncode != 0:
            self.close()
            cannot_run(f"cannot make a file queue on the private cupsd: {queue.stderr.strip()}")
        return output

    def admin(self, *args):
        """Runs a CUPS client (lpadmin, cupsreject …) against the private scheduler."""
        program, rest = args[0], args[1:]
        subprocess.run([program, "-h", self.sock, *rest], check=True, capture_output=True)

    def spooled(self, job_number):
        """What the client handed to CUPS for job number (kept: PreserveJobFiles)."""
        with open(os.path.join(self.root, "spool", f"d{job_number:05d}-001"), "rb") as f:
            return f.read()

    def log(self):
        try:
            with open(os.path.join(self.root, "log", "error_log"), encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-15:])
        except OSError:
            return "(no scheduler log)"

    def stop(self):
        self.daemon.send_signal(signal.SIGTERM)
        try:
            self.daemon.wait(10)
        except subprocess.TimeoutExpired:
            self.daemon.kill()
            self.daemon.wait()

    def close(self):
        self.stop()
        self.tmp.cleanup()
