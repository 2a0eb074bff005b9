/*
 * The document settings screen (F4 on the clubs screen): what every printed
 * list shows of its issuer and signatory (doc_settings.h), for the Alliance
 * and for each club, one row a setting.  Enter edits the chosen value on
 * the line below the list (Enter keeps it, Esc leaves it as it was; " | "
 * starts a new line of the value); F8 puts it back to its default.  What is
 * changed is saved at once and is what `htx config` shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "doc_settings.h"
#include "edit_keys.h"
#include "line_edit.h"
#include "refdata.h"
#include "scroll.h"
#include "ui_text.h"
#include "views.h"

#define MAX_SCOPES 16 /* the Alliance, then the clubs */
#define SCOPES (1 + (int)HTX_CLUB_COUNT < MAX_SCOPES ? 1 + (int)HTX_CLUB_COUNT : MAX_SCOPES)
#define ROWS (SCOPES * HTX_DSET_COUNT)
#define SCOPE_WIDTH 26
#define LABEL_WIDTH 18

typedef struct settings_view {
    tui_view base;
    htx_doc_settings scope[MAX_SCOPES];
    tui_scroll scroll;
    bool editing;
    line_edit edit;
} settings_view;

static const htx_club *club_of(int scope)
{
    return scope == 0 ? NULL : &HTX_CLUBS[scope - 1];
}

static bool load_all(settings_view *v, tui_app *app)
{
    htx_error err;
    for (int s = 0; s < SCOPES; s++)
        if (htx_doc_settings_load(app->store, club_of(s), &v->scope[s], &err) != HTX_OK) {
            app_notice_error(app, &err);
            return false;
        }
    return true;
}

static void scope_name(int scope, htx_lang lang, char *out, size_t size)
{
    snprintf(out, size, "%s", scope == 0 ? ui_text(UI_SETTINGS_ALLIANCE, lang) : htx_club_name(club_of(scope), lang));
}

static void settings_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    settings_view *v = (settings_view *)view;
    htx_lang lang = app->lang;
    int scope_width = a.width >= 100 ? SCOPE_WIDTH + 8 : a.width >= 80 ? SCOPE_WIDTH - 4 : 0;
    int value_x = a.x + 1 + scope_width + LABEL_WIDTH;
    int mark_width = (int)htx_text_width(ui_text(UI_SETTINGS_DEFAULT, lang)) + 1;
    int value_width = a.x + a.width - value_x - mark_width - 1;
    canvas_fill(c, a.y, a.x, 1, a.width, STYLE_HEADER);
    canvas_text(c, a.y, a.x + 1, a.width - 2, ui_text(UI_SETTINGS_HEADER, lang), STYLE_HEADER);
    int rows = a.height - 4; /* header above; the editing line and the hint below */
    tui_scroll_fit(&v->scroll, ROWS, rows);
    for (int r = 0; r < rows && v->scroll.top + r < ROWS; r++) {
        int i = v->scroll.top + r, scope = i / HTX_DSET_COUNT, which = i % HTX_DSET_COUNT;
        int y = a.y + 1 + r;
        bool chosen = i == v->scroll.cursor;
        tui_style style = chosen ? (v->editing ? STYLE_CURSOR_DIM : STYLE_CURSOR) : STYLE_NORMAL;
        canvas_fill(c, y, a.x, 1, a.width, style);
        char name[200];
        if (scope_width > 0 && (which == 0 || r == 0)) {
            scope_name(scope, lang, name, sizeof name);
            canvas_text(c, y, a.x + 1, scope_width - 1, name, style);
        }
        canvas_text(c, y, a.x + 1 + scope_width, LABEL_WIDTH - 1, htx_doc_setting_label((htx_doc_setting)which, lang),
                    style);
        const htx_doc_settings *s = &v->scope[scope];
        const char *value = s->value[which];
        if (!value[0])
            value = ui_text(scope > 0 && which == HTX_DSET_SIGNER ? UI_SETTINGS_CHAIR_SIGNS : UI_SETTINGS_EMPTY, lang);
        canvas_text(c, y, value_x, value_width, value, style);
        if (!s->set[which])
            canvas_text_right(c, y, a.x + a.width - mark_width - 1, mark_width, ui_text(UI_SETTINGS_DEFAULT, lang),
                              chosen ? style : STYLE_DIM);
    }
    int edit_y = a.y + a.height - 2;
    const int cursor = v->scroll.cursor;
    char line[HTX_DSET_VALUE_SIZE * 2 + 200];
    if (v->editing) {
        int cursor_col = 0;
        char shown[HTX_DSET_VALUE_SIZE * 2];
        int label = (int)strlen(htx_doc_setting_label((htx_doc_setting)(cursor % HTX_DSET_COUNT), lang));
        line_edit_view(&v->edit, a.width - label - 6, shown, sizeof shown, &cursor_col);
        snprintf(line, sizeof line, "%s: %s▏", htx_doc_setting_label((htx_doc_setting)(cursor % HTX_DSET_COUNT), lang),
                 shown);
        canvas_text_fill(c, edit_y, a.x, a.width, line, STYLE_INPUT);
    } else {
        snprintf(line, sizeof line, "%s", htx_doc_setting_hint((htx_doc_setting)(cursor % HTX_DSET_COUNT), lang));
        canvas_text(c, edit_y, a.x + 1, a.width - 2, line, STYLE_DIM);
    }
    canvas_text(c, a.y + a.height - 1, a.x + 1, a.width - 2,
                ui_text(v->editing ? UI_SETTINGS_HINT_EDITING : UI_SETTINGS_HINT, lang), STYLE_DIM);
}

