/*
 * The main screen and the detail view, rendered into memory: events go in
 * through app_dispatch(), the screen comes out of app_render() as text.
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

/* ---- the main screen ---------------------------------------------------------- */

static void main_screen_shows_districts_and_counts(void **state)
{
    fixture *f = *state;
    render(f);
    assert_on_screen(f, "Liên minh HTX TP Hà Nội");
    assert_row_has(f, " Tất cả ", "40"); /* the panel's row, not the title */
    assert_row_has(f, "Ba Đình", "8");
    assert_on_screen(f, "Tên HTX");
    assert_on_screen(f, "F10");
    assert_status_starts(f, "1/40");
    assert_screen_clean(f);
}

static void long_names_crop_by_display_width(void **state)
{
    fixture *f = *state;
    render(f);
    /* the name column is far narrower than the names */
    assert_on_screen(f, "…");
    assert_not_on_screen(f, "Thăng Long số");
    assert_screen_clean(f);
    resize(f, 61, 20);
    assert_on_screen(f, "…");
    assert_screen_clean(f);
}

static void list_scrolls_and_shows_position(void **state)
{
    fixture *f = *state;
    focus_list(f);
    assert_status_starts(f, "1/40");
    press(f, TK_DOWN);
    assert_status_starts(f, "2/40");
    press(f, TK_PAGE_DOWN);
    char *status = status_line(f);
    int position = atoi(status + strspn(status, " "));
    free(status);
    assert_true(position > 2 + 10 && position <= 40);
    press(f, TK_END);
    assert_status_starts(f, "40/40");
    press(f, TK_HOME);
    assert_status_starts(f, "1/40");
}

static void search_narrows_the_list(void **state)
{
    fixture *f = *state;
    focus_list(f);
    press(f, '/');
    type(f, "bat tr");
    assert_on_screen(f, "Tìm: bat tr");
    assert_status_starts(f, "1/1");
    type(f, "ang");
    press(f, TK_ENTER);
    assert_status_starts(f, "1/1");
    assert_status_has(f, "bat trang");
    assert_on_screen(f, POTTERY_NAME);
    assert_not_on_screen(f, "Hợp tác xã");
}

static void too_small_then_normal_again(void **state)
{
    fixture *f = *state;
    resize(f, 20, 6);
    assert_on_screen(f, ui_text(UI_TOO_SMALL, HTX_LANG_VI));
    assert_not_on_screen(f, "Tất cả");
    assert_screen_clean(f);
    resize(f, 80, 24);
    assert_not_on_screen(f, ui_text(UI_TOO_SMALL, HTX_LANG_VI));
    assert_on_screen(f, "Tất cả");
    assert_status_starts(f, "1/40");
}

/* ---- detail --------------------------------------------------------------------- */

static void open_pottery(fixture *f)
{
    search_for(f, "bat trang");
    press(f, TK_ENTER);
}

static void detail_shows_every_field(void **state)
{
    fixture *f = *state;
    resize(f, 120, 60);
    open_pottery(f);
    char status[64];
    snprintf(status, sizeof status, "Chi tiết HTX · %s", f->codes[POTTERY]);
    assert_status_starts(f, status);
    for (int i = 0; i < HTX_FIELD_COUNT; i++)
        assert_on_screen(f, htx_field_label(htx_fields[i].id, HTX_LANG_VI));
    assert_row_has(f, "Mã số HTX", f->codes[POTTERY]);
    assert_row_has(f, "Quận/Huyện", "Gia Lâm");
    assert_row_has(f, "Ngành", "Công nghiệp – Tiểu thủ công nghiệp");
    assert_row_has(f, "Ngày thành lập", "05/03/2001");
    assert_row_has(f, "Người đại diện", "Nguyễn Thị Hoa");
    assert_row_has(f, "Trạng thái", "Đang hoạt động");
    /* the notes keep their lines, aligned with the other values */
    assert_row_has(f, "Ghi chú", "Dòng một của ghi chú");
    assert_on_screen(f, "Dòng hai của ghi chú");
    int value_column = column_of(f, f->codes[POTTERY]);
    assert_true(value_column > (int)htx_text_width("Mã số HTX"));
    assert_int_equal(column_of(f, "Gia Lâm"), value_column);
    assert_int_equal(column_of(f, "Dòng hai của ghi chú"), value_column);
    /* clubs and changes */
    assert_on_screen(f, "CLB Nhựa Hà Nội — Chủ nhiệm, tham gia 05/03/2019");
    assert_on_screen(f, "Nhật ký thay đổi");
    assert_row_has(f, "Tạo mới", "kiemthu");
    assert_row_has(f, "Tham gia CLB", "kiemthu");
    assert_on_screen(f, "Câu lạc bộ: (trống) → CLB Nhựa Hà Nội");
    assert_on_screen(f, "Vai trò: (trống) → Chủ nhiệm");
    assert_screen_clean(f);

    /* Esc goes back to the list as it was */
    press(f, TK_ESCAPE);
    assert_status_starts(f, "1/1");
    assert_on_screen(f, "Tất cả");
}

