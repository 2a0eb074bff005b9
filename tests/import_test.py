#!/usr/bin/env python3
"""`htx import` and `htx export`, driven as a person or a script would.

Usage: import_test.py PATH_TO_HTX

The register is saved in every encoding Vietnamese offices use: iconv writes
the ones it knows (CP1258, VISCII, TCVN3, UTF-16); VNI and VIQR are written
by the small encoders below, made from the published charts independently
of htx's own.
"""
import datetime
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
import unittest

HTX = None


def run(*args, db=None, check=None, env=None):
    cmd = [HTX] + (["--db", db] if db else []) + list(args)
    full_env = dict(os.environ)
    full_env.pop("HTX_DB", None)
    full_env.pop("HTX_LANG", None)
    full_env.update(env or {})
    p = subprocess.run(cmd, capture_output=True, env=full_env, timeout=300)
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    if check is not None and p.returncode != check:
        raise AssertionError(f"{cmd} exited {p.returncode}, expected {check}\n{out}\n{err}")
    return p.returncode, out, err


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data)


# ---- VNI-Windows and VIQR, from the charts ---------------------------------

TONES = {"\u0301": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}  # sắc huyền hỏi ngã nặng
VNI_TONE = ["ù", "ø", "û", "õ", "ï"]
VNI_CIRCUMFLEX = ["â", "á", "à", "å", "ã", "ä"]  # no tone, then the five tones
VNI_BREVE = ["ê", "é", "è", "ú", "ü", "ë"]
VNI_I = ["í", "ì", "æ", "ó", "ò"]


def split_letter(ch):
    parts = unicodedata.normalize("NFD", ch)
    base, marks = parts[0], parts[1:]
    tone = next((TONES[m] for m in marks if m in TONES), None)
    modifier = next((m for m in marks if m in "\u0302\u0306\u031b"), None)
    return base, modifier, tone


def vni_encode(text):
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        upper = ch != ch.lower()
        base, modifier, tone = split_letter(ch.lower())
        if base == "đ":
            piece = "ñ"
        elif base == "i" and tone is not None:
            piece = VNI_I[tone]
        elif base == "y" and tone == 4:
            piece = "î"
        elif modifier == "\u031b":
            piece = ("ô" if base == "o" else "ö") + (VNI_TONE[tone] if tone is not None else "")
        elif modifier == "\u0302":
            piece = base + VNI_CIRCUMFLEX[0 if tone is None else tone + 1]
        elif modifier == "\u0306":
            piece = base + VNI_BREVE[0 if tone is None else tone + 1]
        else:
            piece = base + (VNI_TONE[tone] if tone is not None else "")
        out.append(piece.upper() if upper else piece)
    return "".join(out).encode("latin-1")


def viqr_encode(text):
    out = []
    previous = ""
    for ch in text:
        if ord(ch) < 128:
            vowel_before = previous.lower() in "aeiouyăâêôơư" and previous
            if ch == "\\" or (vowel_before and ch in "^(+'`?~.") or (
                    previous in "dD" and previous and ch in "dD"):
                out.append("\\")
            out.append(ch)
            previous = ch
            continue
        base, modifier, tone = split_letter(ch)
        if base in "đĐ":
            out.append("dd" if base == "đ" else "DD")
            previous = ""
            continue
        out.append(base + {"\u0302": "^", "\u0306": "(", "\u031b": "+", None: ""}[modifier]
                   + ("'`?~."[tone] if tone is not None else ""))
        previous = "a"
    return "".join(out).encode("ascii")


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def lower_toned_capitals(text):
    """Text as TCVN3 (ABC) holds it: a capital with a tone is lower case."""
    return "".join(ch.lower() if ch.isupper() and any(t in unicodedata.normalize("NFD", ch) for t in TONE_MARKS)
                   else ch for ch in text)


def iconv(data, to):
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", to], input=data, check=True,
                          capture_output=True).stdout