static void start_editing(settings_view *v)
{
    int scope = v->scroll.cursor / HTX_DSET_COUNT, which = v->scroll.cursor % HTX_DSET_COUNT;
    line_edit_set(&v->edit, v->scope[scope].value[which]);
    line_edit_end(&v->edit);
    v->editing = true;
}

/* Saves value (NULL: the default) for the chosen row and reads the scope back. */
static void store_value(settings_view *v, tui_app *app, const char *value)
{
    int scope = v->scroll.cursor / HTX_DSET_COUNT, which = v->scroll.cursor % HTX_DSET_COUNT;
    htx_error err;
    if (htx_doc_setting_save(app->store, club_of(scope), (htx_doc_setting)which, value, &err) != HTX_OK) {
        app_notice_error(app, &err);
        return; /* the value typed stays in the editor, to be put right */
    }
    v->editing = false;
    if (htx_doc_settings_load(app->store, club_of(scope), &v->scope[scope], &err) != HTX_OK)
        app_notice_error(app, &err);
    else
        app_notice(app, ui_text(UI_SETTINGS_SAVED, app->lang));
}

static int settings_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    settings_view *v = (settings_view *)view;
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    if (v->editing) {
        switch (e->action) {
        case ACT_SAVE_LINE: store_value(v, app, v->edit.text); return VIEW_HANDLED | VIEW_REDRAW;
        case ACT_CANCEL_LINE: v->editing = false; return VIEW_HANDLED | VIEW_REDRAW;
        default: tui_edit_key(&v->edit, e->key); return VIEW_HANDLED | VIEW_REDRAW;
        }
    }
    if (tui_scroll_action(&v->scroll, e->action))
        return VIEW_HANDLED | VIEW_REDRAW;
    switch (e->action) {
    case ACT_EDIT_SETTING: start_editing(v); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_RESET_SETTING: store_value(v, app, NULL); return VIEW_HANDLED | VIEW_REDRAW;
    default: return VIEW_IGNORED;
    }
}

static void settings_reload(tui_view *view, tui_app *app)
{
    load_all((settings_view *)view, app);
}

static void settings_status(tui_view *view, tui_app *app, char *out, size_t size)
{
    settings_view *v = (settings_view *)view;
    char scope[200];
    scope_name(v->scroll.cursor / HTX_DSET_COUNT, app->lang, scope, sizeof scope);
    snprintf(out, size, "%s · %s", ui_text(UI_SETTINGS_TITLE, app->lang), scope);
}

static void settings_destroy(tui_view *view)
{
    settings_view *v = (settings_view *)view;
    line_edit_free(&v->edit);
    free(v);
}

static bool settings_unsaved(const tui_view *view)
{
    return ((const settings_view *)view)->editing;
}

static const tui_action browsing_actions[] = {
    ACT_EDIT_SETTING, ACT_RESET_SETTING, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_action browsing_globals[] = {ACT_HELP, ACT_QUIT, ACT_BACK, ACT_NONE};
static const tui_keymap browsing_keymap = {.actions = browsing_actions, .globals = browsing_globals};
/* While a value is typed, every printable key is text. */
static const tui_action editing_actions[] = {ACT_SAVE_LINE, ACT_CANCEL_LINE, ACT_NONE};
static const tui_action editing_globals[] = {ACT_HELP, ACT_NONE};
static const tui_keymap editing_keymap = {.actions = editing_actions, .globals = editing_globals, .typing = true};

static const tui_keymap *settings_keymap(const tui_view *view)
{
    return ((const settings_view *)view)->editing ? &editing_keymap : &browsing_keymap;
}

static const tui_view_ops settings_ops = {
    .draw = settings_draw,
    .handle = settings_handle,
    .reload = settings_reload,
    .status = settings_status,
    .destroy = settings_destroy,
    .unsaved = settings_unsaved,
    .title = UI_SETTINGS_TITLE,
    .keymap = &browsing_keymap,
    .current_keymap = settings_keymap,
};

tui_view *view_settings_new(tui_app *app, const char *club_code)
{
    settings_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &settings_ops;
    line_edit_init(&v->edit, HTX_DSET_VALUE_SIZE / 4, false);
    tui_scroll_init(&v->scroll, true);
    tui_scroll_fit(&v->scroll, ROWS, ROWS);
    for (int s = 1; club_code && s < SCOPES; s++)
        if (strcmp(HTX_CLUBS[s - 1].code, club_code) == 0)
            v->scroll.cursor = s * HTX_DSET_COUNT;
    if (!load_all(v, app)) {
        settings_destroy(&v->base);
        return NULL;
    }
    return &v->base;
}
