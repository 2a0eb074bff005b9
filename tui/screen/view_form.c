/*
 * The registration and edit form: forms/ holds the fields and their rules;
 * this view draws them, maps keys to edits, opens the pick lists and runs
 * the save (duplicate checks, optimistic locking) through core.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "display.h"
#include "coop_form.h"
#include "registry.h"
#include "text.h"
#include "text_wrap.h"
#include "ui_text.h"
#include "views.h"

#define LABEL_MAX 34
#define MAX_CHOICE_ITEMS 128 /* the 126 communes and wards */

typedef struct form_view {
    tui_view base;
    htx_form form;
    int top;              /* first field shown */
    int first_y;          /* screen row of field `top`, for clicks */
    int row_of_field[HTX_FIELD_COUNT]; /* as last drawn, for clicks */
    int fields_end_y;
    bool pasting;         /* between the brackets of a paste */
    char paste[4096];
    size_t paste_length;
    bool same_name_accepted;
    htx_coop current;     /* the stored record when a save met a conflict */
} form_view;

/* ---- drawing --------------------------------------------------------------- */

static int label_width(const form_view *v, htx_lang lang)
{
    int w = 0;
    for (int i = 0; i < v->form.count; i++) {
        int l = (int)htx_text_width(htx_field_label(v->form.fields[i].def->id, lang));
        if (l > w)
            w = l;
    }
    return w < LABEL_MAX ? w : LABEL_MAX;
}

static void draw_header(form_view *v, tui_app *app, tui_canvas *c, tui_rect a)
{
    char title[200];
    if (v->form.is_new)
        snprintf(title, sizeof title, "%s", ui_text(UI_FORM_NEW, app->lang));
    else
        snprintf(title, sizeof title, "%s %s", ui_text(UI_FORM_EDIT, app->lang), v->form.original.code);
    canvas_fill(c, a.y, a.x, 1, a.width, STYLE_HEADER);
    canvas_text(c, a.y, a.x + 1, a.width - 2, title, STYLE_HEADER);
    char typing[160];
    snprintf(typing, sizeof typing, "%s: %s · %s (Ctrl-T)", ui_text(UI_TYPING, app->lang),
             v->form.input_mode == VN_INPUT_OFF ? ui_text(UI_TYPING_OFF, app->lang)
                                                : vn_input_mode_name(v->form.input_mode),
             ui_text(v->form.tone_style == VN_TONE_OLD ? UI_TONE_STYLE_OLD : UI_TONE_STYLE_NEW, app->lang));
    int w = (int)htx_text_width(typing);
    if (w + (int)htx_text_width(title) + 4 < a.width)
        canvas_text(c, a.y, a.x + a.width - w - 1, w, typing, STYLE_HEADER);
}

/* Where the fields go: the label column, the box, and the message beside
 * the box when there is room for a readable one, else on the lines below
 * its field (wrapped, whole). */
typedef struct form_layout {
    int label_w, box_x, box_w;
    int message_x, message_w; /* beside the box */
    int below_w;              /* under it */
    bool message_below;
} form_layout;

/* Below this a message beside its box would be cut to a few words. */
#define MESSAGE_BESIDE_MIN 30

static form_layout layout_for(const form_view *v, tui_app *app, tui_rect a)
{
    form_layout l;
    l.label_w = label_width(v, app->lang);
    l.box_x = a.x + l.label_w + 4;
    int rest = a.width - l.label_w - 5;
    l.box_w = rest > 90 ? 50 : rest * 3 / 5;
    l.message_below = rest - l.box_w - 1 < MESSAGE_BESIDE_MIN;
    l.below_w = rest;
    if (l.message_below) {
        l.box_w = rest;
        l.message_x = l.box_x;
        l.message_w = rest;
    } else {
        l.message_x = l.box_x + l.box_w + 1;
        l.message_w = rest - l.box_w - 2;
    }
    return l;
}