static void detail_scrolls(void **state)
{
    fixture *f = *state;
    open_pottery(f);
    assert_on_screen(f, "Mã số HTX");
    assert_not_on_screen(f, "Nhật ký thay đổi");
    press(f, TK_END);
    assert_on_screen(f, "Nhật ký thay đổi");
    assert_not_on_screen(f, "Mã số HTX");
    press(f, TK_HOME);
    assert_on_screen(f, "Mã số HTX");
    wheel(f, MOUSE_WHEEL_DOWN);
    wheel(f, MOUSE_WHEEL_DOWN);
    assert_not_on_screen(f, "Mã số HTX");
    press(f, TK_PAGE_UP);
    assert_on_screen(f, "Mã số HTX");
    press(f, TK_PAGE_DOWN);
    assert_not_on_screen(f, "Mã số HTX");
    /* Left is back too */
    press(f, TK_LEFT);
    assert_status_starts(f, "1/1");
}

static void detail_shows_edits_in_display_form(void **state)
{
    fixture *f = *state;
    htx_error err;
    htx_coop *c = malloc(sizeof *c);
    assert_int_equal(htx_coop_load_id(f->store, f->ids[POTTERY], c, &err), HTX_OK);
    htx_report r;
    htx_report_init(&r);
    htx_coop_set(c, "phone", "0912 345 678", &r);
    htx_coop_set(c, "capital", "1500000000", &r);
    htx_coop_set(c, "founded", "06/04/2002", &r);
    assert_int_equal(r.errors, 0);
    assert_int_equal(htx_coop_update(f->store, c, "nguyenvana", &err), HTX_OK);
    free(c);
    resize(f, 120, 60);
    open_pottery(f);
    assert_row_has(f, "nguyenvana", "Sửa");
    assert_on_screen(f, "Điện thoại: (trống) → 0912345678");
    assert_on_screen(f, "Vốn điều lệ: (trống) → 1.500.000.000 đ");
    assert_on_screen(f, "Ngày thành lập: 05/03/2001 → 06/04/2002");
}

static void detail_long_values_crop(void **state)
{
    fixture *f = *state;
    focus_list(f);
    press(f, TK_ENTER); /* the first cooperative: a long name */
    char *status = status_line(f);
    assert_non_null(strstr(status, "Chi tiết HTX"));
    free(status);
    assert_row_has(f, "Tên HTX", "…");
    assert_screen_clean(f);
}

static void detail_follows_changes_elsewhere(void **state)
{
    fixture *f = *state;
    open_pottery(f);
    /* another terminal saves the record, then deletes it */
    htx_store *other = NULL;
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_EXISTING, &other, &err), HTX_OK);
    htx_coop *c = malloc(sizeof *c);
    assert_int_equal(htx_coop_load_id(other, f->ids[POTTERY], c, &err), HTX_OK);
    htx_report r;
    htx_report_init(&r);
    htx_coop_set(c, "representative", "Trần Văn Bình", &r);
    assert_int_equal(htx_coop_update(other, c, "khac", &err), HTX_OK);
    free(c);
    htx_store_close(other);
    assert_true(app_poll_changes(&f->app));
    render(f);
    assert_row_has(f, "Người đại diện", "Trần Văn Bình");

    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    assert_int_equal(sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "DELETE FROM cooperative WHERE id = ?", -1, &stmt, NULL), SQLITE_OK);
    sqlite3_bind_int64(stmt, 1, f->ids[POTTERY]);
    assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    assert_true(app_poll_changes(&f->app));
    render(f);
    assert_on_screen(f, "không còn trong cơ sở dữ liệu");
    assert_screen_clean(f);
    press(f, TK_ESCAPE);
    assert_on_screen(f, "Tất cả");
}

/* Validation refuses control characters, so they can only come from
 * outside htx: written here straight into the file. */
static void stored_escape_sequences_never_reach_the_screen(void **state)
{
    fixture *f = *state;
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "UPDATE cooperative SET"
                                        " name = 'HTX ' || char(27) || '[2J Bát Tràng',"
                                        " notes = 'Đỏ ' || char(27) || '[31m chữ' || char(7)"
                                        " WHERE id = ?",
                                        -1, &stmt, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(stmt, 1, f->ids[POTTERY]);
    assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    app_poll_changes(&f->app);

    focus_list(f);
    press(f, TK_END); /* still sorted where its old name was: last */
    assert_on_screen(f, "HTX ␛[2J Bát Tràng");
    assert_screen_clean(f);
    press(f, TK_HOME);
    resize(f, 120, 60);
    open_pottery(f);
    assert_on_screen(f, "Tên HTX");
    assert_on_screen(f, "HTX ␛[2J Bát Tràng");
    assert_on_screen(f, "Đỏ ␛[31m chữ␇");
    assert_screen_clean(f);
}

int main(void)
{
    /* local time in the change log: fixed for repeatable screens */
    setenv("TZ", "Asia/Ho_Chi_Minh", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(main_screen_shows_districts_and_counts, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(long_names_crop_by_display_width, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(list_scrolls_and_shows_position, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(search_narrows_the_list, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(too_small_then_normal_again, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(detail_shows_every_field, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(detail_scrolls, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(detail_shows_edits_in_display_form, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(detail_long_values_crop, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(detail_follows_changes_elsewhere, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(stored_escape_sequences_never_reach_the_screen, setup_vi, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
