/* The fixture of the view tests (view_fixture.h). */
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
#include "global_actions.h"
#include "membership.h"
#include "query.h"
#include "registry.h"
#include "test_support.h"
#include "text.h"
#include "ui_text.h"
#include "view.h"
#include "view_fixture.h"
#include "views.h"

static const char *const districts[] = {"Ba Đình", "Hoàn Kiếm", "Gia Lâm", "Đông Anh", "Sóc Sơn"};

/* Long names, so that the list has to crop them. */
void coop_name(int i, char *out, size_t size)
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

const char *sector_of(int i)
{
    return i % 3 == 0 || i == POTTERY ? "industry" : i % 3 == 1 ? "trade" : "transport";
}

void insert_register(fixture *f)
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

/* The register is built once per test program and copied for each test:
 * every record is committed durably, which takes long on some disks. */
static struct {
    char dir[64];
    char path[128];
    int64_t ids[COOP_COUNT];
    char codes[COOP_COUNT][16];
    bool built;
} built_register;

static void remove_built_register(void)
{
    test_remove_db(built_register.dir, built_register.path);
}

static void build_register(void)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    test_temp_path(built_register.dir, built_register.path, "htx.db");
    htx_error err;
    assert_int_equal(htx_store_open(built_register.path, HTX_OPEN_CREATE_NEW, &f->store, &err), HTX_OK);
    insert_register(f);
    htx_store_close(f->store); /* the last connection: the WAL is folded into the file */
    memcpy(built_register.ids, f->ids, sizeof f->ids);
    memcpy(built_register.codes, f->codes, sizeof f->codes);
    free(f);
    built_register.built = true;
    atexit(remove_built_register);
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, in)) > 0)
        assert_int_equal(fwrite(buffer, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

htx_status two_printers(htx_printer_list *list, htx_error *err)
{
    (void)err;
    memset(list, 0, sizeof *list);
    list->items = calloc(2, sizeof *list->items);
    assert_non_null(list->items);
    snprintf(list->items[0].name, sizeof list->items[0].name, "%s", OTHER_PRINTER);
    snprintf(list->items[0].description, sizeof list->items[0].description, "Máy in phòng Kế toán");
    snprintf(list->items[1].name, sizeof list->items[1].name, "%s", DEFAULT_PRINTER);
    list->items[1].is_default = true;
    list->count = 2;
    list->default_index = 1;
    return HTX_OK;
}

htx_status no_print_service(htx_printer_list *list, htx_error *err)
{
    memset(list, 0, sizeof *list);
    list->default_index = -1;
    return htx_fail(err, HTX_ERR_IO, MSG_PRINT_NO_SCHEDULER, NULL, "/run/cups/cups.sock", NULL);
}

fixture *open_fixture(htx_lang lang)
{
    if (!built_register.built)
        build_register();
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    test_temp_path(f->dir, f->path, "htx.db");
    copy_file(built_register.path, f->path);
    memcpy(f->ids, built_register.ids, sizeof f->ids);
    memcpy(f->codes, built_register.codes, sizeof f->codes);
    htx_error err;
    assert_int_equal(htx_store_open(f->path, HTX_OPEN_EXISTING, &f->store, &err), HTX_OK);
    app_init(&f->app, f->store, lang, f->path);
    f->app.global_action = global_action_carry_out;
    f->app.list_printers = two_printers;
    assert_true(app_push(&f->app, view_main_new(&f->app, NULL, NULL)));
    assert_true(canvas_init(&f->canvas, 80, 24));
    return f;
}

int setup_vi(void **state)
{
    *state = open_fixture(HTX_LANG_VI);
    return 0;
}

int setup_en(void **state)
{
    *state = open_fixture(HTX_LANG_EN);
    return 0;
}

int teardown(void **state)
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

const char *render(fixture *f)
{
    free(f->screen);
    app_render(&f->app, &f->canvas);
    f->screen = canvas_dump(&f->canvas);
    assert_non_null(f->screen);
    return f->screen;
}

void press(fixture *f, int key)
{
    tui_event e = {.type = EV_KEY, .key = key};
    app_dispatch(&f->app, &e);
    render(f); /* as the loop does: every key is followed by a drawing */
}

void wheel(fixture *f, tui_mouse_button button)
{
    tui_event e = {.type = EV_MOUSE, .button = button, .x = 40, .y = 10};
    app_dispatch(&f->app, &e);
    render(f);
}

void click(fixture *f, int x, int y, tui_mouse_button button)
{
    tui_event e = {.type = EV_MOUSE, .button = button, .x = x, .y = y};
    app_dispatch(&f->app, &e);
    render(f);
}

void type(fixture *f, const char *text)
{
    while (*text) {
        int32_t cp;
        text += htx_utf8_decode(text, &cp);
        press(f, cp);
    }
}

void resize(fixture *f, int width, int height)
{
    assert_true(canvas_resize(&f->canvas, width, height));
    tui_event e = {.type = EV_RESIZE};
    app_dispatch(&f->app, &e);
    render(f);
}

/* Row y of the last rendering (malloc'd). */
char *screen_row(const fixture *f, int y)
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

char *status_line(const fixture *f)
{
    return screen_row(f, f->canvas.height - 2);
}

/* The first row holding text, or NULL. */
char *row_with(const fixture *f, const char *text)
{
    for (int y = 0; y < f->canvas.height; y++) {
        char *row = screen_row(f, y);
        if (strstr(row, text))
            return row;
        free(row);
    }
    return NULL;
}

void show_screen_and_fail(const fixture *f, const char *what, const char *text)
{
    /* cmocka's own printing cuts long texts */
    fprintf(stderr, "%s \"%s\" on this screen:\n%s\n", what, text, f->screen);
    fail();
}

void assert_on_screen(const fixture *f, const char *text)
{
    if (!strstr(f->screen, text))
        show_screen_and_fail(f, "expected", text);
}

void assert_not_on_screen(const fixture *f, const char *text)
{
    if (strstr(f->screen, text))
        show_screen_and_fail(f, "did not expect", text);
}

void assert_status_starts(const fixture *f, const char *prefix)
{
    char *status = status_line(f);
    const char *text = status + strspn(status, " ");
    if (strncmp(text, prefix, strlen(prefix)) != 0) {
        free(status);
        show_screen_and_fail(f, "expected the status line to start with", prefix);
    }
    free(status);
}

void assert_status_has(const fixture *f, const char *part)
{
    char *status = status_line(f);
    bool found = strstr(status, part) != NULL;
    free(status);
    if (!found)
        show_screen_and_fail(f, "expected the status line to hold", part);
}

/* Both texts on one row. */
void assert_row_has(const fixture *f, const char *first, const char *second)
{
    char *row = row_with(f, first);
    bool found = row && strstr(row, second);
    free(row);
    if (!found)
        show_screen_and_fail(f, "expected beside it", second);
}

/* The display column where text starts on its row, or -1. */
int column_of(const fixture *f, const char *text)
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
void assert_screen_clean(const fixture *f)
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
void focus_list(fixture *f)
{
    press(f, TK_TAB);
}

void search_for(fixture *f, const char *text)
{
    focus_list(f);
    press(f, '/');
    type(f, text);
    press(f, TK_ENTER);
}
