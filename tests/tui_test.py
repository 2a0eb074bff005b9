#!/usr/bin/env python3
"""The full-screen interface, driven in a real terminal through tmux.

Usage: tui_test.py PATH_TO_HTX

Each test starts the real htx in a detached tmux session of a known size on
a demo database, types keys with send-keys and reads the rendered screen with
capture-pane.  Nothing sleeps for a fixed time: every check polls the screen
until what it expects appears or a deadline passes.
"""
import os
import pty
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import termios
import time
import unittest

import tmux_screen as ts
from tmux_screen import DEADLINE, Screen, quote, tmux


class Interface(ts.DemoCase):

    def count_of(self, sector):
        out = subprocess.run([ts.HTX, "--db", self.db, "stats", "--format", "tsv"], check=True,
                             capture_output=True, text=True).stdout
        for line in out.splitlines()[1:]:
            key, _, count = line.split("\t")
            if key == sector:
                return int(count)
        raise KeyError(sector)

    def test_place_panel_with_counts(self):
        s = self.open()
        screen = s.wait_for("Tất cả", "Ba Đình", "Ứng Hòa", "F10Thoát")
        total = sum(self.count_of(k) for k in ("industry", "construction", "trade", "transport",
                                               "other", "agriculture", "credit"))
        shown = f"{total:,}".replace(",", ".")
        line = next(l for l in screen.splitlines() if l.startswith(" Tất cả"))
        self.assertIn(shown, line)
        self.assertIn(f"1/{shown}", screen)

    def test_choosing_gia_lam_shows_tan_thinh(self):
        s = self.open()
        s.wait_for("Tất cả", "Gia Lâm")
        # Tất cả, Ba Đình, Ba Vì, Bắc Từ Liêm, Cầu Giấy, Chương Mỹ, Đan Phượng,
        # Đông Anh, Đống Đa, Gia Lâm: nine steps down in Vietnamese order
        s.keys(*["Down"] * 9)
        screen = s.wait_for("HTX gốm sứ Tân Thịnh")
        self.assertNotIn("HTX Đồng Tâm", screen)  # Thanh Trì's

    def test_open_on_district_option(self):
        s = self.open("--district", "gia lam")
        s.wait_for("HTX gốm sứ Tân Thịnh")

    def test_search_may_tre(self):
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("/")
        s.wait_for("Tìm:")
        s.type("may tre")
        screen = s.wait_for("HTX sản xuất mây tre đan xuất khẩu Phú Nghĩa", "1/1")
        self.assertNotIn("HTX gốm sứ Tân Thịnh", screen)
        s.keys("Enter")
        s.wait_for("Tìm: may tre")  # the kept filter on the status line
        s.keys("Escape")
        s.wait_for("HTX", absent=("Tìm: may tre",))

    def test_f3_search_and_detail(self):
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("F3")
        s.wait_for("Tìm:")
        s.type("dong tam")
        s.wait_for("HTX Đồng Tâm")
        s.keys("Enter")
        s.keys("Enter")
        screen = s.wait_for("Chi tiết HTX", "Thanh Trì", "Nhật ký thay đổi")
        self.assertIn("Mã số HTX", screen)
        s.keys("Escape")
        s.wait_for("Tìm: dong tam", absent=("Nhật ký thay đổi",))

    def test_statistics_show_293_for_industry(self):
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("F8")
        screen = s.wait_for("Thống kê", "Công nghiệp – Tiểu thủ công nghiệp")
        line = next(l for l in screen.splitlines() if "Công nghiệp – Tiểu thủ công nghiệp" in l)
        self.assertIn("293", line)
        s.keys("Escape")
        s.wait_for("Tất cả")

    def test_clubs_list(self):
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("F7")
        s.wait_for("CLB Nhựa Hà Nội", "CLB Quỹ Tín dụng Nhân dân", "CLB các HTX Nông nghiệp")
        s.keys("Enter")
        s.wait_for("Chủ nhiệm")

    def test_function_keys_as_escape_digit(self):
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("Escape", "8")
        s.wait_for("Công nghiệp – Tiểu thủ công nghiệp")
        s.keys("Escape")
        s.wait_for("Tất cả")
        s.keys("Escape", "1")
        s.wait_for("F10")  # help lists the keys
        s.keys("Escape")
        s.keys("Escape", "0")
        self.assertEqual(s.exit_status(), 0)

    def test_resize_to_tiny_and_back(self):
        s = self.open()
        s.wait_for("Tất cả")
        s.resize(20, 6)
        s.wait_for("Cửa sổ quá nhỏ")
        s.resize(120, 40)
        s.wait_for("Tất cả", "F10Thoát", absent=("Cửa sổ quá nhỏ",))

    def test_resize_with_a_popup_open(self):
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("F6")
        s.wait_for("Sắp xếp theo")
        s.resize(70, 20)
        s.wait_for("Sắp xếp theo")
        s.resize(20, 6)
        s.wait_for("Cửa sổ quá nhỏ")
        s.resize(100, 30)
        s.wait_for("Sắp xếp theo")
        s.keys("Escape")
        s.wait_for("Tất cả", absent=("Sắp xếp theo",))

    def test_no_color_is_monochrome(self):
        s = self.open("--no-color")
        s.wait_for("Tất cả")
        colored = tmux("capture-pane", "-e", "-p", "-t", s.name)
        # colour escapes are 3x/4x/9x SGR parameters; bold/reverse are allowed
        import re
        self.assertFalse(re.search(r"\x1b\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)", colored), colored[:500])
        t = self.open(env={"NO_COLOR": "1"})
        t.wait_for("Tất cả")
        colored = tmux("capture-pane", "-e", "-p", "-t", t.name)
        self.assertFalse(re.search(r"\x1b\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)", colored))

    def test_colour_by_default(self):
        s = self.open()
        s.wait_for("Tất cả")
        colored = tmux("capture-pane", "-e", "-p", "-t", s.name)
        import re
        self.assertTrue(re.search(r"\x1b\[[0-9;]*(3[0-7]|4[0-7])", colored))

    def test_linux_console_and_screen_terminals(self):
        for term in ("linux", "screen"):
            s = self.open(env={"TERM": term})
            s.wait_for("Tất cả", "Ứng Hòa")
            s.keys("F10")
            self.assertEqual(s.exit_status(), 0)

    def test_f10_quits(self):
        t = self.open()
        t.wait_for("Tất cả")
        t.keys("F10")
        self.assertEqual(t.exit_status(), 0)

    def test_each_screen_shows_its_own_bar(self):
        main_bar = "F1Trợ giúp F2Thêm F3Tìm F4Lọc F5Sửa F6Sắp xếp F7CLB F8Thống kê F9In F10Thoát"
        s = self.open()
        s.wait_for("Tất cả", main_bar)
        s.keys("Tab")
        s.keys("Enter")
        screen = s.wait_for("Chi tiết HTX", "F5Sửa", "mThêm vào CLB", "xRời CLB")
        self.assertNotIn("F2Thêm", screen)  # registering is the list's
        s.keys("F5")
        screen = s.wait_for("Sửa HTX", "F2Lưu", "F8Xóa", "EscHủy")
        self.assertNotIn("F10Thoát", screen)  # F10 leaves the form, asking first
        s.keys("Escape")
        s.wait_for("Chi tiết HTX", "mThêm vào CLB", absent=("F2Lưu",))
        s.keys("Escape")
        s.wait_for(main_bar, absent=("mThêm vào CLB",))

    def test_english(self):
        s = self.open("--lang", "en")
        s.wait_for("All", "F10Quit", "Former districts")


