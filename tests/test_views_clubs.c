/*
 * The clubs and a club's roster, rendered into memory (their print dialog:
 * test_views_print.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "demo.h"
#include "display.h"
#include "doc_settings.h"
#include "format.h"
#include "membership.h"
#include "query.h"
#include "registry.h"
#include "test_support.h"
#include "text.h"
#include "ui_text.h"
#include "view.h"
#include "view_fixture.h"
#include "views.h"

/* ---- clubs and roster ----------------------------------------------------------------- */

static void clubs_and_roster(void **state)
{
    fixture *f = *state;
    press(f, TK_F7);
    assert_on_screen(f, "Các câu lạc bộ");
    assert_row_has(f, "CLB Nhựa Hà Nội", "3");
    assert_row_has(f, "CLB các HTX Thương mại – Dịch vụ", "1");
    assert_status_starts(f, "Các câu lạc bộ · 1/5");
    press(f, TK_DOWN);
    press(f, TK_DOWN);
    assert_status_starts(f, "Các câu lạc bộ · 3/5");
    press(f, TK_ENTER);
    assert_on_screen(f, "Danh sách thành viên · CLB Nhựa Hà Nội");
    assert_on_screen(f, "STT");
    assert_on_screen(f, "Ngày tham gia");
    assert_row_has(f, "Bát Tràng", "Chủ nhiệm");
    assert_row_has(f, "Bát Tràng", "05/03/2019");
    assert_row_has(f, "Bát Tràng", "Gia Lâm");
    assert_status_starts(f, "CLB Nhựa Hà Nội · 1/3");
    assert_screen_clean(f);

    /* Vietnamese order: "Hợp tác xã chăn…" < "Hợp tác xã thủ…" < "HTX Gốm…" (ơ before t) */
    char *first = row_with(f, "   1 ");
    assert_non_null(first);
    assert_non_null(strstr(first, "Phó chủ nhiệm"));
    free(first);
    char *third = row_with(f, "   3 ");
    assert_non_null(third);
    assert_non_null(strstr(third, "HTX Gốm sứ"));
    free(third);

    /* a member's detail, then back */
    press(f, TK_END);
    press(f, TK_ENTER);
    char status[64];
    snprintf(status, sizeof status, "Chi tiết HTX · %s", f->codes[POTTERY]);
    assert_status_starts(f, status);
    press(f, TK_BACKSPACE);
    assert_status_starts(f, "CLB Nhựa Hà Nội · 3/3");
    press(f, TK_HOME);
    assert_status_starts(f, "CLB Nhựa Hà Nội · 1/3");
    /* the sort key cycles: district next */
    press(f, TK_F6);
    assert_status_has(f, "Xếp theo: Quận/Huyện");
    press(f, TK_ESCAPE);
    assert_status_starts(f, "Các câu lạc bộ · 3/5");
    /* F7 is not offered again on the clubs (its bar would read "CLB"): Esc goes back */
    press(f, TK_F7);
    assert_status_starts(f, "Các câu lạc bộ");
    press(f, TK_ESCAPE);
    assert_on_screen(f, "Tất cả");
}

/* Typing finds a club by a word of its name; q is typed, never quits; F9
 * prints the club chosen. */
/* F4 on a club opens the document settings on that club's: a value typed
 * is saved and shown, F8 puts the default back; Esc while typing keeps
 * the old value. */