/* A message that does not fit beside its box goes whole below it. */
static bool message_goes_below(const form_field *f, const form_layout *l)
{
    return l->message_below || (int)htx_text_width(f->message) > l->message_w;
}

/* The message of field index as the lines it takes (none when there is no
 * message or it stands beside the box). */
static int message_lines(const form_view *v, const form_layout *l, int index, htx_wrapped *out)
{
    const form_field *f = &v->form.fields[index];
    out->lines = NULL;
    out->count = 0;
    if (!f->has_message || !message_goes_below(f, l))
        return 0;
    if (!htx_wrap_columns(f->message, l->below_w, out))
        return 0;
    return out->count;
}

/* Screen rows field index takes: its line and its message's. */
static int field_rows(const form_view *v, const form_layout *l, int index)
{
    htx_wrapped w;
    int n = 1 + message_lines(v, l, index, &w);
    htx_wrapped_free(&w);
    return n;
}

static void draw_field(form_view *v, tui_app *app, tui_canvas *c, int index, int y, int x, const form_layout *l,
                       int rows_left)
{
    form_field *f = &v->form.fields[index];
    bool focused = index == v->form.focus;
    const char *label = htx_field_label(f->def->id, app->lang);
    char shown[LABEL_MAX * 4 + 8];
    snprintf(shown, sizeof shown, "%s%s", label, f->def->required ? " *" : "");
    canvas_text(c, y, x + 1, l->label_w + 2, shown, focused ? STYLE_HEADER : STYLE_NORMAL);

    char visible[1024];
    int cursor_col = 0;
    line_edit_view(&f->edit, l->box_w - 1, visible, sizeof visible, &cursor_col);
    canvas_fill(c, y, l->box_x, 1, l->box_w, STYLE_INPUT);
    /* a selected value shows as selected: what is typed replaces it */
    bool selected = focused && f->edit.selected;
    canvas_text(c, y, l->box_x, l->box_w - 1, visible, selected ? STYLE_CURSOR : STYLE_INPUT);
    if (form_choices(&v->form, index, NULL, 0) > 0)
        canvas_text(c, y, l->box_x + l->box_w - 1, 1, "▾", STYLE_INPUT);
    if (focused && !selected && cursor_col < l->box_w)
        canvas_restyle(c, y, l->box_x + cursor_col, 1, STYLE_CURSOR);

    if (!f->has_message)
        return;
    tui_style style = f->is_warning ? STYLE_DIM : STYLE_ERROR;
    if (!message_goes_below(f, l)) {
        canvas_text(c, y, l->message_x, l->message_w, f->message, style);
        return;
    }
    /* below the box, from where the box starts, as wide as the screen allows */
    htx_wrapped w;
    int n = message_lines(v, l, index, &w);
    for (int i = 0; i < n && i + 1 < rows_left; i++)
        canvas_text(c, y + 1 + i, l->box_x, l->below_w, w.lines[i], style);
    htx_wrapped_free(&w);
}

/* The hint line: how to edit the field in focus. */
static const char *field_hint(const form_view *v, tui_app *app)
{
    const form_field *f = &v->form.fields[v->form.focus];
    if (form_choices(&v->form, v->form.focus, NULL, 0) > 0)
        return ui_text(UI_FORM_HINT_CHOICE, app->lang);
    if (f->edit.multiline)
        return ui_text(UI_FORM_HINT_NOTES, app->lang);
    return ui_text(f->edit.selected ? UI_FORM_HINT_SELECTED : UI_FORM_HINT_TEXT, app->lang);
}

