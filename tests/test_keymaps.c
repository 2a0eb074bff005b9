/*
 * Every screen's keys: each screen is reached as staff reach it, then its
 * keymap (with the global actions it lets through) must bind no key twice,
 * its function bar must show exactly its actions that have a bar label,
 * each with the key that reaches it there, and every action it offers must
 * be answered when its key is pressed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "keys.h"
#include "test_support.h"
#include "text.h"
#include "view.h"
#include "view_fixture.h"

static const char *const action_names[ACT_COUNT] = {
    [ACT_NONE] = "ACT_NONE",
#define ACTION(id, ...) [id] = #id,
#include "actions.def"
#undef ACTION
};

/* ---- the screens ------------------------------------------------------------------ */

static void press_all(fixture *f, const int *keys)
{
    for (; *keys; keys++)
        press(f, *keys);
}

static void reach_main(fixture *f)
{
    render(f);
}

static void reach_search(fixture *f)
{
    press(f, '/');
}

static void reach_roster(fixture *f);

static void reach_search_in_a_district(fixture *f)
{
    press_all(f, (const int[]){TK_DOWN, TK_F3, 0});
}

static void reach_district_being_found(fixture *f)
{
    press(f, 'b'); /* Ba Đình */
}

static void reach_club_being_found(fixture *f)
{
    press_all(f, (const int[]){TK_F7, 'n', 0});
}

static void reach_member_being_found(fixture *f)
{
    reach_roster(f);
    press(f, 'h');
}

static void reach_detail(fixture *f)
{
    press_all(f, (const int[]){TK_TAB, TK_ENTER, 0});
}

static void reach_clubs(fixture *f)
{
    press(f, TK_F7);
}

static void reach_roster(fixture *f)
{
    press_all(f, (const int[]){TK_F7, TK_DOWN, TK_DOWN, TK_ENTER, 0}); /* the plastics club: 3 members */
}

static void reach_stats(fixture *f)
{
    press(f, TK_F8);
}

static void reach_help(fixture *f)
{
    press(f, TK_F1);
}

static void reach_help_of_detail(fixture *f)
{
    reach_detail(f);
    press(f, TK_F1);
}

static void reach_new_form(fixture *f)
{
    press(f, TK_F2);
}

static void reach_edit_form(fixture *f)
{
    press_all(f, (const int[]){TK_TAB, TK_F5, 0});
}

static void reach_help_of_form(fixture *f)
{
    press_all(f, (const int[]){TK_F2, TK_F1, 0});
}

static void reach_sort_list(fixture *f)
{
    press(f, TK_F6);
}

static void reach_filter_list(fixture *f)
{
    press(f, TK_F4);
}

static void reach_district_list(fixture *f)
{
    press_all(f, (const int[]){TK_F2, TK_TAB, TK_ENTER, 0}); /* from the name to the district */
}

static void reach_discard_question(fixture *f)
{
    press_all(f, (const int[]){TK_F2, 'x', TK_ESCAPE, 0});
}

static void reach_delete_question(fixture *f)
{
    press_all(f, (const int[]){TK_TAB, TK_F5, TK_F8, 0});
}

static void reach_find(fixture *f)
{
    reach_roster(f);
    press(f, TK_F2);
}

static void reach_joining(fixture *f)
{
    press_all(f, (const int[]){TK_TAB, TK_ENTER, 'm', 0});
}

static void reach_leaving(fixture *f)
{
    search_for(f, "bat trang"); /* a member of the plastics club */
    press_all(f, (const int[]){TK_ENTER, 'x', 0});
}

static void reach_print_printer(fixture *f)
{
    reach_roster(f);
    press(f, TK_F9);
}

static void reach_print_copies(fixture *f)
{
    reach_print_printer(f);
    press(f, TK_TAB);
}

static void reach_print_list(fixture *f)
{
    press(f, TK_F9);
}

static void reach_print_file(fixture *f)
{
    reach_print_list(f);
    press_all(f, (const int[]){TK_TAB, TK_TAB, 0});
}

static void reach_import_path(fixture *f)
{
    press(f, TK_CTRL_O);
}

static void reach_import_choice(fixture *f)
{
    press_all(f, (const int[]){TK_CTRL_O, TK_DOWN, 0});
}

static void reach_help_of_import(fixture *f)
{
    press_all(f, (const int[]){TK_CTRL_O, TK_F1, 0});
}

