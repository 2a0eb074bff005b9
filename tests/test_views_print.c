/*
 * The print dialog, rendered into memory: the printers it is given, the
 * file it saves (its name, its ending, the question before replacing one),
 * the errors it shows whole, and printing the main list as it is shown.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_support.h"
#include "view.h"
#include "view_fixture.h"

#define TODAY "2026-12-02"

/* The print dialog of the plastics club (CLB Nhựa Hà Nội, three members). */
static void open_roster_dialog(fixture *f)
{
    press(f, TK_F7);
    press(f, TK_DOWN);
    press(f, TK_DOWN);
    press(f, TK_ENTER);
    press(f, TK_F9);
    assert_on_screen(f, "In danh sách thành viên");
}

/* A stand-in for lp that keeps its arguments and answers as CUPS does. */
static void write_fake_lp(const fixture *f, const char *lp, const char *answer, int status)
{
    FILE *script = fopen(lp, "w");
    assert_non_null(script);
    fprintf(script, "#!/bin/sh\necho \"$@\" > '%s/lp-args'\necho '%s'\nexit %d\n", f->dir, answer, status);
    fclose(script);
    assert_int_equal(chmod(lp, 0755), 0);
}

static char *read_file(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return NULL;
    char *text = calloc(1, 1 << 20);
    assert_non_null(text);
    size_t n = fread(text, 1, (1 << 20) - 1, in);
    text[n] = '\0';
    fclose(in);
    return text;
}

static void write_text(const char *path, const char *text)
{
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
}

/* What the event loop does when a long task asks for a redraw: here, note
 * whether the print dialog said it was working. */
static int working_screens;
static void note_working(tui_app *app, void *ctx)
{
    (void)app;
    if (strstr(render(ctx), "Đang tạo tài liệu"))
        working_screens++;
}

/* The test saves into the fixture's directory: the one htx "was started in". */
typedef struct in_dir {
    char before[4096];
} in_dir;

static void enter_dir(in_dir *d, const fixture *f)
{
    assert_non_null(getcwd(d->before, sizeof d->before));
    assert_int_equal(chdir(f->dir), 0);
}

static void leave_dir(const in_dir *d, const fixture *f, const char *const names[])
{
    for (int i = 0; names[i]; i++) {
        char path[300];
        snprintf(path, sizeof path, "%s/%s", f->dir, names[i]);
        unlink(path);
    }
    assert_int_equal(chdir(d->before), 0);
}

/* ---- the printers ----------------------------------------------------------------- */

static void default_printer_is_chosen_and_arrows_choose_another(void **state)
{
    fixture *f = *state;
    open_roster_dialog(f);
    assert_on_screen(f, "▸ Tang2 (mặc định)");
    assert_on_screen(f, "  Phong_KT — Máy in phòng Kế toán");
    press(f, TK_UP);
    assert_on_screen(f, "▸ Phong_KT — Máy in phòng Kế toán");
    assert_on_screen(f, "  Tang2 (mặc định)");
    press(f, TK_DOWN);
    press(f, TK_DOWN); /* the last printer stays chosen */
    assert_on_screen(f, "▸ Tang2 (mặc định)");
    type(f, "p"); /* a letter finds a printer by its name */
    assert_on_screen(f, "▸ Phong_KT");

    char lp[160];
    snprintf(lp, sizeof lp, "%s/fake-lp", f->dir);
    write_fake_lp(f, lp, "request id is Phong_KT-7 (1 file(s))", 0);
    setenv("HTX_LP", lp, 1);
    press(f, TK_TAB); /* the copies */
    press(f, TK_RIGHT);
    assert_on_screen(f, "◂ 2 ▸");
    f->app.redraw_now = note_working;
    f->app.redraw_ctx = f;
    working_screens = 0;
    press(f, TK_ENTER);
    unsetenv("HTX_LP");
    f->app.redraw_now = NULL;
    assert_int_equal(working_screens, 1); /* said before the work, not after */
    assert_on_screen(f, "Đã gửi lệnh in Phong_KT-7: 1 trang × 2 bản");
    char args_path[200];
    snprintf(args_path, sizeof args_path, "%s/lp-args", f->dir);
    char *args = read_file(args_path);
    assert_non_null(args);
    assert_non_null(strstr(args, "-d Phong_KT -n 2"));
    free(args);
    unlink(args_path);
    unlink(lp);
}

/* No printer, or no print service: told so (whole, wrapped), with the
 * file name ready in the current directory, from the club's Vietnamese name. */