static void form_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    form_view *v = (form_view *)view;
    canvas_fill(c, a.y, a.x, a.height, a.width, STYLE_NORMAL);
    draw_header(v, app, c, a);
    form_layout l = layout_for(v, app, a);
    int rows = a.height - 3; /* header, blank, hint */
    /* Scroll by fields so that the focused one and its message show. */
    if (v->form.focus < v->top)
        v->top = v->form.focus;
    for (;;) {
        int used = 0;
        for (int i = v->top; i <= v->form.focus; i++)
            used += field_rows(v, &l, i);
        if (used <= rows || v->top == v->form.focus)
            break;
        v->top++;
    }
    v->first_y = a.y + 2;
    int y = a.y + 2, bottom = a.y + 2 + rows;
    for (int i = v->top; i < v->form.count && y < bottom; i++) {
        v->row_of_field[i] = y;
        draw_field(v, app, c, i, y, a.x, &l, bottom - y);
        y += field_rows(v, &l, i);
    }
    v->fields_end_y = y;
    canvas_text(c, a.y + a.height - 1, a.x + 1, a.width - 2, field_hint(v, app), STYLE_DIM);
}

static void form_status(tui_view *view, tui_app *app, char *out, size_t size)
{
    form_view *v = (form_view *)view;
    form_field *f = &v->form.fields[v->form.focus];
    /* The focused field's message in full: beside the box it may be cropped. */
    if (f->has_message)
        snprintf(out, size, "%s: %s", htx_field_label(f->def->id, app->lang), f->message);
    else
        snprintf(out, size, "%s", htx_field_label(f->def->id, app->lang));
}

/* ---- saving ---------------------------------------------------------------- */

static int save(form_view *v, tui_app *app);

enum { SAME_NAME_SAVE, SAME_NAME_BACK };
enum { CONFLICT_RELOAD, CONFLICT_KEEP };
enum { DISCARD_YES, DISCARD_KEEP };
enum { DELETE_YES, DELETE_KEEP };

static void same_name_answered(tui_app *app, void *ctx, int answer)
{
    form_view *v = ctx;
    if (answer == SAME_NAME_SAVE) {
        v->same_name_accepted = true;
        save(v, app);
    }
}

/* Asks before registering a cooperative whose name, legal form aside, is
 * already in the district (registry.h: htx_coop_find_similar), showing what
 * tells the cooperatives apart. */
static bool confirm_same_name(form_view *v, tui_app *app, const htx_coop *record)
{
    bool moved = v->form.is_new || strcmp(v->form.original.name, record->name) != 0 ||
                 strcmp(v->form.original.district, record->district) != 0;
    if (!moved || v->same_name_accepted)
        return false;
    htx_coop *similar = malloc(HTX_SIMILAR_MAX * sizeof *similar);
    int count = 0;
    htx_error err;
    if (!similar || htx_coop_find_similar(app->store, record->name, record->district, record->id, similar,
                                          HTX_SIMILAR_MAX, &count, &err) != HTX_OK || count == 0) {
        free(similar);
        return false;
    }
    char texts[HTX_SIMILAR_MAX + 2][1200];
    const char *lines[HTX_SIMILAR_MAX + 3];
    int n = 0;
    char district[128];
    htx_coop_value(record, HTX_F_DISTRICT, HTX_VALUE_DISPLAY, app->lang, district, sizeof district);
    snprintf(texts[n], sizeof texts[n], ui_text(UI_SAME_NAME_LINE, app->lang), district);
    lines[n] = texts[n];
    n++;
    for (int i = 0; i < count && i < HTX_SIMILAR_MAX; i++, n++) {
        char who[1150];
        htx_coop_identify(&similar[i], app->lang, who, sizeof who);
        snprintf(texts[n], sizeof texts[n], "  • %s", who);
        lines[n] = texts[n];
    }
    if (count > HTX_SIMILAR_MAX) {
        snprintf(texts[n], sizeof texts[n], ui_text(UI_SAME_NAME_MORE, app->lang), count - HTX_SIMILAR_MAX);
        lines[n] = texts[n];
        n++;
    }
    lines[n++] = ui_text(UI_SAME_NAME_WHAT, app->lang);
    const char *answers[] = {[SAME_NAME_SAVE] = ui_text(UI_SAVE_ANYWAY, app->lang),
                             [SAME_NAME_BACK] = ui_text(UI_BACK_TO_FORM, app->lang)};
    tui_question q = {ui_text(UI_SAME_NAME_TITLE, app->lang), lines, n, answers, 2, SAME_NAME_BACK,
                      same_name_answered, v};
    app_push(app, view_question_new(app, &q));
    free(similar);
    return true;
}

