/*
 * Statistics, help, the mouse, English and large registers, rendered into
 * memory.
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

/* ---- statistics and help ---------------------------------------------------------------- */

static void stats_show_counts_and_targets(void **state)
{
    fixture *f = *state;
    press(f, TK_F8);
    assert_status_starts(f, "Thống kê");
    assert_on_screen(f, "Theo ngành · Tổng: 40");
    int industry = 0;
    for (int i = 0; i < COOP_COUNT; i++)
        industry += strcmp(sector_of(i), "industry") == 0;
    char count[16];
    snprintf(count, sizeof count, " %d ", industry);
    assert_row_has(f, "Công nghiệp – Tiểu thủ công nghiệp", count);
    assert_row_has(f, "Công nghiệp – Tiểu thủ công nghiệp", "█");
    assert_row_has(f, "Xây dựng", " 0");
    /* 39 not dissolved; 34 of them compliant, 10 profitable */
    assert_on_screen(f, "Tổ chức, hoạt động theo Luật HTX");
    assert_row_has(f, "87,2% (mục tiêu 100%)", "█");
    assert_on_screen(f, "Bảo toàn vốn, kinh doanh có lãi");
    assert_row_has(f, "25,6% (mục tiêu 80%)", "░");
    assert_screen_clean(f);
    /* the figures stay whole in the narrowest window */
    resize(f, TUI_MIN_WIDTH, TUI_MIN_HEIGHT + 6);
    assert_on_screen(f, "87,2% (mục tiêu 100%)");
    resize(f, 80, 24);
    assert_on_screen(f, "(trên số HTX chưa giải thể có câu trả lời: 39)");
    assert_screen_clean(f);

    /* the district and year sections are further down */
    press(f, TK_END);
    assert_on_screen(f, "Theo năm thành lập · Tổng: 40");
    assert_row_has(f, "2019", "█");
    press(f, TK_HOME);
    assert_on_screen(f, "Theo ngành");
    wheel(f, MOUSE_WHEEL_DOWN);
    assert_not_on_screen(f, "Theo ngành");
    press(f, TK_F8);
    assert_on_screen(f, "Tất cả");
}

static void targets_from_core(void **state)
{
    fixture *f = *state;
    htx_targets t;
    htx_error err;
    assert_int_equal(htx_query_targets(f->store, &t, &err), HTX_OK);
    assert_int_equal(t.base, 39);
    assert_int_equal(t.compliant.yes, 34);
    assert_int_equal(t.compliant.known, 39);
    assert_int_equal(t.profitable.yes, 10);
    assert_int_equal(t.profitable.known, 39);
}

/* A registration that does not say whether it follows the Law counts
 * neither way: the share stays, and the screen says how many are unknown. */
static void unknown_answers_do_not_move_the_targets(void **state)
{
    fixture *f = *state;
    htx_error err;
    for (int i = 0; i < 3; i++) {
        htx_coop c;
        char code[16], name[64];
        test_code(900 + i, code);
        snprintf(name, sizeof name, "HTX mới đăng ký số %d", i + 1);
        test_make_coop(&c, code, name, "gia lam", "trade");
        assert_int_equal(htx_coop_insert(f->store, &c, "lan", &err), HTX_OK);
    }
    htx_targets t;
    assert_int_equal(htx_query_targets(f->store, &t, &err), HTX_OK);
    assert_int_equal(t.base, 42);
    assert_int_equal(t.compliant.known, 39);
    press(f, TK_F8);
    assert_row_has(f, "87,2% (mục tiêu 100%)", "chưa rõ: 3");
}

