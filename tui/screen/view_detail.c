/*
 * One cooperative in full: every field, its club memberships, its recent
 * changes.  The content is read into a list of lines when the view opens and
 * again when the data changes; drawing only lays the lines out for the
 * window's width (the notes wrap, everything else crops).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "coop.h"
#include "display.h"
#include "membership.h"
#include "registry.h"
#include "scroll.h"
#include "ui_text.h"
#include "views.h"

#define RECENT_CHANGES 10

typedef enum line_kind {
    LINE_FIELD,   /* label column, then the value */
    LINE_HEADING, /* a section title */
    LINE_ITEM,    /* indented text across the width */
    LINE_BLANK,
} line_kind;

typedef struct detail_line {
    line_kind kind;
    int indent;
    char *label; /* LINE_FIELD: "" on the following lines of a multi-line value */
    char *text;
    tui_style style;
    bool wrap; /* the notes: wrapped rather than cropped */
} detail_line;

/* A screen row: part of one line once wrapped. */
typedef struct detail_row {
    int line;
    size_t start, length; /* bytes of the line's text shown on this row */
} detail_row;

typedef struct detail_view {
    tui_view base;
    int64_t coop_id;
    char code[HTX_CODE_SIZE];
    detail_line *lines;
    int line_count, line_capacity;
    bool out_of_memory;
    detail_row *rows;
    int row_count;
    int laid_out_width; /* the width rows were made for; 0: lay out again */
    int label_width;
    tui_scroll scroll;
} detail_view;

/* ---- the lines ------------------------------------------------------------ */

static void clear_lines(detail_view *d)
{
    for (int i = 0; i < d->line_count; i++) {
        free(d->lines[i].label);
        free(d->lines[i].text);
    }
    d->line_count = 0;
    d->out_of_memory = false;
    d->laid_out_width = 0;
}

static detail_line *add_line(detail_view *d, line_kind kind, const char *label, const char *text,
                             tui_style style)
{
    if (d->line_count == d->line_capacity) {
        int capacity = d->line_capacity ? d->line_capacity * 2 : 64;
        detail_line *grown = realloc(d->lines, (size_t)capacity * sizeof *grown);
        if (!grown) {
            d->out_of_memory = true;
            return NULL;
        }
        d->lines = grown;
        d->line_capacity = capacity;
    }
    char *label_copy = strdup(label ? label : "");
    char *text_copy = strdup(text ? text : "");
    if (!label_copy || !text_copy) {
        free(label_copy);
        free(text_copy);
        d->out_of_memory = true;
        return NULL;
    }
    detail_line *line = &d->lines[d->line_count++];
    *line = (detail_line){.kind = kind, .label = label_copy, .text = text_copy, .style = style};
    return line;
}

static void add_item(detail_view *d, int indent, const char *text, tui_style style)
{
    detail_line *line = add_line(d, LINE_ITEM, NULL, text, style);
    if (line)
        line->indent = indent;
}

/* A value of several lines (the notes) takes one line each, the label on the first. */
static void add_field(detail_view *d, const char *label, const char *value, bool wrap)
{
    const char *start = value;
    bool first = true;
    for (;;) {
        const char *end = strchr(start, '\n');
        size_t length = end ? (size_t)(end - start) : strlen(start);
        char *piece = strndup(start, length);
        detail_line *line = piece ? add_line(d, LINE_FIELD, first ? label : "", piece, STYLE_NORMAL) : NULL;
        free(piece);
        if (!line)
            return;
        line->wrap = wrap;
        if (!end)
            return;
        start = end + 1;
        first = false;
    }
}

static void display_date(const char *iso, char out[HTX_ISO_DATE_SIZE])
{
    htx_date date;
    if (iso[0] && htx_date_parse(iso, &date))
        htx_date_display(date, out);
    else
        snprintf(out, HTX_ISO_DATE_SIZE, "%s", iso);
}

/* ---- memberships ------------------------------------------------------------ */

typedef struct membership_lines {
    detail_view *view;
    htx_lang lang;
    int count;
} membership_lines;

static int add_membership(const htx_membership *m, void *data)
{
    membership_lines *ml = data;
    const htx_club *club = htx_club_find(m->club);
    char text[512];
    int n = snprintf(text, sizeof text, "%s — %s", club ? htx_club_name(club, ml->lang) : m->club,
                     htx_role_name(m->role, ml->lang));
    char date[HTX_ISO_DATE_SIZE];
    if (m->joined[0] && n > 0 && (size_t)n < sizeof text) {
        display_date(m->joined, date);
        n += snprintf(text + n, sizeof text - (size_t)n, ", %s %s", ui_text(UI_JOINED, ml->lang), date);
    }
    if (m->left[0] && n > 0 && (size_t)n < sizeof text) {
        display_date(m->left, date);
        snprintf(text + n, sizeof text - (size_t)n, ", %s %s", ui_text(UI_LEFT, ml->lang), date);
    }
    /* memberships that ended are history: shown dimmed */
    add_item(ml->view, 2, text, m->left[0] ? STYLE_DIM : STYLE_NORMAL);
    ml->count++;
    return 0;
}

