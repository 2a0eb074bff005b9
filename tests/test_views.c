/*
 * The full-screen views rendered into memory: events go in through
 * app_dispatch(), the screen comes out of app_render() as text.
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
#include "views.h"

#define COOP_COUNT 40
#define DISSOLVED 39      /* the one cooperative not counted by the targets */
#define POTTERY 1         /* found by searching "bat trang" */
#define POTTERY_NAME "HTX Gốm sứ Bát Tràng"

typedef struct fixture {
    char dir[64];
    char path[128];
    htx_store *store;
    tui_app app;
    tui_canvas canvas;
    char *screen;
    int64_t ids[COOP_COUNT];
    char codes[COOP_COUNT][16];
} fixture;

static const char *const districts[] = {"Ba Đình", "Hoàn Kiếm", "Gia Lâm", "Đông Anh", "Sóc Sơn"};

/* Long names, so that the list has to crop them. */
static void coop_name(int i, char *out, size_t size)
{
    static const char *const kinds[] = {
        "Hợp tác xã sản xuất kinh doanh dịch vụ tổng hợp nông nghiệp",
        "Hợp tác xã dịch vụ vận tải và thương mại",
        "Hợp tác xã thủ công mỹ nghệ mây tre đan xuất khẩu",
        "Hợp tác xã chăn nuôi và tiêu thụ sản phẩm an toàn",
    };
    if (i == POTTERY)
        snprintf(out, size, "%s", POTTERY_NAME);
    else
        snprintf(out, size, "%s Thăng Long số %02d", kinds[i % 4], i);
}

static const char *sector_of(int i)
{
    return i % 3 == 0 || i == POTTERY ? "industry" : i % 3 == 1 ? "trade" : "transport";
}

static void insert_register(fixture *f)
{
    htx_error err;
    htx_coop *c = malloc(sizeof *c);
    assert_non_null(c);
    for (int i = 0; i < COOP_COUNT; i++) {
        char name[256];
        coop_name(i, name, sizeof name);
        test_code(i, f->codes[i]);
        test_make_coop(c, f->codes[i], name, i == POTTERY ? "Gia Lâm" : districts[i % 5], sector_of(i));
        snprintf(c->founded, sizeof c->founded, "%d-03-05", 2000 + i % 20);
        c->members = 7 + i;
        c->compliant = i % 8 != 0;
        c->profitable = i % 4 == 0 ? 1 : 0;
        c->status = i == DISSOLVED ? HTX_DISSOLVED : HTX_ACTIVE;
        if (i == POTTERY) {
            htx_report r;
            htx_report_init(&r);
            htx_coop_set(c, "notes", "Dòng một của ghi chú\nDòng hai của ghi chú", &r);
            htx_coop_set(c, "representative", "Nguyễn Thị Hoa", &r);
            assert_int_equal(r.errors, 0);
        }
        assert_int_equal(htx_coop_insert(f->store, c, "kiemthu", &err), HTX_OK);
        f->ids[i] = c->id;
    }
    free(c);
    assert_int_equal(htx_membership_add(f->store, f->ids[POTTERY], "plastic", HTX_ROLE_CHAIR, "2019-03-05",
                                        "kiemthu", &err),
                     HTX_OK);
    assert_int_equal(htx_membership_add(f->store, f->ids[2], "plastic", HTX_ROLE_MEMBER, "2020-01-02", "kiemthu", &err),
                     HTX_OK);
    assert_int_equal(htx_membership_add(f->store, f->ids[3], "plastic", HTX_ROLE_VICE_CHAIR, "", "kiemthu", &err),
                     HTX_OK);
    assert_int_equal(htx_membership_add(f->store, f->ids[4], "trade", HTX_ROLE_MEMBER, "2021-04-05", "kiemthu", &err),
                     HTX_OK);
}

static fixture *open_fixture(htx_lang lang)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    test_temp_path(f->dir, f->path, "htx.db");
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_CREATE_NEW, &f->store, &err), HTX_OK);
    insert_register(f);
    app_init(&f->app, f->store, lang, f->path);
    assert_true(app_push(&f->app, view_main_new(&f->app, NULL)));
    assert_true(canvas_init(&f->canvas, 80, 24));
    return f;
}

static int setup_vi(void **state)
{
    *state = open_fixture(HTX_LANG_VI);
    return 0;
}

static int setup_en(void **state)
{
    *state = open_fixture(HTX_LANG_EN);
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    app_free(&f->app);
    canvas_free(&f->canvas);
    free(f->screen);
    htx_store_close(f->store);
    test_remove_db(f->dir, f->path);
    free(f);
    return 0;
}

/* ---- driving the screen ------------------------------------------------------ */

static const char *render(fixture *f)
{
    free(f->screen);
    app_render(&f->app, &f->canvas);
    f->screen = canvas_dump(&f->canvas);
    assert_non_null(f->screen);
    return f->screen;
}

