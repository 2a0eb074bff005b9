#!/usr/bin/env python3
"""The register's safety against hostile files and careless runs: the real htx binary.

Usage: safety_test.py PATH_TO_HTX

Each test reproduces a way the register or the personal data in it could
be lost or exposed, and checks that htx refuses it plainly and leaves every
file as it was.
"""
import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
import unittest

HTX = None


def run(*args, db=None, env=None, cwd=None):
    cmd = [HTX] + (["--db", db] if db else []) + list(args)
    full_env = dict(os.environ)
    for name in ("HTX_DB", "HTX_LANG", "HTX_LP"):
        full_env.pop(name, None)
    full_env.update(env or {})
    p = subprocess.run(cmd, capture_output=True, env=full_env, cwd=cwd, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class Workspace(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def make_register(self, name="r.db", demo=False):
        db = self.path(name)
        status, _, err = run("init", *(["--demo"] if demo else []), db=db)
        self.assertEqual(status, 0, err)
        return db


class DatabasesHtxDoesNotKnow(Workspace):
    """A schema version htx does not know: a clear message, and the file untouched."""

    def set_version(self, db, version):
        with sqlite3.connect(db) as c:
            c.execute(f"PRAGMA user_version = {version}")
        c.close()

    def assert_refused_untouched(self, db, words):
        before = digest(db)
        for command in (["list"], ["show", "0100233488"], ["export", "-o", self.path("out.csv")]):
            status, out, err = run(*command, db=db)
            self.assertNotIn(status, (0, -11, 139), f"{command}: {err}")
            self.assertIn(words, err, command)
            self.assertEqual(digest(db), before, f"{command} changed the file")
            self.assertFalse(os.path.exists(self.path("out.csv")))

    def test_negative_version_is_refused_without_a_crash(self):
        db = self.make_register()
        self.set_version(db, -1)
        self.assert_refused_untouched(db, "phiên bản lược đồ không hợp lệ (-1)")

    def test_newer_version_is_refused(self):
        db = self.make_register()
        self.set_version(db, 999)
        self.assert_refused_untouched(db, "phiên bản htx mới hơn")

    def test_zero_version_with_tables_is_not_a_register(self):
        db = self.make_register()
        self.set_version(db, 0)
        self.assert_refused_untouched(db, "không phải cơ sở dữ liệu của htx")

    def test_an_empty_file_stays_empty(self):
        db = self.path("empty.db")
        open(db, "wb").close()
        status, _, err = run("list", db=db)
        self.assertEqual(status, 1, err)
        self.assertIn("không phải cơ sở dữ liệu của htx", err)
        self.assertEqual(os.path.getsize(db), 0)
        self.assertFalse(os.path.exists(db + "-wal"))
        self.assertFalse(os.path.exists(db + "-shm"))

    def test_another_programs_database_is_left_alone(self):
        db = self.path("other.db")
        with sqlite3.connect(db) as c:
            c.execute("CREATE TABLE t(x)")
        c.close()
        before = digest(db)
        status, _, err = run("list", db=db)
        self.assertEqual(status, 1, err)
        self.assertEqual(digest(db), before)


class FullDisk(Workspace):
    """A full file system: the message says so in plain words, never SQLite's English."""

    def setUp(self):
        super().setUp()
        self.mount = self.path("small")
        os.mkdir(self.mount)
        p = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", self.mount],
                           capture_output=True, text=True)
        if p.returncode != 0:
            if os.environ.get("CI") and os.geteuid() == 0:
                self.fail("cannot mount a small tmpfs as root: " + p.stderr)
            self.skipTest("a full disk needs a small tmpfs (root): " + p.stderr.strip())

    def tearDown(self):
        subprocess.run(["umount", "-l", self.mount], capture_output=True)
        super().tearDown()

    def test_a_save_on_a_full_disk_says_disk_full(self):
        db = os.path.join(self.mount, "r.db")
        self.assertEqual(run("init", db=db)[0], 0)
        status, _, err = run("add", "code=0100233488", "name=HTX Đồng Tâm", "district=Thanh Trì",
                             "sector=trade", db=db)
        self.assertEqual(status, 0, err)
        with open(os.path.join(self.mount, "filler"), "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        status, _, err = run("edit", "0100233488", "phone=024 3825 3640", db=db)
        self.assertEqual(status, 1, err)
        self.assertIn("đĩa đầy", err)
        for english in ("disk I/O error", "database or disk is full", "readonly"):
            self.assertNotIn(english, err)
        status, _, err = run("edit", "0100233488", "phone=024 3825 3640", db=db, env={"HTX_LANG": "en"})
        self.assertIn("disk is full", err)
        # reading still works, and the failed attempts leave no -wal or -shm behind
        status, out, err = run("list", "--format", "tsv", db=db)
        self.assertEqual(status, 0, err)
        self.assertIn("HTX Đồng Tâm", out)
        status, _, err = run("stats", "--by", "sector", db=db)
        self.assertEqual(status, 0, err)
        status, out, err = run("show", "0100233488", db=db)
        self.assertEqual(status, 0, err)
        self.assertIn("HTX Đồng Tâm", out)
        self.assertEqual(sorted(os.listdir(self.mount)), ["filler", "r.db"])


class InvisibleCharacters(Workspace):
    """Zero-width, bidirectional and tag characters are refused on every way in."""

    HIDDEN = ["\u200b", "\ufeff", "\u202e", "\U000e0041"]

    def test_command_line_refuses_them_naming_the_character(self):
        db = self.make_register()
        for hidden in self.HIDDEN:
            status, _, err = run("add", "code=0100233488", f"name=HTX Đồng{hidden} Tâm",
                                 "district=Thanh Trì", "sector=trade", db=db)
            self.assertEqual(status, 2, err)
            self.assertIn("ký tự ẩn U+%04X" % ord(hidden), err)
        self.assertEqual(run("list", "--format", "tsv", db=db)[1].count("\n"), 1)  # header only

    def test_import_refuses_the_row(self):
        db = self.make_register()
        source = self.path("in.csv")
        with open(source, "w", encoding="utf-8") as f:
            f.write("code,name,district,sector\n0170000448,HTX Hà\u200bĐông,Hà Đông,trade\n")
        status, out, err = run("import", source, db=db)
        self.assertNotEqual(status, 0)
        self.assertIn("U+200B", out + err)


class RosterWithUnusualNames(Workspace):
    """One name no font of the document has never blocks a roster."""

    def test_cjk_and_emoji_names_print(self):
        db = self.make_register(demo=True)
        status, _, err = run("add", "code=0100233488", "name=HTX CJK 合作社 😀 Ω", "district=Thanh Trì",
                             "sector=industry", db=db)
        self.assertEqual(status, 0, err)
        status, _, err = run("join", "--club", "plastic", "0100233488", "--joined", "01/01/2026", db=db)
        self.assertEqual(status, 0, err)
        out = self.path("t.pdf")
        status, _, err = run("roster", "--club", "plastic", "-o", out, db=db)
        self.assertEqual(status, 0, err)
        text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("HTX CJK", text)
        self.assertIn("CÂU LẠC BỘ NHỰA HÀ NỘI", text)


class ConcurrentScripts(Workspace):
    """Two scripts incrementing one value with compare-and-set lose no update."""

    ROUNDS = 40

    def read(self, db, code):
        status, out, err = run("list", "--search", code, "--format", "tsv", db=db)
        self.assertEqual(status, 0, err)
        header, row = out.splitlines()[:2]
        record = dict(zip(header.split("\t"), row.split("\t")))
        return int(record["members"]), int(record["version"])

    def writer(self, db, code, conflicts):
        for _ in range(self.ROUNDS):
            while True:
                members, version = self.read(db, code)
                status, _, err = run("edit", code, "--if-version", str(version),
                                     f"members={members + 1}", db=db)
                if status == 0:
                    break
                if status != 3:
                    raise AssertionError(f"edit failed with {status}: {err}")
                conflicts.append(1)

    def test_documented_retry_pattern_loses_nothing(self):
        import threading
        db = self.make_register()
        code = "0100233488"
        status, _, err = run("add", f"code={code}", "name=HTX Đồng Tâm", "district=Thanh Trì",
                             "sector=trade", "members=10", db=db)
        self.assertEqual(status, 0, err)
        conflicts, errors = [], []

        def work():
            try:
                self.writer(db, code, conflicts)
            except AssertionError as e:
                errors.append(str(e))

        threads = [threading.Thread(target=work) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        members, version = self.read(db, code)
        self.assertEqual(members, 10 + 2 * self.ROUNDS)  # no update lost
        self.assertEqual(version, 1 + 2 * self.ROUNDS)

    def test_a_stale_version_is_refused_with_status_3(self):
        db = self.make_register()
        run("add", "code=0100233488", "name=HTX Đồng Tâm", "district=Thanh Trì", "sector=trade", db=db)
        self.assertEqual(run("edit", "0100233488", "--if-version", "1", "members=7", db=db)[0], 0)
        status, _, err = run("edit", "0100233488", "--if-version", "1", "members=8", db=db)
        self.assertEqual(status, 3, err)
        self.assertIn("phiên bản 2", err)
        self.assertEqual(self.read(db, "0100233488"), (7, 2))
        status, _, err = run("edit", "0100233488", "--if-version", "x", "members=8", db=db)
        self.assertEqual(status, 2, err)


class OutputsNeverReplaceTheRegister(Workspace):
    """No output replaces the open database or its -wal/-shm; a file that exists needs --force."""

    def test_export_and_roster_onto_the_register_are_refused(self):
        db = self.make_register(demo=True)
        link = self.path("link.db")
        os.symlink(db, link)
        before = digest(db)
        for target in (db, "./" + os.path.basename(db), link):
            for command in (["export", "-o", target], ["export", "-o", target, "--force"],
                            ["roster", "--club", "plastic", "-o", target, "--format", "csv", "--force"]):
                status, _, err = run(*command, db=db, cwd=self.dir)
                self.assertNotEqual(status, 0, command)
                self.assertIn("cơ sở dữ liệu đang mở", err, command)
                self.assertEqual(digest(db), before, command)
        status, out, err = run("list", "--format", "tsv", db=db)
        self.assertEqual(status, 0, err)

    def test_an_existing_file_needs_force(self):
        db = self.make_register(demo=True)
        out = self.path("old.csv")
        with open(out, "w") as f:
            f.write("keep me\n")
        status, _, err = run("export", "-o", out, db=db)
        self.assertEqual(status, 1, err)
        self.assertIn("--force", err)
        with open(out) as f:
            self.assertEqual(f.read(), "keep me\n")
        status, _, err = run("export", "-o", out, "--force", db=db)
        self.assertEqual(status, 0, err)
        status, text, err = run("export", "-o", "-", db=db)
        self.assertEqual(status, 0, err)
        self.assertTrue(text.lstrip("\ufeff").startswith("code,name"))


class BackupAndCheck(Workspace):
    def test_backup_while_a_colleague_saves_and_check_it(self):
        import threading
        db = self.make_register(demo=True)
        run("add", "code=0100233488", "name=HTX Thử Sao Lưu", "district=Thanh Trì", "sector=trade", db=db)
        stop = []

        def colleague():
            n = 0
            while not stop:
                n += 1
                run("edit", "0100233488", f"members={10 + n % 40}", db=db)

        t = threading.Thread(target=colleague)
        t.start()
        try:
            status, out, err = run("backup", db=db, env={"HTX_TODAY": "2026-12-02"})
        finally:
            stop.append(1)
            t.join()
        self.assertEqual(status, 0, err)
        copy = self.path("htx-2026-12-02.db")
        self.assertIn(copy, out)
        self.assertEqual(mode(copy), 0o600)
        status, out, err = run("check", db=copy)
        self.assertEqual(status, 0, err)
        self.assertIn("nguyên vẹn", out)
        self.assertEqual(run("list", "--count", db=copy)[1].strip(), "857")
        # an explicit file that exists needs --force; the register itself never
        status, _, err = run("backup", copy, db=db)
        self.assertEqual(status, 1, err)
        self.assertEqual(run("backup", copy, "--force", db=db)[0], 0)
        status, _, err = run("backup", db, "--force", db=db)
        self.assertIn("cơ sở dữ liệu đang mở", err)

    def test_check_reports_damage_in_plain_words(self):
        db = self.make_register(demo=True)
        with open(db, "r+b") as f:
            size = f.seek(0, 2)
            for at in range(8192, size - 4096, 16384):
                f.seek(at)
                f.write(b"\x5a" * 512)
        status, out, err = run("check", db=db)
        self.assertNotEqual(status, 0)
        self.assertTrue("bị hỏng" in out + err, out + err)


class WhereTheRegisterLives(Workspace):
    def test_no_home_and_a_relative_xdg_data_home_never_mean_the_current_directory(self):
        env = dict(os.environ)
        env.pop("HOME", None)
        env["XDG_DATA_HOME"] = "relative/data"
        p = subprocess.run([HTX, "list"], capture_output=True, env=env, cwd=self.dir, timeout=60)
        err = p.stderr.decode("utf-8")
        import pwd
        home = pwd.getpwuid(os.getuid()).pw_dir
        self.assertIn(os.path.join(home, ".local/share/htx/htx.db"), err)
        self.assertEqual(os.listdir(self.dir), [])


class OutputsArePrivate(Workspace):
    """Every file with register data is 0600, like the database, whatever the umask."""

    def setUp(self):
        super().setUp()
        self.old_umask = os.umask(0o022)
        self.db = self.make_register(demo=True)

    def tearDown(self):
        os.umask(self.old_umask)
        super().tearDown()

    def test_export_and_its_memberships(self):
        out = self.path("all.csv")
        status, _, err = run("export", "-o", out, db=self.db)
        self.assertEqual(status, 0, err)
        self.assertEqual(mode(out), 0o600)
        memberships = self.path("all.memberships.csv")
        if os.path.exists(memberships):
            self.assertEqual(mode(memberships), 0o600)

    def test_a_replaced_world_readable_file_becomes_private(self):
        out = self.path("old.csv")
        with open(out, "w") as f:
            f.write("old\n")
        os.chmod(out, 0o644)
        status, _, err = run("export", "-o", out, "--force", db=self.db)
        self.assertEqual(status, 0, err)
        self.assertEqual(mode(out), 0o600)

    def test_roster_pdf_and_text(self):
        for name in ("r.pdf", "r.txt", "r.csv"):
            out = self.path(name)
            status, _, err = run("roster", "--club", "plastic", "-o", out, db=self.db)
            self.assertEqual(status, 0, err)
            self.assertEqual(mode(out), 0o600, name)

    def test_rejects_file(self):
        source = self.path("in.csv")
        with open(source, "w", encoding="utf-8") as f:
            f.write("code,name,district,sector\n")
            f.write("0170000448,HTX Hà Đông,Hà Đông,trade\n")
            f.write("12,HTX Sai Mã,Hà Đông,trade\n")
        status, out, err = run("import", source, "--skip-invalid", db=self.db)
        self.assertEqual(status, 0, out + err)
        rejects = self.path("in.rejected.csv")
        self.assertTrue(os.path.exists(rejects), out)
        self.assertEqual(mode(rejects), 0o600)


if __name__ == "__main__":
    HTX = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