/* ---- the change log --------------------------------------------------------- */

/* The log's keys are field keys, plus those of membership events. */
static const char *change_label(const char *key, htx_lang lang)
{
    if (strcmp(key, "club") == 0)
        return ui_text(UI_CHANGE_CLUB, lang);
    if (strcmp(key, "role") == 0)
        return ui_text(UI_COL_ROLE, lang);
    if (strcmp(key, "joined") == 0)
        return ui_text(UI_COL_JOINED, lang);
    if (strcmp(key, "left") == 0)
        return ui_text(UI_COL_LEFT, lang);
    const htx_field_def *field = htx_field_find(key);
    return field ? htx_field_label(field->id, lang) : key;
}

/* A logged value as the staff read it, the same as the fields above show it. */
static void change_value(const char *key, const char *raw, htx_lang lang, char *out, size_t size)
{
    if (raw)
        htx_change_value_display(key, raw, lang, out, size);
    else
        snprintf(out, size, "%s", ui_text(UI_EMPTY_VALUE, lang));
}

static void add_change(detail_view *d, htx_lang lang, const htx_change *change)
{
    const char *key = change->key, *old_value = change->old_value, *new_value = change->new_value;
    /* room for the display form: a code becomes a name, digits gain dots */
    size_t before_size = 2 * (old_value ? strlen(old_value) : 0) + 160;
    size_t after_size = 2 * (new_value ? strlen(new_value) : 0) + 160;
    size_t size = before_size + after_size + 160;
    char *before = malloc(before_size), *after = malloc(after_size), *text = malloc(size);
    if (before && after && text) {
        change_value(key, old_value, lang, before, before_size);
        change_value(key, new_value, lang, after, after_size);
        snprintf(text, size, "%s: %s → %s", change_label(key, lang), before, after);
        add_item(d, 4, text, STYLE_NORMAL);
    } else {
        d->out_of_memory = true;
    }
    free(before);
    free(after);
    free(text);
}

static const char *action_name(const char *action, htx_lang lang)
{
    if (strcmp(action, "create") == 0)
        return ui_text(UI_ACTION_CREATE, lang);
    if (strcmp(action, "update") == 0)
        return ui_text(UI_ACTION_UPDATE, lang);
    if (strcmp(action, "join") == 0)
        return ui_text(UI_ACTION_JOIN, lang);
    if (strcmp(action, "leave") == 0)
        return ui_text(UI_ACTION_LEAVE, lang);
    return action;
}