class FreshDemo(unittest.TestCase):
    """Each test on a demo database of its own: these tests change it."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "demo.db")
        subprocess.run([ts.HTX, "--db", self.db, "init", "--demo"], check=True, capture_output=True)

    def tearDown(self):
        self.tmp.cleanup()


class Changes(FreshDemo):
    """Another terminal's saves appear on screen."""

    def test_changes_from_another_terminal_appear(self):
        s = Screen(self.db, "--district", "Thanh Trì")
        self.addCleanup(s.close)
        s.wait_for("HTX Đồng Tâm")
        out = subprocess.run([ts.HTX, "--db", self.db, "list", "--format", "tsv", "--search", "Đồng Tâm"],
                             check=True, capture_output=True, text=True).stdout
        code = out.splitlines()[1].split("\t")[0]
        subprocess.run([ts.HTX, "--db", self.db, "edit", code, "name=HTX Đồng Tâm Mới"], check=True,
                       capture_output=True)
        s.wait_for("HTX Đồng Tâm Mới")


class Forms(FreshDemo):
    """Registering and editing cooperatives through the forms."""

    def open(self, *args, **kw):
        screen = Screen(self.db, *args, **kw)
        self.addCleanup(screen.close)
        return screen

    def cli(self, *args):
        return subprocess.run([ts.HTX, "--db", self.db, *args], capture_output=True, text=True)

    def count(self):
        return int(self.cli("list", "--count").stdout)

    def test_telex_typing_in_the_name_field(self):
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("F2")
        s.wait_for("Đăng ký HTX mới", "Gõ tiếng Việt: Tắt")
        s.keys("Tab")                           # from the code to the name
        s.keys("C-t")
        s.wait_for("Gõ tiếng Việt: Telex")
        s.type("Howpj tacs xax Bats Trangf")
        s.wait_for("Hợp tác xã Bát Tràng")

    def test_full_registration_is_saved_and_found(self):
        before = self.count()
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("F2")
        s.wait_for("Đăng ký HTX mới")
        s.type("0314409058")                    # the first field, the code, has the focus
        s.keys("Tab")
        s.type("HTX dịch vụ Ước Lễ")
        s.keys("Tab")                           # to the district
        s.type("thanh oai")                     # narrows the pick list
        s.wait_for("Thanh Oai")
        s.keys("Enter")                         # chosen; the focus stays on the district
        s.keys("Tab")                           # on to the unit of 2025
        s.type("tam hung")
        s.wait_for("Xã Tam Hưng")
        s.keys("Enter", "Tab")                  # and the ward as written before
        s.type("Xã Tân Ước")
        s.keys("Tab")
        s.type("Thôn Ước Lễ")
        s.keys("Tab")
        s.type("dich vu")                       # the sector's pick list
        s.wait_for("Thương mại – Dịch vụ")
        s.keys("Enter", "Tab")
        s.type("05/03/2019")
        s.keys("Tab")
        s.type("27")
        s.keys("Tab")
        s.type("1.500.000.000")
        s.keys("Tab")
        s.type("Nguyễn Thị Ánh")
        s.keys("Tab")
        s.type("0912 345 678")
        s.keys("F2")
        s.wait_for("Đã lưu: HTX dịch vụ Ước Lễ", absent=("Đăng ký HTX mới",))
        self.assertEqual(self.count(), before + 1)
        found = self.cli("list", "--search", "uoc le", "--format", "json")
        import json
        [record] = [r for r in json.loads(found.stdout) if r["code"] == "0314409058"]
        self.assertEqual(record["name"], "HTX dịch vụ Ước Lễ")
        self.assertEqual(record["district"], "Thanh Oai")
        self.assertEqual(record["commune"], "Tam Hưng")
        self.assertEqual(record["sector"], "trade")
        self.assertEqual(record["founded"], "2019-03-05")
        self.assertEqual(record["members"], 27)
        self.assertEqual(record["capital"], 1500000000)
        self.assertEqual(record["phone"], "0912345678")
        self.assertEqual(record["representative"], "Nguyễn Thị Ánh")

    def test_wrong_tax_code_is_shown_and_not_saved(self):
        before = self.count()
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("F2")
        s.wait_for("Đăng ký HTX mới")
        s.type("0100233487")
        s.keys("Tab")                           # checked when it is left
        s.wait_for("chữ số kiểm tra sai", "Đăng ký HTX mới")
        s.type("HTX Thử Nghiệm")
        s.keys("C-s")
        s.wait_for("chữ số kiểm tra sai", "Đăng ký HTX mới")
        self.assertEqual(self.count(), before)

    def test_escape_on_a_changed_form_asks_first(self):
        s = self.open()
        s.wait_for("Tất cả")
        s.keys("F2")
        s.wait_for("Đăng ký HTX mới")
        s.keys("Tab")
        s.type("HTX Bỏ Dở")
        s.keys("Escape")
        s.wait_for("Hủy các thay đổi?")
        s.keys("Enter")                         # the safe answer: back to the form
        s.wait_for("HTX Bỏ Dở", absent=("Hủy các thay đổi?",))
        s.keys("Escape")
        s.wait_for("Hủy các thay đổi?")
        s.keys("Left", "Enter")                 # Bỏ thay đổi, chosen on purpose
        s.wait_for("Tất cả", absent=("Đăng ký HTX mới",))
        # an untouched form closes at once
        s.keys("F2")
        s.wait_for("Đăng ký HTX mới")
        s.keys("Escape")
        s.wait_for("Tất cả", absent=("Đăng ký HTX mới", "Hủy các thay đổi?"))

    def test_second_save_of_the_same_cooperative_reports_the_conflict(self):
        a = self.open("--district", "Thanh Trì")
        b = self.open("--district", "Thanh Trì")
        for s in (a, b):
            s.wait_for("HTX Đồng Tâm")
            s.keys("/")
            s.type("dong tam")
            s.keys("Enter")
            s.wait_for("HTX Đồng Tâm", "1/1")
            s.keys("F5")
            s.wait_for("Sửa HTX")
        # A changes the phone and saves
        a.keys(*["Down"] * 11)                  # from the code to the phone
        a.keys("C-u")
        a.type("0243 825 3640")
        a.keys("F2")
        a.wait_for("Đã lưu: HTX Đồng Tâm")
        # B, still on the old version, changes the members and saves
        b.keys(*["Down"] * 8)                   # from the code to the members
        b.keys("C-u")
        b.type("99")
        b.keys("F2")
        b.wait_for("HTX vừa được sửa ở nơi khác", "Điện thoại", "02438253640")
        out = self.cli("list", "--search", "dong tam", "--format", "json").stdout
        import json
        [record] = json.loads(out)
        self.assertEqual(record["phone"], "02438253640")
        self.assertNotEqual(record["members"], 99)  # nothing silently overwritten



