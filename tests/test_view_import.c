/* The import screen, rendered into memory: path, detection, preview,
 * import, problems. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <xlsxwriter.h>

#include "global_actions.h"
#include "query.h"
#include "refdata.h"
#include "registry.h"
#include "test_support.h"
#include "text.h"
#include "view.h"
#include "views.h"

typedef struct fixture {
    char dir[64];
    char path[128];
    char file[160];
    htx_store *store;
    tui_app app;
    tui_canvas canvas;
    char *screen;
    int progress_screens; /* screens drawn mid-import showing the progress bar */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    test_temp_path(f->dir, f->path, "htx.db");
    snprintf(f->file, sizeof f->file, "%s/register.csv", f->dir);
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_CREATE_NEW, &f->store, &err), HTX_OK);
    app_init(&f->app, f->store, HTX_LANG_VI, f->path);
    f->app.global_action = global_action_carry_out;
    assert_true(app_push(&f->app, view_main_new(&f->app, NULL, NULL)));
    assert_true(canvas_init(&f->canvas, 100, 30));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    app_free(&f->app);
    canvas_free(&f->canvas);
    free(f->screen);
    htx_store_close(f->store);
    unlink(f->file);
    test_remove_db(f->dir, f->path);
    free(f);
    return 0;
}

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
    render(f);
}

/* What the event loop does when a long task asks for a redraw. */
static void redraw_now(tui_app *app, void *ctx)
{
    (void)app;
    fixture *f = ctx;
    if (strstr(render(f), "Đang nhập ["))
        f->progress_screens++;
}

static void type(fixture *f, const char *text)
{
    if (text[0] == '/')
        press(f, TK_CTRL_U); /* the screen starts in the working directory */
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n)
        press(f, cp);
}

static void write_file(const char *path, const char *bytes)
{
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fputs(bytes, out);
    fclose(out);
}

/* Writes bytes to the fixture's file, opens the import screen and reads it. */
static void open_in_screen(fixture *f, const char *bytes)
{
    write_file(f->file, bytes);
    press(f, TK_CTRL_O);
    assert_non_null(strstr(render(f), "Nhập từ tệp"));
    type(f, f->file);
    press(f, TK_ENTER);
}

static int64_t count(fixture *f)
{
    htx_filter filter;
    htx_filter_init(&filter);
    int64_t n = -1;
    htx_error err;
    assert_int_equal(htx_query_count(f->store, &filter, &n, &err), HTX_OK);
    return n;
}

/* A VNI-Windows file, written byte by byte from the chart. */
static void test_vni_file_is_detected_previewed_and_imported(void **state)
{
    fixture *f = *state;
    open_in_screen(f, "code,name,district,sector,Cot la\r\n"
                      "0100233488,HTX \xD1o\xE0ng Ta\xE2m,Thanh Tr\xEC,trade,x\r\n"
                      "0100109106,H\xF4\xEFp ta\xF9\x63 xa\xF5 Ba\xF9t Tra\xF8ng,Gia La\xE2m,industry,y\r\n");
    const char *screen = render(f);
    assert_non_null(strstr(screen, "tự nhận biết: vni"));
    assert_non_null(strstr(screen, "HTX Đồng Tâm"));
    assert_non_null(strstr(screen, "Hợp tác xã Bát Tràng"));
    assert_non_null(strstr(screen, "\"Cot la\""));
    assert_int_equal(count(f), 0);
    f->app.redraw_now = redraw_now;
    f->app.redraw_ctx = f;
    press(f, TK_ENTER);
    assert_true(f->progress_screens >= 2); /* at the start and at the end */
    assert_non_null(strstr(render(f), "Đã nhập 2 HTX: thêm 2, cập nhật 0; bỏ qua 0 HTX đã có"));
    assert_int_equal(count(f), 2);
    press(f, TK_ESCAPE);
    assert_null(strstr(render(f), "Nhập từ tệp"));
}

static void test_problems_are_listed_and_nothing_is_written(void **state)
{
    fixture *f = *state;
    open_in_screen(f, "Mã số;Tên HTX;Quận/Huyện;Ngành\n"
                      "0100233488;HTX Một;Quận 1;trade\n"
                      "0100233488;HTX Hai;Ba Đình;trade\n");
    press(f, TK_ENTER);
    const char *screen = render(f);
    assert_non_null(strstr(screen, "Không nhập gì"));
    assert_non_null(strstr(screen, "Dòng 2: Quận/Huyện: không có quận/huyện \"Quận 1\""));
    assert_non_null(strstr(screen, "Dòng 3: Mã số HTX: mã số 0100233488 đã có ở dòng 2"));
    assert_int_equal(count(f), 0);
}

static void test_missing_file(void **state)
{
    fixture *f = *state;
    press(f, TK_CTRL_O);
    type(f, "/nonexistent/register.csv");
    press(f, TK_ENTER);
    assert_non_null(strstr(render(f), "/nonexistent/register.csv"));
}

/* Detection guessed, the person knows better: the preview follows the
 * encoding chosen, and the import reads the file that way. */