static void conflict_answered(tui_app *app, void *ctx, int answer)
{
    form_view *v = ctx;
    if (answer == CONFLICT_RELOAD) { /* the stored record, the typing lost */
        form_free(&v->form);
        form_init_edit(&v->form, &v->current, app->lang);
    } else { /* keep editing, now on top of the stored version */
        v->form.original = v->current;
    }
}

/* Shows what changed in the stored record since the form opened. */
static void report_conflict(form_view *v, tui_app *app)
{
    htx_error err;
    if (htx_coop_load_id(app->store, v->form.original.id, &v->current, &err) != HTX_OK) {
        app_notice(app, ui_text(UI_CONFLICT_GONE, app->lang));
        return;
    }
    static const int max_lines = 16;
    char texts[16][600];
    const char *lines[17];
    int n = 0;
    lines[n] = ui_text(UI_CONFLICT_LINE, app->lang);
    for (int i = 0; i < HTX_FIELD_COUNT && n < max_lines; i++) {
        char before[256], now[256];
        htx_coop_value(&v->form.original, htx_fields[i].id, HTX_VALUE_DISPLAY, app->lang, before, sizeof before);
        htx_coop_value(&v->current, htx_fields[i].id, HTX_VALUE_DISPLAY, app->lang, now, sizeof now);
        if (strcmp(before, now) == 0)
            continue;
        snprintf(texts[n], sizeof texts[n], "  %s: %s → %s", htx_field_label(htx_fields[i].id, app->lang),
                 before[0] ? before : "—", now[0] ? now : "—");
        lines[n + 1] = texts[n];
        n++;
    }
    const char *answers[] = {[CONFLICT_RELOAD] = ui_text(UI_CONFLICT_RELOAD, app->lang),
                             [CONFLICT_KEEP] = ui_text(UI_KEEP_EDITING, app->lang)};
    tui_question q = {ui_text(UI_CONFLICT_TITLE, app->lang), lines, n + 1, answers, 2, CONFLICT_KEEP,
                      conflict_answered, v};
    app_push(app, view_question_new(app, &q));
}

static void show_failure(form_view *v, tui_app *app, htx_status st, const htx_error *err)
{
    if (st == HTX_ERR_CONFLICT) {
        report_conflict(v, app);
        return;
    }
    char text[400];
    htx_error_message(err, app->lang, text, sizeof text);
    if (err->field[0]) {
        form_set_message(&v->form, err->field, text, false);
        for (int i = 0; i < v->form.count; i++)
            if (strcmp(v->form.fields[i].def->key, err->field) == 0)
                form_focus(&v->form, i);
    }
    app_notice_error(app, err);
}

