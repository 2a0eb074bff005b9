/*
 * A club's roster on today's date: the list that printing uses, read from
 * core's roster, with a cursor; Enter opens a member's detail, the sort key
 * cycles through name, district and joined date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "display.h"
#include "format.h"
#include "refdata.h"
#include "roster.h"
#include "scroll.h"
#include "typed_text.h"
#include "ui_text.h"
#include "views.h"

#define MIN_NAME_COLUMNS 24

typedef enum roster_column {
    COL_NO,
    COL_DISTRICT,
    COL_REPRESENTATIVE,
    COL_PHONE,
    COL_ROLE,
    COL_JOINED,
    COLUMN_COUNT
} roster_column;

/* The columns beside the name, dropped in this order when the window is narrow. */
static const roster_column drop_order[] = {COL_REPRESENTATIVE, COL_PHONE, COL_DISTRICT, COL_JOINED, COL_ROLE};

typedef struct roster_layout {
    int width[COLUMN_COUNT]; /* 0: not shown */
    int name;
} roster_layout;

typedef struct roster_view {
    tui_view base;
    const htx_club *club;
    char as_of[HTX_ISO_DATE_SIZE];
    htx_roster_sort sort;
    htx_roster_entry *entries;
    int count, capacity;
    bool out_of_memory;
    tui_scroll scroll;
    int first_y; /* screen row of the first member, for clicks */
    typed_find find;
} roster_view;

/* ---- reading ------------------------------------------------------------- */

static int collect(const htx_roster_entry *e, void *data)
{
    roster_view *v = data;
    if (v->count == v->capacity) {
        int capacity = v->capacity ? v->capacity * 2 : 64;
        htx_roster_entry *grown = realloc(v->entries, (size_t)capacity * sizeof *grown);
        if (!grown) {
            v->out_of_memory = true;
            return 1;
        }
        v->entries = grown;
        v->capacity = capacity;
    }
    v->entries[v->count++] = *e;
    return 0;
}