static void test_encoding_chosen_by_hand(void **state)
{
    fixture *f = *state;
    /* "Đồng Tâm" in VISCII, a file too short to be told from CP1258 for sure. */
    open_in_screen(f, "code,name,district,sector\n"
                      "0100233488,HTX \xD0\xB0ng T\xE2m,Thanh Tr\xEC,trade\n");
    press(f, TK_DOWN); /* to the encoding */
    for (int step = 0; step < 4; step++) /* utf-8, utf-16, cp1258, viscii */
        press(f, TK_RIGHT);
    const char *screen = render(f);
    assert_non_null(strstr(screen, "viscii"));
    assert_null(strstr(screen, "tự nhận biết"));
    assert_non_null(strstr(screen, "HTX Đồng Tâm"));
    press(f, TK_ENTER);
    assert_non_null(strstr(render(f), "thêm 1"));
    htx_coop c;
    htx_error err;
    assert_int_equal(htx_coop_load(f->store, "0100233488", &c, &err), HTX_OK);
    assert_string_equal(c.name, "HTX Đồng Tâm");
}

/* Refused, then imported again leaving the invalid row out: the good row is
 * in, the bad one is in the rejects file beside the input with its reason. */
static void test_refused_then_invalid_rows_left_out(void **state)
{
    fixture *f = *state;
    open_in_screen(f, "Mã số;Tên HTX;Quận/Huyện;Ngành\n"
                      "0100233488;HTX Một;Ba Đình;trade\n"
                      "0100109106;HTX Hai;Quận 1;trade\n");
    for (int field = 0; field < 6; field++) /* to "Dòng có lỗi", past the encoding, sheet, header, district */
        press(f, TK_DOWN);
    press(f, TK_ENTER);
    assert_non_null(strstr(render(f), "Không nhập gì: 1 lỗi"));
    assert_int_equal(count(f), 0);
    press(f, TK_RIGHT);
    const char *screen = render(f);
    assert_non_null(strstr(screen, "bỏ qua, ghi vào"));
    assert_non_null(strstr(screen, "register.rejected.csv"));
    press(f, TK_ENTER);
    screen = render(f);
    assert_non_null(strstr(screen, "thêm 1"));
    assert_non_null(strstr(screen, "1 dòng bị loại"));
    assert_int_equal(count(f), 1);
    char rejects[200];
    snprintf(rejects, sizeof rejects, "%s/register.rejected.csv", f->dir);
    FILE *in = fopen(rejects, "rb");
    assert_non_null(in);
    char text[1024] = "";
    size_t n = fread(text, 1, sizeof text - 1, in);
    text[n] = '\0';
    fclose(in);
    unlink(rejects);
    assert_non_null(strstr(text, "HTX Hai"));
    assert_non_null(strstr(text, "Quận 1"));
    assert_null(strstr(text, "HTX Một"));
}

/* Tab completes the file name as a shell does; when several names match,
 * they are listed. */
static void test_tab_completes_the_path(void **state)
{
    fixture *f = *state;
    char other[200], typed[200];
    snprintf(other, sizeof other, "%s/danh sách năm 2024.csv", f->dir);
    write_file(f->file, "code,name,district,sector\n0100233488,HTX Một,Ba Đình,trade\n");
    write_file(other, "code,name,district,sector\n");
    press(f, TK_CTRL_O);
    snprintf(typed, sizeof typed, "%s/reg", f->dir);
    type(f, typed);
    press(f, TK_TAB);
    assert_non_null(strstr(render(f), "register.csv"));
    press(f, TK_ENTER);
    assert_non_null(strstr(render(f), "HTX Một"));
    /* A Vietnamese name, and a list when the start is shared. */
    snprintf(typed, sizeof typed, "%s/", f->dir);
    type(f, typed);
    press(f, TK_TAB);
    const char *screen = render(f);
    assert_non_null(strstr(screen, "danh sách năm 2024.csv  htx.db"));
    type(f, "d");
    press(f, TK_TAB);
    assert_non_null(strstr(render(f), "danh sách năm 2024.csv"));
    unlink(other);
}

/* A district office's workbook, written by libxlsxwriter: a merged title,
 * a blank row, an STT column, the headers offices use, no district column,
 * values as they write them, a date cell and a formula with its value. */