static void document_settings_are_changed_on_screen(void **state)
{
    fixture *f = *state;
    press(f, TK_F7);
    type(f, "nong");
    press(f, TK_F4);
    assert_on_screen(f, "Thiết lập văn bản");
    assert_on_screen(f, "CÂU LẠC BỘ CÁC HỢP TÁC XÃ NÔ");
    assert_on_screen(f, "mặc định");
    assert_on_screen(f, "(người đại diện của HTX giữ");
    assert_on_screen(f, "Liên minh HTX TP Hà Nội");
    assert_status_has(f, "CLB các HTX Nông nghiệp");
    for (int i = 0; i < HTX_DSET_SIGNER; i++)
        press(f, TK_DOWN);
    press(f, TK_ENTER);
    assert_on_screen(f, "Người ký: ");
    type(f, "Nguyễn Văn An");
    press(f, TK_ESCAPE); /* dropped */
    assert_not_on_screen(f, "Nguyễn Văn An");
    press(f, TK_ENTER);
    type(f, "Nguyễn Văn An");
    press(f, TK_ENTER);
    assert_on_screen(f, "Đã lưu thiết lập");
    assert_on_screen(f, "Nguyễn Văn An");
    htx_doc_settings kept;
    htx_error err;
    assert_int_equal(htx_doc_settings_load(f->store, htx_club_find("agriculture"), &kept, &err), HTX_OK);
    assert_string_equal(kept.value[HTX_DSET_SIGNER], "Nguyễn Văn An");
    assert_true(kept.set[HTX_DSET_SIGNER]);
    press(f, TK_F8);
    assert_not_on_screen(f, "Nguyễn Văn An");
    assert_int_equal(htx_doc_settings_load(f->store, htx_club_find("agriculture"), &kept, &err), HTX_OK);
    assert_false(kept.set[HTX_DSET_SIGNER]);
    /* an issuing body cannot be blank: the error, and the typing stays */
    press(f, TK_UP);
    press(f, TK_UP);
    press(f, TK_UP);
    press(f, TK_ENTER);
    press(f, TK_CTRL_U);
    press(f, TK_ENTER);
    assert_on_screen(f, "không được để trống");
    assert_on_screen(f, "Cơ quan ban hành: ");
}

static void typing_finds_a_club_and_f9_prints_it(void **state)
{
    fixture *f = *state;
    press(f, TK_F7);
    type(f, "nhua");
    assert_status_starts(f, "Tìm: nhua");
    press(f, TK_ENTER);
    assert_on_screen(f, "Danh sách thành viên · CLB Nhựa Hà Nội");
    press(f, TK_ESCAPE);
    type(f, "q"); /* CLB Quỹ Tín dụng Nhân dân */
    assert_false(f->app.quit);
    assert_status_starts(f, "Tìm: q");
    type(f, "x");
    assert_status_has(f, "(không thấy)");
    press(f, TK_BACKSPACE); /* edits what was typed: still on the clubs */
    press(f, TK_BACKSPACE);
    assert_status_starts(f, "Các câu lạc bộ");
    press(f, TK_HOME);
    type(f, "thuong mai");
    press(f, TK_F9);
    assert_on_screen(f, "CLB các HTX Thương mại – Dịch vụ");
    assert_on_screen(f, "Máy in");
}

/* The screen row holding text, or -1. */
static int row_index(const fixture *f, const char *text)
{
    for (int y = 0; y < f->canvas.height; y++) {
        char *row = screen_row(f, y);
        bool found = strstr(row, text) != NULL;
        free(row);
        if (found)
            return y;
    }
    return -1;
}

/* A click selects a club, a double click opens its members, and a double
 * click on a member opens the cooperative. */
static void mouse_opens_clubs_and_members(void **state)
{
    fixture *f = *state;
    press(f, TK_F7);
    int y = row_index(f, "CLB Nhựa Hà Nội");
    assert_true(y > 0);
    click(f, 10, y, MOUSE_CLICK);
    assert_status_starts(f, "Các câu lạc bộ · 3/5");
    click(f, 10, y, MOUSE_DOUBLE_CLICK);
    assert_on_screen(f, "Danh sách thành viên · CLB Nhựa Hà Nội");
    y = row_index(f, "Bát Tràng");
    assert_true(y > 0);
    click(f, 10, y, MOUSE_DOUBLE_CLICK);
    assert_status_starts(f, "Chi tiết HTX");
}

static void empty_club_roster(void **state)
{
    fixture *f = *state;
    press(f, TK_F7);
    press(f, TK_END);
    press(f, TK_ENTER);
    assert_on_screen(f, "(câu lạc bộ chưa có thành viên)");
    assert_status_starts(f, "CLB Quỹ Tín dụng Nhân dân · 0/0");
    press(f, TK_ENTER); /* nothing to open */
    assert_on_screen(f, "(câu lạc bộ chưa có thành viên)");
}

int main(void)
{
    /* local time in the change log: fixed for repeatable screens */
    setenv("TZ", "Asia/Ho_Chi_Minh", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(clubs_and_roster, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(typing_finds_a_club_and_f9_prints_it, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(document_settings_are_changed_on_screen, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(empty_club_roster, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(mouse_opens_clubs_and_members, setup_vi, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