/* The log's UTC time ("yyyy-mm-dd hh:mm:ss") in local time as dd/mm/yyyy hh:mm. */
static void local_time(const char *utc, char *out, size_t size)
{
    struct tm tm = {0};
    if (sscanf(utc, "%4d-%2d-%2d %2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec) != 6) {
        snprintf(out, size, "%s", utc);
        return;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t when = timegm(&tm);
    struct tm local;
    if (when == (time_t)-1 || !localtime_r(&when, &local) || strftime(out, size, "%d/%m/%Y %H:%M", &local) == 0)
        snprintf(out, size, "%s", utc);
}

typedef struct audit_lines {
    detail_view *view;
    htx_lang lang;
    int count;
} audit_lines;

static int add_audit_entry(const htx_audit_entry *e, void *data)
{
    audit_lines *al = data;
    char when[64], header[256];
    local_time(e->at, when, sizeof when);
    snprintf(header, sizeof header, "%s  %s  %s", when, e->user, action_name(e->action, al->lang));
    add_item(al->view, 2, header, STYLE_HEADER);
    al->count++;
    /* a creation lists every field, which the record above already shows */
    if (strcmp(e->action, "create") == 0)
        return 0;
    htx_change_iter it;
    htx_change change;
    htx_change_iter_init(&it, e->changes);
    while (htx_change_iter_next(&it, &change))
        add_change(al->view, al->lang, &change);
    /* a text of another shape (edited by hand) is shown as it is, dimmed */
    htx_status st = htx_change_iter_end(&it);
    if (st == HTX_ERR_NOMEM)
        al->view->out_of_memory = true;
    else if (st != HTX_OK)
        add_item(al->view, 4, e->changes, STYLE_DIM);
    return 0;
}

/* ---- reading ----------------------------------------------------------------- */

static void add_record(detail_view *d, const htx_coop *c, htx_lang lang)
{
    add_line(d, LINE_HEADING, NULL, c->name, STYLE_HEADER);
    char value[8192];
    for (int i = 0; i < HTX_FIELD_COUNT; i++) {
        const htx_field_def *field = &htx_fields[i];
        htx_coop_value(c, field->id, HTX_VALUE_DISPLAY, lang, value, sizeof value);
        add_field(d, htx_field_label(field->id, lang), value, field->kind == HTX_KIND_MULTILINE);
    }
    char updated[64];
    local_time(c->updated_at, updated, sizeof updated);
    add_field(d, ui_text(UI_LAST_UPDATED, lang), updated, false);
}

static htx_status add_memberships(detail_view *d, htx_store *store, htx_lang lang, htx_error *err)
{
    add_line(d, LINE_BLANK, NULL, NULL, STYLE_NORMAL);
    add_line(d, LINE_HEADING, NULL, ui_text(UI_CLUBS, lang), STYLE_HEADER);
    membership_lines ml = {d, lang, 0};
    htx_status st = htx_membership_each(store, d->coop_id, add_membership, &ml, err);
    if (st == HTX_OK && ml.count == 0)
        add_item(d, 2, ui_text(UI_NO_CLUB, lang), STYLE_DIM);
    return st;
}

static htx_status add_changes(detail_view *d, htx_store *store, htx_lang lang, htx_error *err)
{
    add_line(d, LINE_BLANK, NULL, NULL, STYLE_NORMAL);
    add_line(d, LINE_HEADING, NULL, ui_text(UI_CHANGE_LOG, lang), STYLE_HEADER);
    audit_lines al = {d, lang, 0};
    htx_status st = htx_audit_recent(store, d->code, RECENT_CHANGES, add_audit_entry, &al, err);
    if (st == HTX_OK && al.count == 0)
        add_item(d, 2, ui_text(UI_NO_CHANGES, lang), STYLE_DIM);
    return st;
}

/* Reads everything again; HTX_ERR_NOT_FOUND when the record is gone. */
static htx_status load(detail_view *d, tui_app *app, htx_error *err)
{
    clear_lines(d);
    htx_coop *c = malloc(sizeof *c);
    if (!c)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    htx_status st = htx_coop_load_id(app->store, d->coop_id, c, err);
    if (st == HTX_OK) {
        snprintf(d->code, sizeof d->code, "%s", c->code);
        add_record(d, c, app->lang);
        st = add_memberships(d, app->store, app->lang, err);
    }
    free(c);
    if (st == HTX_OK)
        st = add_changes(d, app->store, app->lang, err);
    if (st == HTX_OK && d->out_of_memory)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    return st;
}

/* ---- layout and drawing --------------------------------------------------------- */

static int label_width_for(const detail_view *d, int width)
{
    int widest = 0;
    for (int i = 0; i < d->line_count; i++)
        if (d->lines[i].kind == LINE_FIELD) {
            int w = (int)htx_text_width(d->lines[i].label);
            if (w > widest)
                widest = w;
        }
    /* a long label crops rather than squeezing the values */
    int cap = width * 2 / 5;
    return widest < cap ? widest : cap;
}

static int value_width(const detail_view *d, int width)
{
    int w = width - d->label_width - 4;
    return w > 1 ? w : 1;
}

static bool add_row(detail_view *d, int *capacity, int line, size_t start, size_t length)
{
    if (d->row_count == *capacity) {
        int grown_capacity = *capacity ? *capacity * 2 : 128;
        detail_row *grown = realloc(d->rows, (size_t)grown_capacity * sizeof *grown);
        if (!grown)
            return false;
        d->rows = grown;
        *capacity = grown_capacity;
    }
    d->rows[d->row_count++] = (detail_row){line, start, length};
    return true;
}

/* Splits the lines into screen rows for this width. */
static void lay_out(detail_view *d, int width)
{
    if (d->laid_out_width == width)
        return;
    free(d->rows);
    d->rows = NULL;
    d->row_count = 0;
    int capacity = 0;
    d->label_width = label_width_for(d, width);
    int wrap_width = value_width(d, width);
    for (int i = 0; i < d->line_count; i++) {
        const detail_line *line = &d->lines[i];
        size_t total = strlen(line->text);
        if (!line->wrap || total == 0) {
            if (!add_row(d, &capacity, i, 0, total))
                break;
            continue;
        }
        for (size_t start = 0; start < total;) {
            size_t length = tui_wrap_length(line->text + start, wrap_width);
            if (!add_row(d, &capacity, i, start, length))
                break;
            start += length;
            while (line->text[start] == ' ')
                start++;
        }
    }
    d->laid_out_width = width;
}

static void draw_row(const detail_view *d, tui_canvas *c, int y, tui_rect a, const detail_row *row)
{
    const detail_line *line = &d->lines[row->line];
    char *text = strndup(line->text + row->start, row->length);
    if (!text)
        return;
    int x = a.x + 1, width = a.width - 2;
    switch (line->kind) {
    case LINE_FIELD:
        /* the label only on a line's first row */
        if (row->start == 0)
            canvas_text(c, y, x, d->label_width, line->label, STYLE_DIM);
        canvas_text(c, y, x + d->label_width + 2, value_width(d, a.width), text, line->style);
        break;
    case LINE_HEADING: canvas_text(c, y, x, width, text, line->style); break;
    case LINE_ITEM: canvas_text(c, y, x + line->indent, width - line->indent, text, line->style); break;
    case LINE_BLANK: break;
    }
    free(text);
}

static void detail_draw(tui_view *v, tui_app *app, tui_canvas *c, tui_rect a)
{
    (void)app;
    detail_view *d = (detail_view *)v;
    lay_out(d, a.width);
    tui_scroll_fit(&d->scroll, d->row_count, a.height);
    for (int r = 0; r < a.height && d->scroll.top + r < d->row_count; r++)
        draw_row(d, c, a.y + r, a, &d->rows[d->scroll.top + r]);
}

/* ---- events and the rest ---------------------------------------------------------- */

static int detail_handle(tui_view *v, tui_app *app, const tui_event *e)
{
    detail_view *d = (detail_view *)v;
    if (e->type == EV_MOUSE)
        return tui_scroll_wheel(&d->scroll, e) ? VIEW_HANDLED | VIEW_REDRAW : VIEW_HANDLED;
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    if (tui_scroll_action(&d->scroll, e->action))
        return VIEW_HANDLED | VIEW_REDRAW;
    switch (e->action) {
    case ACT_EDIT: app_push(app, view_form_new(app, d->coop_id)); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_JOIN_CLUB:
        app_push(app, view_membership_new(app, d->coop_id, NULL, false));
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_LEAVE_CLUB:
        app_push(app, view_membership_new(app, d->coop_id, NULL, true));
        return VIEW_HANDLED | VIEW_REDRAW;
    default: return VIEW_IGNORED;
    }
}

static void show_gone(detail_view *d, tui_app *app)
{
    clear_lines(d);
    add_line(d, LINE_HEADING, NULL, ui_text(UI_DETAIL_GONE, app->lang), STYLE_ERROR);
    app_notice(app, ui_text(UI_DETAIL_GONE, app->lang));
}

static void detail_reload(tui_view *v, tui_app *app)
{
    detail_view *d = (detail_view *)v;
    htx_error err;
    htx_status st = load(d, app, &err);
    if (st == HTX_ERR_NOT_FOUND)
        show_gone(d, app);
    else if (st != HTX_OK)
        app_notice_error(app, &err);
}

static void detail_status(tui_view *v, tui_app *app, char *out, size_t size)
{
    detail_view *d = (detail_view *)v;
    char position[64];
    tui_scroll_position(&d->scroll, position, sizeof position);
    snprintf(out, size, "%s · %s · %s", ui_text(UI_DETAIL_TITLE, app->lang), d->code, position);
}

static void detail_destroy(tui_view *v)
{
    detail_view *d = (detail_view *)v;
    clear_lines(d);
    free(d->lines);
    free(d->rows);
    free(d);
}

static const tui_action detail_actions[] = {
    ACT_EDIT, ACT_JOIN_CLUB, ACT_LEAVE_CLUB,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_action detail_globals[] = {
    ACT_HELP, ACT_CLUBS, ACT_STATS, ACT_QUIT, ACT_IMPORT, ACT_BACK, ACT_NONE,
};
static const tui_keymap detail_keymap = {.actions = detail_actions, .globals = detail_globals};

static const tui_view_ops detail_ops = {
    .draw = detail_draw,
    .handle = detail_handle,
    .reload = detail_reload,
    .status = detail_status,
    .destroy = detail_destroy,
    .title = UI_DETAIL_TITLE,
    .popup = false,
    .keymap = &detail_keymap,
};

tui_view *view_detail_new(tui_app *app, int64_t coop_id)
{
    detail_view *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->base.ops = &detail_ops;
    d->coop_id = coop_id;
    tui_scroll_init(&d->scroll, false);
    htx_error err;
    if (load(d, app, &err) != HTX_OK) {
        app_notice_error(app, &err);
        detail_destroy(&d->base);
        return NULL;
    }
    return &d->base;
}
