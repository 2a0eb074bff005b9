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


def pdf_words(pdf):
    """Every word of the PDF with its page and box (pdftotext -bbox), in points from the top left."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    words, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            words.append({"page": page, "x0": float(m.group(1)), "y0": float(m.group(2)),
                          "x1": float(m.group(3)), "y1": float(m.group(4)),
                          "text": m.group(5).replace("&amp;", "&").replace("&quot;", '"')})
    return words


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
            self.assertIn("Tên HTX", page)  # the table header on every page
            self.assertIn("Mã số HTX", page)
        first = page_texts[0]
        for heading in ("LIÊN MINH HỢP TÁC XÃ", "CÂU LẠC BỘ QUỸ TÍN DỤNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "DANH SÁCH THÀNH VIÊN", "/DS-CLB",
                        "Câu lạc bộ Quỹ Tín dụng Nhân dân", "Hà Nội, ngày 28 tháng 11 năm 2026"):
            self.assertIn(heading, first)
        last = page_texts[-1]
        for trailer in ("Tổng số: 250 thành viên", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
                        "TM. BAN CHỦ NHIỆM", "CHỦ NHIỆM"):
            self.assertIn(trailer, last)
        # The name column alone, found by its header: every name, marks intact, in collation order.
        # A header is centred in its column and a code starts at its column's left edge (+ padding):
        # the code column's edges give the name column's left edge, the name header its right one.
        words = [w for w in pdf_words(pdf) if w["page"] == 1]
        code_left = min(w["x0"] for w in words if re.fullmatch(r"0\d{9}", w["text"])) - 2.5
        def header_centre(first_word):
            head = next(w for w in words if w["text"] == first_word)
            end = next(w for w in words if w["text"] == "HTX" and w["x0"] > head["x0"] and abs(w["y0"] - head["y0"]) < 1)
            return (head["x0"] + end["x1"]) / 2

        left = 2 * header_centre("Mã") - code_left
        name_centre = header_centre("Tên")
        right = 2 * name_centre - left
        column = subprocess.run(["pdftotext", "-layout", "-x", str(int(left)), "-y", "0", "-W",
                                 str(int(right - left)), "-H", "842", pdf, "-"],
                                capture_output=True, text=True, check=True).stdout
        names = sorted((r["name"] for r in self.members()), key=VI.getSortKey)
        assert_in_order(self, squeeze(unicodedata.normalize("NFC", column)), [squeeze(n) for n in names])

    def test_pdf_follows_decree_30_layout(self):
        """Nghị định 30/2020, Phụ lục I: face, sizes, margins, page numbers, read back from the PDF."""
        pdf = self.path("nd30.pdf")
        run("roster", "--club", BIG_CLUB, "-o", pdf, db=self.db, check=0)
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
        families = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
        self.assertTrue(families, fonts)
        self.assertTrue(all(f.startswith("LiberationSerif") for f in families), families)
        self.assertIn("LiberationSerif-Bold", families)
        self.assertIn("LiberationSerif-Italic", families)
        words = pdf_words(pdf)
        mm = 72 / 25.4
        pages = max(w["page"] for w in words)
        self.assertGreater(pages, 2)
        # margins: left 30–35 mm, right 15–20 mm, top and bottom 20–25 mm (the page number sits in the top margin)
        body = [w for w in words if not w["text"].isdigit() or w["y0"] > 20 * mm]
        self.assertGreaterEqual(min(w["x0"] for w in body), 30 * mm - 0.5)
        self.assertLessEqual(min(w["x0"] for w in body), 36 * mm)
        self.assertLessEqual(max(w["x1"] for w in body), 595.28 - 15 * mm + 0.5)
        self.assertGreaterEqual(min(w["y0"] for w in body), 20 * mm - 0.5)
        self.assertLessEqual(max(w["y1"] for w in body), 841.89 - 20 * mm + 0.5)
        # page numbers: none on the first page, then Arabic figures centred in the top margin
        for page in range(1, pages + 1):
            top = [w for w in words if w["page"] == page and w["y1"] < 20 * mm]
            if page == 1:
                self.assertEqual(top, [])
            else:
                self.assertEqual([w["text"] for w in top], [str(page)])
                centre = (top[0]["x0"] + top[0]["x1"]) / 2
                self.assertAlmostEqual(centre, (30 * mm + 595.28 - 15 * mm) / 2, delta=3)

        # sizes: pdftotext's word box is ascent + descent, 1.107 em in Liberation Serif
        def size_of(word):
            return (word["y1"] - word["y0"]) / 1.107

        def first(text, page=1):
            return next(w for w in words if w["page"] == page and w["text"] == text)

        self.assertTrue(12 <= size_of(first("CỘNG")) <= 13.1, size_of(first("CỘNG")))  # Quốc hiệu 12–13
        self.assertTrue(13 <= size_of(first("Độc")) <= 14.1, size_of(first("Độc")))    # Tiêu ngữ 13–14
        self.assertTrue(13 <= size_of(first("DANH")) <= 14.1)                            # the title
        self.assertTrue(13 <= size_of(first("Tổng", pages)) <= 14.1)                     # body 13–14
        cell = next(w for w in words if w["page"] == 2 and w["text"].startswith("01") and len(w["text"]) == 10)
        self.assertTrue(11 <= size_of(cell) <= 13.1, size_of(cell))                      # tables 11–13

    def test_back_dated_roster_is_dated_today(self):
        pdf = self.path("asof.pdf")
        run("roster", "--club", BIG_CLUB, "--as-of", "31/12/2019", "--number", "15", "-o", pdf,
            db=self.db, check=0)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn("Hà Nội, ngày 28 tháng 11 năm 2026", text)
        self.assertNotIn("năm 2019", text)
        self.assertIn("(tính đến ngày 31/12/2019)", text)
        self.assertIn("Số: 15/DS-CLB", text)
        status, _, err = run("roster", "--club", BIG_CLUB, "--date", "30/02/2026", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("--date", err)

    def test_settings_change_what_the_roster_prints(self):
        run("config", "--club", BIG_CLUB, "nguoi ky", "Nguyễn Văn An", db=self.db, check=0)
        run("config", "--club", BIG_CLUB, "so ky hieu", "{số}/DS-CLBQTD", db=self.db, check=0)
        run("config", "--club", BIG_CLUB, "tham quyen ky", "TM. BAN CHỦ NHIỆM | PHÓ CHỦ NHIỆM", db=self.db,
            check=0)
        try:
            _, out, _ = run("config", "--club", BIG_CLUB, db=self.db, check=0)
            self.assertIn("Người ký (signer): Nguyễn Văn An", out)
            self.assertIn("Cơ quan ban hành (issuer): CÂU LẠC BỘ QUỸ TÍN DỤNG NHÂN DÂN  [mặc định]", out)
            _, text, _ = run("roster", "--club", BIG_CLUB, "--number", "7", db=self.db, check=0)
            self.assertIn("Số: 7/DS-CLBQTD", text)
            self.assertIn("PHÓ CHỦ NHIỆM", text)
            self.assertIn("Nguyễn Văn An", text.split("Tổng số")[-1])
            status, _, err = run("config", "--club", BIG_CLUB, "issuer", "", db=self.db)
            self.assertEqual(status, 2, err)
            self.assertIn("không được để trống", err)
            status, _, err = run("config", "ky ten xyz", db=self.db)
            self.assertEqual(status, 2)
        finally:
            for key in ("signer", "number", "capacity"):
                run("config", "--club", BIG_CLUB, key, "--reset", db=self.db, check=0)
        _, out, _ = run("config", "--club", BIG_CLUB, "signer", db=self.db, check=0)
        self.assertIn("[mặc định]", out)

    def test_register_and_list_as_workbooks(self):
        import openpyxl
        import datetime
        path = self.path("register.xlsx")
        _, _, err = run("export", "-o", path, db=self.db, check=0)
        self.assertIn(".xlsx", err)
        sheet = openpyxl.load_workbook(path).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:4], ("Mã số HTX", "Tên HTX", "Quận/Huyện", "Ngành"))
        self.assertEqual(sheet.freeze_panes, "A2")
        _, out, _ = run("list", "--format", "tsv", db=self.db, check=0)
        listed = tsv_rows(out)
        self.assertEqual(len(rows) - 1, len(listed))
        self.assertEqual(sorted(r[0] for r in rows[1:]), sorted(r["code"] for r in listed))
        self.assertTrue(all(isinstance(r[0], str) and len(r[0]) == 10 for r in rows[1:]))
        founded = rows[0].index("Ngày thành lập")
        self.assertTrue(any(isinstance(r[founded], datetime.datetime) for r in rows[1:]))
        members = rows[0].index("Số thành viên")
        self.assertTrue(all(r[members] is None or isinstance(r[members], int) for r in rows[1:]))
        status, _, err = run("export", "--format", "xlsx", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("-o", err)
        # the workbook imports back into an empty register as the same register
        again = self.path("again.db")
        run("init", db=again, check=0)
        run("import", path, db=again, check=0)
        self.assertEqual(run("export", db=again, check=0)[1], run("export", db=self.db, check=0)[1])
        # the list as the screens print it, as a workbook
        path = self.path("gia-lam.xlsx")
        run("list", "--district", "gia lam", "-o", path, db=self.db, check=0)
        rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
        header = next(i for i, r in enumerate(rows) if r[0] == "STT")
        self.assertIn("DANH SÁCH HỢP TÁC XÃ", [r[0] for r in rows[:header]])
        gia_lam = [r for r in listed if r["district"] == "Gia Lâm"]
        self.assertEqual(len([r for r in rows[header + 1:] if isinstance(r[0], int)]), len(gia_lam))

    def test_xlsx_reads_back_with_types(self):
        import openpyxl
        import datetime
        path = self.path("big.xlsx")
        run("roster", "--club", BIG_CLUB, "-o", path, db=self.db, check=0)
        sheet = openpyxl.load_workbook(path).active
        rows = list(sheet.iter_rows(values_only=True))
        header_at = next(i for i, r in enumerate(rows) if r[0] == "STT")
        self.assertEqual(rows[header_at][:4], ("STT", "Mã số HTX", "Tên HTX", "Địa chỉ"))
        self.assertEqual(sheet.freeze_panes, f"A{header_at + 2}")
        self.assertIn("DANH SÁCH THÀNH VIÊN", [r[0] for r in rows[:header_at]])
        body = rows[header_at + 1:header_at + 251]
        self.assertEqual([r[0] for r in body], list(range(1, 251)))  # numbers as numbers
        members = self.members()
        self.assertEqual([r[2] for r in body], [m["name"] for m in members])
        self.assertEqual([r[1] for r in body], [m["code"] for m in members])  # codes as text, zeros kept
        self.assertTrue(all(isinstance(r[1], str) and r[1].startswith("0") for r in body))
        joined = sheet.cell(row=header_at + 2, column=8)
        self.assertIsInstance(joined.value, datetime.datetime)
        self.assertEqual(joined.number_format, "dd/mm/yyyy")
        self.assertTrue(sheet.cell(row=header_at + 1, column=1).font.b)
        self.assertIn("Tổng số: 250 thành viên", [r[0] for r in rows[header_at + 251:]])

    def test_csv_reads_back_with_bom_and_quoting(self):
        path = self.path("big.csv")
        run("roster", "--club", BIG_CLUB, "-o", path, db=self.db, check=0)
        with open(path, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        self.assertEqual(rows[0][:3], ["STT", "Mã số HTX", "Tên HTX"])
        self.assertEqual(len(rows), 251)
        self.assertTrue(all(len(r) == 8 for r in rows))
        names = [r[2] for r in rows[1:]]
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

    def test_the_vietnamese_tables_of_old_software(self):
        """TCVN3 (ABC) as VN3: no control bytes; VN1 apart; VNI and VIQR through htx's own tables."""
        _, utf8, _ = run("roster", "--club", BIG_CLUB, db=self.db, check=0)
        for encoding, controls_allowed in (("tcvn3", False), ("tcvn-vn1", True), ("vni", False), ("viqr", False)):
            with self.subTest(encoding=encoding):
                path = self.path(f"big-{encoding}.txt")
                run("roster", "--club", BIG_CLUB, "--encoding", encoding, "-o", path, db=self.db, check=0)
                with open(path, "rb") as f:
                    data = f.read()
                controls = sum(1 for b in data if b < 0x20 and b not in b"\n\r\f")
                if not controls_allowed:
                    self.assertEqual(controls, 0)
        with open(self.path("big-viqr.txt"), "rb") as f:
            self.assertIn(b"CO^.NG HO`A XA~ HO^.I CHU? NGHI~A VIE^.T NAM", f.read())
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", utf8)

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
        self.assertIn("CÂU LẠC BỘ NHỰA HÀ NỘI", text)
        self.assertIn("DANH SÁCH THÀNH VIÊN", text)

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