/* The mouse: a click on the function bar is its key; a click picks a row. */
static void mouse_clicks_bar_and_rows(void **state)
{
    fixture *f = *state;
    render(f);
    int bar = f->canvas.height - 1;
    int x = column_of(f, "F8Thống kê");
    assert_true(x >= 0);
    click(f, x + 3, bar, MOUSE_CLICK);
    assert_on_screen(f, "Theo ngành");
    press(f, TK_ESCAPE);
    assert_on_screen(f, "Tất cả");
    /* the third district row of the panel (after the header and Tất cả) */
    char *row = screen_row(f, 4);
    click(f, 3, 4, MOUSE_CLICK);
    char *status = status_line(f);
    char district[64];
    sscanf(row, " %63[^0-9]", district);
    for (size_t n = strlen(district); n > 0 && district[n - 1] == ' '; n--)
        district[n - 1] = '\0';
    assert_non_null(strstr(status, district));
    free(status);
    free(row);
}

static void help_lists_the_bindings(void **state)
{
    fixture *f = *state;
    press(f, TK_F1);
    assert_status_starts(f, "Trợ giúp");
    /* the list is a typing screen: '?' and 'q' are typed there, so only the
     * function keys stand for help and quitting */
    assert_row_has(f, "F1 ", "Trợ giúp: các phím");
    assert_row_has(f, "F10 ", "Thoát");
    assert_not_on_screen(f, "F10, q");
    assert_screen_clean(f);
    press(f, TK_END);
    /* on the main screen Esc and Backspace are not "back": there is nothing behind it */
    assert_row_has(f, "Backspace, ←", "Về cột quận/huyện");
    assert_row_has(f, "Esc ", "Bỏ kết quả tìm kiếm đang giữ");
    assert_not_on_screen(f, "Quay lại");
    assert_on_screen(f, "Tìm kiếm không cần dấu");
    assert_on_screen(f, "Esc 1 = F1");
    assert_on_screen(f, "Gõ chữ để tìm");
    /* q is nothing on the help: neither closing it nor quitting */
    press(f, 'q');
    assert_false(f->app.quit);
    assert_status_starts(f, "Trợ giúp");
    press(f, TK_ESCAPE);
    assert_on_screen(f, "Tất cả");
    press(f, TK_F1);
    press(f, TK_F1);
    assert_on_screen(f, "Tất cả");
    press(f, '?');
    press(f, TK_ESCAPE);
    assert_on_screen(f, "Tất cả");
    assert_false(f->app.quit);
}

/* The help lists the keys of the screen it was opened from, and only those. */
static void help_describes_the_screen_below(void **state)
{
    fixture *f = *state;
    focus_list(f);
    press(f, TK_ENTER); /* a cooperative's detail */
    press(f, TK_F1);
    assert_row_has(f, "F5 ", "Sửa HTX đang chọn");
    assert_row_has(f, "m ", "Thêm HTX này vào một câu lạc bộ");
    assert_row_has(f, "x ", "Kết thúc tư cách thành viên");
    assert_not_on_screen(f, "Thêm HTX mới"); /* F2 registers only from the list */
    press(f, TK_END);
    assert_row_has(f, "Esc, Backspace, ←", "Quay lại");
    assert_not_on_screen(f, "Tìm kiếm không cần dấu"); /* nothing to search here */
    press(f, '?'); /* closes the help, back on the detail */
    assert_status_starts(f, "Chi tiết HTX");
    press(f, TK_F5);
    press(f, TK_F1); /* the form's keys: '?' is typed there */
    assert_row_has(f, "F1 ", "Trợ giúp: các phím");
    assert_row_has(f, "F2, Ctrl-S", "Lưu");
    assert_row_has(f, "Esc, F10", "Hủy");
    assert_row_has(f, "F8 ", "Xóa HTX");
    assert_row_has(f, "Ctrl-T", "Gõ tiếng Việt");
    /* from the help, F10 still quits; q only closed it */
    press(f, TK_F10);
    assert_true(f->app.quit);
}

/* ---- English --------------------------------------------------------------------------- */