static void write_gia_lam_xlsx(const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    assert_non_null(wb);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Gia Lâm");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    worksheet_merge_range(ws, 0, 0, 0, 6, "DANH SÁCH HỢP TÁC XÃ HUYỆN GIA LÂM", NULL);
    static const char *const headers[] = {"STT", "MST", "Tên đơn vị", "Địa chỉ trụ sở", "Lĩnh vực",
                                          "Năm thành lập", "Vốn", "Ghi chú"};
    for (int c = 0; c < 8; c++)
        worksheet_write_string(ws, 2, (lxw_col_t)c, headers[c], NULL);
    worksheet_write_number(ws, 3, 0, 1, NULL);
    worksheet_write_string(ws, 3, 1, "0100233488", NULL);
    worksheet_write_string(ws, 3, 2, "HTX Một", NULL);
    worksheet_write_string(ws, 3, 3, "Xã Đa Tốn, huyện Gia Lâm", NULL);
    worksheet_write_string(ws, 3, 4, "Tiểu thủ công nghiệp", NULL);
    worksheet_write_number(ws, 3, 5, 2018, NULL);
    worksheet_write_string(ws, 3, 6, "500 triệu", NULL);
    worksheet_write_formula_num(ws, 4, 0, "=A4+1", NULL, 2);
    worksheet_write_string(ws, 4, 1, "0100109106", NULL);
    worksheet_write_string(ws, 4, 2, "HTX Hai", NULL);
    worksheet_write_string(ws, 4, 3, "Số 5 phố Huế", NULL);
    worksheet_write_string(ws, 4, 4, "thuong mai", NULL);
    lxw_datetime founded = {2019, 3, 5, 0, 0, 0};
    worksheet_write_datetime(ws, 4, 5, &founded, date);
    worksheet_write_formula_num(ws, 4, 6, "=1500*1000000", NULL, 1.5e9);
    worksheet_write_string(ws, 4, 7, "x", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_a_workbook_previewed_mapped_and_imported(void **state)
{
    fixture *f = *state;
    char path[200];
    snprintf(path, sizeof path, "%s/gia lam.xlsx", f->dir);
    write_gia_lam_xlsx(path);
    press(f, TK_CTRL_O);
    type(f, path);
    press(f, TK_ENTER);
    const char *screen = render(f);
    assert_non_null(strstr(screen, "bảng tính xlsx"));
    assert_non_null(strstr(screen, "Dòng tiêu đề: dòng 3; bỏ qua 1 dòng phía trên"));
    assert_non_null(strstr(screen, "STT → không nhập (số thứ tự)"));
    assert_non_null(strstr(screen, "Lĩnh vực → Ngành"));
    assert_non_null(strstr(screen, "Gia Lâm (theo địa chỉ)"));
    assert_non_null(strstr(screen, "thuong mai → Thương mại"));
    assert_non_null(strstr(screen, "Dòng 5: Quận/Huyện: không được để trống"));
    assert_null(strstr(screen, "\"STT\""));
    for (int field = 0; field < 4; field++) /* to the district of rows without one */
        press(f, TK_DOWN);
    press(f, TK_RIGHT);
    screen = render(f);
    char chosen[160];
    snprintf(chosen, sizeof chosen, "%s (đã chọn)", HTX_DISTRICTS[0].name);
    assert_non_null(strstr(screen, chosen));
    assert_null(strstr(screen, "Dòng 5:"));
    for (int field = 0; field < 6; field++) /* past the rules and three columns, to the address */
        press(f, TK_DOWN);
    press(f, TK_LEFT); /* the field before in the list */
    screen = render(f);
    assert_non_null(strstr(screen, "Địa chỉ trụ sở → Phường/Xã cũ"));
    for (int column = 3; column < 7; column++) /* to "Ghi chú" */
        press(f, TK_DOWN);
    press(f, TK_ENTER); /* its pick list */
    assert_non_null(strstr(render(f), "Cột \"Ghi chú\" ghi vào trường"));
    type(f, "khong nhap");
    press(f, TK_ENTER);
    screen = render(f);
    assert_non_null(strstr(screen, "Ghi chú → không nhập"));
    assert_null(strstr(screen, "ghi vào trường"));
    press(f, TK_DOWN); /* past the last column, back to the path */
    press(f, TK_ENTER);
    assert_non_null(strstr(render(f), "thêm 2"));
    htx_coop c;
    htx_error err;
    assert_int_equal(htx_coop_load(f->store, "0100233488", &c, &err), HTX_OK);
    assert_string_equal(c.district, HTX_DISTRICTS[0].code);
    assert_string_equal(c.ward, "Xã Đa Tốn, huyện Gia Lâm");
    assert_string_equal(c.address, "");
    assert_string_equal(c.founded, "2018-00-00");
    assert_int_equal(c.capital, 500000000);
    assert_string_equal(c.sector, "industry");
    assert_string_equal(c.notes, "");
    assert_int_equal(htx_coop_load(f->store, "0100109106", &c, &err), HTX_OK);
    assert_string_equal(c.founded, "2019-03-05");
    assert_int_equal(c.capital, 1500000000);
    /* The next file with the same headers is mapped the same way. */
    press(f, TK_ESCAPE);
    press(f, TK_CTRL_O);
    type(f, path);
    press(f, TK_ENTER);
    screen = render(f);
    assert_non_null(strstr(screen, "Các cột được ghép như lần nhập trước"));
    assert_non_null(strstr(screen, "Địa chỉ trụ sở → Phường/Xã cũ"));
    assert_non_null(strstr(screen, "Ghi chú → không nhập"));
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_vni_file_is_detected_previewed_and_imported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_problems_are_listed_and_nothing_is_written, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_encoding_chosen_by_hand, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused_then_invalid_rows_left_out, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tab_completes_the_path, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_workbook_previewed_mapped_and_imported, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