class Tmp(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def new_db(self, name, demo=False):
        db = self.path(name)
        run("init", *(["--demo"] if demo else []), db=db, check=0)
        return db

    def register(self, db):
        return run("list", "--format", "tsv", "--sort", "code", db=db, check=0)[1]


class Encodings(Tmp):
    """The same register saved in each encoding imports to the same rows."""

    def test_every_encoding_gives_identical_rows(self):
        demo = self.new_db("demo.db", demo=True)
        run("export", "-o", self.path("demo.csv"), "--no-bom", db=demo, check=0)
        # The en dash of some notes exists in no 8-bit Vietnamese encoding.
        text = read_bytes(self.path("demo.csv")).decode("utf-8").replace("–", "-")
        utf8 = text.encode("utf-8")
        variants = {
            "utf-8": ("utf-8", utf8),
            "utf-8-bom": ("utf-8", b"\xef\xbb\xbf" + utf8),
            "utf-16le": ("utf-16", iconv(utf8, "UTF-16LE")),
            "utf-16-bom": ("utf-16", b"\xff\xfe" + iconv(utf8, "UTF-16LE")),
            "cp1258": ("cp1258", iconv(utf8, "CP1258")),
            "viscii": ("viscii", iconv(utf8, "VISCII")),
            # TCVN3 (ABC) has no toned capitals: they are written lower case.
            "tcvn3": ("tcvn3", iconv(lower_toned_capitals(text).encode("utf-8"), "TCVN5712-1")),
            "tcvn-vn1": ("tcvn-vn1", iconv(utf8, "TCVN5712-1")),
            "vni": ("vni", vni_encode(text)),
            "viqr": ("viqr", viqr_encode(text)),
        }
        self.assertNotEqual(variants["cp1258"][1], variants["viscii"][1])
        reference = None
        for name, (encoding, data) in variants.items():
            with self.subTest(encoding=name):
                write_bytes(self.path(name + ".csv"), data)
                db = self.new_db(name + ".db")
                _, out, err = run("import", self.path(name + ".csv"), db=db, check=0)
                self.assertIn(f"Bảng mã: {encoding} (tự nhận biết)", out)
                rows = self.register(db)
                self.assertEqual(len(rows.splitlines()), 857)
                if reference is None:
                    reference = rows
                # TCVN3 gives the same rows but for the case of toned capitals
                # in the file (the district names come from htx's own list).
                same = lower_toned_capitals if name == "tcvn3" else (lambda t: t)
                self.assertEqual(same(rows), same(reference))
                # Named explicitly, the same.
                if name not in ("utf-8-bom", "utf-16-bom"):
                    db2 = self.new_db(name + "-explicit.db")
                    run("import", self.path(name + ".csv"), "--encoding", encoding, db=db2, check=0)
                    self.assertEqual(self.register(db2), rows)
        # Names end up NFC whatever the file held.
        for line in reference.splitlines():
            self.assertEqual(line, unicodedata.normalize("NFC", line))

    def test_export_in_each_encoding_reads_back(self):
        demo = self.new_db("demo.db", demo=True)
        for encoding, codec in (("cp1258", "CP1258"), ("viscii", "VISCII"), ("tcvn3", "TCVN5712-1"),
                                ("tcvn-vn1", "TCVN5712-1")):
            with self.subTest(encoding=encoding):
                out = self.path(encoding + ".csv")
                run("export", "--district", "dong anh", "--encoding", encoding, "-o", out, db=demo, check=0)
                back = subprocess.run(["iconv", "-f", codec, "-t", "UTF-8", out], check=True,
                                      capture_output=True).stdout.decode("utf-8")
                self.assertIn("Đông Anh", unicodedata.normalize("NFC", back))
        # The whole demo, whose notes hold en dashes: they become "-" in an
        # 8-bit encoding, and every cooperative is there.
        for encoding in ("viscii", "tcvn3", "tcvn-vn1", "vni", "viqr", "cp1258"):
            with self.subTest(whole_register=encoding):
                out = self.path("all-" + encoding + ".csv")
                run("export", "--encoding", encoding, "-o", out, db=demo, check=0)
                back = self.new_db("back-" + encoding + ".db")
                run("import", out, "--encoding", encoding, db=back, check=0)
                self.assertEqual(run("list", "--count", db=back, check=0)[1].strip(), "856")
        # A character no 8-bit encoding has is refused with its line, and the
        # file the export was to replace stays as it was.
        run("edit", run("list", "--format", "tsv", "--sort", "code", db=demo, check=0)[1].splitlines()[1][:10],
            "notes=Giá 5 €", db=demo, check=0)
        write_bytes(self.path("x.csv"), b"precious\n")
        status, _, err = run("export", "--encoding", "viscii", "-o", self.path("x.csv"), "--force", db=demo)
        self.assertEqual(status, 2)
        self.assertIn('ký tự "€" (U+20AC) ở dòng 2', err)
        self.assertEqual(read_bytes(self.path("x.csv")), b"precious\n")
        self.assertFalse([n for n in os.listdir(self.dir) if n.startswith("x.csv.")])


class RoundTrip(Tmp):
    def test_demo_register_round_trip_with_memberships(self):
        demo = self.new_db("demo.db", demo=True)
        out = self.path("register.csv")
        run("export", "-o", out, "--with-memberships", db=demo, check=0)
        self.assertEqual(read_bytes(out)[:3], b"\xef\xbb\xbf")  # Excel needs the BOM
        self.assertTrue(os.path.exists(self.path("register.memberships.csv")))
        empty = self.new_db("empty.db")
        _, text, _ = run("import", out, "--with-memberships", db=empty, check=0)
        self.assertIn("thêm 856", text)
        self.assertEqual(self.register(empty), self.register(demo))
        again = self.path("again.csv")
        run("export", "-o", again, "--with-memberships", db=empty, check=0)
        self.assertEqual(read_bytes(again), read_bytes(out))
        self.assertEqual(read_bytes(self.path("again.memberships.csv")),
                         read_bytes(self.path("register.memberships.csv")))
        for club in ("agriculture", "trade", "plastic", "industry", "credit"):
            self.assertEqual(run("list", "--club", club, "--count", db=empty, check=0)[1],
                             run("list", "--club", club, "--count", db=demo, check=0)[1])

    def test_import_in_two_parts_keeps_search_and_district_counts(self):
        """The second import lands on rows already there: the search index
        and the per-district counts must take in exactly the new rows, and a
        refused import must leave both working for the next insert."""
        demo = self.new_db("demo.db", demo=True)
        out = self.path("register.csv")
        run("export", "-o", out, "--no-bom", db=demo, check=0)
        lines = read_bytes(out).decode("utf-8").splitlines(keepends=True)
        header, rows = lines[0], lines[1:]
        write_bytes(self.path("first.csv"), (header + "".join(rows[:300])).encode("utf-8"))
        write_bytes(self.path("rest.csv"), (header + "".join(rows[300:])).encode("utf-8"))
        db = self.new_db("parts.db")
        run("import", self.path("first.csv"), db=db, check=0)
        run("import", self.path("rest.csv"), db=db, check=0)
        self.assertEqual(self.register(db), self.register(demo))
        for words in ("bat trang", "dịch vụ", "van tai", "HTX"):
            with self.subTest(search=words):
                self.assertEqual(
                    run("list", "--search", words, "--format", "tsv", "--sort", "code", db=db, check=0)[1],
                    run("list", "--search", words, "--format", "tsv", "--sort", "code", db=demo, check=0)[1])
        self.assertEqual(run("list", "--count", db=db, check=0)[1].strip(), "856")
        with sqlite3.connect(db) as con:
            tally = dict(con.execute("SELECT district_code, cooperatives FROM district_tally"))
            counted = dict(con.execute("SELECT district_code, count(*) FROM cooperative GROUP BY 1"))
            self.assertEqual({k: v for k, v in tally.items() if v}, counted)
            # the units' tally too, kept through the bulk load
            units = dict(con.execute("SELECT commune, cooperatives FROM commune_tally"))
            counted = dict(con.execute("SELECT coalesce(commune, ''), count(*) FROM cooperative GROUP BY 1"))
            self.assertEqual({k: v for k, v in units.items() if v}, counted)
            con.execute("INSERT INTO cooperative_search(cooperative_search) VALUES ('integrity-check')")
        # A refused import (a duplicate code), then an ordinary insert: it is found.
        self.assertEqual(run("import", self.path("rest.csv"), db=db)[0], 2)
        run("add", "code=0101234565", "name=HTX Sau Nhập Lỗi", "district=Ba Vì", "sector=trade",
            db=db, check=0)
        _, found, _ = run("list", "--search", "sau nhap loi", "--format", "tsv", db=db, check=0)
        self.assertIn("HTX Sau Nhập Lỗi", found)
        self.assertEqual(run("list", "--count", db=db, check=0)[1].strip(), "857")
        with sqlite3.connect(db) as con:
            self.assertEqual(con.execute("SELECT cooperatives FROM district_tally WHERE district_code = "
                                         "'271'").fetchone()[0],
                             con.execute("SELECT count(*) FROM cooperative WHERE district_code = '271'"
                                         ).fetchone()[0])

    def test_quotes_tabs_and_line_breaks_survive_csv_and_tsv(self):
        db = self.new_db("tricky.db")
        run("add", "code=0101234565", 'name="Sao Mai", Đông Anh', "district=Đông Anh", "sector=trade",
            'products=gạo; "nếp" cái', "notes=Cột một\tcột hai\nDòng hai, có phẩy\\ và \"ngoặc\"",
            db=db, check=0)
        before = run("show", "0101234565", "--format", "json", db=db, check=0)[1]
        for fmt in ("csv", "tsv"):
            with self.subTest(format=fmt):
                out = self.path("tricky." + fmt)
                run("export", "--format", fmt, "-o", out, db=db, check=0)
                other = self.new_db("back-" + fmt + ".db")
                run("import", out, db=other, check=0)
                after = run("show", "0101234565", "--format", "json", db=other, check=0)[1]
                self.assertEqual(after, before)
                self.assertIn("\\t", after)  # the tab is in the value, as JSON writes it

    def test_importing_an_export_again_changes_nothing(self):
        demo = self.new_db("demo.db", demo=True)
        out = self.path("register.csv")
        run("export", "-o", out, "--with-memberships", db=demo, check=0)
        run("export", "--with-memberships", "-o", self.path("before.csv"), db=demo, check=0)
        for rule in ("skip", "update"):
            with self.subTest(on_duplicate=rule):
                run("import", out, "--with-memberships", "--on-duplicate", rule, db=demo, check=0)
                run("export", "-o", self.path("after.csv"), "--with-memberships", "--force", db=demo, check=0)
                self.assertEqual(read_bytes(self.path("after.memberships.csv")),
                                 read_bytes(self.path("before.memberships.csv")))
                self.assertEqual(read_bytes(self.path("after.csv")), read_bytes(self.path("before.csv")))

    def test_memberships_of_rows_refused_are_not_called_unknown(self):
        path = self.path("two.csv")
        write_bytes(path, (HEADER + GOOD_ROWS[0] + GOOD_ROWS[1].replace("gia lam", "Quận 99")).encode("utf-8"))
        write_bytes(self.path("two.memberships.csv"),
                    "code,club,role,joined,left\n0100109106,trade,member,,\n".encode("utf-8"))
        status, _, err = run("import", path, "--with-memberships", db=self.new_db("x.db"))
        self.assertEqual(status, 2)
        self.assertIn("Quận 99", err)
        self.assertNotIn("không có HTX mã số 0100109106", err)

    def test_formats(self):
        demo = self.new_db("demo.db", demo=True)
        _, out, _ = run("export", "--format", "json", "--district", "gia lam", db=demo, check=0)
        rows = json.loads(out)
        self.assertTrue(rows and all(r["district"] == "Gia Lâm" for r in rows))
        _, out, _ = run("export", "--format", "tsv", "--search", "dong tam", db=demo, check=0)
        self.assertTrue(out.startswith("code\tname\t"))
        self.assertEqual(run("export", "--format", "xml", db=demo)[0], 2)
        self.assertEqual(run("export", "--encoding", "latin9", db=demo)[0], 2)


HEADER = "Mã số;Tên HTX;Quận/Huyện;Ngành;Ngày thành lập;Số thành viên;Vốn điều lệ;Người đại diện\n"
GOOD_ROWS = [
    "0100233488;HTX Đồng Tâm;Thanh Trì;Thương mại – Dịch vụ;05/03/2019;12;1.500.000.000;Nguyễn Văn An\n",
    "0100109106;Hợp tác xã Bát Tràng;gia lam;industry;2001-01-02;40;;Lê Thị Hoa\n",
]


class BadFiles(Tmp):
    """Every problem at once, with its line; the database unchanged."""

    def setUp(self):
        super().setUp()
        self.db = self.new_db("htx.db")
        run("add", "code=0107836196", "name=HTX Có Sẵn", "district=Ba Đình", "sector=trade",
            db=self.db, check=0)
        self.before = self.register(self.db)

    def import_fails(self, data, *args):
        path = self.path("bad.csv")
        write_bytes(path, data if isinstance(data, bytes) else data.encode("utf-8"))
        status, out, err = run("import", path, *args, db=self.db)
        self.assertEqual(status, 2, out + err)
        self.assertEqual(self.register(self.db), self.before)
        return err

    def test_invalid_utf8(self):
        data = (HEADER + GOOD_ROWS[0]).encode("utf-8") + "0100109106;HTX Phù".encode("utf-8") + b"\xff\n"
        err = self.import_fails(data)
        self.assertIn("không phải utf-8 hợp lệ ở dòng 3", err)
        err = self.import_fails(data, "--encoding", "utf-8")
        self.assertIn("byte", err)

    def test_wrong_column_count(self):
        err = self.import_fails(HEADER + GOOD_ROWS[0] + "0100109106;HTX A;Gia Lâm\n" + GOOD_ROWS[1])
        self.assertIn("dòng 3: có 3 cột, dòng tiêu đề có 8", err)

    def test_quote_left_open(self):
        err = self.import_fails(HEADER + GOOD_ROWS[0] + '0100109106;"HTX A;Gia Lâm;trade;;;;\n'
                                + GOOD_ROWS[1])
        self.assertIn("dấu ngoặc kép mở ở dòng 3 không được đóng", err)

    def test_quote_left_open_refuses_even_with_skip_invalid(self):
        err = self.import_fails(HEADER + GOOD_ROWS[0] + '0100109106;"HTX A;Gia Lâm;trade;;;;\n'
                                + GOOD_ROWS[1], "--skip-invalid")
        self.assertIn("dấu ngoặc kép mở ở dòng 3 không được đóng", err)
        self.assertFalse(os.path.exists(self.path("bad.rejected.csv")))

    def test_a_failing_store_is_reported_with_its_cause(self):
        with sqlite3.connect(self.db) as con:
            con.execute("CREATE TRIGGER refuse BEFORE INSERT ON cooperative"
                        " BEGIN SELECT RAISE(ABORT, 'tệp khóa'); END")
        path = self.path("good.csv")
        write_bytes(path, (HEADER + GOOD_ROWS[0]).encode("utf-8"))
        status, _, err = run("import", path, db=self.db)
        self.assertEqual(status, 1)
        self.assertIn("tệp khóa", err)

    def test_duplicate_codes(self):
        err = self.import_fails(HEADER + GOOD_ROWS[0] + GOOD_ROWS[0].replace("Đồng Tâm", "Khác")
                                + "0107836196;HTX Có Sẵn;Ba Đình;trade;;;;\n")
        self.assertIn("dòng 3: Mã số HTX: mã số 0100233488 đã có ở dòng 2 của tệp", err)
        self.assertIn("dòng 4: Mã số HTX: đã có HTX mã số 0107836196", err)

    def test_unknown_district_and_every_error_at_once(self):
        err = self.import_fails(HEADER + GOOD_ROWS[0]
                                + "0100109106;HTX A;Quận 1;trade;;;;\n"
                                + "0108108915;HTX B;Gia Lâm;trade;31/02/2020;;;\n")
        self.assertIn("dòng 3: Quận/Huyện: không có quận/huyện \"Quận 1\"", err)
        self.assertIn("dòng 4:", err)
        self.assertIn("cơ sở dữ liệu không đổi", err)
        _, _, err = run("--lang", "en", "import", self.path("bad.csv"), db=self.db)
        self.assertIn("line 3: District: no district \"Quận 1\"", err)

    def test_skip_invalid_keeps_the_good_rows_and_writes_the_rest(self):
        path = self.path("mixed.csv")
        write_bytes(path, (HEADER + GOOD_ROWS[0] + "0100109106;HTX A;Quận 1;trade;;;;\n"
                           + GOOD_ROWS[1].replace("0100109106", "0108108915")).encode("utf-8"))
        _, out, _ = run("import", path, "--skip-invalid", db=self.db, check=0)
        self.assertIn("1 dòng bị loại", out)
        rejected = read_bytes(self.path("mixed.rejected.csv")).decode("utf-8-sig")
        # with the file's own separator, so that it reads back as the office wrote it
        self.assertIn("3;\"Quận/Huyện: không có quận/huyện \"\"Quận 1\"\"\";0100109106;HTX A;Quận 1", rejected)
        self.assertEqual(run("list", "--count", db=self.db, check=0)[1].strip(), "3")


class Options(Tmp):
    def setUp(self):
        super().setUp()
        self.db = self.new_db("htx.db")

    def test_a_unit_column_by_its_name_with_or_without_its_kind(self):
        """Issue of the 2025 units: the commune or ward by name, marks and kind optional."""
        path = self.path("units.csv")
        write_bytes(path, ("Mã số HTX,Tên HTX,Quận/Huyện,Ngành,Xã/Phường\n"
                           "0100233488,HTX Một,Gia Lâm,trade,bat trang\n"
                           "0100112437,HTX Hai,Gia Lâm,trade,Xã Bát Tràng\n"
                           "0100109106,HTX Ba,Hoàn Kiếm,trade,phuong hoan kiem\n").encode("utf-8"))
        run("import", path, db=self.db, check=0)
        for code, unit in (("0100233488", "Bát Tràng"), ("0100112437", "Bát Tràng"), ("0100109106", "Hoàn Kiếm")):
            shown = json.loads(run("show", code, "--format", "json", db=self.db, check=0)[1])[0]
            self.assertEqual(shown["commune"], unit)
        _, out, _ = run("list", "--commune", "bat trang", "--format", "tsv", db=self.db, check=0)
        self.assertEqual(len(out.strip().split("\n")) - 1, 2)
        # a name that is no unit is an error naming the line, and nothing is written
        before = self.register(self.db)
        bad = self.path("bad-unit.csv")
        write_bytes(bad, ("Mã số HTX,Tên HTX,Quận/Huyện,Ngành,Xã/Phường\n"
                          "0108108915,HTX Bốn,Gia Lâm,trade,xã Không Có\n").encode("utf-8"))
        status, _, err = run("import", bad, db=self.db)
        self.assertNotEqual(status, 0)
        self.assertIn("dòng 2: Xã/Phường", err)
        self.assertEqual(self.register(self.db), before)

    def test_headers_separators_map_and_unknown_columns(self):
        path = self.path("tab.tsv")
        write_bytes(path, ("ten htx\tMA SO\tquan huyen\tLinh vuc\tGhi chú riêng\n"
                           "HTX Một\t0100233488\tBa Đình\ttrade\tx\n").encode("utf-8"))
        _, out, err = run("import", path, "--map", "Linh vuc=sector", db=self.db, check=0)
        self.assertIn("dấu phân cách: tab", out)
        self.assertIn("\"Ghi chú riêng\"", err)
        shown = json.loads(run("show", "0100233488", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual(shown["name"], "HTX Một")
        self.assertEqual(shown["sector"], "trade")
        self.assertEqual(run("import", path, "--map", "Linh vuc=nothing", db=self.db)[0], 2)

    def test_map_follows_the_header_rules_and_is_checked(self):
        path = self.path("units.csv")
        write_bytes(path, ("MST,Tên đơn vị,Quận/Huyện,Ngành,Ngày thành lập\n"
                           "0100233488,HTX Một,Ba Đình,TRADE,05.03.2019\n").encode("utf-8"))
        _, out, err = run("import", path, "--map", " TEN DON VI =name", "--dry-run", db=self.db, check=0)
        self.assertIn("1 sẽ thêm", out)
        status, _, err = run("import", path, "--map", "Tên gọi=name", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn('--map: dòng tiêu đề không có cột "Tên gọi"', err)
        status, _, err = run("import", path, "--map", "Tên đơn vị=name", "--map", "ten don vi=-", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("được chỉ hai lần", err)
        write_bytes(path, "Số thuế,Tên\n1,2\n".encode("utf-8"))
        _, _, err = run("import", path, db=self.db)
        self.assertIn('dòng tiêu đề đọc được: "Số thuế", "Tên"', err)

    def test_spreadsheet_leftovers(self):
        """Mac line ends, rows of separators, empty cells past the last column,
        a spreadsheet date cell: what Excel writes imports."""
        path = self.path("excel.csv")
        write_bytes(path, ("Mã số;Tên HTX;Quận/Huyện;Ngành;Ngày thành lập;;\r"
                           "0100233488;HTX Một;Ba Đình;trade;05/03/2019 00:00:00;;\r"
                           "0100109106;HTX Hai;Gia Lâm;Industry;5-3-2019;;;\r"
                           ";;;;;;\r   \r").encode("utf-8"))
        _, out, err = run("import", path, db=self.db, check=0)
        self.assertIn("thêm 2", out)
        self.assertNotIn('""', err)  # empty header cells are not "columns not imported"
        shown = json.loads(run("show", "0100109106", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual((shown["sector"], shown["founded"]), ("industry", "2019-03-05"))

    def test_dry_run_and_duplicates(self):
        path = self.path("a.csv")
        write_bytes(path, (HEADER + GOOD_ROWS[0] + GOOD_ROWS[1]).encode("utf-8"))
        _, out, _ = run("import", path, "--dry-run", db=self.db, check=0)
        self.assertIn("2 sẽ thêm", out)
        self.assertEqual(run("list", "--count", db=self.db, check=0)[1].strip(), "0")
        run("import", path, db=self.db, check=0)
        self.assertEqual(run("import", path, db=self.db)[0], 2)
        _, out, _ = run("import", path, "--on-duplicate", "skip", db=self.db, check=0)
        self.assertIn("bỏ qua 2", out)
        write_bytes(path, (HEADER + GOOD_ROWS[0].replace(";12;", ";15;")).encode("utf-8"))
        _, out, _ = run("import", path, "--on-duplicate", "update", db=self.db, check=0)
        self.assertIn("cập nhật 1", out)
        shown = json.loads(run("show", "0100233488", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual(shown["members"], 15)
        self.assertEqual(run("import", path, "--on-duplicate", "merge", db=self.db)[0], 2)
        self.assertEqual(run("import", path, "--encoding", "koi8", db=self.db)[0], 2)
        self.assertEqual(run("import", self.path("missing.csv"), db=self.db)[0], 1)


# ---- large files, devices, and colleagues saving meanwhile -------------------

def sanitized():
    """Whether htx is built with AddressSanitizer, which reserves terabytes of
    address space: no RLIMIT_AS can be set on it, and it runs slower."""
    p = subprocess.run(["ldd", HTX], capture_output=True)
    return b"libasan" in p.stdout


def run_limited(*args, db, memory_mb=None, timeout=120):
    """run(), with the address space limited (RLIMIT_AS) and a timeout."""
    def limit():
        if memory_mb:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
    env = dict(os.environ)
    env.pop("HTX_DB", None)
    env.pop("HTX_LANG", None)
    p = subprocess.run([HTX, "--db", db] + list(args), capture_output=True, env=env, timeout=timeout,
                       preexec_fn=limit)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def tax_code(n):
    """The n-th valid tax code (nine digits, then the published check digit)."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    while True:
        digits = "%02d%07d" % (1 + n // 10_000_000, n % 10_000_000)
        check = 10 - sum(int(d) * w for d, w in zip(digits, weights)) % 11
        if check < 10:
            return digits + str(check)
        n += 1


PLACES = ["Đông Anh", "Phú Nghĩa", "Bát Tràng", "Ước Lễ", "Hồng Thái", "Thanh Hà", "Ứng Thiên"]
DISTRICTS = ["Ba Đình", "Hoàn Kiếm", "Gia Lâm", "Thanh Trì", "Đông Anh", "Sóc Sơn", "Ba Vì"]


def write_register(path, rows, last=None):
    """A register of rows generated cooperatives (every code its own), and
    maybe a last line as given."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Mã số,Tên HTX,Quận/Huyện,Ngành,Ngày thành lập,Số thành viên,Vốn điều lệ,"
                "Người đại diện,Địa chỉ\n")
        for i in range(rows):
            f.write(f"{tax_code(i * 11)},Hợp tác xã dịch vụ {PLACES[i % 7]} {i},{DISTRICTS[i % 7]},"
                    f"trade,{i % 28 + 1:02d}/{i % 12 + 1:02d}/{1990 + i % 35},{7 + i % 200},"
                    f"{100 + i % 5000}000000,Nguyễn Văn Hùng,\"Số {i}, thôn {PLACES[(i // 7) % 7]}\"\n")
        if last:
            f.write(last)


class Workbooks(Tmp):
    """Workbooks as offices send them, written by independent writers:
    openpyxl (.xlsx), odfpy (.ods), xlwt (.xls)."""

    HEADER = ["STT", "MST", "Tên đơn vị", "Quận/Huyện", "Lĩnh vực", "Ngày thành lập", "Số thành viên",
              "Vốn điều lệ", "Giám đốc", "SĐT", "Địa chỉ trụ sở"]

    def setUp(self):
        super().setUp()
        self.db = self.new_db("htx.db")

    def gia_lam_xlsx(self, name, epoch_1904=False):
        import openpyxl
        import openpyxl.utils.datetime
        wb = openpyxl.Workbook()
        if epoch_1904:
            wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        ws = wb.active
        ws.title = "Danh sách"
        ws["A1"] = "DANH SÁCH HỢP TÁC XÃ HUYỆN GIA LÂM"
        ws.merge_cells("A1:K1")
        ws.append([])
        ws.append(self.HEADER)
        ws.append([1, "0100233488", "HTX Một", "Gia Lâm", "trade", datetime.date(2019, 3, 5), 12, 500000000,
                   "Nguyễn Văn An", "0912345678", "Xã Đa Tốn, huyện Gia Lâm"])
        ws.append([2, "0100109106", "HTX Hai", "Gia Lâm", "industry", datetime.date(2018, 1, 31), None, 1.5e9,
                   None, None, None])
        wb.create_sheet("Khác").append(["Mã số", "Tên HTX"])
        path = self.path(name)
        wb.save(path)
        return path

    def test_an_xlsx_with_a_title_above_the_header_imports(self):
        path = self.gia_lam_xlsx("gialam.xlsx")
        _, out, err = run("import", path, db=self.db, check=0)
        self.assertIn("Bảng tính xlsx", out)
        self.assertIn("Dòng tiêu đề: dòng 3; bỏ qua 1 dòng", out)
        self.assertNotIn("STT", err)  # the numbering column is not "not imported"
        self.assertNotIn("Giám đốc", err)
        one = json.loads(run("show", "0100233488", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual((one["name"], one["district"], one["founded"], one["members"], one["capital"]),
                         ("HTX Một", "Gia Lâm", "2019-03-05", 12, 500000000))
        self.assertEqual((one["representative"], one["phone"], one["address"]),
                         ("Nguyễn Văn An", "0912345678", "Xã Đa Tốn, huyện Gia Lâm"))
        two = json.loads(run("show", "0100109106", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual((two["founded"], two["capital"]), ("2018-01-31", 1500000000))

    def test_the_1904_date_system(self):
        path = self.gia_lam_xlsx("mac.xlsx", epoch_1904=True)
        run("import", path, db=self.db, check=0)
        one = json.loads(run("show", "0100233488", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual(one["founded"], "2019-03-05")

    def test_recognised_by_its_bytes_whatever_its_name(self):
        path = self.gia_lam_xlsx("gialam.xlsx")
        renamed = self.path("gialam.csv")
        os.rename(path, renamed)
        _, out, _ = run("import", renamed, "--dry-run", db=self.db, check=0)
        self.assertIn("Bảng tính xlsx", out)
        self.assertIn("2 sẽ thêm", out)

    def test_a_sheet_by_name_or_number_and_the_header_row(self):
        path = self.gia_lam_xlsx("gialam.xlsx")
        status, _, err = run("import", path, "--sheet", "khong co", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn('không có trang "khong co" (các trang: "Danh sách", "Khác")', err)
        for sheet in ("2", "KHÁC", "khac"):
            _, out, _ = run("import", path, "--sheet", sheet, "--dry-run", db=self.db, check=0)
            self.assertIn("0 sẽ thêm", out)
        status, _, err = run("import", path, "--header-row", "4", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn('dòng tiêu đề đọc được: "1", "0100233488"', err)
        _, out, _ = run("import", path, "--header-row", "3", "--dry-run", db=self.db, check=0)
        self.assertIn("2 sẽ thêm", out)
        self.assertEqual(run("import", path, "--header-row", "x", db=self.db)[0], 2)
        status, _, err = run("import", path, "--header-row", "40", db=self.db)
        self.assertIn("không có dòng 40", err)

    def test_errors_name_the_sheet_row(self):
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Mã số", "Tên HTX", "Quận/Huyện", "Ngành"])
        ws.append(["0100233488", "HTX Một", "Gia Lâm", "trade"])
        ws.append([])
        ws.append([])
        ws.append(["0100109106", "HTX Hai", "Không Có", "trade"])
        path = self.path("rows.xlsx")
        wb.save(path)
        status, _, err = run("import", path, db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("rows.xlsx, dòng 5:", err)

    def test_an_ods_imports(self):
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table, TableRow, TableCell
        from odf.text import P
        doc = OpenDocumentSpreadsheet()
        table = Table(name="Gia Lâm")

        def row(*cells, repeat=None):
            r = TableRow(**({"numberrowsrepeated": repeat} if repeat else {}))
            for c in cells:
                if isinstance(c, tuple):  # (value type, value, attributes)
                    kind, value = c
                    attrs = {"valuetype": kind}
                    if kind == "date":
                        attrs["datevalue"] = value
                    elif kind == "float":
                        attrs["value"] = value
                    cell = TableCell(**attrs)
                    cell.addElement(P(text=str(value)))
                elif c is None:
                    cell = TableCell()
                elif c == "BLANK":  # as LibreOffice ends a row: every column left, empty
                    cell = TableCell(numbercolumnsrepeated=1024)
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=c))
                r.addElement(cell)
            table.addElement(r)

        row("DANH SÁCH HỢP TÁC XÃ")
        row("BLANK", repeat=2)
        row("STT", "Mã số", "Tên HTX", "Quận/Huyện", "Ngành", "Ngày thành lập", "Vốn điều lệ")
        row(("float", 1), "0100233488", "HTX Một", "Gia Lâm", "trade", ("date", "2019-03-05"),
            ("float", 500000000))
        row("BLANK", repeat=1000)
        row(("float", 2), "0100109106", "HTX Hai", "Gia Lâm", "trade", None, ("float", 5))
        doc.spreadsheet.addElement(table)
        path = self.path("gialam.ods")
        doc.save(path)
        _, out, err = run("import", path, db=self.db)
        self.assertIn("Bảng tính ods", out)
        self.assertIn("Dòng tiêu đề: dòng 4", out)
        one = json.loads(run("show", "0100233488", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual((one["founded"], one["capital"]), ("2019-03-05", 500000000))
        two = json.loads(run("show", "0100109106", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual((two["founded"], two["capital"]), (None, 5))
        # rows repeated count: a problem names the row LibreOffice shows
        status, _, err = run("import", path, db=self.db)
        self.assertIn("gialam.ods, dòng 1006:", err)

    def test_an_xls_imports_with_freexl(self):
        import xlwt
        wb = xlwt.Workbook(encoding="utf-8")
        ws = wb.add_sheet("Danh sách")
        for c, h in enumerate(["Mã số", "Tên HTX", "Quận/Huyện", "Ngành", "Ngày thành lập", "Vốn"]):
            ws.write(0, c, h)
        date_style = xlwt.easyxf(num_format_str="dd/mm/yyyy")
        values = ["0100233488", "HTX Một", "Gia Lâm", "trade", datetime.date(2019, 3, 5), 500000000]
        for c, v in enumerate(values):
            ws.write(1, c, v, date_style) if isinstance(v, datetime.date) else ws.write(1, c, v)
        path = self.path("old.xls")
        wb.save(path)
        _, out, err = run("import", path, db=self.db, check=0)
        self.assertIn("Bảng tính xls", out)
        one = json.loads(run("show", "0100233488", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual((one["name"], one["founded"], one["capital"]), ("HTX Một", "2019-03-05", 500000000))

    def test_damaged_workbooks_are_refused_saying_so(self):
        path = self.gia_lam_xlsx("gialam.xlsx")
        data = read_bytes(path)
        cut = self.path("cut.xlsx")
        write_bytes(cut, data[: len(data) // 2])
        status, _, err = run("import", cut, db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("tệp bảng tính hỏng", err)
        docx = self.path("letter.xlsx")
        import zipfile
        with zipfile.ZipFile(docx, "w") as z:
            z.writestr("word/document.xml", "<w/>")
        status, _, err = run("import", docx, db=self.db)
        self.assertIn("không phải bảng tính .xlsx hay .ods (docx)", err)
        ole = self.path("other.xls")
        write_bytes(ole, bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\0" * 1000)
        status, _, err = run("import", ole, db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("lưu lại dạng .xlsx", err)
        self.assertEqual(self.register(self.db).count("\n"), 1)


class OfficeFiles(Tmp):
    """The files a district office really sends (issue: Gia Lâm)."""

    def setUp(self):
        super().setUp()
        self.db = self.new_db("htx.db")

    def test_a_cp1258_csv_with_a_title_and_an_stt_column(self):
        path = self.path("gialam.csv")
        text = ("DANH SÁCH HỢP TÁC XÃ HUYỆN GIA LÂM,,,,\r\n,,,,\r\n"
                "STT,Mã số thuế,Tên HTX,Quận/Huyện,Ngành nghề\r\n"
                "1,0100233488,HTX Nông nghiệp Đa Tốn,Gia Lâm,Nông nghiệp\r\n")
        write_bytes(path, iconv(text.encode("utf-8"), "CP1258"))
        _, out, err = run("import", path, db=self.db, check=0)
        self.assertIn("Dòng tiêu đề: dòng 3; bỏ qua 1 dòng", out)
        self.assertNotIn("STT", err)
        shown = json.loads(run("show", "0100233488", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual((shown["name"], shown["sector"]), ("HTX Nông nghiệp Đa Tốn", "agriculture"))

    def test_everyday_headers_values_and_the_district(self):
        path = self.path("gialam.csv")
        write_bytes(path, ("Tên đơn vị,MST,Địa chỉ trụ sở,Lĩnh vực,Giám đốc,SĐT,Năm thành lập,Vốn\n"
                           "HTX A,0100233488,\"Xã Đa Tốn, huyện Gia Lâm\",Tiểu thủ công nghiệp,Nguyễn An,"
                           "091 234 5678,2018,500 triệu\n"
                           "HTX B,0100109106,Số 5 phố Huế,thuong mai,Lê Bình,+84 91.234.5678,5/3/19,\"1,5 tỷ\"\n"
                           ).encode("utf-8"))
        status, out, err = run("import", path, db=self.db)
        self.assertEqual(status, 2)
        self.assertNotIn("Cột không nhập", err)
        self.assertNotIn("không nhập:", err)
        self.assertIn("1 dòng lấy theo địa chỉ", out)
        self.assertIn("gialam.csv, dòng 3: Quận/Huyện: không được để trống", err)
        status, _, err = run("import", path, "--district", "nowhere", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn('không có quận/huyện "nowhere"', err)
        _, out, _ = run("import", path, "--district", "gia lam", db=self.db, check=0)
        self.assertIn("2 dòng lấy gia lam", out)
        a = json.loads(run("show", "0100233488", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual((a["district"], a["sector"], a["founded"], a["capital"], a["representative"], a["phone"]),
                         ("Gia Lâm", "industry", "2018-00-00", 500000000, "Nguyễn An", "0912345678"))
        self.assertIn("Ngày thành lập                    : 2018\n", run("show", "0100233488", db=self.db, check=0)[1])
        b = json.loads(run("show", "0100109106", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual((b["sector"], b["founded"], b["capital"], b["phone"]),
                         ("trade", "2019-03-05", 1500000000, "0912345678"))
        # an export of a year alone reads back as a year alone
        exported = self.path("out.csv")
        run("export", "-o", exported, db=self.db, check=0)
        db2 = self.new_db("two.db")
        run("import", exported, db=db2, check=0)
        self.assertEqual(json.loads(run("show", "0100233488", "--format", "json", db=db2, check=0)[1])[0]["founded"],
                         "2018-00-00")

    def test_rejects_go_back_in_the_senders_format(self):
        path = self.path("gialam.csv")
        text = ("Mã số;Tên HTX;Quận/Huyện;Ngành\r\n0100233488;HTX Một;Gia Lâm;trade\r\n"
                "0100109106;HTX Hai Đông;Quận 13;trade\r\n")
        write_bytes(path, iconv(text.encode("utf-8"), "CP1258"))
        _, out, _ = run("import", path, "--skip-invalid", db=self.db, check=0)
        self.assertIn("gialam.rejected.csv", out)
        data = read_bytes(self.path("gialam.rejected.csv"))
        back = subprocess.run(["iconv", "-f", "CP1258", "-t", "UTF-8"], input=data, check=True,
                              capture_output=True).stdout.decode("utf-8")
        self.assertEqual(back.splitlines()[0], "dòng;lý do;Mã số;Tên HTX;Quận/Huyện;Ngành")
        self.assertIn("3;", back)
        self.assertIn(";0100109106;HTX Hai Đông;Quận 13;trade", back)
        # a workbook's rejects are a workbook
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Mã số", "Tên HTX", "Quận/Huyện", "Ngành", "Vốn"])
        ws.append(["0107836196", "HTX Ba", "Gia Lâm", "trade", 5])
        ws.append(["0104567892", "HTX Bốn", "Gia Lâm", "trade", "1.500 tỷ"])
        book = self.path("gialam.xlsx")
        wb.save(book)
        _, out, _ = run("import", book, "--skip-invalid", db=self.db, check=0)
        self.assertIn("gialam.rejected.xlsx", out)
        rejected = openpyxl.load_workbook(self.path("gialam.rejected.xlsx")).active
        rows = [[c.value for c in r] for r in rejected.iter_rows()]
        self.assertEqual(rows[0], ["dòng", "lý do", "Mã số", "Tên HTX", "Quận/Huyện", "Ngành", "Vốn"])
        self.assertEqual(rows[1][0], "3")
        self.assertIn("không rõ", rows[1][1])
        self.assertEqual(rows[1][2:], ["0104567892", "HTX Bốn", "Gia Lâm", "trade", "1.500 tỷ"])
        self.assertEqual(oct(os.stat(self.path("gialam.rejected.xlsx")).st_mode & 0o777), "0o600")


class LargeFiles(Tmp):
    """A file is read as a stream: memory stays flat, whatever its size, and
    what is no CSV file is refused at once."""

    def setUp(self):
        super().setUp()
        self.db = self.new_db("htx.db")
        self.memory = None if sanitized() else 256

    def test_an_export_is_written_as_it_is_read(self):
        """Exports stream a chunk at a time: 2,500 rows export and import back whole,
        and a character the encoding lacks in a late row is named with its line
        in the whole file, the old file kept."""
        source = self.path("big.csv")
        write_register(source, 2500)
        run("import", source, db=self.db, check=0)
        out = self.path("out.csv")
        run("export", "-o", out, db=self.db, check=0)
        again = self.new_db("again.db")
        run("import", out, db=again, check=0)
        self.assertEqual(run("export", db=again, check=0)[1], run("export", db=self.db, check=0)[1])
        # a name VISCII cannot hold, late in code order
        code = tax_code(2499 * 11)
        run("edit", code, "name=Hợp tác xã ∑ cuối", db=self.db, check=0)
        kept = self.path("kept.csv")
        write_bytes(kept, b"old\n")
        status, _, err = run("export", "--encoding", "viscii", "-o", kept, "--force", db=self.db)
        self.assertEqual(status, 2, err)
        codes = [line.split(",")[0] for line in run("export", db=self.db, check=0)[1].splitlines()[1:]]
        self.assertIn(f"dòng {codes.index(code) + 2}", err)
        self.assertEqual(read_bytes(kept), b"old\n")

    def test_a_device_is_refused_at_once(self):
        started = time.monotonic()
        status, _, err = run_limited("import", "/dev/zero", db=self.db, memory_mb=self.memory, timeout=30)
        self.assertEqual(status, 2, err)
        self.assertIn("không phải tệp thông thường", err)
        self.assertLess(time.monotonic() - started, 10)
        _, _, err = run_limited("--lang", "en", "import", "/dev/zero", db=self.db, timeout=30)
        self.assertIn("is not a regular file", err)

    def test_a_fifo_is_refused_without_waiting_for_a_writer(self):
        fifo = self.path("pipe.csv")
        os.mkfifo(fifo)
        status, _, err = run_limited("import", fifo, db=self.db, memory_mb=self.memory, timeout=30)
        self.assertEqual(status, 2, err)
        self.assertIn("không phải tệp thông thường", err)

    def test_a_directory_is_refused(self):
        status, _, err = run_limited("import", self.dir, db=self.db, timeout=30)
        self.assertEqual(status, 2, err)
        self.assertIn("là một thư mục", err)

    def test_a_line_of_5_mb_is_refused_naming_it(self):
        path = self.path("long.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER + GOOD_ROWS[0] + "0100109106;" + "x" * (5 << 20) + "\n" + GOOD_ROWS[1])
        status, _, err = run_limited("import", path, db=self.db, memory_mb=self.memory, timeout=60)
        self.assertEqual(status, 2, err)
        self.assertIn("dòng 3 dài quá 1 MiB", err)
        self.assertEqual(run("list", "--count", db=self.db, check=0)[1].strip(), "0")
        # In the first block, too (the header's own line).
        with open(path, "w", encoding="utf-8") as f:
            f.write("code;" + "y" * (5 << 20))
        status, _, err = run_limited("import", path, db=self.db, memory_mb=self.memory, timeout=60)
        self.assertEqual(status, 2, err)
        self.assertIn("dòng 1 dài quá 1 MiB", err)

    def test_a_quoted_cell_of_5_mb_is_refused_naming_its_line(self):
        path = self.path("cell.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER + GOOD_ROWS[0] + '0100109106;"' + "dòng\n" * (1 << 20) + '";Gia Lâm;trade;;;;\n')
        status, _, err = run_limited("import", path, db=self.db, memory_mb=self.memory, timeout=60)
        self.assertEqual(status, 2, err)
        self.assertIn("dòng dữ liệu bắt đầu ở dòng 3 dài quá 1 MiB", err)

    def test_a_20_mb_file_imports_in_128_mb(self):
        path = self.path("big.csv")
        write_register(path, 135_000)
        self.assertGreater(os.path.getsize(path), 20_000_000)
        status, out, err = run_limited("import", path, db=self.db, memory_mb=None if sanitized() else 128,
                                       timeout=280)
        self.assertEqual(status, 0, out + err)
        self.assertIn("thêm 135.000", out)  # counts as staff write them
        self.assertEqual(run("list", "--count", db=self.db, check=0)[1].strip(), "135000")
        _, found, _ = run("list", "--search", "dich vu uoc le 134998", "--format", "tsv", db=self.db, check=0)
        self.assertIn("Hợp tác xã dịch vụ Ước Lễ 134998", found)

    def test_line_numbers_stay_exact_past_the_first_block(self):
        path = self.path("late.csv")
        write_register(path, 3000, last="0100109106,HTX Cuối,Quận 99,trade,,,,,\n")
        self.assertGreater(os.path.getsize(path), 4 * 65536)
        status, _, err = run("import", path, "--skip-invalid", db=self.db)
        self.assertEqual(status, 0, err)
        self.assertIn("dòng 3002: Quận/Huyện: không có quận/huyện \"Quận 99\"", err)
        rejected = read_bytes(self.path("late.rejected.csv")).decode("utf-8-sig")
        self.assertIn("3002,", rejected)
        self.assertIn("0100109106,HTX Cuối,Quận 99,trade", rejected)
        # Bad bytes far in: their line and byte, and nothing written.
        data = read_bytes(path)
        write_bytes(self.path("bad.csv"), data + b"0108108915,HTX \xff,Ba V\xc3\xac,trade,,,,,\n")
        status, _, err = run("import", self.path("bad.csv"), db=self.new_db("bad.db"))
        self.assertEqual(status, 2, err)
        self.assertIn("không phải utf-8 hợp lệ ở dòng 3003 (byte %d)" % (len(data) + 16), err)
        self.assertEqual(run("list", "--count", db=self.path("bad.db"), check=0)[1].strip(), "0")


class SavingDuringAnImport(Tmp):
    """A colleague's save while a long import runs waits at most for the
    import's write phase: it never fails with "the database is busy"."""

    def setUp(self):
        super().setUp()
        self.db = self.new_db("htx.db")
        run("add", "code=0107836196", "name=HTX Có Sẵn", "district=Ba Đình", "sector=trade", db=self.db, check=0)

    def edit_while(self, importing):
        """Saves a record over and over while the import runs; the failures."""
        edits, failures = 0, []
        while importing.poll() is None:
            status, _, err = run("edit", "0107836196", f"members={10 + edits}", db=self.db)
            if status != 0:
                failures.append(err)
            edits += 1
            time.sleep(0.1)
        return edits, failures

    def start_import(self, path, *args):
        env = dict(os.environ)
        env.pop("HTX_DB", None)
        return subprocess.Popen([HTX, "--db", self.db, "import", path] + list(args),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

    def test_checking_a_large_file_locks_no_one_out(self):
        """A file refused for its last row: checking it takes no lock at all."""
        path = self.path("refused.csv")
        write_register(path, 100_000, last="0100109106,HTX Cuối,Quận 99,trade,,,,,\n")
        importing = self.start_import(path)
        edits, failures = self.edit_while(importing)
        out, err = importing.communicate()
        self.assertEqual(importing.returncode, 2, err.decode("utf-8"))
        self.assertIn("Quận 99", err.decode("utf-8"))
        self.assertGreater(edits, 3)
        self.assertEqual(failures, [])
        self.assertEqual(run("list", "--count", db=self.db, check=0)[1].strip(), "1")

    def test_a_save_during_an_import_goes_through(self):
        rows = 15_000 if sanitized() else 40_000
        path = self.path("register.csv")
        write_register(path, rows)
        importing = self.start_import(path)
        edits, failures = self.edit_while(importing)
        out, err = importing.communicate()
        self.assertEqual(importing.returncode, 0, err.decode("utf-8"))
        self.assertGreater(edits, 3)
        self.assertEqual(failures, [])
        self.assertEqual(run("list", "--count", db=self.db, check=0)[1].strip(), str(rows + 1))
        shown = json.loads(run("show", "0107836196", "--format", "json", db=self.db, check=0)[1])[0]
        self.assertEqual(shown["members"], 10 + edits - 1)


if __name__ == "__main__":
    HTX = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