/* Reads the roster again, keeping the cursor on the same cooperative when it is still there. */
static bool load(roster_view *v, tui_app *app)
{
    int64_t current = v->count > 0 ? v->entries[v->scroll.cursor].coop_id : 0;
    htx_date_iso(htx_date_today(), v->as_of);
    v->count = 0;
    v->out_of_memory = false;
    htx_error err;
    htx_status st = htx_roster_each(app->store, v->club->code, v->as_of, v->sort, collect, v, &err);
    if (st == HTX_OK && v->out_of_memory)
        st = htx_fail(&err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (st != HTX_OK) {
        app_notice_error(app, &err);
        return false;
    }
    for (int i = 0; i < v->count; i++)
        if (v->entries[i].coop_id == current)
            v->scroll.cursor = i;
    tui_scroll_fit(&v->scroll, v->count, v->scroll.page);
    return true;
}

/* ---- layout ----------------------------------------------------------------- */

static int widest_text(const char *const texts[], int n)
{
    int widest = 0;
    for (int i = 0; i < n; i++) {
        int w = (int)htx_text_width(texts[i]);
        if (w > widest)
            widest = w;
    }
    return widest;
}

static int widest_district(void)
{
    int widest = 0;
    for (size_t i = 0; i < HTX_DISTRICT_COUNT; i++) {
        int w = (int)htx_text_width(HTX_DISTRICTS[i].name);
        if (w > widest)
            widest = w;
    }
    return widest;
}

static ui_id column_header(roster_column col)
{
    static const ui_id headers[COLUMN_COUNT] = {
        [COL_NO] = UI_COL_NO,       [COL_DISTRICT] = UI_COL_DISTRICT, [COL_REPRESENTATIVE] = UI_COL_REPRESENTATIVE,
        [COL_PHONE] = UI_COL_PHONE, [COL_ROLE] = UI_COL_ROLE,         [COL_JOINED] = UI_COL_JOINED,
    };
    return headers[col];
}

/* Each column as wide as its widest content or header; the name takes the rest. */
static roster_layout lay_out(const roster_view *v, htx_lang lang, int width)
{
    roster_layout l;
    char last_number[32];
    htx_format_thousands(v->count, last_number, sizeof last_number);
    const char *roles[HTX_ROLE_COUNT];
    for (int r = 0; r < HTX_ROLE_COUNT; r++)
        roles[r] = htx_role_name((htx_role)r, lang);
    l.width[COL_NO] = (int)htx_text_width(last_number);
    l.width[COL_DISTRICT] = widest_district();
    l.width[COL_REPRESENTATIVE] = 18;
    l.width[COL_PHONE] = 11;
    l.width[COL_ROLE] = widest_text(roles, HTX_ROLE_COUNT);
    l.width[COL_JOINED] = 10;
    for (int c = 0; c < COLUMN_COUNT; c++) {
        int header = (int)htx_text_width(ui_text(column_header((roster_column)c), lang));
        if (header > l.width[c])
            l.width[c] = header;
    }
    size_t dropped = 0;
    for (;;) {
        int used = 2; /* margins */
        for (int c = 0; c < COLUMN_COUNT; c++)
            if (l.width[c])
                used += l.width[c] + 1;
        l.name = width - used;
        if (l.name >= MIN_NAME_COLUMNS || dropped == sizeof drop_order / sizeof drop_order[0])
            break;
        l.width[drop_order[dropped++]] = 0;
    }
    if (l.name < 1)
        l.name = 1;
    return l;
}

/* Cells in screen order: number, name, then the optional columns. */
static void draw_cells(tui_canvas *c, int y, int x, const roster_layout *l, const char *cells[COLUMN_COUNT],
                       const char *name, tui_style style)
{
    int at = x + 1;
    canvas_text_right(c, y, at, l->width[COL_NO], cells[COL_NO], style);
    at += l->width[COL_NO] + 1;
    canvas_text(c, y, at, l->name, name, style);
    at += l->name + 1;
    for (int col = COL_DISTRICT; col < COLUMN_COUNT; col++) {
        if (!l->width[col])
            continue;
        canvas_text(c, y, at, l->width[col], cells[col], style);
        at += l->width[col] + 1;
    }
}

/* ---- drawing ---------------------------------------------------------------- */

static void draw_title(const roster_view *v, htx_lang lang, tui_canvas *c, int y, tui_rect a)
{
    htx_date day;
    char shown[HTX_ISO_DATE_SIZE] = "";
    if (htx_date_parse(v->as_of, &day))
        htx_date_display(day, shown);
    char title[512];
    snprintf(title, sizeof title, "%s · %s · %s %s", ui_text(UI_ROSTER_TITLE, lang),
             htx_club_name(v->club, lang), ui_text(UI_ROSTER_AS_OF, lang), shown);
    canvas_text(c, y, a.x + 1, a.width - 2, title, STYLE_HEADER);
}

static void draw_member(const roster_view *v, htx_lang lang, tui_canvas *c, int y, tui_rect a,
                        const roster_layout *l, int i)
{
    const htx_roster_entry *e = &v->entries[i];
    char number[32], joined[HTX_ISO_DATE_SIZE] = "";
    htx_format_thousands(i + 1, number, sizeof number);
    htx_date day;
    if (e->joined[0] && htx_date_parse(e->joined, &day))
        htx_date_display(day, joined);
    const htx_district *district = htx_district_by_code(e->district);
    const char *cells[COLUMN_COUNT] = {
        [COL_NO] = number,
        [COL_DISTRICT] = district ? district->name : e->district,
        [COL_REPRESENTATIVE] = e->representative,
        [COL_PHONE] = e->phone,
        [COL_ROLE] = htx_role_name(e->role, lang),
        [COL_JOINED] = joined,
    };
    tui_style style = i == v->scroll.cursor ? STYLE_CURSOR : STYLE_NORMAL;
    if (style != STYLE_NORMAL)
        canvas_fill(c, y, a.x, 1, a.width, style);
    draw_cells(c, y, a.x, l, cells, e->name, style);
}

static void roster_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    roster_view *v = (roster_view *)view;
    htx_lang lang = app->lang;
    draw_title(v, lang, c, a.y, a);

    roster_layout l = lay_out(v, lang, a.width);
    const char *headers[COLUMN_COUNT];
    for (int col = 0; col < COLUMN_COUNT; col++)
        headers[col] = ui_text(column_header((roster_column)col), lang);
    canvas_fill(c, a.y + 1, a.x, 1, a.width, STYLE_HEADER);
    draw_cells(c, a.y + 1, a.x, &l, headers, ui_text(UI_COL_NAME, lang), STYLE_HEADER);

    int rows = a.height - 2;
    tui_scroll_fit(&v->scroll, v->count, rows);
    v->first_y = a.y + 2;
    if (v->count == 0)
        canvas_text(c, v->first_y, a.x + 1, a.width - 2, ui_text(UI_ROSTER_EMPTY, lang), STYLE_DIM);
    for (int r = 0; r < rows && v->scroll.top + r < v->count; r++)
        draw_member(v, lang, c, v->first_y + r, a, &l, v->scroll.top + r);
}

/* ---- events ------------------------------------------------------------------- */

static int open_member(roster_view *v, tui_app *app)
{
    if (v->count > 0)
        app_push(app, view_detail_new(app, v->entries[v->scroll.cursor].coop_id));
    return VIEW_HANDLED | VIEW_REDRAW;
}

/* The cooperative found goes to the membership dialog, this club chosen. */
static void member_found(tui_app *app, void *ctx, int64_t coop_id)
{
    roster_view *v = ctx;
    app_push(app, view_membership_new(app, coop_id, v->club->code, false));
}

static int handle_mouse(roster_view *v, tui_app *app, const tui_event *e)
{
    bool open;
    int flags = tui_scroll_mouse(&v->scroll, e, v->first_y, &open);
    return open ? open_member(v, app) : flags;
}

static const char *member_label(int i, void *ctx)
{
    const roster_view *v = ctx;
    return v->entries[i].name;
}

