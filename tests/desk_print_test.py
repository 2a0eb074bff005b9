#!/usr/bin/env python3
"""Printing and saving from the screens, in a real terminal (tmux).

Usage: desk_print_test.py PATH_TO_HTX

F9 on the clubs or on the main list opens the print dialog: a file is named
after what is printed, in Vietnamese without marks, in the directory htx was
started in; its ending follows the format; a file that is there is replaced
only when the question (whose answer in focus keeps it) says so; F9 on a
district's list saves what the list shows.  Against a private CUPS
scheduler, the dialog lists its printers with the default one chosen, and a
printer's refusal reads whole, in Vietnamese.  Each check runs at 120x40 and
at 80x24.
"""
import csv
import io
import os
import subprocess
import tempfile

import private_cups
import tmux_screen as ts

SIZES = ((120, 40), (80, 24))
TODAY = "2026-12-02"
NO_CUPS = "/nonexistent/cups.sock"  # a print service that does not answer
CLUB_FILE = f"danh-sach-clb-nong-nghiep-{TODAY}"


def dialog_lines(screen):
    """The lines inside the print dialog's box, stripped."""
    lines = screen.splitlines()
    top = next(i for i, l in enumerate(lines) if "┌" in l and "In danh sách" in l)
    left = lines[top].index("┌")
    right = lines[top].index("┐", left)
    inside = []
    for line in lines[top + 1:]:
        if line[left:left + 1] == "└":
            break
        inside.append(line[left + 1:right].strip())
    return inside


def squeezed(text):
    """text without white space: a message wrapped over lines compares whole."""
    return "".join(text.split())


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, check=True, text=True).stdout


