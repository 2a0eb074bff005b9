#!/usr/bin/env python3
"""Club rosters and lists of cooperatives from the command line, read back with
independent tools.

Usage: roster_test.py PATH_TO_HTX

The PDF is read with pdftotext/pdfinfo (poppler), the CSV with Python's csv
module, the CP1258 text decoded with iconv, Vietnamese order checked with
ICU's "vi" collation (PyICU).  Printing is tested against a real CUPS
scheduler started by the test with its own configuration; without cupsd
that test is skipped, saying why.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import unittest

import icu

import private_cups

HTX = None
VI = icu.Collator.createInstance(icu.Locale("vi"))
# numbers in names sort by their value, as htx sorts them
VI.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
BIG_CLUB = "credit"  # grown to 250 members by the test
QUOTED_NAME = 'HTX "Sao Mai", dịch vụ tổng hợp Đông Anh'


def run(*args, env=None, db=None, check=None, binary=False):
    cmd = [HTX]
    if db:
        cmd += ["--db", db]
    cmd += list(args)
    full_env = dict(os.environ)
    for name in ("HTX_DB", "HTX_LANG", "HTX_LP"):
        full_env.pop(name, None)
    full_env["HTX_TODAY"] = "2026-11-28"
    full_env.update(env or {})
    p = subprocess.run(cmd, capture_output=True, env=full_env, timeout=300)
    out = p.stdout if binary else p.stdout.decode("utf-8")
    err = p.stderr.decode("utf-8")
    if check is not None and p.returncode != check:
        raise AssertionError(f"{cmd} exited {p.returncode}, expected {check}\n{err}")
    return p.returncode, out, err


def tsv_rows(text):
    lines = text.rstrip("\n").split("\n")
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def width(text):
    """Display columns of NFC Vietnamese text: combining marks take none."""
    return sum(0 if unicodedata.combining(ch) else 1 for ch in unicodedata.normalize("NFC", text))


def squeeze(text):
    return " ".join(text.split())


def assert_in_order(test, haystack, needles):
    """Each needle appears in haystack after the one before it."""
    at = 0
    for needle in needles:
        found = haystack.find(needle, at)
        test.assertGreaterEqual(found, 0, f"{needle!r} missing or out of order after offset {at}")
        at = found + len(needle)


class Roster(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        os.chmod(cls.tmp.name, 0o755)  # the print scheduler's filters read from here
        cls.db = os.path.join(cls.tmp.name, "demo.db")
        run("init", "--demo", db=cls.db, check=0)
        _, out, _ = run("list", "--format", "tsv", db=cls.db, check=0)
        coops = tsv_rows(out)
        _, out, _ = run("roster", "--club", BIG_CLUB, "--format", "tsv", db=cls.db, check=0)
        members = {r["code"] for r in tsv_rows(out)}
        joining = [c["code"] for c in coops if c["code"] not in members][: 250 - len(members)]
        run("edit", joining[0], f"name={QUOTED_NAME}", db=cls.db, check=0)
        for start in range(0, len(joining), 50):
            run("join", "--club", BIG_CLUB, "--joined", "01/06/2026", *joining[start:start + 50],
                db=cls.db, check=0)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def members(self):
        _, out, _ = run("roster", "--club", BIG_CLUB, "--format", "tsv", db=self.db, check=0)
        return tsv_rows(out)

    def test_club_has_250_members_in_vietnamese_order(self):
        rows = self.members()
        self.assertEqual(len(rows), 250)
        names = [r["name"] for r in rows]
        self.assertEqual(names, sorted(names, key=VI.getSortKey))
        self.assertEqual([r["no"] for r in rows], [str(i) for i in range(1, 251)])

    def test_club_named_without_marks(self):
        _, by_code, _ = run("roster", "--club", "plastic", "--format", "tsv", db=self.db, check=0)
        _, by_name, _ = run("roster", "--club", "clb nhua ha noi", "--format", "tsv", db=self.db, check=0)
        self.assertEqual(by_code, by_name)
        self.assertEqual(run("roster", "--club", "no such club", db=self.db)[0], 2)

    def test_as_of_leaves_out_later_members(self):
        before = tsv_rows(run("roster", "--club", BIG_CLUB, "--as-of", "31/05/2026", "--format", "tsv",
                              db=self.db, check=0)[1])
        self.assertLess(len(before), 250)
        self.assertNotIn(QUOTED_NAME, [r["name"] for r in before])

    def test_pdf_has_every_name_in_order_and_page_numbers(self):
        pdf = self.path("big.pdf")
        run("roster", "--club", BIG_CLUB, "-o", pdf, db=self.db, check=0)
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        self.assertGreater(pages, 5)
        self.assertIn("A4", info)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                              check=True).stdout
        page_texts = text.split("\f")
        if page_texts[-1].strip() == "":
            page_texts.pop()
        self.assertEqual(len(page_texts), pages)
        for i, page in enumerate(page_texts, 1):
            self.assertIn(f"Trang {i}/{pages}", page)
            self.assertIn("Tên HTX", page)  # the table header on every page
            self.assertIn("Người đại diện", page)
        first = page_texts[0]
        for heading in ("LIÊN MINH HTX THÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập – Tự do – Hạnh phúc", "DANH SÁCH THÀNH VIÊN",
                        "CLB QUỸ TÍN DỤNG NHÂN DÂN", "Hà Nội, ngày 28 tháng 11 năm 2026"):
            self.assertIn(heading, first)
        last = page_texts[-1]
        for trailer in ("Tổng số: 250 thành viên", "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"):
            self.assertIn(trailer, last)
        # The name column alone (x 68–207 pt): every name, marks intact, in collation order.
        column = subprocess.run(["pdftotext", "-layout", "-x", "68", "-y", "0", "-W", "139", "-H", "842", pdf, "-"],
                                capture_output=True, text=True, check=True).stdout
        names = sorted((r["name"] for r in self.members()), key=VI.getSortKey)
        assert_in_order(self, squeeze(unicodedata.normalize("NFC", column)), [squeeze(n) for n in names])

    def test_csv_reads_back_with_bom_and_quoting(self):
        path = self.path("big.csv")
        run("roster", "--club", BIG_CLUB, "-o", path, db=self.db, check=0)
        with open(path, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        self.assertEqual(rows[0][:2], ["STT", "Tên HTX"])
        self.assertEqual(len(rows), 251)
        self.assertTrue(all(len(r) == 7 for r in rows))
        names = [r[1] for r in rows[1:]]
        self.assertIn(QUOTED_NAME, names)
        self.assertEqual(names, [r["name"] for r in self.members()])
        self.assertIn(b'"HTX ""Sao Mai"", d', data)

    def test_txt_rows_have_equal_width_and_pages(self):
        _, out, _ = run("roster", "--club", BIG_CLUB, "--lines", "50", db=self.db, check=0)
        pages = out.split("\f")
        self.assertGreater(len(pages), 5)
        table_widths = set()
        for i, page in enumerate(pages, 1):
            lines = page.rstrip("\n").split("\n")
            self.assertLessEqual(len(lines), 50)
            self.assertIn(f"Trang {i}/{len(pages)}", page)
            self.assertIn("| STT |", page)
            table_widths |= {width(line) for line in lines if line.startswith(("|", "+"))}
        self.assertEqual(len(table_widths), 1, table_widths)
        joined = squeeze(out.replace("|", " "))
        self.assertIn("Tổng số: 250 thành viên", joined)

    def test_long_names_wrap_within_narrow_pages(self):
        _, out, _ = run("roster", "--club", BIG_CLUB, "--width", "80", db=self.db, check=0)
        widths = {width(line) for line in out.split("\n") if line.startswith(("|", "+"))}
        self.assertEqual(widths, {80})

    def test_cp1258_decodes_back_to_the_utf8_text(self):
        _, utf8, _ = run("roster", "--club", BIG_CLUB, db=self.db, check=0, binary=True)
        path = self.path("big-cp1258.txt")
        run("roster", "--club", BIG_CLUB, "--encoding", "CP1258", "-o", path, db=self.db, check=0)
        with open(path, "rb") as f:
            encoded = f.read()
        self.assertNotEqual(encoded, utf8)
        decoded = subprocess.run(["iconv", "-f", "CP1258", "-t", "UTF-8", path], capture_output=True,
                                 check=True).stdout
        self.assertEqual(unicodedata.normalize("NFC", decoded.decode("utf-8")), utf8.decode("utf-8"))

    def test_unencodable_character_is_an_error(self):
        status, out, err = run("roster", "--club", BIG_CLUB, "--encoding", "ISO-8859-1", db=self.db)
        self.assertEqual(status, 2)
        self.assertEqual(out, "")
        self.assertIn("ISO-8859-1", err)
        self.assertIn("U+", err)
        status, _, err = run("roster", "--club", BIG_CLUB, "--encoding", "KLINGON", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("KLINGON", err)

    def test_pdf_never_goes_to_a_terminal_and_formats_are_checked(self):
        status, out, _ = run("roster", "--club", "plastic", "--format", "pdf", db=self.db, binary=True)
        self.assertEqual(status, 0)  # a pipe is not a terminal
        self.assertTrue(out.startswith(b"%PDF"))
        self.assertEqual(run("roster", "--club", "plastic", "--format", "doc", db=self.db)[0], 2)
        self.assertEqual(run("roster", "--club", "plastic", "--sort", "size", db=self.db)[0], 2)
        self.assertEqual(run("roster", "--club", "plastic", "--copies", "2", db=self.db)[0], 2)
        self.assertEqual(run("roster", db=self.db)[0], 2)

    def test_sort_by_district_and_joined(self):
        for order, key in (("district", "district"), ("joined", "joined")):
            _, out, _ = run("roster", "--club", "plastic", "--sort", order, "--format", "tsv", db=self.db, check=0)
            values = [r[key] for r in tsv_rows(out)]
            if key == "district":
                self.assertEqual(values, sorted(values, key=VI.getSortKey))
            else:
                self.assertEqual(values, sorted(values))

    def test_missing_print_command_is_reported(self):
        status, _, err = run("roster", "--club", "plastic", "--print", db=self.db,
                             env={"HTX_LP": "htx-no-such-lp-command"})
        self.assertEqual(status, 1)
        self.assertIn("htx-no-such-lp-command", err)


class CooperativeList(unittest.TestCase):
    """htx list -o: the list as the screens print it."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "demo.db")
        run("init", "--demo", db=cls.db, check=0)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def codes(self, *args):
        _, out, _ = run("list", "--format", "tsv", *args, db=self.db, check=0)
        return {r["code"][:10] for r in tsv_rows(out)}

    def test_a_district_as_pdf_holds_only_its_cooperatives(self):
        here = self.codes("--district", "thanh tri")
        elsewhere = self.codes() - here
        path = os.path.join(self.tmp.name, "thanh-tri.pdf")
        status, _, err = run("list", "--district", "thanh tri", "-o", path, db=self.db)
        self.assertEqual(status, 0, err)
        self.assertIn(f"{len(here)} HTX", err)
        text = subprocess.run(["pdftotext", path, "-"], capture_output=True, check=True, text=True).stdout
        self.assertIn("DANH SÁCH HỢP TÁC XÃ", text)
        self.assertIn("Quận/huyện Thanh Trì", text)
        self.assertIn("Hà Nội, ngày 28 tháng 11 năm 2026", text)
        self.assertIn(f"Tổng số: {len(here)} hợp tác xã", text)
        self.assertEqual({c for c in here | elsewhere if c in text}, here)
        # a file that is there stays unless --force
        status, _, err = run("list", "--district", "thanh tri", "-o", path, db=self.db)
        self.assertEqual(status, 1)
        self.assertIn("--force", err)

    def test_a_search_as_text_says_what_was_searched(self):
        status, out, err = run("list", "--search", "banh cuon", "--format", "txt", db=self.db)
        self.assertEqual(status, 0, err)
        self.assertIn("Toàn thành phố; tìm: banh cuon", out)
        self.assertIn("Trang 1/1", out)
        lines = [line for line in out.split("\n") if line.startswith(("|", "+"))]
        self.assertEqual({width(line) for line in lines}, {width(lines[0])})


