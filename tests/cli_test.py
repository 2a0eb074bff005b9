#!/usr/bin/env python3
"""The htx command line, driven as a script or a person would drive it.

Usage: cli_test.py PATH_TO_HTX

Vietnamese order is checked against ICU's "vi" collation (PyICU), an
implementation independent of htx's own.
"""
import csv
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata
import unittest

import icu

HTX = None
HERE = os.path.dirname(os.path.abspath(__file__))
VI = icu.Collator.createInstance(icu.Locale("vi"))
# numbers in names sort by their value, as htx sorts them
VI.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)


def run(*args, env=None, db=None, check=None):
    """Runs htx; returns (status, stdout, stderr) as text."""
    cmd = [HTX]
    if db:
        cmd += ["--db", db]
    cmd += list(args)
    full_env = dict(os.environ)
    full_env.pop("HTX_DB", None)
    full_env.pop("HTX_LANG", None)
    full_env.update(env or {})
    p = subprocess.run(cmd, capture_output=True, env=full_env, timeout=120)
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    if check is not None and p.returncode != check:
        raise AssertionError(f"{cmd} exited {p.returncode}, expected {check}\n{out}\n{err}")
    return p.returncode, out, err


def tsv_rows(text):
    lines = text.rstrip("\n").split("\n")
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def plain(text):
    """Lower case, no marks, đ as d: what "ignoring marks" means."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class DemoDatabase(unittest.TestCase):
    """Read-only checks on one demo database."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "demo.db")
        run("init", "--demo", db=cls.db, check=0)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def stats(self, *extra):
        _, out, _ = run("stats", "--by", "sector", "--format", "tsv", *extra, db=self.db, check=0)
        return {r["key"]: int(r["count"]) for r in tsv_rows(out)}

    def names(self, *args):
        _, out, _ = run("list", "--format", "tsv", *args, db=self.db, check=0)
        return [r["name"] for r in tsv_rows(out)]

    def test_sector_counts_match_the_alliance_figures(self):
        counts = self.stats()
        self.assertEqual(
            [counts[k] for k in ("industry", "construction", "trade", "transport", "other")],
            [293, 23, 253, 189, 46])
        self.assertGreater(counts["agriculture"], 0)
        self.assertGreater(counts["credit"], 0)

    def test_founded_since_2018_adds_up_to_315(self):
        counts = self.stats("--founded-from", "2018-01-01")
        five = sum(counts[k] for k in ("industry", "construction", "trade", "transport", "other"))
        self.assertEqual(five, 315)
        # the same filter typed as staff type dates
        self.assertEqual(self.stats("--founded-from", "01/01/2018"), counts)

    def test_stats_tsv_has_key_name_count(self):
        _, out, _ = run("stats", "--by", "district", "--format", "tsv", db=self.db, check=0)
        lines = out.splitlines()
        self.assertEqual(lines[0], "key\tname\tcount")
        self.assertEqual(len(lines), 31)
        self.assertEqual(lines[1].split("\t")[:2], ["001", "Ba Đình"])
        self.assertEqual(lines[-1].split("\t")[:2], ["281", "Ứng Hòa"])

    def test_sort_by_name_is_vietnamese_collation(self):
        names = self.names("--sort", "name")
        self.assertGreater(len(names), 800)
        self.assertEqual(names, sorted(names, key=VI.getSortKey))

    def test_sort_by_district_follows_district_names(self):
        _, out, _ = run("list", "--format", "tsv", "--sort", "district", db=self.db, check=0)
        districts = [r["district"] for r in tsv_rows(out)]
        self.assertEqual(districts, sorted(districts, key=VI.getSortKey))
        self.assertEqual(len(set(districts)), 30)

    def test_search_ignores_case_and_marks_not_typed(self):
        for query in ("dong tam", "DONG TAM", "Đông Tâm", "đồng tâm"):
            self.assertIn("HTX Đồng Tâm", self.names("--search", query), query)
        self.assertEqual(self.names("--search", "may tre"),
                         ["HTX sản xuất mây tre đan xuất khẩu Phú Nghĩa"])

    def test_typed_marks_are_respected(self):
        with_marks = self.names("--search", "đường")
        self.assertTrue(with_marks)
        for name in with_marks:
            self.assertIn("đường", name.lower())
        # "dương" has no stroke typed, so it finds both; "đường" finds no "Dương"
        duong = [n for n in self.names("--search", "dương") if "đường" not in n.lower()]
        self.assertTrue(duong)
        self.assertFalse(set(duong) & set(with_marks))
        # "d" finds d and đ; "đ" finds only đ
        d_names = self.names("--search", "d")
        dd_names = self.names("--search", "đ")
        self.assertTrue(any("đ" in n.lower() for n in d_names))
        self.assertTrue(all("đ" in n.lower() for n in dd_names))
        self.assertLess(len(dd_names), len(d_names))

    def test_search_matches_plain_fold_superset(self):
        # every result of a mark-free query contains it once marks are removed
        for query in ("gom su", "van tai", "thuong mai"):
            found = self.names("--search", query)
            self.assertTrue(found, query)
            for name in found:
                self.assertIn(query, plain(name))

    def test_filters_by_names_typed_without_marks(self):
        names = self.names("--district", "gia lam")
        self.assertIn("HTX gốm sứ Tân Thịnh", names)
        self.assertEqual(names, self.names("--district", "018"))
        self.assertEqual(names, self.names("--district", "Huyện Gia Lâm"))
        _, out, _ = run("list", "--count", "--club", "nhua ha noi", db=self.db, check=0)
        self.assertGreater(int(out), 0)
        status, _, err = run("list", "--district", "Quận 13", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("Quận 13", err)

    def test_formats_tsv_csv_json_agree(self):
        first = ["code", "name", "district", "sector", "founded", "members", "capital",
                 "representative", "phone", "status"]
        _, tsv_out, _ = run("list", "--format", "tsv", "--district", "Chương Mỹ", db=self.db, check=0)
        _, csv_out, _ = run("list", "--format", "csv", "--district", "Chương Mỹ", db=self.db, check=0)
        _, json_out, _ = run("list", "--format", "json", "--district", "Chương Mỹ", db=self.db, check=0)
        tsv = tsv_rows(tsv_out)
        rows = list(csv.reader(io.StringIO(csv_out, newline="")))
        self.assertEqual(rows[0][:10], first)
        records = json.loads(json_out)
        self.assertEqual(list(records[0].keys())[:10], first)
        self.assertEqual(len(tsv), len(rows) - 1)
        self.assertEqual(len(tsv), len(records))
        for t, c, j in zip(tsv, rows[1:], records):
            self.assertEqual(t["name"], c[1])
            self.assertEqual(t["name"], j["name"])
            self.assertEqual(j["district"], "Chương Mỹ")
            self.assertIn(j["sector"], ("industry", "construction", "trade", "transport",
                                        "other", "agriculture", "credit"))
            if j["founded"]:
                self.assertRegex(j["founded"], r"^\d{4}-\d{2}-\d{2}$")
            if j["members"] is not None:
                self.assertIsInstance(j["members"], int)

    def test_table_is_aligned_by_display_width(self):
        _, out, _ = run("list", "--district", "Ứng Hòa", db=self.db, env={"COLUMNS": "100"}, check=0)
        lines = out.splitlines()
        self.assertIn("Tên HTX", lines[0])
        body = lines[2:-1]
        self.assertTrue(body)
        # the code column ends at the same display column on every row
        for line in body:
            self.assertEqual(line[14], " ")
        self.assertTrue(lines[-1].startswith("Tổng: "))

    def test_count(self):
        _, out, _ = run("list", "--count", db=self.db, check=0)
        self.assertEqual(int(out), sum(self.stats().values()))

    def test_show_text_and_json(self):
        [row] = [r for r in tsv_rows(run("list", "--format", "tsv", "--search", "Tân Thịnh",
                                         db=self.db, check=0)[1])]
        status, out, _ = run("show", row["code"], db=self.db)
        self.assertEqual(status, 0)
        self.assertIn("HTX gốm sứ Tân Thịnh", out)
        self.assertIn("Gia Lâm", out)
        self.assertIn("Nhật ký thay đổi", out)
        _, out, _ = run("show", row["code"], "--format", "json", db=self.db, check=0)
        self.assertEqual(json.loads(out)[0]["code"], row["code"])

    def test_english_interface(self):
        status, _, err = run("--lang", "en", "show", "0100233487", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("Registration code: wrong check digit", err)
        status, _, err = run("show", "0100233488", db=self.db, env={"HTX_LANG": "en"})
        self.assertEqual(status, 1)
        self.assertIn("no cooperative with code 0100233488", err)

    def count(self, *filters, **kw):
        return int(run("list", "--count", *filters, db=self.db, check=0, **kw)[1])

    def test_values_are_found_by_their_vietnamese_names(self):
        trade = self.count("--sector", "trade")
        self.assertGreater(trade, 0)
        for typed in ("thuong mai", "Thương mại, dịch vụ", "THƯƠNG MẠI – DỊCH VỤ", "tm - dv"):
            self.assertEqual(self.count("--sector", typed), trade, typed)
        self.assertEqual(self.count("--sector", "tiểu thủ công nghiệp"), self.count("--sector", "industry"))
        self.assertEqual(self.count("--club", "nhua"), self.count("--club", "plastic"))
        self.assertEqual(self.count("--club", "tin dung"), self.count("--club", "credit"))
        self.assertEqual(self.count("--status", "giai the"), self.count("--status", "dissolved"))
        self.assertEqual(self.count("--status", "Đang hoạt động"), self.count("--status", "active"))
        self.assertEqual(self.count("--district", "huyen thanh t"), self.count("--district", "020"))

    def test_a_name_that_fits_several_lists_them(self):
        status, out, err = run("list", "--district", "thanh", db=self.db)
        self.assertEqual((status, out), (2, ""))
        self.assertIn("ứng với nhiều quận/huyện", err)
        for district in ("Thanh Xuân", "Thanh Trì", "Thanh Oai"):
            self.assertIn(district, err)
        status, _, err = run("--lang", "en", "list", "--status", "hoat dong", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn('"hoat dong" fits several statuses: Active, Suspended', err)

    def test_unknown_names_suggest_the_close_ones(self):
        cases = [
            (("--district", "hoan kim"), "Có phải: Hoàn Kiếm (002)?"),
            (("--district", "gia lm"), "Có phải: Gia Lâm (018)?"),
            (("--sector", "thuong mia"), "Có phải: Thương mại – Dịch vụ (trade)?"),
            (("--club", "nhua ha nol"), "Có phải: CLB Nhựa Hà Nội (plastic)?"),
        ]
        for option, said in cases:
            status, _, err = run("list", *option, db=self.db)
            self.assertEqual(status, 2, option)
            self.assertIn(said, err, option)
        status, _, err = run("--lang", "en", "list", "--district", "hoan kim", db=self.db)
        self.assertIn('no district "hoan kim". Did you mean: Hoàn Kiếm (002)?', err)
        # nothing near: the error alone, no guess
        status, _, err = run("list", "--district", "xyz", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn('không có quận/huyện "xyz"', err)
        self.assertNotIn("Có phải", err)
        self.assertIn("các tên gõ được: xem htx list --help", err)  # but where the names are

    def test_english_numbers_and_plurals(self):
        _, out, _ = run("--lang", "en", "stats", db=self.db, check=0)
        self.assertRegex(out, r"\b\d+\.\d%")
        self.assertNotRegex(out, r"\d,\d%")
        _, out, _ = run("stats", db=self.db, check=0)
        self.assertRegex(out, r"\b\d+,\d%")
        [row] = tsv_rows(run("list", "--format", "tsv", "--search", "Tân Thịnh", db=self.db, check=0)[1])
        _, out, _ = run("--lang", "en", "show", row["code"], db=self.db, check=0)
        self.assertRegex(out, r"Charter capital +: \d{1,3}(,\d{3})+ VND\n")
        _, out, _ = run("show", row["code"], db=self.db, check=0)
        self.assertRegex(out, r"Vốn điều lệ +: \d{1,3}(\.\d{3})+ đ\n")
        _, out, _ = run("--lang", "en", "list", "--search", "Tân Thịnh", db=self.db, check=0)
        self.assertTrue(out.endswith("Total: 1 cooperative\n"), out)
        _, out, _ = run("--lang", "en", "list", "--district", "Gia Lâm", db=self.db, check=0)
        self.assertRegex(out, r"Total: \d+ cooperatives\n$")
        with tempfile.TemporaryDirectory() as tmp:
            _, _, err = run("--lang", "en", "roster", "--club", "plastic", "-o", os.path.join(tmp, "r.txt"),
                            "--lines", "1000", db=self.db, check=0)
            self.assertRegex(err, r"wrote \d+ members, 1 page to ")

    def test_system_errors_are_told_in_vietnamese(self):
        missing = os.path.join(self.tmp.name, "no-such-folder", "r.txt")
        status, _, err = run("roster", "--club", "plastic", "-o", missing, db=self.db)
        self.assertEqual(status, 1)
        self.assertIn("không có tệp hoặc thư mục này", err)
        self.assertNotIn("No such file", err)
        status, _, err = run("--lang", "en", "roster", "--club", "plastic", "-o", missing, db=self.db)
        self.assertIn("no such file or directory", err)
        status, _, err = run("import", os.path.join(self.tmp.name, "none.csv"), db=self.db)
        self.assertNotEqual(status, 0)
        self.assertIn("không có tệp hoặc thư mục này", err)
        self.assertNotIn("No such file", err)


class JoinMany(unittest.TestCase):
    """htx join takes any number of codes, and codes from a file."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.db = os.path.join(self.tmp.name, "htx.db")
        run("init", "--demo", db=self.db, check=0)

    def codes(self, *filters):
        rows = json.loads(run("list", "--format", "json", *filters, db=self.db, check=0)[1])
        return [r["code"] for r in rows]

    def test_many_codes_as_arguments_and_from_a_file(self):
        members = set(self.codes("--club", "plastic"))
        free = [c for c in self.codes() if c not in members][:150]
        self.assertEqual(len(free), 150)
        status, out, err = run("join", "--club", "plastic", *free[:100], db=self.db)
        self.assertEqual(status, 0, err)
        self.assertIn("100 HTX", out)
        listed = os.path.join(self.tmp.name, "codes.txt")
        with open(listed, "w") as f:
            f.write("\n".join(free[100:140]) + "\n" + ", ".join(free[140:]) + "\n")
        status, out, err = run("join", "--club", "plastic", "--from", listed, db=self.db)
        self.assertEqual(status, 0, err)
        self.assertIn("50 HTX", out)
        self.assertEqual(set(self.codes("--club", "plastic")), members | set(free))
        status, _, err = run("join", "--club", "plastic", "--from", listed + ".none", db=self.db)
        self.assertEqual(status, 1)
        self.assertIn("codes.txt.none", err)


class Communes(unittest.TestCase):
    """Hà Nội's 126 units of 1 July 2025 beside the former districts."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.db = os.path.join(self.tmp.name, "htx.db")

    def count(self, *filters):
        return int(run("list", "--count", *filters, db=self.db, check=0)[1])

    def test_the_demo_register_has_a_unit_for_every_cooperative(self):
        run("init", "--demo", db=self.db, check=0)
        total = self.count()
        self.assertEqual(self.count("--commune", "none"), 0)
        # each unit lies in its former district
        for typed in ("bat trang", "Xã Bát Tràng", "XA BAT TRANG"):
            self.assertGreater(self.count("--commune", typed), 0, typed)
        rows = json.loads(run("list", "--commune", "bat trang", "--format", "json", db=self.db, check=0)[1])
        self.assertEqual({r["district"] for r in rows}, {"Gia Lâm"})
        self.assertEqual({r["commune"] for r in rows}, {"Bát Tràng"})
        # the counts by unit add up, every unit listed
        status, out, err = run("stats", "--by", "commune", "--format", "tsv", db=self.db, check=0)
        lines = out.splitlines()[1:]
        self.assertEqual(len(lines), 126)
        self.assertEqual(sum(int(l.split("\t")[2]) for l in lines), total)
        self.assertIn("Xã Bát Tràng", out)
        self.assertIn("Phường Hồng Hà", out)
        status, _, err = run("list", "--commune", "hồ gươm", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("không có xã/phường", err)

    def test_the_unit_fills_the_former_district(self):
        run("init", db=self.db, check=0)
        status, out, err = run("add", "code=0100233488", "name=HTX gốm sứ Tân Thịnh", "commune=bat trang",
                               "sector=industry", db=self.db)
        self.assertEqual(status, 0, err)
        [record] = json.loads(run("list", "--format", "json", db=self.db, check=0)[1])
        self.assertEqual((record["district"], record["commune"]), ("Gia Lâm", "Bát Tràng"))
        # a unit of another district is said, not refused
        status, out, err = run("add", "code=0100112437", "name=HTX Bát Tràng Thanh Trì", "commune=xã Bát Tràng",
                               "district=Thanh Trì", "sector=trade", db=self.db)
        self.assertEqual(status, 0, err)
        self.assertIn("không thuộc quận/huyện cũ Thanh Trì", err)

    def test_a_register_of_schema_4_keeps_everything_and_gets_its_units(self):
        shutil.copyfile(os.path.join(HERE, "data", "register-schema4.db"), self.db)
        os.chmod(self.db, 0o600)
        rows = {r["code"]: r for r in json.loads(run("list", "--format", "json", db=self.db, check=0)[1])}
        self.assertEqual(set(rows), {"0100233488", "0100112437", "0100109106"})
        # the old ward names its unit where it can; the rest wait for a person
        self.assertEqual(rows["0100233488"]["commune"], "Bát Tràng")
        self.assertEqual(rows["0100233488"]["ward"], "Xã Bát Tràng")
        self.assertEqual(rows["0100233488"]["phone"], "02438261757")
        self.assertIsNone(rows["0100112437"]["commune"])
        self.assertEqual(self.count("--commune", "none"), 2)
        # the change log and the memberships survived
        out = run("show", "0100233488", db=self.db, check=0)[1]
        self.assertIn("hoa", out)
        self.assertIn("Tạo mới", out)
        self.assertIn("CLB Nhựa Hà Nội", out)
        self.assertEqual(run("check", db=self.db)[0], 0)


class Changes(unittest.TestCase):
    """Commands that write, each on its own fresh database."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "htx.db")
        run("init", db=self.db, check=0)

    def tearDown(self):
        self.tmp.cleanup()

    def count(self):
        return int(run("list", "--count", db=self.db, check=0)[1])

    def show(self, code):
        return json.loads(run("show", code, "--format", "json", db=self.db, check=0)[1])[0]

    def add(self, *fields, **kw):
        return run("add", *fields, db=self.db, **kw)

    def test_new_database_is_private_and_never_overwritten(self):
        self.assertEqual(stat.S_IMODE(os.stat(self.db).st_mode), 0o600)
        self.add("code=0100233488", "name=HTX Một", "district=Ba Đình", "sector=trade", check=0)
        before = read_bytes(self.db)
        status, _, err = run("init", "--demo", db=self.db)
        self.assertEqual(status, 1)
        self.assertIn("không ghi đè", err)
        self.assertEqual(self.count(), 1)
        self.assertEqual(read_bytes(self.db), before)

    def test_default_database_locations(self):
        xdg = os.path.join(self.tmp.name, "xdg")
        run("init", env={"XDG_DATA_HOME": xdg}, check=0)
        self.assertTrue(os.path.exists(os.path.join(xdg, "htx", "htx.db")))
        status, out, _ = run("list", "--count", env={"HTX_DB": self.db, "XDG_DATA_HOME": xdg})
        self.assertEqual((status, out), (0, "0\n"))
        status, _, err = run("list", env={"HTX_DB": os.path.join(self.tmp.name, "none.db")})
        self.assertEqual(status, 1)
        self.assertIn("htx init", err)

    def test_nfd_and_composite_input_are_stored_nfc(self):
        name = "HTX Hợp Thành Đường Lâm"
        nfd = unicodedata.normalize("NFD", name)
        # CP1258's composite form: ơ, ư, â precomposed, the tone a combining mark
        composite = "HTX H\u01a1\u0323p Tha\u0300nh \u0110\u01b0\u01a1\u0300ng L\u00e2m"
        self.assertNotEqual(composite, name)
        self.add("code=0100233488", "name=" + nfd, "district=Sơn Tây", "sector=trade", check=0)
        self.add("code=0100112437", "name=" + composite + " 2", "district=Sơn Tây", "sector=trade",
                 check=0)
        self.assertEqual(self.show("0100233488")["name"], name)
        self.assertEqual(self.show("0100112437")["name"], name + " 2")
        self.assertTrue(unicodedata.is_normalized("NFC", self.show("0100112437")["name"]))

    def test_invalid_values_are_refused_and_nothing_changes(self):
        cases = [
            (["code=0100233487"], "chữ số kiểm tra"),
            (["code=01002334"], "10 chữ số"),
            (["founded=31/02/2020"], "không phải ngày hợp lệ"),
            (["founded=01/01/2990"], "tương lai"),
            (["phone=0123 456 789"], "không phải số điện thoại"),
            (["district=Hà Nội"], "không có quận/huyện"),
            (["colour=red"], "không có trường"),
        ]
        base = {"code": "code=0100233488", "name": "name=HTX Một", "district": "district=Ba Đình",
                "sector": "sector=trade"}
        for extra, message in cases:
            fields = dict(base)
            for f in extra:
                fields[f.split("=")[0]] = f
            status, out, err = self.add(*fields.values())
            self.assertEqual(status, 2, extra)
            self.assertIn(message, err, extra)
            self.assertEqual(out, "")
            self.assertEqual(self.count(), 0)

    def test_invalid_utf8_is_refused_with_the_byte_position(self):
        p = subprocess.run([HTX, "--db", self.db, "add", b"name=HTX \xc3\x28", "code=0100233488",
                            "district=001", "sector=trade"], capture_output=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("UTF-8", p.stderr.decode())
        self.assertIn("byte thứ 5", p.stderr.decode())
        self.assertEqual(self.count(), 0)

    def test_control_characters_never_reach_the_terminal(self):
        status, _, err = self.add("code=0100233488", "name=HTX \x1b]0;pwned\x07", "district=001",
                                  "sector=trade")
        self.assertEqual(status, 2)
        self.assertNotIn("\x1b", err)
        self.assertEqual(self.count(), 0)

    def test_duplicate_code_is_refused(self):
        self.add("code=0100233488", "name=HTX Một", "district=001", "sector=trade", check=0)
        status, _, err = self.add("code=0100233488", "name=HTX Hai", "district=002", "sector=trade")
        self.assertEqual(status, 2)
        self.assertIn("đã có", err)
        self.assertEqual(self.count(), 1)

    def test_warnings_do_not_block(self):
        status, out, err = self.add("code=0100233488", "name=Công ty Một", "district=001",
                                    "sector=trade", "members=3")
        self.assertEqual(status, 0)
        self.assertIn("cảnh báo", err)
        self.assertIn("ít nhất 5", err)
        self.assertIn("Hợp tác xã", err)
        self.assertEqual(self.count(), 1)

    def test_a_likely_duplicate_is_refused_unless_allowed(self):
        self.add("code=0100233488", "name=HTX Đồng Tâm", "district=Thanh Trì", "sector=trade",
                 "founded=05/03/2019", "representative=Nguyễn Thị Ước", check=0)
        # the legal form written another way, the case and the spaces aside
        status, out, err = self.add("code=0100112437", "name=Hợp tác xã  đồng tâm", "district=thanh tri",
                                    "sector=trade")
        self.assertEqual(status, 2, err)
        self.assertIn("có thể trùng", err)
        # what tells them apart: code, district, founding date, representative
        self.assertIn("0100233488 HTX Đồng Tâm — Thanh Trì, thành lập 05/03/2019, đại diện Nguyễn Thị Ước", err)
        self.assertIn("--allow-duplicate", err)
        self.assertEqual(self.count(), 1)
        # another district is another cooperative
        self.add("code=0100112437", "name=Hợp tác xã Đồng Tâm", "district=Gia Lâm", "sector=trade", check=0)
        # and a person who knows better says so
        status, out, err = self.add("--allow-duplicate", "code=0100109106", "name=HTX DV Đồng Tâm",
                                    "district=Thanh Trì", "sector=trade")
        self.assertEqual(status, 0, err)
        self.assertEqual(self.count(), 3)
        # moving a record into the district of its namesake is refused the same way
        status, _, err = run("edit", "0100112437", "district=Thanh Trì", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("có thể trùng", err)
        run("edit", "0100112437", "phone=024 3825 3640", db=self.db, check=0)

    def test_edit_changes_and_is_audited(self):
        self.add("code=0100233488", "name=HTX Một", "district=001", "sector=trade", check=0)
        run("--user", "lan", "edit", "0100233488", "phone=024 3825 3640", "capital=2.000.000.000",
            db=self.db, check=0)
        record = self.show("0100233488")
        self.assertEqual(record["phone"], "02438253640")
        self.assertEqual(record["capital"], 2000000000)
        _, out, _ = run("show", "0100233488", db=self.db, check=0)
        self.assertIn("lan", out)
        self.assertIn("Điện thoại: (trống) → 02438253640", out)
        self.assertIn("2.000.000.000 đ", out)
        # a bad value in an edit changes nothing, the good ones included
        status, _, _ = run("edit", "0100233488", "members=12", "email=not-an-email", db=self.db)
        self.assertEqual(status, 2)
        self.assertIsNone(self.show("0100233488")["members"])

    def test_show_prints_the_change_log_readably(self):
        self.add("code=0100233488", "name=HTX Một", "district=Ba Đình", "sector=trade",
                 "founded=05/03/2019", check=0)
        run("--user", "lan", "edit", "0100233488", "phone=024 3825 3640", "district=Gia Lâm",
            "founded=06/04/2020", "notes=dòng một\ndòng \"hai\"", db=self.db, check=0)
        run("join", "--club", "plastic", "--joined", "01/06/2024", "0100233488", db=self.db, check=0)
        _, out, _ = run("show", "0100233488", db=self.db, check=0)
        log = out[out.index("Nhật ký thay đổi:"):]
        self.assertNotIn('{"', log)
        lines = log.splitlines()
        edit = next(i for i, line in enumerate(lines) if "lan" in line)
        self.assertRegex(lines[edit], r"^  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  lan +Sửa$")
        self.assertEqual(lines[edit + 1:edit + 5], [
            "    Quận/Huyện: Ba Đình → Gia Lâm",
            "    Ngày thành lập: 05/03/2019 → 06/04/2020",
            "    Điện thoại: (trống) → 02438253640",
            '    Ghi chú: (trống) → dòng một␊dòng "hai"',
        ])
        self.assertIn("    Câu lạc bộ: (trống) → CLB Nhựa Hà Nội", lines)
        self.assertIn("    Ngày tham gia: (trống) → 01/06/2024", lines)
        self.assertIn("    Ngành: (trống) → Thương mại – Dịch vụ", lines)
        _, out, _ = run("--lang", "en", "show", "0100233488", db=self.db, check=0)
        self.assertIn("    Phone: (empty) → 02438253640", out.splitlines())
        self.assertRegex(out, r"  lan +Edited\n")
        # a log edited by hand: shown safely, never raw, the command still succeeds
        with sqlite3.connect(self.db) as con:
            con.execute("INSERT INTO audit_log(at, user, action, entity_key, changes)"
                        " VALUES ('2030-01-01 00:00:00', 'x\x1b[2J', 'update', '0100233488', ?)",
                        ('{"phone": [null, "\\u001b]0;pwned\\u0007"], "members": [1, 2]}',))
        con.close()
        status, out, _ = run("show", "0100233488", db=self.db)
        self.assertEqual(status, 0)
        self.assertNotIn("\x1b", out)
        self.assertIn("    Điện thoại: (trống) → ␛]0;pwned␇", out)
        self.assertIn('(không đọc được: {"phone"', out)

    def test_usage_errors(self):
        self.assertEqual(run("frobnicate")[0], 2)
        self.assertEqual(run("list", "--sort", "colour", db=self.db)[0], 2)
        self.assertEqual(run("list", "--format", "xml", db=self.db)[0], 2)
        self.assertEqual(run("list", "--bogus", db=self.db)[0], 2)
        self.assertEqual(run("stats", "--by", "month", db=self.db)[0], 2)
        self.assertEqual(run("list", "--founded-from", "2020-13-01", db=self.db)[0], 2)
        self.assertEqual(run("show", db=self.db)[0], 2)
        self.assertEqual(run("show", "0100233488", db=self.db)[0], 1)
        self.assertEqual(run("--lang", "fr", "list", db=self.db)[0], 2)

    def test_add_and_join_take_vietnamese_names(self):
        self.add("code=0100233488", "name=HTX Một", "district=gia lam", "sector=thuong mai",
                 "status=tạm ngừng", "compliant=có", "profitable=không", check=0)
        record = self.show("0100233488")
        self.assertEqual((record["district"], record["sector"], record["status"]),
                         ("Gia Lâm", "trade", "suspended"))
        self.assertEqual((record["compliant"], record["profitable"]), (True, False))
        status, _, err = self.add("code=0100112437", "name=HTX Hai", "district=dong", "sector=trade")
        self.assertEqual(status, 2)
        self.assertIn("Quận/Huyện: \"dong\" ứng với nhiều quận/huyện: Đống Đa (006), Đông Anh (017)", err)
        run("join", "--club", "nhua", "--role", "phó chủ nhiệm", "--joined", "01/06/2024", "0100233488",
            db=self.db, check=0)
        self.add("code=0100112437", "name=HTX Hai", "district=001", "sector=trade", check=0)
        run("join", "--club", "CLB Nhựa Hà Nội", "--role", "chu nhiem", "--joined", "02/06/2024", "0100112437",
            db=self.db, check=0)
        _, out, _ = run("roster", "--club", "plastic", "--format", "tsv", db=self.db, check=0)
        roles = {r["code"]: (r["role"], r["joined"]) for r in tsv_rows(out)}
        self.assertEqual(roles["0100233488"], ("vice-chair", "2024-06-01"))
        self.assertEqual(roles["0100112437"], ("chair", "2024-06-02"))
        status, _, err = run("join", "--club", "plastic", "--role", "pho chu nhiem x", "0100233488", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("vai trò", err)

    def test_join_without_a_date_joins_today(self):
        self.add("code=0100233488", "name=HTX Một", "district=001", "sector=trade", check=0)
        before = time.strftime("%Y-%m-%d")
        run("join", "--club", "plastic", "0100233488", db=self.db, check=0)
        _, out, _ = run("roster", "--club", "plastic", "--format", "tsv", db=self.db, check=0)
        [member] = tsv_rows(out)
        self.assertIn(member["joined"], (before, time.strftime("%Y-%m-%d")))
        _, out, _ = run("show", "0100233488", db=self.db, check=0)
        self.assertIn("CLB Nhựa Hà Nội — Thành viên, tham gia " + time.strftime("%d/%m/%Y"), out)
        _, out, _ = run("join", "--help", check=0)
        self.assertIn("mặc định: hôm nay", out)

    def test_help_command_and_close_commands(self):
        status, out, _ = run("help")
        self.assertEqual(status, 0)
        for command in ("init", "list", "show", "add", "edit", "stats", "roster", "join", "import",
                        "export", "backup", "check", "help"):
            self.assertRegex(out, rf"\n  {command} +\S")
        self.assertEqual(run("-h")[1], out)
        self.assertEqual(run("help", "join")[1], run("join", "--help")[1])
        status, out, _ = run("list", "-h")
        self.assertEqual(status, 0)
        self.assertIn("--founded-from", out)
        for args in (("lsit",), ("help", "lsit")):
            status, out, err = run(*args)
            self.assertEqual((status, out), (2, ""), args)
            self.assertIn('không có lệnh "lsit". Có phải: htx list?', err)
        status, _, err = run("--lang", "en", "improt")
        self.assertIn('unknown command "improt". Did you mean: htx import?', err)
        status, _, err = run("list", "--distrct", "x", db=self.db)
        self.assertEqual(status, 2)
        self.assertIn("không có tùy chọn --distrct. Có phải: --district?", err)

    def test_help_lists_the_names_staff_type(self):
        _, out, _ = run("add", "--help", check=0)
        for value in ("Thương mại – Dịch vụ (trade)", "Gia Lâm (018)", "Tạm ngừng hoạt động (suspended)",
                      "Có (yes), Không (no)", "Chưa rõ (unknown)"):
            self.assertIn(value, out)
        _, out, _ = run("roster", "--help", check=0)
        self.assertIn("CLB Nhựa Hà Nội (plastic)", out)
        _, out, _ = run("join", "--help", check=0)
        self.assertIn("Chủ nhiệm (chair), Phó chủ nhiệm (vice-chair), Thành viên (member)", out)
        self.assertIn("mặc định: hôm nay", out)
        _, out, _ = run("list", "--help", check=0)
        for value in ("Ba Đình (001)", "Nông nghiệp (agriculture)", "Đã giải thể (dissolved)"):
            self.assertIn(value, out)
        _, out, _ = run("--lang", "en", "join", "--help", check=0)
        self.assertIn("Chair, Vice-chair, Member", out)
        self.assertIn("Hanoi Plastics Club (plastic)", out)
        self.assertIn("default: today", out)
        self.assertNotIn("Phó chủ nhiệm", out)
        _, out, _ = run("--lang", "en", "add", "--help", check=0)
        self.assertIn("Trade and services (trade)", out)

    def test_manual_page(self):
        status, page, _ = run("help", "--man")
        self.assertEqual(status, 0)
        self.assertTrue(page.startswith('.\\" '))
        self.assertIn(".TH HTX 1", page)
        for heading in ("TÊN", "CÚ PHÁP", "MÔ TẢ", "TÙY CHỌN CHUNG", "LỆNH", "MÃ THOÁT"):
            self.assertIn(f'.SH "{heading}"', page)
        for command in ("init", "list", "show", "add", "edit", "stats", "roster", "join", "import",
                        "export", "backup", "check", "help"):
            self.assertIn(f"\n.SS {command}\n", page)
        self.assertIn("Thương mại – Dịch vụ (trade)", page)
        self.assertIn("\\-\\-district", page)
        _, english, _ = run("--lang", "en", "help", "--man", check=0)
        self.assertIn('.SH "SYNOPSIS"', english)
        self.assertIn("Trade and services (trade)", english)
        groff = shutil.which("groff")
        if not groff:
            self.skipTest("groff is not installed: the page was not rendered")
        for text in (page, english):
            p = subprocess.run(["sh", "-c", "preconv | groff -man -Tutf8 -ww"], input=text.encode(),
                               capture_output=True)
            self.assertEqual((p.returncode, p.stderr), (0, b""))
            self.assertIn("htx", p.stdout.decode())

    def test_help_and_version(self):
        status, out, _ = run("--help")
        self.assertEqual(status, 0)
        for command in ("init", "list", "show", "add", "edit", "stats"):
            self.assertIn(command, out)
        status, out, _ = run("list", "--help")
        self.assertEqual(status, 0)
        self.assertIn("--founded-from", out)
        status, out, _ = run("--lang", "en", "stats", "--help")
        self.assertIn("Usage", out)
        status, out, _ = run("--version")
        self.assertEqual(status, 0)
        self.assertRegex(out, r"^htx \d+\.\d+")


if __name__ == "__main__":
    HTX = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