/* The import screen with a file read, ready to import it. */
static void reach_import_preview(fixture *f)
{
    char file[200];
    snprintf(file, sizeof file, "%s/import.csv", f->dir);
    FILE *out = fopen(file, "w");
    assert_non_null(out);
    fputs("code,name,district,sector\n0100233488,HTX Một,Ba Đình,trade\n", out);
    fclose(out);
    press_all(f, (const int[]){TK_CTRL_O, TK_CTRL_U, 0});
    type(f, file);
    press(f, TK_ENTER);
}

static void reach_import_preview_choice(fixture *f)
{
    reach_import_preview(f);
    press(f, TK_DOWN);
}

static void reach_settings(fixture *f)
{
    reach_clubs(f);
    press(f, TK_F4);
}

static void reach_setting_being_typed(fixture *f)
{
    reach_settings(f);
    press(f, TK_ENTER);
}

typedef struct screen {
    const char *name;
    void (*reach)(fixture *f);
} screen;

static const screen screens[] = {
    {"main", reach_main},
    {"main, a search being typed", reach_search},
    {"main, a search typed in one district", reach_search_in_a_district},
    {"main, a district being found by typing", reach_district_being_found},
    {"clubs, a club being found by typing", reach_club_being_found},
    {"roster, a member being found by typing", reach_member_being_found},
    {"detail", reach_detail},
    {"clubs", reach_clubs},
    {"roster", reach_roster},
    {"document settings", reach_settings},
    {"document settings, a value being typed", reach_setting_being_typed},
    {"statistics", reach_stats},
    {"help of the main screen", reach_help},
    {"help of the detail", reach_help_of_detail},
    {"registration form", reach_new_form},
    {"edit form", reach_edit_form},
    {"help of a form", reach_help_of_form},
    {"sort list", reach_sort_list},
    {"filter list", reach_filter_list},
    {"a form's pick list", reach_district_list},
    {"question: discard the typing", reach_discard_question},
    {"question: delete", reach_delete_question},
    {"finding a cooperative for a club", reach_find},
    {"membership: joining", reach_joining},
    {"membership: leaving", reach_leaving},
    {"print dialog: the printer", reach_print_printer},
    {"print dialog: the copies", reach_print_copies},
    {"print dialog of the main list: the printer", reach_print_list},
    {"print dialog of the main list: the file", reach_print_file},
    {"import: the path", reach_import_path},
    {"import: a choice", reach_import_choice},
    {"import: the file read, on the path", reach_import_preview},
    {"import: the file read, on a choice", reach_import_preview_choice},
    {"help of the import screen", reach_help_of_import},
};
#define SCREEN_COUNT ((int)(sizeof screens / sizeof screens[0]))

/* The fixture on a screen, wide enough for every bar. */
static fixture *open_on(const screen *s)
{
    fixture *f = open_fixture(HTX_LANG_VI);
    resize(f, 200, 40);
    s->reach(f);
    assert_non_null(app_top(&f->app));
    return f;
}

static void close_fixture(fixture *f)
{
    void *state = f;
    teardown(&state);
}

/* ---- the checks -------------------------------------------------------------------- */

static void key_name(int key, char *out, int size)
{
    tui_key_name(key, out, size);
    if (strcmp(out, "?") == 0 && key != '?')
        snprintf(out, (size_t)size, "0x%x", key);
}

/* The keys that reach two actions on a screen, and the actions offered
 * twice, each told on stderr with the screen's name. */
static int clashes(const char *name, const tui_keymap *keymap)
{
    tui_offer offers[TUI_MAX_OFFERS];
    int count = tui_keymap_offers(keymap, offers, TUI_MAX_OFFERS);
    int found = 0;
    for (int i = 0; i < count; i++)
        for (int j = i + 1; j < count; j++) {
            if (offers[i].action == offers[j].action) {
                fprintf(stderr, "%s: %s is offered twice\n", name, action_names[offers[i].action]);
                found++;
            }
            for (int a = 0; a < TUI_MAX_KEYS && offers[i].keys[a]; a++)
                for (int b = 0; b < TUI_MAX_KEYS && offers[j].keys[b]; b++)
                    if (offers[i].keys[a] == offers[j].keys[b]) {
                        char key[16];
                        key_name(offers[i].keys[a], key, sizeof key);
                        fprintf(stderr, "%s: %s is bound to %s and to %s\n", name, key,
                                action_names[offers[i].action], action_names[offers[j].action]);
                        found++;
                    }
        }
    return found;
}

/* The bar as drawn: each key (in the bar's key style) with its label. */
typedef struct bar_entry {
    char key[32];
    char label[96];
} bar_entry;