static void english_catalog(void **state)
{
    fixture *f = *state;
    render(f);
    assert_on_screen(f, "Hanoi City Cooperative Alliance");
    assert_row_has(f, " All ", "40"); /* the panel's row, not the title */
    assert_on_screen(f, "Districts");
    press(f, TK_F1);
    assert_status_starts(f, "Help");
    assert_row_has(f, "F10 ", "Quit");
    press(f, TK_ESCAPE);
    press(f, TK_F8);
    assert_on_screen(f, "By sector · Total: 40");
    assert_on_screen(f, "Organised under the Law on Cooperatives");
    assert_on_screen(f, "87,2% (target 100%)");
    press(f, TK_F8);
    press(f, TK_F7);
    assert_on_screen(f, "Hanoi Plastics Club");
    press(f, TK_DOWN);
    press(f, TK_DOWN);
    press(f, TK_ENTER);
    assert_on_screen(f, "Roster · Hanoi Plastics Club · as of");
    assert_row_has(f, "Bát Tràng", "Chair");
    press(f, TK_ENTER);
    assert_status_starts(f, "Cooperative detail");
    assert_on_screen(f, "Registration code");
    press(f, TK_END);
    assert_on_screen(f, "Change log");
    assert_on_screen(f, "Joined a club");
    assert_screen_clean(f);
}

/* ---- large registers ---------------------------------------------------------------------- */

static void positions_use_thousands_dots(void **state)
{
    fixture *f = *state;
    htx_error err;
    htx_coop *c = malloc(sizeof *c);
    assert_int_equal(htx_store_begin(f->store, &err), HTX_OK);
    for (int i = COOP_COUNT; i < 1234; i++) {
        char code[16], name[64];
        test_code(i, code);
        snprintf(name, sizeof name, "HTX Số %04d", i);
        test_make_coop(c, code, name, "Đống Đa", "trade");
        assert_int_equal(htx_coop_insert_in_tx(f->store, c, "kiemthu", &err), HTX_OK);
    }
    assert_int_equal(htx_store_commit(f->store, &err), HTX_OK);
    free(c);
    app_pop(&f->app);
    assert_true(app_push(&f->app, view_main_new(&f->app, NULL)));
    render(f);
    assert_row_has(f, " Tất cả ", "1.234");
    focus_list(f);
    press(f, TK_END);
    assert_status_starts(f, "1.234/1.234");
}

/* The demo register holds the Alliance's 2020 figures: 293 industry cooperatives. */
static void stats_on_the_demo_register(void **state)
{
    (void)state;
    char dir[64], path[128];
    test_temp_path(dir, path, "demo.db");
    htx_store *store = NULL;
    htx_error err;
    assert_int_equal(htx_store_open(path, HTX_OPEN_CREATE_NEW, &store, &err), HTX_OK);
    assert_int_equal(htx_demo_populate(store, &err), HTX_OK);
    tui_app app;
    app_init(&app, store, HTX_LANG_VI, path);
    assert_true(app_push(&app, view_main_new(&app, NULL)));
    assert_true(app_push(&app, view_stats_new(&app)));
    tui_canvas canvas;
    assert_true(canvas_init(&canvas, 80, 24));
    app_render(&app, &canvas);
    char *screen = canvas_dump(&canvas);
    const char *row = strstr(screen, "Công nghiệp – Tiểu thủ công nghiệp");
    assert_non_null(row);
    const char *end = strchr(row, '\n');
    char *line = strndup(row, (size_t)(end - row));
    if (!strstr(line, " 293 ")) {
        fprintf(stderr, "expected 293 on the industry row:\n%s\n", screen);
        fail();
    }
    free(line);
    free(screen);
    canvas_free(&canvas);
    app_free(&app);
    htx_store_close(store);
    test_remove_db(dir, path);
}

int main(void)
{
    /* local time in the change log: fixed for repeatable screens */
    setenv("TZ", "Asia/Ho_Chi_Minh", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(stats_show_counts_and_targets, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(unknown_answers_do_not_move_the_targets, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(targets_from_core, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(help_lists_the_bindings, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(help_describes_the_screen_below, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(mouse_clicks_bar_and_rows, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(english_catalog, setup_en, teardown),
        cmocka_unit_test_setup_teardown(positions_use_thousands_dots, setup_vi, teardown),
        cmocka_unit_test(stats_on_the_demo_register),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