class PrintThroughCups(unittest.TestCase):
    """A private cupsd with a queue whose device is a file: the job must arrive there."""

    @classmethod
    def setUpClass(cls):
        cls.cups = private_cups.Scheduler()
        cls.env = cls.cups.env
        cls.sock = cls.cups.sock
        cls.output = cls.cups.add_queue("roster_test")
        cls.db = os.path.join(cls.cups.root, "demo.db")
        run("init", "--demo", db=cls.db, check=0)

    @classmethod
    def tearDownClass(cls):
        cls.cups.close()

    def test_job_arrives_at_the_printer(self):
        status, out, err = run("roster", "--club", "plastic", "--print", "--printer", "roster_test",
                               "--copies", "2", db=self.db, env=self.env)
        self.assertEqual(status, 0, err)
        job = re.search(r"(roster_test-\d+)", out)
        self.assertIsNotNone(job, out)
        data = private_cups.wait_for_job(self.sock, self.output)
        self.assertGreater(len(data), 0, "the job never reached the device: " + self.cups.log())
        # What htx handed to CUPS, kept in the spool (PreserveJobFiles): the PDF itself,
        # not a text that a filter turned into one.
        sent = self.cups.spooled(int(job.group(1).rsplit("-", 1)[1]))
        self.assertTrue(sent.startswith(b"%PDF-"), f"htx sent CUPS no PDF: {sent[:40]!r}")
        pdf = private_cups.pdf_inside_job(data)
        self.assertIsNotNone(pdf, f"the device received no PDF: {data[:60]!r}")
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
        text = text.decode("utf-8")
        self.assertIn("CLB NHỰA HÀ NỘI", text)
        self.assertIn("Trang 1/", text)

    def test_no_default_printer_names_the_way_out(self):
        status, out, err = run("roster", "--club", "plastic", "--print", db=self.db, env=self.env)
        self.assertEqual(status, 1)
        self.assertIn("-o", err)
        self.assertIn("chưa có máy in", err)

    def test_unknown_printer_reports_cups_error(self):
        status, _, err = run("roster", "--club", "plastic", "--print", "--printer", "nowhere",
                             db=self.db, env=self.env)
        self.assertEqual(status, 1)
        self.assertIn("nowhere", err)


if __name__ == "__main__":
    HTX = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