static int read_bar(const fixture *f, bar_entry *out, int max)
{
    int y = f->canvas.height - 1, n = 0;
    for (int x = 0; x < f->canvas.width && n < max;) {
        const tui_cell *cell = canvas_cell(&f->canvas, y, x);
        if (cell->style != STYLE_BAR_KEY) {
            x++;
            continue;
        }
        bar_entry *e = &out[n++];
        e->key[0] = e->label[0] = '\0';
        for (; x < f->canvas.width && canvas_cell(&f->canvas, y, x)->style == STYLE_BAR_KEY; x++)
            strncat(e->key, canvas_cell(&f->canvas, y, x)->text, sizeof e->key - strlen(e->key) - 1);
        for (; x < f->canvas.width && canvas_cell(&f->canvas, y, x)->style == STYLE_BAR_LABEL; x++)
            strncat(e->label, canvas_cell(&f->canvas, y, x)->text, sizeof e->label - strlen(e->label) - 1);
        /* the space between entries is in the label style */
        for (size_t l = strlen(e->label); l > 0 && e->label[l - 1] == ' '; l--)
            e->label[l - 1] = '\0';
    }
    return n;
}

/* The bar shows each offered action that has a label, in the order of the
 * offers, with the key shown being one that reaches the action here; and
 * nothing else. */
static void check_bar(const char *name, const fixture *f, const tui_view *view, const tui_keymap *keymap)
{
    tui_offer offers[TUI_MAX_OFFERS];
    int count = tui_keymap_offers(keymap, offers, TUI_MAX_OFFERS);
    bar_entry bar[TUI_MAX_OFFERS];
    int shown = read_bar(f, bar, TUI_MAX_OFFERS);
    int next = 0;
    for (int i = 0; i < count; i++) {
        const tui_binding *b = tui_binding_of(offers[i].action);
        if (b->bar == UI_NONE)
            continue;
        char key[16];
        key_name(offers[i].keys[0], key, sizeof key);
        /* a view may name what the action does now (a question's answer) */
        const char *own = view->ops->bar_label ? view->ops->bar_label(view, offers[i].action, false) : NULL;
        const char *label = own ? own : ui_text(b->bar, HTX_LANG_VI);
        if (next >= shown || strcmp(bar[next].key, key) != 0 || strcmp(bar[next].label, label) != 0) {
            fprintf(stderr, "%s: expected \"%s %s\" (%s) as bar entry %d\n", name, key, label,
                    action_names[offers[i].action], next + 1);
            show_screen_and_fail(f, "expected in the bar", label);
        }
        next++;
    }
    if (next != shown) {
        fprintf(stderr, "%s: the bar shows \"%s %s\", which the screen does not offer\n", name, bar[next].key,
                bar[next].label);
        show_screen_and_fail(f, "did not expect in the bar", bar[next].label);
    }
}

static void every_screen_binds_each_key_once_and_bars_what_it_offers(void **state)
{
    (void)state;
    bool offered[ACT_COUNT] = {false};
    for (int s = 0; s < SCREEN_COUNT; s++) {
        fixture *f = open_on(&screens[s]);
        const tui_keymap *keymap = app_view_keymap(app_top(&f->app));
        assert_non_null(keymap);
        if (clashes(screens[s].name, keymap) > 0)
            fail_msg("a key bound twice on the screen \"%s\"", screens[s].name);
        check_bar(screens[s].name, f, app_top(&f->app), keymap);
        tui_offer offers[TUI_MAX_OFFERS];
        int count = tui_keymap_offers(keymap, offers, TUI_MAX_OFFERS);
        assert_true(count > 0);
        assert_true(count < TUI_MAX_OFFERS); /* none left out of the bar and the help */
        for (int i = 0; i < count; i++)
            offered[offers[i].action] = true;
        close_fixture(f);
    }
    /* the screens above are all there are: every action is offered somewhere */
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        if (!offered[a])
            fail_msg("%s is offered on none of the screens tested", action_names[a]);
}

/* Every action a screen offers is answered there: by the screen itself or
 * by the global actions (a fresh register each time: actions change it). */