class Import(FreshDemo):
    """The import screen ('i'): a file typed years ago, read, shown, imported."""

    ROWS = ("Mã số;Tên HTX;Quận/Huyện;Ngành;Ngày thành lập;Số thành viên\n"
            "0101234565;HTX Gốm sứ Bát Tràng Mới;Gia Lâm;Công nghiệp - Tiểu thủ công nghiệp;12/03/2015;25\n"
            "0101112221;HTX Vận tải Đông Anh Mới;Đông Anh;Vận tải;01/07/2019;12\n")

    def write(self, name, text, encoding):
        path = os.path.join(self.tmp.name, name)
        data = subprocess.run(["iconv", "-f", "UTF-8", "-t", encoding], input=text.encode("utf-8"),
                              check=True, capture_output=True).stdout
        with open(path, "wb") as f:
            f.write(data)
        return path

    def open_import(self, path):
        s = Screen(self.db)
        self.addCleanup(s.close)
        s.wait_for("Tất cả")
        s.keys("C-o")
        s.wait_for("Nhập từ tệp", "Bảng mã", "Mã số đã có", "Dòng có lỗi")
        s.keys("C-u")
        s.type(path)
        s.keys("Enter")
        return s

    def test_tcvn3_file_previewed_imported_and_found(self):
        s = self.open_import(self.write("tcvn3.csv", self.ROWS, "TCVN5712-1"))
        s.wait_for("tự nhận biết: tcvn3", "Dấu phân cách: ;", "HTX Gốm sứ Bát Tràng Mới",
                   "HTX Vận tải Đông Anh Mới", "Ngày thành lập")
        s.keys("Enter")
        s.wait_for("Đã nhập 2 HTX: thêm 2, cập nhật 0; bỏ qua 0 HTX đã có")
        s.keys("Escape")
        s.wait_for("Tất cả", absent=("Mã số đã có",))
        s.keys("/")
        s.wait_for("Tìm:")
        s.type("gom su bat trang moi")
        s.wait_for("HTX Gốm sứ Bát Tràng Mới", "1/1")

    def test_choosing_the_encoding_rereads_the_preview(self):
        s = self.open_import(self.write("cp1258.csv", self.ROWS, "CP1258"))
        s.wait_for("tự nhận biết: cp1258", "HTX Vận tải Đông Anh Mới")
        s.keys("Down", "Right")  # the encoding: utf-8, which these bytes are not
        s.wait_for("utf-8", absent=("tự nhận biết",))
        s.keys("Left")
        s.wait_for("tự nhận biết: cp1258", "HTX Vận tải Đông Anh Mới")

    def test_problems_listed_then_invalid_rows_left_out(self):
        text = self.ROWS + "0105555552;HTX Sai Quận;Quận 13;Vận tải;;\n"
        path = self.write("bad.csv", text, "UTF-8")
        s = self.open_import(path)
        s.wait_for("HTX Sai Quận")
        s.keys("Enter")
        s.wait_for("Không nhập gì: 1 lỗi (cơ sở dữ liệu không đổi)", "Dòng 4: Quận/Huyện")
        count = subprocess.run([ts.HTX, "--db", self.db, "list", "--count"], check=True,
                               capture_output=True, text=True).stdout.strip()
        self.assertEqual(count, "856")
        s.keys(*["Down"] * 6, "Right")  # "Dòng có lỗi": leave them out
        s.wait_for("bỏ qua, ghi vào", "bad.rejected.csv")
        s.keys("Enter")
        s.wait_for("thêm 2", "1 dòng bị loại, xem")
        with open(os.path.join(self.tmp.name, "bad.rejected.csv"), encoding="utf-8-sig") as f:
            rejected = f.read()
        self.assertIn("HTX Sai Quận", rejected)
        self.assertIn("Quận 13", rejected)


