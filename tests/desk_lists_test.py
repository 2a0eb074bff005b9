#!/usr/bin/env python3
"""A desk worker's first day with the lists, in a real terminal (tmux).

Usage: desk_lists_test.py PATH_TO_HTX

Typing in a list finds and never runs a command; the district panel jumps to
the district typed; a search in one district says what it hides and widens
with one key; the list gives the name the room first and shows the district
when rows come from several; every screen names itself on the title line and
its bar fits at 60 columns.  Each check runs at 120x40 and at 80x24.
"""
import csv
import io
import os
import subprocess

import tmux_screen as ts



class Lists(ts.DemoCase):
    def open(self, width, height, *args):
        screen = super().open(*args, width=width, height=height)
        screen.wait_for("Tất cả", "F10")
        return screen

    def rows(self, *args):
        out = subprocess.run([ts.HTX, "--db", self.db, "list", "--format", "csv", *args], check=True,
                             capture_output=True, text=True).stdout
        return list(csv.DictReader(io.StringIO(out)))

    def still_running(self, s):
        self.assertFalse(os.path.exists(s.status_file), "htx quit:\n" + s.text())

    # 1. Typing finds; no printable key quits or leaves the screen.
    def test_typing_quy_finds_the_credit_funds_and_htx_keeps_running(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            s.type("quy")
            screen = s.wait_for("Quỹ tín dụng nhân dân", "Tìm: quy")
            self.assertNotIn("Thống kê", screen.splitlines()[0])
            self.still_running(s)
            # the same from the list itself
            s.keys("Escape", "Tab")
            s.wait_for("Tất cả", absent=("Tìm: quy",))
            s.type("quy")
            s.wait_for("Quỹ tín dụng nhân dân", "Tìm: quy")
            self.still_running(s)

    def test_typing_thanh_tri_selects_the_district(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            s.type("thanh tri")
            # the status line says it too (wait for it: a screen caught mid-draw may not yet)
            screen = s.wait_for("Danh sách HTX — Thanh Trì", "HTX Đồng Tâm", "· Thanh Trì ·")
            self.assertIn("Thanh Trì", screen.splitlines()[-2])
            s.keys("Enter")  # into the list, where typing searches
            s.type("dong tam")
            s.wait_for("Tìm trong Thanh Trì: dong tam", "HTX Đồng Tâm")

    def test_letters_that_were_commands_only_find(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            s.keys("Tab")
            for text in ("dong tam", "q", "t", "c", "p", "i", "a", "e", "f", "s", "g", "j", "k", "?"):
                s.type(text)
                screen = s.wait_for(f"Tìm: {text}")
                title = screen.splitlines()[0]
                self.assertIn("Danh sách HTX", title, text)
                self.assertNotIn("Trợ giúp", title)
                s.keys("Escape")
                s.wait_for("F10Thoát", absent=(f"Tìm: {text}",))
            self.still_running(s)
            s.keys("F10")
            self.assertEqual(s.exit_status(), 0)

    # 3. Each screen's title and bar are its own.
    def test_each_screen_names_itself(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            s.keys("F7")
            s.wait_for("Liên minh HTX TP Hà Nội — Các câu lạc bộ")
            s.type("nong")
            s.keys("Enter")
            s.wait_for("— Danh sách thành viên — CLB các HTX Nông nghiệp")
            s.keys("Escape", "Escape")
            s.wait_for("Danh sách HTX — Tất cả")
            s.keys("F8")
            s.wait_for("Liên minh HTX TP Hà Nội — Thống kê")
            s.keys("Escape", "Tab", "Enter")
            screen = s.wait_for("Liên minh HTX TP Hà Nội — Chi tiết HTX", "F5Sửa", "mThêm vào CLB")
            bar = screen.splitlines()[-1]
            for absent in ("F2", "F3", "F4", "F6"):
                self.assertNotIn(absent, bar)

    def test_club_list_prints_the_club_chosen(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            s.keys("F7")
            s.wait_for("Các câu lạc bộ", "F9In")
            s.type("thuong mai")
            s.keys("F9")
            screen = s.wait_for("Máy in", "CLB các HTX Thương mại – Dịch vụ")
            self.assertNotIn("chọn câu lạc bộ, Enter, rồi F9", screen)

    # 4. A search says its scope and what the district filter hides.
    def test_search_in_a_district_counts_and_widens(self):
        everywhere = len(self.rows("--search", "banh cuon"))
        here = len(self.rows("--search", "banh cuon", "--district", "thanh tri"))
        self.assertEqual(here, 0)
        self.assertGreater(everywhere, 0)
        for w, h in self.each_size():
            s = self.open(w, h)
            s.type("thanh tri")
            s.wait_for("— Thanh Trì", "HTX Đồng Tâm")
            s.keys("F3")
            s.type("banh cuon")
            s.wait_for("Tìm trong Thanh Trì: banh cuon", "Không có HTX nào ở Thanh Trì",
                       f"{everywhere} HTX ở quận/huyện khác")
            s.keys("Tab")
            screen = s.wait_for("Danh sách HTX — Tất cả", "Tìm: banh cuon", f"1/{everywhere}")
            shown = [l for l in screen.splitlines() if "bánh cuốn" in l]
            self.assertEqual(len(shown), everywhere)
            self.assertTrue(all("Hoàng Mai" in l for l in shown), shown)  # their district shows

    # 5. Names get the room; the district shows when rows come from several.
    def test_a_name_of_forty_reads_whole_with_its_district(self):
        rows = self.rows()
        long = next(r for r in rows if 40 <= len(r["name"]) <= 45)
        for w, h in self.each_size():
            s = self.open(w, h)
            s.keys("Tab")
            s.type(long["code"])
            screen = s.wait_for(long["code"], "1/1")
            line = next(l for l in screen.splitlines() if l.startswith(long["code"]) or f" {long['code']} " in l)
            self.assertIn(long["name"], line)
            self.assertIn(long["district"], line)

    def test_sixty_columns_fit_the_bar_and_the_name(self):
        s = self.open(60, 20)
        bar = s.text().splitlines()[-1]
        for key in ("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10"):
            self.assertIn(key, bar)
        self.assertIn("Thoát", bar)
        s.keys("Tab")
        # wait for the panel to fold (the screen before the key has the header too)
        screen = s.wait_for("Mã số HTX  Tên HTX", absent=("Quận/huyện cũ",))
        self.assertIn("Quận/Huyện", screen.splitlines()[1])  # the panel folded: the column shows


    # The units of 1 July 2025 beside the former districts (Ctrl-X).
    def test_the_panel_switches_to_the_communes_and_wards(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            s.wait_for("Quận/huyện cũ", "Ctrl-X")
            s.keys("C-x")
            s.wait_for("Xã/phường", "Xã Bát Tràng", "Phường Bạch Mai")
            s.type("bat trang")
            codes = {r["code"] for r in self.rows("--commune", "bat trang")}
            # every one of the unit's cooperatives, whole (a screen caught mid-draw has some)
            screen = s.wait_for("Danh sách HTX — Xã Bát Tràng", "HTX gốm sứ Tân Thịnh", *sorted(codes))
            shown = {c for c in codes if c in screen}
            self.assertEqual(shown, codes)
            # the units grouped under the former district each was formed from
            s.keys("C-x")
            s.wait_for("Xã/phường theo quận/huyện cũ", "Ba Đình")
            s.type("gia lam")
            screen = s.wait_for("Danh sách HTX — Gia Lâm")
            s.keys("Down")
            s.wait_for("Danh sách HTX — Xã Bát Tràng")
            lines = s.text().splitlines()
            at = next(i for i, line in enumerate(lines) if line.startswith(" Gia Lâm"))
            self.assertTrue(lines[at + 1].startswith("   Xã Bát Tràng"), "\n".join(lines[at - 1:at + 3]))
            s.keys("C-x")
            s.wait_for("Quận/huyện cũ", "Ba Đình", "— Tất cả", absent=("Xã Bát Tràng",))

    def test_htx_opens_on_a_commune(self):
        for w, h in self.each_size():
            s = ts.DemoCase.open(self, "--commune", "xa bat trang", width=w, height=h)
            s.wait_for("Danh sách HTX — Xã Bát Tràng", "HTX gốm sứ Tân Thịnh")


if __name__ == "__main__":
    ts.main()