class PrintDesk(ts.DemoCase):
    """A print service that does not answer: the dialog offers a file."""

    def setUp(self):
        self.work = tempfile.TemporaryDirectory()
        self.addCleanup(self.work.cleanup)
        self.home = os.path.join(self.work.name, "home")
        self.here = os.path.join(self.work.name, "here")
        os.mkdir(self.home)
        os.mkdir(self.here)

    def open(self, width, height, cups=NO_CUPS):
        env = {"HTX_TODAY": TODAY, "CUPS_SERVER": cups, "HOME": self.home}
        screen = super().open(width=width, height=height, env=env, cwd=self.here)
        screen.wait_for("Tất cả", "F10")
        return screen

    def each_size(self):
        for width, height in SIZES:
            with self.subTest(size=f"{width}x{height}"):
                for name in os.listdir(self.here):
                    os.remove(os.path.join(self.here, name))
                yield width, height

    def club_dialog(self, s):
        s.keys("F7")
        s.wait_for("Các câu lạc bộ", "F9In")
        s.type("nong")
        s.keys("F9")
        return s.wait_for("In danh sách thành viên", CLUB_FILE + ".pdf")

    def rows(self, *args):
        out = subprocess.run([ts.HTX, "--db", self.db, "list", "--format", "csv", *args], check=True,
                             capture_output=True, text=True).stdout
        return list(csv.DictReader(io.StringIO(out)))

    def test_the_default_name_is_the_clubs_in_the_current_directory(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            screen = self.club_dialog(s)
            inside = " ".join(dialog_lines(screen))
            # no print service: said whole, and the way out
            self.assertIn(squeezed("Lỗi: dịch vụ in CUPS không chạy (không kết nối được tới "
                                   f"{NO_CUPS}): hãy nhờ người quản trị bật CUPS, hoặc lưu ra tệp. "
                                   "Nhập tên tệp rồi Enter để lưu."), squeezed(inside))
            s.keys("Enter")
            s.wait_for("Đã lưu")
            saved = os.path.join(self.here, CLUB_FILE + ".pdf")
            self.assertTrue(os.path.exists(saved), os.listdir(self.here))
            self.assertEqual(os.listdir(self.home), [])
            self.assertEqual(oct(os.stat(saved).st_mode & 0o777), "0o600")
            text = pdf_text(saved)
            self.assertIn("CÂU LẠC BỘ CÁC HỢP TÁC XÃ", text)
            self.assertIn("DANH SÁCH THÀNH VIÊN", text)

    def test_the_ending_follows_the_format(self):
        for w, h in self.each_size():
            s = self.open(w, h)
            self.club_dialog(s)
            s.keys("Down")  # the format
            s.keys("Right")
            s.wait_for("◂ TXT ▸", CLUB_FILE + ".txt")
            s.keys("Right")
            s.wait_for("◂ CSV ▸", CLUB_FILE + ".csv")
            s.keys("Right")
            s.wait_for("◂ Excel (XLSX) ▸", CLUB_FILE + ".xlsx")
            s.keys("Right", "Right")
            s.wait_for("◂ TXT ▸", CLUB_FILE + ".txt", absent=(CLUB_FILE + ".pdf",))
            s.keys("Enter")
            s.wait_for("Đã lưu")
            self.assertEqual(os.listdir(self.here), [CLUB_FILE + ".txt"])
            with open(os.path.join(self.here, CLUB_FILE + ".txt"), encoding="utf-8") as f:
                self.assertIn("DANH SÁCH THÀNH VIÊN", f.read())

    def test_overwriting_asks_and_the_default_keeps_the_file(self):
        for w, h in self.each_size():
            target = os.path.join(self.here, CLUB_FILE + ".pdf")
            with open(target, "w") as f:
                f.write("bản cũ\n")
            s = self.open(w, h)
            self.club_dialog(s)
            s.keys("Enter")
            s.wait_for("Tệp đã có", f"Đã có tệp {CLUB_FILE}.pdf.", "[ Không ghi đè ]", "[ Ghi đè ]")
            s.keys("Enter")  # the answer in focus
            s.wait_for(f"Tệp {CLUB_FILE}.pdf được giữ nguyên", absent=("Tệp đã có",))
            with open(target) as f:
                self.assertEqual(f.read(), "bản cũ\n")
            s.keys("Enter")
            s.wait_for("Tệp đã có")
            s.keys("Escape")  # gives the last answer: keep it
            s.wait_for("được giữ nguyên", absent=("Tệp đã có",))
            with open(target) as f:
                self.assertEqual(f.read(), "bản cũ\n")
            s.keys("Enter")
            s.wait_for("Tệp đã có")
            s.keys("Left", "Enter")  # Ghi đè
            s.wait_for("Đã lưu")
            self.assertIn("DANH SÁCH THÀNH VIÊN", pdf_text(target))

    def test_f9_on_thanh_tri_saves_only_thanh_tri(self):
        here = {r["code"][:10] for r in self.rows("--district", "thanh tri")}
        elsewhere = {r["code"][:10] for r in self.rows()} - here
        self.assertGreater(len(here), 5)
        name = f"danh-sach-htx-thanh-tri-{TODAY}.pdf"
        for w, h in self.each_size():
            s = self.open(w, h)
            s.type("thanh tri")
            s.wait_for("Danh sách HTX — Thanh Trì")
            s.keys("F9")
            s.wait_for("In danh sách HTX", name)
            s.keys("Enter")
            screen = s.wait_for("Đã lưu")
            self.assertIn(squeezed(f"Đã lưu {len(here)} HTX vào {os.path.join(self.here, name)}"),
                          squeezed(" ".join(dialog_lines(screen))))
            text = pdf_text(os.path.join(self.here, name))
            shown = {code for code in here | elsewhere if code in text}
            self.assertEqual(shown & elsewhere, set())
            self.assertEqual(shown, here)
            self.assertIn("DANH SÁCH HỢP TÁC XÃ", text)
            self.assertIn("Quận/huyện Thanh Trì", text)
            self.assertIn(f"Tổng số: {len(here)} hợp tác xã", text)

    def test_f9_on_a_search_says_what_was_searched(self):
        found = self.rows("--search", "banh cuon")
        name = f"danh-sach-htx-banh-cuon-{TODAY}.pdf"
        for w, h in self.each_size():
            s = self.open(w, h)
            s.keys("Tab")
            s.type("banh cuon")
            s.keys("Enter")
            s.wait_for("Tìm: banh cuon")
            s.keys("F9")
            s.wait_for("In danh sách HTX", name)
            s.keys("Enter")
            s.wait_for("Đã lưu")
            text = pdf_text(os.path.join(self.here, name))
            self.assertIn("Toàn thành phố; tìm: banh cuon", text)
            for row in found:
                self.assertIn(row["code"][:10], text)


class PrintersOfCups(ts.DemoCase):
    """A private scheduler with two printers, the second the default; the first refuses jobs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cups = private_cups.Scheduler()
        cls.accounts = cls.cups.add_queue("Phong_KT", "Máy in phòng Kế toán")
        cls.floor = cls.cups.add_queue("Tang2")
        cls.cups.admin("lpadmin", "-d", "Tang2")
        cls.cups.admin("cupsreject", "Phong_KT")

    @classmethod
    def tearDownClass(cls):
        cls.cups.close()
        super().tearDownClass()

    def open(self, width, height):
        screen = super().open(width=width, height=height, env={"HTX_TODAY": TODAY, **self.cups.env})
        screen.wait_for("Tất cả", "F10")
        return screen

    def printer_dialog(self, s):
        s.keys("F7")
        s.wait_for("Các câu lạc bộ", "F9In")
        s.type("nong")
        s.keys("F9")
        return s.wait_for("In danh sách thành viên", "Tang2 (mặc định)")

    def test_the_default_printer_is_chosen_and_gets_the_job(self):
        for w, h in SIZES:
            with self.subTest(size=f"{w}x{h}"):
                private_cups.prepare_file_device(self.floor)
                s = self.open(w, h)
                screen = self.printer_dialog(s)
                inside = dialog_lines(screen)
                self.assertTrue(any(l.endswith("  Phong_KT — Máy in phòng Kế toán") for l in inside), inside)
                self.assertIn("▸ Tang2 (mặc định)", inside)
                self.assertNotIn("▸ Phong_KT", screen)
                s.keys("Enter")
                screen = s.wait_for("Đã gửi lệnh in Tang2-")
                data = private_cups.wait_for_job(self.cups.sock, self.floor)
                pdf = private_cups.pdf_inside_job(data)
                self.assertIsNotNone(pdf, "the job never reached Tang2: " + self.cups.log())
                text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                                      check=True).stdout.decode("utf-8")
                self.assertIn("CÂU LẠC BỘ CÁC HỢP TÁC XÃ", text)

    def test_a_refusal_reads_whole_in_vietnamese(self):
        message = ("Lỗi: máy in Phong_KT đang tạm ngừng nhận lệnh in: hãy chọn máy in khác, "
                   "hoặc nhờ người quản trị cho máy in nhận lệnh lại")
        for w, h in SIZES:
            with self.subTest(size=f"{w}x{h}"):
                s = self.open(w, h)
                self.printer_dialog(s)
                s.keys("Up")
                s.wait_for("▸ Phong_KT")
                s.keys("Enter")
                screen = s.wait_for("Lỗi: máy in Phong_KT")
                self.assertIn(squeezed(message), squeezed(" ".join(dialog_lines(screen))))


if __name__ == "__main__":
    ts.main()
