#!/usr/bin/env python3
"""A desk worker's first day with the forms and dialogs, in a real terminal.

Usage: desk_forms_test.py PATH_TO_HTX

Every question opens on its safe answer and its bar says what Enter and Esc
do; quitting over unsaved typing asks.  The form starts on its first field,
keeps the focus on a field chosen from a pick list, checks a field when it
is left and clears the error when it is fixed, replaces a value entered
into, and shows a long error whole at 80x24.  A likely duplicate (the legal
form written another way) is shown with what tells the two apart, and the
list can sort by the distinctive name.  The membership dialog names the
cooperative, marks the club's members and saves only from its button.  A
registration that does not say counts as unknown in the targets.  Each check
runs at 120x40 and at 80x24, on a fresh copy of the demo register.
"""
import datetime
import os
import shutil
import subprocess

import tmux_screen as ts

WRONG_CODE_ERROR_END = "0314409058-002)"


class Desk(ts.DemoCase):
    def setUp(self):
        # each test may save: a fresh copy of the class's register
        self.fresh = os.path.join(self.tmp.name, f"{self._testMethodName}.db")

    def open(self, width, height, *args):
        shutil.copyfile(self.db, self.fresh)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(self.fresh + suffix):
                os.remove(self.fresh + suffix)
        screen = ts.Screen(self.fresh, *args, width=width, height=height)
        self.addCleanup(screen.close)
        screen.wait_for("Danh sách HTX", "F10")
        return screen

    def cli(self, *args):
        return subprocess.run([ts.HTX, "--db", self.fresh, *args], check=True, capture_output=True,
                              text=True).stdout

    def count(self, *args):
        return int(self.cli("list", "--count", *args))

    def still_running(self, s):
        self.assertFalse(os.path.exists(s.status_file), "htx quit:\n" + s.text())

    def wait_focus(self, s, label):
        """Waits until the status line names the field in focus."""
        end = ts.time.monotonic() + ts.DEADLINE
        while ts.time.monotonic() < end:
            lines = s.text().rstrip("\n").splitlines()
            if len(lines) >= 2 and lines[-2].strip() == label:
                return
            ts.time.sleep(0.05)
        self.fail(f"the focus is not on {label}:\n" + s.text())

    def bar(self, screen):
        return screen.rstrip("\n").splitlines()[-1]

    def new_form(self, s):
        s.keys("F2")
        s.wait_for("Đăng ký HTX mới", "Mã số HTX")

    # 2. Every question defaults to the safe answer; the bar says so.
    def test_delete_question_keeps_the_record_unless_chosen(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            before = self.count()
            s.keys("Tab", "F5")
            s.wait_for("Sửa HTX")
            s.keys("F8")
            screen = s.wait_for("Xóa HTX này?", "[ Xóa hẳn ]", "[ Không xóa ]", "EnterKhông xóa EscKhông xóa")
            self.assertNotIn("Thống kê", self.bar(screen))
            s.keys("Enter")                       # out of habit: nothing happens
            s.wait_for("Sửa HTX", absent=("Xóa HTX này?",))
            self.assertEqual(self.count(), before)
            s.keys("F8")
            s.wait_for("Xóa HTX này?")
            s.keys("Escape")
            s.wait_for("Sửa HTX", absent=("Xóa HTX này?",))
            self.assertEqual(self.count(), before)
            s.keys("F8")
            s.wait_for("Xóa HTX này?")
            s.keys("Left")                        # moving to it is the explicit choice
            screen = s.wait_for("EnterXóa hẳn")
            s.keys("Enter")
            s.wait_for("Đã xóa", absent=("Sửa HTX",))
            self.assertEqual(self.count(), before - 1)

    def test_discarding_typing_takes_a_choice(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            self.new_form(s)
            s.type("0100233488")
            s.keys("Escape")
            s.wait_for("Hủy các thay đổi?", "[ Bỏ thay đổi ]", "[ Tiếp tục sửa ]", "EnterTiếp tục sửa")
            s.keys("Enter")
            s.wait_for("0100233488", absent=("Hủy các thay đổi?",))
            s.keys("Escape")
            s.wait_for("Hủy các thay đổi?")
            s.type("b")                           # the answer's own letter
            s.wait_for("Danh sách HTX", absent=("Đăng ký HTX mới",))

    def test_quitting_over_unsaved_typing_asks(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            self.new_form(s)
            s.type("0100233488")
            s.keys("F1")                          # the help offers F10
            s.wait_for("Esc hoặc F1")
            s.keys("F10")
            s.wait_for("Thoát htx?", "[ Ở lại ]", "EnterỞ lại")
            s.keys("Enter")
            s.wait_for("Esc hoặc F1", absent=("Thoát htx?",))
            self.still_running(s)
            s.keys("Escape")
            s.wait_for("Đăng ký HTX mới", "0100233488")

    # 6. The form sets no traps.
    def test_the_first_keystrokes_land_in_the_code(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            self.new_form(s)
            s.type("0100233488")
            screen = s.wait_for("0100233488")
            [row] = [line for line in screen.splitlines() if "0100233488" in line]
            self.assertIn("Mã số HTX", row)

    def test_a_pick_list_choice_keeps_the_focus_on_its_field(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            self.new_form(s)
            s.keys("Tab", "Tab")                  # code, name, district
            s.type("thanh tri")
            s.wait_for("Thanh Trì")
            s.keys("Enter")
            s.wait_for("Thanh Trì", absent=("Thanh Oai",))
            self.wait_focus(s, "Quận/Huyện")
            s.keys("Tab")                         # nothing skipped: the unit of 2025 is next
            self.wait_focus(s, "Xã/Phường")

    def test_a_field_is_checked_when_left_and_cleared_when_fixed(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            self.new_form(s)
            s.type("01002334")
            s.keys("Tab")                         # left: checked at once
            s.wait_for("phải gồm 10 chữ số", WRONG_CODE_ERROR_END)  # whole, even at 80x24
            s.keys("BTab")
            s.type("0100233488")                  # the old value was selected: replaced
            s.wait_for("0100233488", absent=("phải gồm 10 chữ số", "010023348801002334"))

    def test_typing_into_a_filled_field_replaces_it(self):
        for w, h in self.each_size():
            s = self.open(w, h, "--district", "thanh tri")
            s.keys("Tab", "F5")
            s.wait_for("Sửa HTX")
            s.keys("Tab")                         # to the name, which is selected
            screen = s.wait_for("Gõ để thay")     # the hint says what typing does
            s.type("HTX Tên Mới")
            screen = s.wait_for("HTX Tên Mới")
            [row] = [line for line in screen.splitlines() if "HTX Tên Mới" in line]
            self.assertEqual(row.split("HTX Tên Mới", 1)[0].strip(), "Tên HTX *")
            self.assertEqual(row.split("HTX Tên Mới", 1)[1].strip(), "")

    # 7. A likely duplicate is shown with what tells the two apart.
    def test_a_duplicate_written_another_way_is_caught(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            before = self.count()
            self.new_form(s)
            s.type("0100233488")
            s.keys("Tab")
            s.type("Hợp tác xã Đồng Tâm")
            s.keys("Tab")
            s.type("thanh tri")
            s.wait_for("Thanh Trì")
            s.keys("Enter", "Tab", "Tab", "Tab", "Tab")
            s.type("thuong mai")
            s.wait_for("Thương mại – Dịch vụ")
            s.keys("Enter", "F2")
            s.wait_for("Có thể trùng với HTX đã đăng ký", "0109365545 HTX Đồng Tâm — Thanh Trì", "05/03/2019",
                       "Nguyễn Thị Ước", "EnterQuay lại sửa")
            s.keys("Enter")
            s.wait_for("Đăng ký HTX mới", absent=("Có thể trùng",))
            self.assertEqual(self.count(), before)

    def test_the_list_sorts_by_the_distinctive_name(self):
        for w, h in self.each_size():
            s = self.open(w, h, "--district", "hoang mai")
            s.keys("Tab", "F6")
            s.wait_for("Tên riêng")
            s.type("ten rieng")
            s.keys("Enter")
            screen = s.wait_for("Xếp theo: Tên riêng")
            lines = screen.splitlines()
            first = next(i for i, line in enumerate(lines) if "Hợp tác xã bánh cuốn Đại Kim" in line)
            self.assertIn("HTX bánh cuốn Hoàng Mai", lines[first + 1])

    # 9. The membership dialog.
    def test_adding_a_member_names_it_marks_members_and_saves_from_its_button(self):
        club = "plastic"
        for w, h in self.each_size():
            s = self.open(w, h)
            members = [r.split("\t") for r in self.cli("roster", "--club", club, "--format", "tsv").splitlines()[1:]]
            member_name = members[0][2]
            before = len(self.cli("roster", "--club", club, "--format", "tsv").splitlines())
            s.keys("F7")
            s.wait_for("Các câu lạc bộ")
            s.type("nhua")
            s.keys("Enter")
            s.wait_for("Danh sách thành viên")
            s.keys("F2")
            s.wait_for("Tìm HTX để thêm vào câu lạc bộ")
            s.type(member_name)
            s.wait_for("✓ đã trong CLB")
            s.keys("Enter")                       # a member cannot be added twice
            s.wait_for("đã là thành viên")
            s.keys("Escape")
            s.keys("F2")
            s.wait_for("Tìm HTX để thêm vào câu lạc bộ")
            s.type("dong tam")
            s.wait_for("HTX Đồng Tâm")
            s.keys("Enter")
            today = datetime.date.today().strftime("%d/%m/%Y")
            s.wait_for("Thêm vào câu lạc bộ", "HTX Đồng Tâm (0109365545)", today)
            s.keys("Tab")                         # to the date, today's
            s.keys("Enter")                       # seen, not saved: on to the button
            s.wait_for("[ Thêm vào CLB ]", "HTX Đồng Tâm (0109365545)")
            self.assertEqual(len(self.cli("roster", "--club", club, "--format", "tsv").splitlines()), before)
            s.keys("Enter")
            s.wait_for("Đã lưu", absent=("[ Thêm vào CLB ]",))
            self.assertEqual(len(self.cli("roster", "--club", club, "--format", "tsv").splitlines()), before + 1)

    # 10. Unknown is the default, and the targets say how many are unknown.
    def test_a_sparse_registration_counts_as_unknown(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            self.new_form(s)
            screen = s.wait_for("Tổ chức, hoạt động theo Luật HTX")
            [row] = [line for line in screen.splitlines() if "Tổ chức, hoạt động theo Luật HTX" in line]
            self.assertIn("Chưa rõ", row)
            s.keys("Escape")
            s.wait_for("Danh sách HTX", absent=("Đăng ký HTX mới",))
            s.keys("F8")
            screen = s.wait_for("Tổ chức, hoạt động theo Luật HTX", "mục tiêu 100%")
            [share] = [line for line in screen.splitlines() if "mục tiêu 100%" in line]
            self.cli("add", "code=0100233488", "name=HTX Mới Đăng Ký", "district=Gia Lâm", "sector=trade")
            s.keys("Escape", "F8")
            screen = s.wait_for("chưa rõ: 1")
            [after] = [line for line in screen.splitlines() if "mục tiêu 100%" in line]
            self.assertEqual(after.split("(")[0], share.split("(")[0])  # the share did not move


if __name__ == "__main__":
    ts.main()