/* Typing finds a member by the beginning of its name or of a word in it. */
static int find_member(roster_view *v, int key)
{
    int found;
    if (!typed_find_key(&v->find, key, v->count, member_label, v, &found))
        return VIEW_IGNORED;
    if (found >= 0)
        v->scroll.cursor = found;
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int roster_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    roster_view *v = (roster_view *)view;
    if (e->type == EV_MOUSE)
        return handle_mouse(v, app, e);
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    if (e->action == ACT_NONE)
        return find_member(v, e->key);
    typed_find_stop(&v->find);
    if (tui_scroll_action(&v->scroll, e->action))
        return VIEW_HANDLED | VIEW_REDRAW;
    switch (e->action) {
    case ACT_OPEN: return open_member(v, app);
    case ACT_SORT_ROSTER:
        v->sort = (htx_roster_sort)((v->sort + 1) % HTX_ROSTER_SORT_COUNT);
        load(v, app);
        return VIEW_HANDLED | VIEW_REDRAW;
    /* F7 here goes back to the clubs this roster was opened from */
    case ACT_CLUBS: return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    case ACT_PRINT: {
        tui_view *dialog = view_print_new(app, v->club->code, v->as_of, v->sort);
        if (dialog)
            app_push(app, dialog);
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    case ACT_ADD_MEMBER:
        app_push(app, view_find_new(app, ui_text(UI_FIND_TITLE, app->lang), v->club->code, member_found, v));
        return VIEW_HANDLED | VIEW_REDRAW;
    default: return VIEW_IGNORED;
    }
}

static void roster_reload(tui_view *view, tui_app *app)
{
    load((roster_view *)view, app);
}

static const char *sort_label(htx_roster_sort sort, htx_lang lang)
{
    switch (sort) {
    case HTX_ROSTER_BY_DISTRICT: return ui_text(UI_COL_DISTRICT, lang);
    case HTX_ROSTER_BY_JOINED: return ui_text(UI_COL_JOINED, lang);
    default: return ui_text(UI_SORT_NAME, lang);
    }
}

static void roster_status(tui_view *view, tui_app *app, char *out, size_t size)
{
    roster_view *v = (roster_view *)view;
    if (typed_find_active(&v->find)) {
        typed_find_describe(&v->find, app->lang, out, size);
        return;
    }
    char position[64];
    tui_scroll_position(&v->scroll, position, sizeof position);
    snprintf(out, size, "%s · %s · %s: %s", htx_club_name(v->club, app->lang), position,
             ui_text(UI_SORT_LABEL, app->lang), sort_label(v->sort, app->lang));
}

static void roster_destroy(tui_view *view)
{
    roster_view *v = (roster_view *)view;
    free(v->entries);
    free(v);
}

/* F7 here goes back to the clubs, F9 prints this roster: the roster's own
 * meaning of two global actions.  Typed characters find a member; while
 * something is typed, Esc and Backspace edit it instead of going back. */
static const tui_action roster_actions[] = {
    ACT_OPEN, ACT_ADD_MEMBER, ACT_SORT_ROSTER, ACT_CLUBS, ACT_PRINT,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_action roster_globals[] = {ACT_HELP, ACT_STATS, ACT_QUIT, ACT_IMPORT, ACT_BACK, ACT_NONE};
static const tui_action finding_globals[] = {ACT_HELP, ACT_STATS, ACT_QUIT, ACT_IMPORT, ACT_NONE};
static const tui_keymap roster_keymap = {.actions = roster_actions, .globals = roster_globals, .typing = true};
static const tui_keymap finding_keymap = {.actions = roster_actions, .globals = finding_globals, .typing = true};

static const tui_keymap *roster_current_keymap(const tui_view *view)
{
    return typed_find_active(&((const roster_view *)view)->find) ? &finding_keymap : &roster_keymap;
}

static void roster_subtitle(tui_view *view, tui_app *app, char *out, size_t size)
{
    snprintf(out, size, "%s", htx_club_name(((roster_view *)view)->club, app->lang));
}

static const tui_view_ops roster_ops = {
    .draw = roster_draw,
    .handle = roster_handle,
    .reload = roster_reload,
    .status = roster_status,
    .destroy = roster_destroy,
    .title = UI_ROSTER_TITLE,
    .subtitle = roster_subtitle,
    .popup = false,
    .keymap = &roster_keymap,
    .current_keymap = roster_current_keymap,
};

tui_view *view_roster_new(tui_app *app, const char *club_code)
{
    const htx_club *club = club_code ? htx_club_find(club_code) : NULL;
    if (!club) {
        htx_error err;
        htx_fail(&err, HTX_ERR_INVALID, MSG_UNKNOWN_CLUB, "club", club_code ? club_code : "", NULL);
        app_notice_error(app, &err);
        return NULL;
    }
    roster_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &roster_ops;
    v->club = club;
    v->sort = HTX_ROSTER_BY_NAME;
    tui_scroll_init(&v->scroll, true);
    if (!load(v, app)) {
        roster_destroy(&v->base);
        return NULL;
    }
    return &v->base;
}