static void press(fixture *f, int key)
{
    tui_event e = {.type = EV_KEY, .key = key};
    app_dispatch(&f->app, &e);
    render(f); /* as the loop does: every key is followed by a drawing */
}

static void wheel(fixture *f, tui_mouse_button button)
{
    tui_event e = {.type = EV_MOUSE, .button = button, .x = 40, .y = 10};
    app_dispatch(&f->app, &e);
    render(f);
}

static void click(fixture *f, int x, int y, tui_mouse_button button)
{
    tui_event e = {.type = EV_MOUSE, .button = button, .x = x, .y = y};
    app_dispatch(&f->app, &e);
    render(f);
}

static void type(fixture *f, const char *text)
{
    while (*text) {
        int32_t cp;
        text += htx_utf8_decode(text, &cp);
        press(f, cp);
    }
}

static void resize(fixture *f, int width, int height)
{
    assert_true(canvas_resize(&f->canvas, width, height));
    tui_event e = {.type = EV_RESIZE};
    app_dispatch(&f->app, &e);
    render(f);
}

/* Row y of the last rendering (malloc'd). */
static char *screen_row(const fixture *f, int y)
{
    const char *line = f->screen;
    for (int i = 0; i < y && line; i++) {
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    assert_non_null(line);
    const char *end = strchr(line, '\n');
    return strndup(line, end ? (size_t)(end - line) : strlen(line));
}

static char *status_line(const fixture *f)
{
    return screen_row(f, f->canvas.height - 2);
}

/* The first row holding text, or NULL. */
static char *row_with(const fixture *f, const char *text)
{
    for (int y = 0; y < f->canvas.height; y++) {
        char *row = screen_row(f, y);
        if (strstr(row, text))
            return row;
        free(row);
    }
    return NULL;
}

static void show_screen_and_fail(const fixture *f, const char *what, const char *text)
{
    /* cmocka's own printing cuts long texts */
    fprintf(stderr, "%s \"%s\" on this screen:\n%s\n", what, text, f->screen);
    fail();
}

static void assert_on_screen(const fixture *f, const char *text)
{
    if (!strstr(f->screen, text))
        show_screen_and_fail(f, "expected", text);
}

static void assert_not_on_screen(const fixture *f, const char *text)
{
    if (strstr(f->screen, text))
        show_screen_and_fail(f, "did not expect", text);
}

static void assert_status_starts(const fixture *f, const char *prefix)
{
    char *status = status_line(f);
    const char *text = status + strspn(status, " ");
    if (strncmp(text, prefix, strlen(prefix)) != 0) {
        free(status);
        show_screen_and_fail(f, "expected the status line to start with", prefix);
    }
    free(status);
}

static void assert_status_has(const fixture *f, const char *part)
{
    char *status = status_line(f);
    bool found = strstr(status, part) != NULL;
    free(status);
    if (!found)
        show_screen_and_fail(f, "expected the status line to hold", part);
}

/* Both texts on one row. */
static void assert_row_has(const fixture *f, const char *first, const char *second)
{
    char *row = row_with(f, first);
    bool found = row && strstr(row, second);
    free(row);
    if (!found)
        show_screen_and_fail(f, "expected beside it", second);
}

/* The display column where text starts on its row, or -1. */
static int column_of(const fixture *f, const char *text)
{
    char *row = row_with(f, text);
    if (!row)
        return -1;
    *strstr(row, text) = '\0';
    int column = (int)htx_text_width(row);
    free(row);
    return column;
}

/* Valid UTF-8, no control character but newlines, no row wider than the canvas. */
static void assert_screen_clean(const fixture *f)
{
    const char *s = f->screen;
    assert_int_equal(htx_utf8_invalid_at(s, strlen(s)), -1);
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\n')
            show_screen_and_fail(f, "a control character in", "the dump");
    for (int y = 0; y < f->canvas.height; y++) {
        char *row = screen_row(f, y);
        assert_true((int)htx_text_width(row) <= f->canvas.width);
        free(row);
    }
}

/* From the district panel into the list. */
static void focus_list(fixture *f)
{
    press(f, TK_TAB);
}

static void search_for(fixture *f, const char *text)
{
    focus_list(f);
    press(f, '/');
    type(f, text);
    press(f, TK_ENTER);
}

/* ---- the main screen ---------------------------------------------------------- */

static void main_screen_shows_districts_and_counts(void **state)
{
    fixture *f = *state;
    render(f);
    assert_on_screen(f, "Liên minh HTX TP Hà Nội");
    assert_row_has(f, "Tất cả", "40");
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
    press(f, 's');
    assert_status_has(f, "Xếp theo: Quận/Huyện");
    press(f, TK_ESCAPE);
    assert_status_starts(f, "Các câu lạc bộ · 3/5");
    /* F7 again closes the clubs */
    press(f, TK_F7);
    assert_on_screen(f, "Tất cả");
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

/* A stand-in for lp: answers as CUPS does, so the dialog's two outcomes can be seen. */
static void write_fake_lp(const char *path, const char *answer, int status)
{
    FILE *script = fopen(path, "w");
    assert_non_null(script);
    fprintf(script, "#!/bin/sh\necho '%s'\nexit %d\n", answer, status);
    fclose(script);
    assert_int_equal(chmod(path, 0755), 0);
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

static void print_dialog_prints_or_saves(void **state)
{
    fixture *f = *state;
    char lp[160], saved[200];
    snprintf(lp, sizeof lp, "%s/fake-lp", f->dir);
    press(f, TK_F7);
    press(f, TK_DOWN);
    press(f, TK_DOWN);
    press(f, TK_ENTER);
    press(f, TK_F9);
    assert_on_screen(f, "In danh sách thành viên");
    assert_on_screen(f, "Máy in");
    press(f, TK_TAB);
    assert_on_screen(f, "(máy in mặc định)");
    press(f, TK_RIGHT); /* two copies */
    assert_on_screen(f, "◂ 2 ▸");

    write_fake_lp(lp, "request id is Fake-7 (1 file(s))", 0);
    setenv("HTX_LP", lp, 1);
    f->app.redraw_now = note_working;
    f->app.redraw_ctx = f;
    working_screens = 0;
    press(f, TK_ENTER);
    assert_int_equal(working_screens, 1); /* said before the work, not after */
    assert_on_screen(f, "Đã gửi lệnh in Fake-7: 1 trang × 2 bản");
    f->app.redraw_now = NULL;

    /* no printer: told so, and a file name is ready in the home directory */
    write_fake_lp(lp, "lp: Error - No default destination.", 1);
    setenv("HOME", f->dir, 1);
    press(f, TK_ENTER);
    assert_on_screen(f, "Chưa có máy in nào");
    snprintf(saved, sizeof saved, "%s/danh-sach-plastic-", f->dir);
    press(f, TK_ENTER);
    assert_on_screen(f, "Đã lưu 3 thành viên vào");
    unsetenv("HTX_LP");

    /* the saved PDF is there; remove it so the directory can go */
    char command[700];
    snprintf(command, sizeof command, "head -c 4 %s*.pdf | grep -q '%%PDF' && rm -f %s*.pdf %s", saved, saved, lp);
    assert_int_equal(system(command), 0);
    press(f, TK_ESCAPE);
    assert_status_starts(f, "CLB Nhựa Hà Nội");
}

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
    assert_on_screen(f, "(trên số HTX chưa giải thể: 39)");
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
    int64_t base = 0, compliant = 0, profitable = 0;
    htx_error err;
    assert_int_equal(htx_query_targets(f->store, &base, &compliant, &profitable, &err), HTX_OK);
    assert_int_equal(base, 39);
    assert_int_equal(compliant, 34);
    assert_int_equal(profitable, 10);
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
    assert_row_has(f, "F1, ?", "Trợ giúp: các phím");
    assert_row_has(f, "F10, q", "Thoát");
    assert_screen_clean(f);
    press(f, TK_END);
    assert_row_has(f, "Esc, Backspace, ←", "Quay lại");
    assert_on_screen(f, "Tìm kiếm không cần dấu");
    assert_on_screen(f, "Esc 1 = F1");
    /* q closes the help, not the program */
    press(f, 'q');
    assert_false(f->app.quit);
    assert_on_screen(f, "Tất cả");
    press(f, TK_F1);
    press(f, TK_F1);
    assert_on_screen(f, "Tất cả");
    press(f, '?');
    press(f, TK_ESCAPE);
    assert_on_screen(f, "Tất cả");
    assert_false(f->app.quit);
}

/* ---- English --------------------------------------------------------------------------- */

static void english_catalog(void **state)
{
    fixture *f = *state;
    render(f);
    assert_on_screen(f, "Hanoi City Cooperative Alliance");
    assert_row_has(f, " All ", "40"); /* not "Alliance" */
    assert_on_screen(f, "Districts");
    press(f, TK_F1);
    assert_status_starts(f, "Help");
    assert_row_has(f, "F10, q", "Quit");
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
    assert_row_has(f, "Tất cả", "1.234");
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
        cmocka_unit_test_setup_teardown(clubs_and_roster, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(empty_club_roster, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(print_dialog_prints_or_saves, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(stats_show_counts_and_targets, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(targets_from_core, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(help_lists_the_bindings, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(mouse_clicks_bar_and_rows, setup_vi, teardown),
        cmocka_unit_test_setup_teardown(english_catalog, setup_en, teardown),
        cmocka_unit_test_setup_teardown(positions_use_thousands_dots, setup_vi, teardown),
        cmocka_unit_test(stats_on_the_demo_register),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