static void without_printers_a_file_is_offered_in_the_current_directory(void **state)
{
    fixture *f = *state;
    in_dir d;
    enter_dir(&d, f);
    f->app.list_printers = NULL;
    open_roster_dialog(f);
    assert_on_screen(f, "(CUPS chưa có máy in nào)");
    assert_on_screen(f, "Chưa có máy in nào. Nhập tên tệp rồi Enter để lưu.");
    assert_on_screen(f, "danh-sach-clb-nhua-ha-noi-" TODAY ".pdf▏");
    press(f, TK_ENTER);
    assert_on_screen(f, "Đã lưu 3 thành viên vào");
    char expected[300];
    snprintf(expected, sizeof expected, "%s/danh-sach-clb-nhua-ha-noi-" TODAY ".pdf", f->dir);
    assert_on_screen(f, expected); /* where it is, whole */
    char *pdf = read_file("danh-sach-clb-nhua-ha-noi-" TODAY ".pdf");
    assert_non_null(pdf);
    assert_memory_equal(pdf, "%PDF", 4);
    free(pdf);

    press(f, TK_ESCAPE);
    f->app.list_printers = no_print_service;
    press(f, TK_F9);
    /* the message is long: it is wrapped, not cut */
    assert_on_screen(f, "Lỗi: dịch vụ in CUPS không chạy (không kết nối được tới");
    assert_on_screen(f, "/run/cups/cups.sock)");
    assert_on_screen(f, "hoặc lưu ra tệp.");
    assert_on_screen(f, "Nhập tên tệp rồi Enter để lưu.");
    assert_screen_clean(f);
    leave_dir(&d, f, (const char *const[]){"danh-sach-clb-nhua-ha-noi-" TODAY ".pdf", NULL});
}

/* ---- the file ------------------------------------------------------------------------ */

static void the_ending_follows_the_format(void **state)
{
    fixture *f = *state;
    open_roster_dialog(f);
    press(f, TK_TAB);
    press(f, TK_TAB); /* the file */
    type(f, "bao-cao");
    press(f, TK_TAB); /* the format: PDF */
    press(f, TK_RIGHT);
    assert_on_screen(f, "◂ TXT ▸");
    assert_on_screen(f, "bao-cao.txt");
    press(f, TK_RIGHT);
    assert_on_screen(f, "bao-cao.csv");
    press(f, TK_RIGHT);
    assert_on_screen(f, "◂ Excel (XLSX) ▸");
    assert_on_screen(f, "bao-cao.xlsx");
    press(f, TK_RIGHT);
    assert_on_screen(f, "bao-cao.pdf");
    assert_not_on_screen(f, "bao-cao.xlsx");
}

static void saving_over_a_file_asks_and_keeps_it_by_default(void **state)
{
    fixture *f = *state;
    in_dir d;
    enter_dir(&d, f);
    write_text("nhua.txt", "the old file\n");
    open_roster_dialog(f);
    press(f, TK_TAB);
    press(f, TK_TAB);
    type(f, "nhua");
    press(f, TK_TAB);
    press(f, TK_RIGHT); /* TXT: the name becomes nhua.txt */
    press(f, TK_ENTER);
    assert_on_screen(f, "Tệp đã có");
    assert_on_screen(f, "Đã có tệp nhua.txt.");
    assert_on_screen(f, "[ Ghi đè ]");
    assert_on_screen(f, "[ Không ghi đè ]");
    press(f, TK_ENTER); /* the answer in focus keeps the file */
    assert_on_screen(f, "Tệp nhua.txt được giữ nguyên");
    char *text = read_file("nhua.txt");
    assert_string_equal(text, "the old file\n");
    free(text);
    press(f, TK_ENTER);
    assert_on_screen(f, "Tệp đã có");
    press(f, TK_ESCAPE); /* Esc keeps it too */
    text = read_file("nhua.txt");
    assert_string_equal(text, "the old file\n");
    free(text);
    press(f, TK_ENTER);
    press(f, TK_LEFT);
    press(f, TK_ENTER); /* Ghi đè */
    assert_on_screen(f, "Đã lưu 3 thành viên vào");
    text = read_file("nhua.txt");
    assert_non_null(strstr(text, "DANH SÁCH THÀNH VIÊN"));
    free(text);
    leave_dir(&d, f, (const char *const[]){"nhua.txt", NULL});
}

/* The roster's day and the date of issue are the dialog's last fields: a
 * list as of 31/12/2019 printed on 01/12/2026 is dated that day and says
 * what day it is of; a date that is none is refused where it was typed. */