class OtherTerminalsKeys(unittest.TestCase):
    """Keys from terminals whose sequences TERM's terminfo does not list
    (PuTTY, rxvt, the Linux console under TERM=xterm-256color): read as the
    keys they are, an unknown one ignored, never taken for Esc."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "demo.db")
        subprocess.run([ts.HTX, "--db", cls.db, "init", "--demo"], check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def open_form(self, **kw):
        s = Screen(self.db, **kw)
        self.addCleanup(s.close)
        s.wait_for("Tất cả")
        s.keys("F2")
        s.wait_for("Đăng ký HTX mới")
        return s

    def test_putty_home_and_end_move_in_the_field(self):
        s = self.open_form()
        s.type("HTX Giữa")                      # the name field has the focus
        s.wait_for("HTX Giữa")
        s.raw(b"\x1b[1~")                       # PuTTY's Home
        s.type("A")
        s.raw(b"\x1b[4~")                       # PuTTY's End
        s.type("Z")
        s.wait_for("AHTX GiữaZ", "Đăng ký HTX mới", absent=("Hủy các thay đổi?",))
        s.raw(b"\x1b[7~")                       # rxvt's Home
        s.type("B")
        s.raw(b"\x1b[8~")                       # rxvt's End
        s.type("Y")
        s.wait_for("BAHTX GiữaZY", absent=("Hủy các thay đổi?",))

    def test_unknown_sequences_leave_a_changed_form_alone(self):
        s = self.open_form()
        s.type("HTX Còn Đây")
        s.wait_for("HTX Còn Đây")
        for seq in (b"\x1b[99~", b"\x1b[2~", b"\x1b[23~", b"\x1b[27;5;9~", b"\x1bOZ"):
            s.raw(seq)
        s.type("!")
        s.wait_for("HTX Còn Đây!", "Đăng ký HTX mới", absent=("Hủy các thay đổi?",))
        self.assertNotIn("[99~", s.text())
        s.raw(b"\x1b[1;5D")                     # Ctrl-Left: Left
        s.type("?")
        s.wait_for("HTX Còn Đây?!", absent=("Hủy các thay đổi?",))
        # Esc itself still asks
        s.keys("Escape")
        s.wait_for("Hủy các thay đổi?")

    def test_function_keys_of_putty_and_the_linux_console(self):
        s = Screen(self.db)
        self.addCleanup(s.close)
        s.wait_for("Tất cả")
        s.raw(b"\x1b[19~")                      # PuTTY's F8
        s.wait_for("Công nghiệp – Tiểu thủ công nghiệp")
        s.keys("Escape")
        s.wait_for("Tất cả", absent=("Công nghiệp – Tiểu thủ công nghiệp",))
        s.raw(b"\x1b[[B")                       # the Linux console's F2
        s.wait_for("Đăng ký HTX mới")
        s.keys("Escape")
        s.wait_for("Tất cả", absent=("Đăng ký HTX mới",))
        s.raw(b"\x1b[21~")                      # F10
        self.assertEqual(s.exit_status(), 0)

    def test_under_the_linux_console_entry_too(self):
        s = self.open_form(env={"TERM": "linux"})
        s.type("HTX Bàn Phím")
        s.raw(b"\x1bOH")                        # xterm's Home, unknown to linux's entry
        s.type("A")
        s.raw(b"\x1b[F")
        s.type("Z")
        s.wait_for("AHTX Bàn PhímZ", absent=("Hủy các thay đổi?",))

    def test_a_lone_esc_acts_at_once(self):
        s = Screen(self.db)
        self.addCleanup(s.close)
        s.wait_for("Tất cả")
        s.keys("/")
        s.wait_for("Tìm:")
        s.type("dong tam")
        s.wait_for("HTX Đồng Tâm", "1/1")
        s.keys("Escape")
        # A key typed a moment after a lone Esc is a key of its own: the Esc
        # has already acted (closed the search), so this 8 is not "Esc 8" (F8).
        # The pause shapes the input; nothing waits for the screen here.
        time.sleep(0.15)
        s.type("8")
        s.keys("/")
        s.wait_for("Tìm:", absent=("dong tam", "Công nghiệp – Tiểu thủ công nghiệp"))


class StoredControls(FreshDemo):
    """Escape sequences stored by hand in the database reach the terminal
    only as visible placeholders."""

    def test_hostile_name_is_shown_harmlessly(self):
        with sqlite3.connect(self.db) as c:
            c.execute("UPDATE cooperative SET name = ?, address = ? WHERE name_plain LIKE '%dong tam%'",
                      ("HTX \x1b]2;pwned\x07Đồng Tâm\x1b[2J\u009b31m", "Thôn 1\nXã 2\tHN\x1b[?1049l"))
        s = Screen(self.db, "--district", "Thanh Trì")
        self.addCleanup(s.close)
        s.wait_for("HTX ␛]2;pwned␇Đồng Tâm␛[2J�31m")
        s.keys("/")
        s.type("dong tam")
        s.wait_for("1/1")
        s.keys("Enter", "Enter")
        screen = s.wait_for("Chi tiết HTX", "Thôn 1\n", "Xã 2␉HN␛[?1049l")  # a line break is kept
        self.assertNotIn("\x1b", screen)
        title = tmux("display-message", "-p", "-t", s.name, "#{pane_title}")
        self.assertNotIn("pwned", title)
        raw = tmux("capture-pane", "-e", "-p", "-t", s.name)
        self.assertNotIn("\x1b]", raw)


class TerminalRefused(unittest.TestCase):
    """A terminal that cannot show the screens is refused before anything is
    written to it, in the user's language, pointing to the commands."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "demo.db")
        subprocess.run([ts.HTX, "--db", cls.db, "init", "--demo"], check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_on_pty(self, env, *args):
        """htx on a fresh pty: its status, its stderr, what it wrote to the
        terminal, and whether the terminal's modes are as they were."""
        master, slave = os.openpty()
        self.addCleanup(os.close, master)
        before = termios.tcgetattr(slave)
        environment = {"LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        environment.update(env)
        p = subprocess.Popen([ts.HTX, "--db", self.db, *args], stdin=slave, stdout=slave,
                             stderr=subprocess.PIPE, env=environment)
        try:
            _, err = p.communicate(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            p.kill()
            p.communicate()
            os.close(slave)
            self.fail(f"htx did not refuse the terminal ({env}): it opened the screens")
        after = termios.tcgetattr(slave)
        os.close(slave)
        written = b""
        while select.select([master], [], [], 0)[0]:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            written += chunk
        return p.returncode, err.decode("utf-8", "replace"), written, before == after

    def assert_refused(self, env, needle, *args):
        status, err, written, modes_kept = self.run_on_pty(env, *args)
        self.assertEqual(status, 2, err)
        self.assertIn(needle, err)
        self.assertNotIn("Error opening terminal", err)
        self.assertEqual(written, b"", "nothing may be written to the terminal")
        self.assertTrue(modes_kept, "the terminal's modes changed")
        return err

    def test_dumb_terminal(self):
        err = self.assert_refused({"TERM": "dumb"}, 'terminal "dumb" không vẽ được giao diện toàn màn hình')
        self.assertIn("htx list, htx show", err)
        self.assertIn("htx --help", err)

    def test_unset_term(self):
        err = self.assert_refused({}, "TERM chưa được đặt")
        self.assertIn("htx list, htx show", err)

    def test_empty_and_unknown_term(self):
        self.assert_refused({"TERM": ""}, "TERM chưa được đặt")
        err = self.assert_refused({"TERM": "no-such-terminal\x1b[2J"}, 'không biết terminal "no-such-terminal␛[2J"')
        self.assertNotIn("\x1b", err)

    def test_in_english(self):
        self.assert_refused({"TERM": "dumb"}, 'terminal "dumb" cannot draw the full-screen interface', "--lang", "en")
        self.assert_refused({"TERM": "dumb", "HTX_LANG": "en"}, "cannot draw the full-screen interface")
        self.assert_refused({"HTX_LANG": "en"}, "TERM is not set")

    def test_terminal_without_cursor_addressing(self):
        tic = shutil.which("tic")
        if not tic:
            self.skipTest("tic (ncurses-bin) is needed to build a terminfo entry")
        terminfo = os.path.join(self.tmp.name, "terminfo")
        source = os.path.join(self.tmp.name, "nocup.ti")
        with open(source, "w") as f:
            f.write("htx-nocup|a screen without cursor addressing,\n"
                    "\tam, cols#80, lines#24,\n"
                    "\tbel=^G, clear=\\E[H\\E[2J, cr=\\r, cud1=\\n, ind=\\n,\n")
        subprocess.run([tic, "-o", terminfo, source], check=True, capture_output=True)
        self.assert_refused({"TERM": "htx-nocup", "TERMINFO": terminfo},
                            'terminal "htx-nocup" không vẽ được giao diện toàn màn hình')


if __name__ == "__main__":
    ts.main()