static void every_offered_action_is_answered(void **state)
{
    (void)state;
    setenv("HTX_LP", "/bin/true", 1); /* the print dialog's F9 must not reach a real printer */
    for (int s = 0; s < SCREEN_COUNT; s++) {
        fixture *f = open_on(&screens[s]);
        tui_offer offers[TUI_MAX_OFFERS];
        int count = tui_keymap_offers(app_view_keymap(app_top(&f->app)), offers, TUI_MAX_OFFERS);
        close_fixture(f);
        for (int i = 0; i < count; i++) {
            f = open_on(&screens[s]);
            tui_event e = {.type = EV_KEY, .key = offers[i].keys[0]};
            if (!app_dispatch(&f->app, &e))
                fail_msg("%s: %s is offered but not answered", screens[s].name, action_names[offers[i].action]);
            render(f);
            close_fixture(f);
        }
    }
    unsetenv("HTX_LP");
}

/* The check itself finds a key bound twice (F2: add, and save). */
static void a_key_bound_twice_is_found(void **state)
{
    (void)state;
    static const tui_action own[] = {ACT_ADD, ACT_SAVE, ACT_NONE};
    static const tui_keymap clashing = {.actions = own};
    assert_int_equal(clashes("a keymap made to clash", &clashing), 1);
    /* a global action's keys count too: Space is the next choice, and here
     * it also turns the page */
    static const tui_action choice[] = {ACT_NEXT_CHOICE, ACT_NONE};
    static const tui_action page[] = {ACT_PAGE_DOWN, ACT_NONE};
    static const tui_keymap space_twice = {.actions = choice, .globals = page};
    assert_int_equal(clashes("a keymap made to clash", &space_twice), 1);
    /* unless the global action reaches the screen by special keys alone */
    static const tui_keymap space_once = {.actions = choice, .globals_by_special_keys = page};
    assert_int_equal(clashes("a choice's keymap", &space_once), 0);
    static const tui_action sort[] = {ACT_SORT, ACT_NONE};
    static const tui_action sort_roster[] = {ACT_SORT_ROSTER, ACT_NONE};
    static const tui_keymap sort_twice = {.actions = sort, .globals = sort_roster};
    assert_int_equal(clashes("a keymap made to clash", &sort_twice), 1); /* F6 */
}

/* ---- the bars the staff read --------------------------------------------------------- */

static void assert_bar(fixture *f, const char *expected)
{
    char *bar = screen_row(f, f->canvas.height - 1);
    if (strcmp(bar, expected) != 0) {
        free(bar);
        show_screen_and_fail(f, "expected the bar to read", expected);
    }
    free(bar);
}

static void bars_read_as_the_glossary_says(void **state)
{
    (void)state;
    fixture *f = open_fixture(HTX_LANG_VI);
    render(f);
    /* the list in focus; with the panel in focus, Ctrl-X switches its places */
    press(f, TK_TAB);
    assert_bar(f, "F1Trợ giúp F2Thêm F3Tìm F4Lọc F5Sửa F6Sắp xếp F7CLB F8Thống kê F9In F10Thoát");
    press(f, TK_TAB);
    resize(f, 120, 40);
    assert_bar(f, "F1Trợ giúp F2Thêm F3Tìm F4Lọc F5Sửa F6Sắp xếp F7CLB F8Thống kê F9In F10Thoát Ctrl-XXã/phường");
    press(f, TK_CTRL_X);
    assert_bar(f, "F1Trợ giúp F2Thêm F3Tìm F4Lọc F5Sửa F6Sắp xếp F7CLB F8Thống kê F9In F10Thoát Ctrl-XTheo quận/huyện");
    press(f, TK_CTRL_X);
    assert_bar(f, "F1Trợ giúp F2Thêm F3Tìm F4Lọc F5Sửa F6Sắp xếp F7CLB F8Thống kê F9In F10Thoát Ctrl-XQuận/huyện");
    press(f, TK_CTRL_X);
    resize(f, 80, 24);
    press_all(f, (const int[]){TK_TAB, TK_ENTER, 0});
    assert_bar(f, "F1Trợ giúp F5Sửa F7CLB F8Thống kê F10Thoát mThêm vào CLB xRời CLB"); /* nothing to print here */
    press(f, TK_F5);
    assert_bar(f, "F1Trợ giúp F2Lưu F8Xóa EscHủy");
    press(f, TK_ESCAPE);
    press(f, TK_ESCAPE);
    press(f, TK_F2);
    assert_bar(f, "F1Trợ giúp F2Lưu EscHủy"); /* nothing to delete yet */
    close_fixture(f);
}

int main(void)
{
    setenv("TZ", "Asia/Ho_Chi_Minh", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_binds_each_key_once_and_bars_what_it_offers),
        cmocka_unit_test(every_offered_action_is_answered),
        cmocka_unit_test(a_key_bound_twice_is_found),
        cmocka_unit_test(bars_read_as_the_glossary_says),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