static void the_dialog_takes_the_day_of_the_list_and_the_date_of_issue(void **state)
{
    fixture *f = *state;
    in_dir d;
    enter_dir(&d, f);
    open_roster_dialog(f);
    press(f, TK_TAB);
    press(f, TK_TAB);
    type(f, "nhua");
    press(f, TK_TAB);
    press(f, TK_RIGHT); /* TXT */
    assert_on_screen(f, "Tính đến ngày");
    assert_on_screen(f, "Ngày ban hành");
    press(f, TK_TAB); /* the day of the roster */
    press(f, TK_CTRL_U);
    type(f, "31/12/2019");
    press(f, TK_TAB); /* the date of issue */
    press(f, TK_CTRL_U);
    type(f, "31/02/2026");
    press(f, TK_ENTER);
    assert_on_screen(f, "31/02/2026");
    assert_on_screen(f, "Lỗi");
    press(f, TK_CTRL_U);
    type(f, "01/12/2026");
    press(f, TK_ENTER);
    assert_on_screen(f, "Đã lưu");
    char *text = read_file("nhua.txt");
    assert_non_null(strstr(text, "Hà Nội, ngày 01 tháng 12 năm 2026"));
    assert_non_null(strstr(text, "(tính đến ngày 31/12/2019)"));
    free(text);
    leave_dir(&d, f, (const char *const[]){"nhua.txt", NULL});
}

/* F3 shows the first page as text in the dialog, to check the heading and
 * the signatory before printing; F3 again, or any other key, closes it. */
static void f3_previews_the_first_page(void **state)
{
    fixture *f = *state;
    open_roster_dialog(f);
    press(f, TK_F3);
    assert_on_screen(f, "DANH SÁCH THÀNH VIÊN");
    assert_on_screen(f, "Số:        /DS-CLB");
    assert_on_screen(f, "Câu lạc bộ Nhựa Hà Nội");
    press(f, TK_F3);
    assert_not_on_screen(f, "DANH SÁCH THÀNH VIÊN");
    assert_on_screen(f, "Xem trước");
}

/* A name too long for the question's box is wrapped in it, not cut. */
static void the_question_shows_a_long_name_whole(void **state)
{
    fixture *f = *state;
    in_dir d;
    enter_dir(&d, f);
    static const char name[] = "bao-cao-danh-sach-thanh-vien-cau-lac-bo-nhua-ha-noi-gui-lien-minh-htx-thanh-pho.pdf";
    write_text(name, "old\n");
    open_roster_dialog(f);
    press(f, TK_TAB);
    press(f, TK_TAB);
    type(f, name);
    press(f, TK_ENTER);
    assert_on_screen(f, "Tệp đã có");
    assert_on_screen(f, "Đã có tệp");
    assert_on_screen(f, "│ bao-cao-danh-sach-thanh-vien"); /* the start and the end: wrapped, not cut */
    assert_on_screen(f, "pho.pdf.");
    assert_on_screen(f, "[ Không ghi đè ]");
    assert_screen_clean(f);
    press(f, TK_ENTER);
    char *text = read_file(name);
    assert_string_equal(text, "old\n");
    free(text);
    leave_dir(&d, f, (const char *const[]){name, NULL});
}

/* ---- the main list ------------------------------------------------------------------- */

static void f9_on_the_main_list_prints_what_it_shows(void **state)
{
    fixture *f = *state;
    in_dir d;
    enter_dir(&d, f);
    type(f, "gia lam"); /* the district panel finds Gia Lâm */
    focus_list(f);
    type(f, "ba");      /* and a search in it: Bát Tràng */
    press(f, TK_ENTER);
    f->app.list_printers = NULL; /* the dialog starts on the file, its name ready */
    press(f, TK_F9);
    assert_on_screen(f, "In danh sách HTX");
    assert_on_screen(f, "danh-sach-htx-gia-lam-ba-" TODAY ".pdf");
    press(f, TK_DOWN);
    press(f, TK_RIGHT); /* TXT */
    assert_on_screen(f, "danh-sach-htx-gia-lam-ba-" TODAY ".txt");
    press(f, TK_ENTER);
    assert_on_screen(f, "Đã lưu 1 HTX vào");
    char *text = read_file("danh-sach-htx-gia-lam-ba-" TODAY ".txt");
    assert_non_null(text);
    assert_non_null(strstr(text, "DANH SÁCH HỢP TÁC XÃ"));
    assert_non_null(strstr(text, "Quận/huyện Gia Lâm; tìm: ba"));
    assert_non_null(strstr(text, POTTERY_NAME));
    assert_non_null(strstr(text, "Tổng số: 1 hợp tác xã"));
    free(text);
    leave_dir(&d, f, (const char *const[]){"danh-sach-htx-gia-lam-ba-" TODAY ".txt", NULL});
}

int main(void)
{
    setenv("HTX_TODAY", TODAY, 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(default_printer_is_chosen_and_arrows_choose_another, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(without_printers_a_file_is_offered_in_the_current_directory, setup_vi,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_ending_follows_the_format, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(saving_over_a_file_asks_and_keeps_it_by_default, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(the_question_shows_a_long_name_whole, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(f3_previews_the_first_page, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(the_dialog_takes_the_day_of_the_list_and_the_date_of_issue, setup_vi,
                                        teardown),
        cmocka_unit_test_setup_teardown(f9_on_the_main_list_prints_what_it_shows, setup_vi, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