static int save(form_view *v, tui_app *app)
{
    htx_coop *record = malloc(sizeof *record);
    if (!record)
        return VIEW_HANDLED;
    int errors = form_collect(&v->form, record);
    if (errors > 0) {
        app_notice(app, ui_text(UI_FIX_ERRORS, app->lang));
        free(record);
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    if (confirm_same_name(v, app, record)) {
        free(record);
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    htx_error err;
    const char *user = htx_audit_user(app->user);
    htx_status st = v->form.is_new ? htx_coop_insert(app->store, record, user, &err)
                                   : htx_coop_update(app->store, record, user, &err);
    if (st != HTX_OK) {
        show_failure(v, app, st, &err);
        free(record);
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    char notice[1000];
    snprintf(notice, sizeof notice, "%s: %s (%s)", ui_text(UI_SAVED, app->lang), record->name, record->code);
    free(record);
    app_remove(app, &v->base);
    app_reload_all(app);
    app_notice(app, notice);
    return VIEW_HANDLED | VIEW_REDRAW;
}

/* ---- closing and deleting ---------------------------------------------------- */

static void discard_answered(tui_app *app, void *ctx, int answer)
{
    if (answer == DISCARD_YES)
        app_remove(app, ctx);
}

static int cancel(form_view *v, tui_app *app)
{
    if (!form_changed(&v->form))
        return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    const char *lines[] = {ui_text(UI_DISCARD_LINE, app->lang)};
    const char *answers[] = {[DISCARD_YES] = ui_text(UI_DISCARD, app->lang),
                             [DISCARD_KEEP] = ui_text(UI_KEEP_EDITING, app->lang)};
    tui_question q = {ui_text(UI_DISCARD_TITLE, app->lang), lines, 1, answers, 2, DISCARD_KEEP,
                      discard_answered, v};
    app_push(app, view_question_new(app, &q));
    return VIEW_HANDLED | VIEW_REDRAW;
}

static void delete_answered(tui_app *app, void *ctx, int answer)
{
    form_view *v = ctx;
    if (answer != DELETE_YES)
        return;
    htx_error err;
    htx_status st = htx_coop_delete(app->store, &v->form.original, htx_audit_user(app->user), &err);
    if (st == HTX_ERR_CONFLICT) {
        report_conflict(v, app);
        return;
    }
    if (st != HTX_OK) {
        app_notice_error(app, &err);
        return;
    }
    char notice[1000];
    snprintf(notice, sizeof notice, "%s: %s (%s)", ui_text(UI_DELETED, app->lang), v->form.original.name,
             v->form.original.code);
    app_remove(app, &v->base);
    app_reload_all(app);
    app_notice(app, notice);
}

static int ask_delete(form_view *v, tui_app *app)
{
    if (v->form.is_new)
        return VIEW_HANDLED;
    const char *lines[] = {v->form.original.name, ui_text(UI_DELETE_LINE, app->lang)};
    const char *answers[] = {[DELETE_YES] = ui_text(UI_DELETE, app->lang),
                             [DELETE_KEEP] = ui_text(UI_KEEP_RECORD, app->lang)};
    tui_question q = {ui_text(UI_DELETE_TITLE, app->lang), lines, 2, answers, 2, DELETE_KEEP, delete_answered, v};
    app_push(app, view_question_new(app, &q));
    return VIEW_HANDLED | VIEW_REDRAW;
}

/* ---- choices ----------------------------------------------------------------- */

static void choice_made(tui_app *app, void *ctx, int index)
{
    (void)app;
    form_view *v = ctx;
    const char *names[MAX_CHOICE_ITEMS];
    int n = form_choices(&v->form, v->form.focus, names, MAX_CHOICE_ITEMS);
    /* Focus stays on the field, as a web form's list does: Tab or Enter
     * then moves on, and nothing is skipped. */
    if (index >= 0 && index < n)
        form_choose(&v->form, v->form.focus, names[index]);
}

/* Enter on a choice field opens its pick list; false for free-text fields. */
static bool open_choices(form_view *v, tui_app *app)
{
    const char *names[MAX_CHOICE_ITEMS];
    int n = form_choices(&v->form, v->form.focus, names, MAX_CHOICE_ITEMS);
    if (n == 0)
        return false;
    int selected = 0;
    const char *current = v->form.fields[v->form.focus].edit.text;
    for (int i = 0; i < n; i++)
        if (current && strcmp(names[i], current) == 0)
            selected = i;
    const char *title = htx_field_label(v->form.fields[v->form.focus].def->id, app->lang);
    app_push(app, view_choice_new(app, title, names, n, selected, choice_made, v));
    return true;
}

/* ---- keys ---------------------------------------------------------------------- */

static void move_focus(form_view *v, int delta)
{
    int next = v->form.focus + delta;
    if (next < 0)
        next = v->form.count - 1;
    if (next >= v->form.count)
        next = 0;
    form_focus(&v->form, next);
}

static bool edit_key(form_view *v, int key)
{
    static const struct {
        int key;
        form_edit edit;
    } edits[] = {
        {TK_BACKSPACE, FORM_BACKSPACE}, {TK_DELETE, FORM_DELETE},       {TK_LEFT, FORM_LEFT},
        {TK_RIGHT, FORM_RIGHT},         {TK_HOME, FORM_HOME},           {TK_CTRL_A, FORM_HOME},
        {TK_END, FORM_END},             {TK_CTRL_E, FORM_END},          {TK_CTRL_U, FORM_KILL_BEFORE},
        {TK_CTRL_K, FORM_KILL_AFTER},   {TK_CTRL_W, FORM_KILL_WORD},    {TK_CTRL_O, FORM_NEWLINE},
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++)
        if (edits[i].key == key) {
            form_edit_key(&v->form, edits[i].edit);
            return true;
        }
    return false;
}

static int paste_key(form_view *v, int key)
{
    if (key == TK_PASTE_END) {
        v->pasting = false;
        v->paste[v->paste_length] = '\0';
        /* pasted text goes in as it is: never through Telex/VNI, even one letter */
        vn_input_mode mode = v->form.input_mode;
        v->form.input_mode = VN_INPUT_OFF;
        form_type(&v->form, v->paste);
        v->form.input_mode = mode;
        v->paste_length = 0;
    } else if (key == TK_ENTER || key == TK_TAB) {
        /* a pasted line break or tab in a one-line field becomes a space */
        if (v->paste_length + 1 < sizeof v->paste)
            v->paste[v->paste_length++] = ' ';
    } else if (key > 0 && key < TK_SPECIAL) {
        char utf8[4];
        int len = htx_utf8_encode(key, utf8);
        if (v->paste_length + (size_t)len < sizeof v->paste) {
            memcpy(v->paste + v->paste_length, utf8, (size_t)len);
            v->paste_length += (size_t)len;
        }
    }
    return VIEW_HANDLED | (v->pasting ? 0 : VIEW_REDRAW);
}

/* The field drawn at screen row y (its message lines included), or -1. */
static int field_at_row(const form_view *v, int y)
{
    if (y < v->first_y || y >= v->fields_end_y)
        return -1;
    int found = -1;
    for (int i = v->top; i < v->form.count && v->row_of_field[i] <= y && v->row_of_field[i] >= v->first_y; i++)
        found = i;
    return found;
}

static int handle_mouse(form_view *v, const tui_event *e)
{
    int index = field_at_row(v, e->y);
    if (e->button == MOUSE_CLICK && index >= 0)
        form_focus(&v->form, index);
    else if (e->button == MOUSE_WHEEL_UP || e->button == MOUSE_WHEEL_DOWN)
        move_focus(v, e->button == MOUSE_WHEEL_UP ? -1 : 1);
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int form_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    form_view *v = (form_view *)view;
    if (e->type == EV_MOUSE)
        return handle_mouse(v, e);
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    if (v->pasting)
        return paste_key(v, e->key);
    /* not a key but the start of pasted text */
    if (e->key == TK_PASTE_START) {
        v->pasting = true;
        v->paste_length = 0;
        return VIEW_HANDLED;
    }
    switch (e->action) {
    case ACT_SAVE: return save(v, app);
    case ACT_CANCEL: return cancel(v, app); /* leaving asks first */
    case ACT_DELETE: return ask_delete(v, app);
    case ACT_TYPING_MODE:
        form_toggle_input_mode(&v->form);
        app->input_mode = (int)v->form.input_mode; /* the next form starts the same way */
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_NEXT_FIELD: move_focus(v, 1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_PREV_FIELD: move_focus(v, -1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_LAST_FIELD: form_focus(&v->form, v->form.count - 1); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_FIRST_FIELD: form_focus(&v->form, 0); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_CHOOSE_OR_NEXT:
        if (!open_choices(v, app))
            move_focus(v, 1);
        return VIEW_HANDLED | VIEW_REDRAW;
    default: break;
    }
    if (edit_key(v, e->key))
        return VIEW_HANDLED | VIEW_REDRAW;
    if (e->key >= ' ' && e->key < TK_SPECIAL) {
        char utf8[5];
        int len = htx_utf8_encode(e->key, utf8);
        utf8[len] = '\0';
        if (form_choices(&v->form, v->form.focus, NULL, 0) > 0 && len > 0) {
            /* typing on a choice field opens its list, narrowed by that letter */
            if (open_choices(v, app) && app_top(app) != &v->base)
                app_dispatch(app, e); /* to the list now on top */
        } else {
            form_type(&v->form, utf8);
        }
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    return VIEW_HANDLED; /* any other key means nothing in a form, and goes nowhere else */
}

static void form_reload(tui_view *view, tui_app *app)
{
    /* A change elsewhere is met at save time (optimistic locking), not by
     * rewriting what is being typed. */
    (void)view;
    (void)app;
}

static void form_destroy(tui_view *view)
{
    form_view *v = (form_view *)view;
    form_free(&v->form);
    free(v);
}

/* Typed characters go into the fields; only the help reaches past the form
 * (by F1: '?' is typed). */
static const tui_action form_help[] = {ACT_HELP, ACT_NONE};
static const tui_action new_form_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_CHOOSE_OR_NEXT, ACT_TYPING_MODE,
    ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_FIRST_FIELD, ACT_LAST_FIELD, ACT_NONE,
};
/* the same, and a record on file can be deleted */
static const tui_action edit_form_actions[] = {
    ACT_SAVE, ACT_CANCEL, ACT_CHOOSE_OR_NEXT, ACT_TYPING_MODE, ACT_DELETE,
    ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_FIRST_FIELD, ACT_LAST_FIELD, ACT_NONE,
};
static const tui_keymap new_form_keymap = {.actions = new_form_actions, .globals = form_help, .typing = true};
static const tui_keymap edit_form_keymap = {.actions = edit_form_actions, .globals = form_help, .typing = true};

static const tui_keymap *form_keymap(const tui_view *view)
{
    return ((const form_view *)view)->form.is_new ? &new_form_keymap : &edit_form_keymap;
}

static bool form_unsaved(const tui_view *view)
{
    return form_changed(&((const form_view *)view)->form);
}

/* The edit form's title line names the record. */
static void form_subtitle(tui_view *view, tui_app *app, char *out, size_t size)
{
    (void)app;
    const form_view *v = (const form_view *)view;
    snprintf(out, size, "%s", v->form.is_new ? "" : v->form.original.code);
}

static const tui_view_ops new_form_ops = {
    .draw = form_draw,
    .handle = form_handle,
    .reload = form_reload,
    .status = form_status,
    .destroy = form_destroy,
    .title = UI_FORM_NEW,
    .unsaved = form_unsaved,
    .popup = false,
    .keymap = &new_form_keymap,
    .current_keymap = form_keymap,
};
static const tui_view_ops edit_form_ops = {
    .draw = form_draw,
    .handle = form_handle,
    .reload = form_reload,
    .status = form_status,
    .destroy = form_destroy,
    .title = UI_FORM_EDIT,
    .subtitle = form_subtitle,
    .unsaved = form_unsaved,
    .popup = false,
    .keymap = &edit_form_keymap,
    .current_keymap = form_keymap,
};

tui_view *view_form_new(tui_app *app, int64_t coop_id)
{
    form_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = coop_id == 0 ? &new_form_ops : &edit_form_ops;
    bool ok;
    if (coop_id == 0) {
        ok = form_init_new(&v->form, app->lang);
    } else {
        htx_error err;
        htx_coop *c = malloc(sizeof *c);
        htx_status st = c ? htx_coop_load_id(app->store, coop_id, c, &err) : HTX_ERR_NOMEM;
        if (st != HTX_OK && c)
            app_notice_error(app, &err);
        ok = st == HTX_OK && form_init_edit(&v->form, c, app->lang);
        free(c);
    }
    if (!ok) {
        free(v);
        return NULL;
    }
    v->form.input_mode = (vn_input_mode)app->input_mode;
    v->form.tone_style = (vn_tone_style)app->tone_style;
    return &v->base;
}
