/*
 * The main screen: the district panel beside the list of cooperatives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browse.h"
#include "collate.h"
#include "coop_list.h"
#include "date.h"
#include "display.h"
#include "format.h"
#include "refdata.h"
#include "text.h"
#include "ui_text.h"
#include "views.h"

#define PANEL_WIDTH 24

typedef struct main_view {
    tui_view base;
    coop_list *list;
    const htx_district *districts[32]; /* in Vietnamese order */
    int64_t counts[32];                /* same order */
    int64_t total;
    int district_cursor; /* 0: all; i: districts[i - 1] */
    int district_top;
    bool focus_list;
    bool searching;
    char query[256];
    int list_y; /* screen row of the first list row, for clicks */
} main_view;

static int compare_names(const void *a, const void *b)
{
    const htx_district *const *x = a, *const *y = b;
    return htx_collate_compare((*x)->name, (*y)->name);
}

static void load_counts(main_view *m, tui_app *app)
{
    int64_t by_table[32] = {0};
    htx_error err;
    if (htx_district_counts(app->store, by_table, &m->total, &err) != HTX_OK) {
        app_notice_error(app, &err);
        return;
    }
    for (size_t i = 0; i < HTX_DISTRICT_COUNT; i++)
        for (size_t k = 0; k < HTX_DISTRICT_COUNT; k++)
            if (m->districts[i] == &HTX_DISTRICTS[k])
                m->counts[i] = by_table[k];
}

static const char *district_code_at(const main_view *m, int index)
{
    return index == 0 ? NULL : m->districts[index - 1]->code;
}

static void select_district(main_view *m, int index)
{
    if (index < 0)
        index = 0;
    if (index > (int)HTX_DISTRICT_COUNT)
        index = (int)HTX_DISTRICT_COUNT;
    if (index == m->district_cursor && m->list->count > 0)
        return;
    m->district_cursor = index;
    coop_list_set_district(m->list, district_code_at(m, index));
}

/* ---- drawing ------------------------------------------------------------ */

static void draw_districts(main_view *m, tui_app *app, tui_canvas *c, tui_rect a)
{
    canvas_text_fill(c, a.y, a.x, PANEL_WIDTH, ui_text(UI_DISTRICTS, app->lang), STYLE_HEADER);
    int rows = a.height - 1;
    int entries = (int)HTX_DISTRICT_COUNT + 1;
    if (m->district_cursor < m->district_top)
        m->district_top = m->district_cursor;
    if (m->district_cursor >= m->district_top + rows)
        m->district_top = m->district_cursor - rows + 1;
    for (int r = 0; r < rows; r++) {
        int i = m->district_top + r;
        if (i >= entries)
            break;
        tui_style style = i != m->district_cursor ? STYLE_NORMAL : m->focus_list ? STYLE_CURSOR_DIM : STYLE_CURSOR;
        const char *name = i == 0 ? ui_text(UI_ALL, app->lang) : m->districts[i - 1]->name;
        char count[24];
        htx_format_thousands(i == 0 ? m->total : m->counts[i - 1], count, sizeof count);
        int y = a.y + 1 + r;
        canvas_fill(c, y, a.x, 1, PANEL_WIDTH, style);
        canvas_text(c, y, a.x + 1, PANEL_WIDTH - 9, name, style);
        canvas_text_right(c, y, a.x + PANEL_WIDTH - 8, 7, count, style == STYLE_NORMAL ? STYLE_DIM : style);
    }
    for (int y = a.y; y < a.y + a.height; y++)
        canvas_text(c, y, a.x + PANEL_WIDTH, 1, "│", STYLE_BORDER);
}

typedef struct columns {
    int code, name, sector, founded, members;
} columns;

/* Columns sized to the width: fixed ones first, the name takes the rest. */
static columns layout(int width)
{
    columns col = {14, 0, 12, 10, 7};
    int fixed = col.code + col.sector + col.founded + col.members + 4;
    col.name = width - fixed;
    if (col.name < 16) {
        col.sector = 0;
        col.name = width - (col.code + col.founded + col.members + 3);
    }
    return col;
}

static void draw_row(tui_canvas *c, int y, int x, const columns *col, const char *cells[5], tui_style style,
                     tui_style members_style)
{
    int at = x;
    canvas_text(c, y, at, col->code, cells[0], style);
    at += col->code + 1;
    canvas_text(c, y, at, col->name, cells[1], style);
    at += col->name + 1;
    if (col->sector > 0) {
        canvas_text(c, y, at, col->sector, cells[2], style);
        at += col->sector + 1;
    }
    canvas_text(c, y, at, col->founded, cells[3], style);
    at += col->founded + 1;
    canvas_text_right(c, y, at, col->members, cells[4], members_style);
}

static void draw_list(main_view *m, tui_app *app, tui_canvas *c, tui_rect a)
{
    columns col = layout(a.width);
    const char *headers[5] = {ui_text(UI_COL_CODE, app->lang), ui_text(UI_COL_NAME, app->lang),
                              ui_text(UI_COL_SECTOR, app->lang), ui_text(UI_COL_FOUNDED, app->lang),
                              ui_text(UI_COL_MEMBERS, app->lang)};
    canvas_fill(c, a.y, a.x, 1, a.width, STYLE_HEADER);
    draw_row(c, a.y, a.x, &col, headers, STYLE_HEADER, STYLE_HEADER);

    int rows = a.height - 1 - (m->searching ? 1 : 0);
    coop_list_set_page(m->list, rows);
    m->list_y = a.y + 1;
    if (m->list->failed) {
        app_notice_error(app, &m->list->error);
        return;
    }
    if (m->list->count == 0) {
        canvas_text(c, a.y + 1, a.x + 1, a.width - 1, ui_text(UI_EMPTY_LIST, app->lang), STYLE_DIM);
    }
    for (int i = 0; i < m->list->count && i < rows; i++) {
        const htx_brief *b = &m->list->rows[i];
        const htx_sector *sector = htx_sector_find(b->sector);
        char founded[HTX_ISO_DATE_SIZE] = "", members[24] = "";
        htx_date d;
        if (b->founded[0] && htx_date_parse(b->founded, &d))
            htx_date_display(d, founded);
        if (b->members >= 0)
            htx_format_thousands(b->members, members, sizeof members);
        const char *cells[5] = {b->code, b->name, sector ? htx_sector_short_name(sector, app->lang) : b->sector,
                                founded, members};
        bool selected = i == m->list->cursor;
        tui_style style = !selected ? (b->status == HTX_ACTIVE ? STYLE_NORMAL : STYLE_DIM)
                                    : m->focus_list ? STYLE_CURSOR : STYLE_CURSOR_DIM;
        if (selected)
            canvas_fill(c, a.y + 1 + i, a.x, 1, a.width, style);
        draw_row(c, a.y + 1 + i, a.x, &col, cells, style, selected ? style : STYLE_DIM);
    }
    if (m->searching) {
        int y = a.y + a.height - 1;
        canvas_fill(c, y, a.x, 1, a.width, STYLE_INPUT);
        int w = canvas_text(c, y, a.x, a.width, ui_text(UI_SEARCH_PROMPT, app->lang), STYLE_INPUT);
        int used = canvas_text(c, y, a.x + w, a.width - w - 1, m->query, STYLE_INPUT);
        canvas_text(c, y, a.x + w + used, 1, "▏", STYLE_INPUT);
    }
}

static void main_draw(tui_view *v, tui_app *app, tui_canvas *c, tui_rect a)
{
    main_view *m = (main_view *)v;
    tui_rect panel = {a.y, a.x, a.height, PANEL_WIDTH + 1};
    tui_rect list = {a.y, a.x + PANEL_WIDTH + 2, a.height, a.width - PANEL_WIDTH - 2};
    draw_districts(m, app, c, panel);
    draw_list(m, app, c, list);
}

/* ---- status line ----------------------------------------------------------- */

static void append(char *out, size_t size, const char *text)
{
    size_t n = strlen(out);
    snprintf(out + n, size - n, "%s%s", n ? " · " : "", text);
}

static const char *sort_label(htx_sort sort, htx_lang lang)
{
    switch (sort) {
    case HTX_SORT_CODE: return ui_text(UI_SORT_CODE, lang);
    case HTX_SORT_FOUNDED: return ui_text(UI_SORT_FOUNDED, lang);
    case HTX_SORT_MEMBERS: return ui_text(UI_SORT_MEMBERS, lang);
    default: return ui_text(UI_SORT_NAME, lang);
    }
}

static void main_status(tui_view *v, tui_app *app, char *out, size_t size)
{
    main_view *m = (main_view *)v;
    const coop_list *l = m->list;
    char part[300], a[32], b[32];
    out[0] = '\0';
    htx_format_thousands(l->count ? l->top + l->cursor + 1 : 0, a, sizeof a);
    htx_format_thousands(l->total, b, sizeof b);
    htx_lang lang = app->lang;
    snprintf(part, sizeof part, "%s/%s%s", a, b, l->total_capped ? "+" : "");
    append(out, size, part);
    append(out, size, m->district_cursor > 0 ? m->districts[m->district_cursor - 1]->name : ui_text(UI_ALL, lang));
    if (l->filter.sector) {
        const htx_sector *s = htx_sector_find(l->filter.sector);
        snprintf(part, sizeof part, "%s: %s", ui_text(UI_FILTER_SECTOR, lang), s ? htx_sector_name(s, lang) : "");
        append(out, size, part);
    }
    if (l->filter.status >= 0) {
        snprintf(part, sizeof part, "%s: %s", ui_text(UI_FILTER_STATUS, lang),
                 htx_status_name((htx_coop_status)l->filter.status, lang));
        append(out, size, part);
    }
    if (l->filter.club) {
        const htx_club *club = htx_club_find(l->filter.club);
        snprintf(part, sizeof part, "%s", club ? htx_club_name(club, lang) : "");
        append(out, size, part);
    }
    if (l->filter.search && !m->searching) {
        snprintf(part, sizeof part, "%s: %s", ui_text(UI_SEARCH_LABEL, lang), l->filter.search);
        append(out, size, part);
    }
    snprintf(part, sizeof part, "%s: %s", ui_text(UI_SORT_LABEL, lang), sort_label(l->filter.sort, lang));
    append(out, size, part);
    const char *slash = strrchr(app->db_path ? app->db_path : "", '/');
    snprintf(part, sizeof part, "%s: %s", ui_text(UI_DATABASE, lang), slash ? slash + 1 : app->db_path);
    append(out, size, part);
}

/* ---- popups --------------------------------------------------------------- */

static void sort_chosen(tui_app *app, void *ctx, int index)
{
    (void)app;
    static const htx_sort orders[] = {HTX_SORT_NAME, HTX_SORT_CODE, HTX_SORT_FOUNDED, HTX_SORT_MEMBERS};
    main_view *m = ctx;
    coop_list_set_sort(m->list, orders[index]);
}

static void open_sort(main_view *m, tui_app *app)
{
    htx_lang lang = app->lang;
    const char *items[] = {ui_text(UI_SORT_NAME, lang), ui_text(UI_SORT_CODE, lang),
                           ui_text(UI_SORT_FOUNDED, lang), ui_text(UI_SORT_MEMBERS, lang)};
    int current = 0;
    static const htx_sort orders[] = {HTX_SORT_NAME, HTX_SORT_CODE, HTX_SORT_FOUNDED, HTX_SORT_MEMBERS};
    for (int i = 0; i < 4; i++)
        if (orders[i] == m->list->filter.sort)
            current = i;
    app_push(app, view_choice_new(app, ui_text(UI_SORT_TITLE, lang), items, 4, current, sort_chosen, m));
}

/* Filter choices: clear, then sectors, statuses, clubs. */
enum { FILTER_ITEMS = 1 + 7 + HTX_STATUS_COUNT + 5 };

static void filter_chosen(tui_app *app, void *ctx, int index)
{
    (void)app;
    main_view *m = ctx;
    coop_list *l = m->list;
    if (index == 0) {
        l->filter.status = -1;
        l->sector[0] = l->club[0] = '\0';
        l->filter.sector = l->filter.club = NULL;
        coop_list_set_search(l, NULL); /* re-reads */
        m->query[0] = '\0';
        return;
    }
    index--;
    if (index < (int)HTX_SECTOR_COUNT) {
        coop_list_set_sector(l, HTX_SECTORS[index].code);
        return;
    }
    index -= (int)HTX_SECTOR_COUNT;
    if (index < HTX_STATUS_COUNT) {
        coop_list_set_status(l, index);
        return;
    }
    index -= HTX_STATUS_COUNT;
    coop_list_set_club(l, HTX_CLUBS[index].code);
}

static void open_filter(main_view *m, tui_app *app)
{
    htx_lang lang = app->lang;
    char labels[FILTER_ITEMS][160];
    const char *items[FILTER_ITEMS];
    int n = 0;
    snprintf(labels[n], sizeof labels[n], "%s", ui_text(UI_FILTER_CLEAR, lang));
    n++;
    for (size_t i = 0; i < HTX_SECTOR_COUNT; i++, n++)
        snprintf(labels[n], sizeof labels[n], "%s: %s", ui_text(UI_FILTER_SECTOR, lang),
                 htx_sector_name(&HTX_SECTORS[i], lang));
    for (int i = 0; i < HTX_STATUS_COUNT; i++, n++)
        snprintf(labels[n], sizeof labels[n], "%s: %s", ui_text(UI_FILTER_STATUS, lang),
                 htx_status_name((htx_coop_status)i, lang));
    for (size_t i = 0; i < HTX_CLUB_COUNT; i++, n++)
        snprintf(labels[n], sizeof labels[n], "%s", htx_club_name(&HTX_CLUBS[i], lang));
    for (int i = 0; i < n; i++)
        items[i] = labels[i];
    app_push(app, view_choice_new(app, ui_text(UI_FILTER_TITLE, lang), items, n, 0, filter_chosen, m));
}

/* ---- events --------------------------------------------------------------- */

static void search_key(main_view *m, int key)
{
    size_t n = strlen(m->query);
    if (key == TK_BACKSPACE) {
        /* remove the last character, not the last byte */
        while (n > 0 && ((unsigned char)m->query[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        m->query[n] = '\0';
    } else if (key == TK_CTRL_U) {
        m->query[0] = '\0';
    } else if (key > 0 && key < TK_SPECIAL) {
        char utf8[4];
        int len = htx_utf8_encode(key, utf8);
        if (len > 0 && n + (size_t)len < sizeof m->query - 1) {
            memcpy(m->query + n, utf8, (size_t)len);
            m->query[n + (size_t)len] = '\0';
        }
    } else {
        return;
    }
    coop_list_set_search(m->list, m->query);
}

static int handle_search(main_view *m, const tui_event *e)
{
    switch (e->action) {
    case ACT_KEEP_SEARCH:
        m->searching = false;
        m->focus_list = true;
        break;
    case ACT_STOP_SEARCH:
        m->searching = false;
        m->query[0] = '\0';
        coop_list_set_search(m->list, NULL);
        break;
    case ACT_UP: coop_list_move(m->list, -1); break;
    case ACT_DOWN: coop_list_move(m->list, 1); break;
    case ACT_PAGE_UP: coop_list_move(m->list, -m->list->page); break;
    case ACT_PAGE_DOWN: coop_list_move(m->list, m->list->page); break;
    default: search_key(m, e->key); break;
    }
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int handle_mouse(main_view *m, tui_app *app, const tui_event *e)
{
    tui_rect a = m->base.area;
    if (e->y < a.y || e->y >= a.y + a.height || e->x < a.x || e->x >= a.x + a.width)
        return VIEW_IGNORED;
    bool in_panel = e->x < a.x + PANEL_WIDTH + 1;
    int step = e->button == MOUSE_WHEEL_UP ? -3 : e->button == MOUSE_WHEEL_DOWN ? 3 : 0;
    if (in_panel) {
        if (step)
            select_district(m, m->district_cursor + step);
        else if (e->y > a.y)
            select_district(m, m->district_top + e->y - a.y - 1);
        m->focus_list = false;
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    m->focus_list = true;
    if (step) {
        coop_list_move(m->list, step);
    } else if (e->y >= m->list_y && e->y - m->list_y < m->list->count) {
        coop_list_point(m->list, e->y - m->list_y);
        if (e->button == MOUSE_DOUBLE_CLICK) {
            const htx_brief *b = coop_list_current(m->list);
            if (b)
                app_push(app, view_detail_new(app, b->id));
        }
    }
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int move_focused(main_view *m, int64_t delta)
{
    if (m->focus_list)
        coop_list_move(m->list, delta);
    else
        select_district(m, m->district_cursor + (int)(delta > 30 ? 30 : delta < -30 ? -30 : delta));
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int clear_kept_search(main_view *m)
{
    if (!m->list->filter.search)
        return VIEW_HANDLED;
    m->query[0] = '\0';
    coop_list_set_search(m->list, NULL);
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int main_handle(tui_view *v, tui_app *app, const tui_event *e)
{
    main_view *m = (main_view *)v;
    if (e->type == EV_MOUSE)
        return handle_mouse(m, app, e);
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    if (m->searching)
        return handle_search(m, e);
    int page = m->list->page;
    switch (e->action) {
    case ACT_SEARCH:
        m->searching = true;
        m->focus_list = true;
        snprintf(m->query, sizeof m->query, "%s", m->list->filter.search ? m->list->filter.search : "");
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_FILTER: open_filter(m, app); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_ADD: app_push(app, view_form_new(app, 0)); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_EDIT: {
        const htx_brief *b = coop_list_current(m->list);
        if (b)
            app_push(app, view_form_new(app, b->id));
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    case ACT_SORT: open_sort(m, app); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_UP: return move_focused(m, -1);
    case ACT_DOWN: return move_focused(m, 1);
    case ACT_PAGE_UP: return move_focused(m, -page);
    case ACT_PAGE_DOWN: return move_focused(m, page);
    case ACT_HOME:
        if (m->focus_list)
            coop_list_home(m->list);
        else
            select_district(m, 0);
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_END:
        if (m->focus_list)
            coop_list_end(m->list);
        else
            select_district(m, (int)HTX_DISTRICT_COUNT);
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_SWITCH_PANEL: m->focus_list = !m->focus_list; return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_OPEN:
        if (!m->focus_list) {
            m->focus_list = true;
        } else {
            const htx_brief *b = coop_list_current(m->list);
            if (b)
                app_push(app, view_detail_new(app, b->id));
        }
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_TO_DISTRICTS:
        if (m->focus_list) {
            m->focus_list = false;
            return VIEW_HANDLED | VIEW_REDRAW;
        }
        /* already there: the step back after that is the kept search */
        return clear_kept_search(m);
    case ACT_CLEAR_SEARCH: return clear_kept_search(m);
    default: return VIEW_IGNORED;
    }
}

static void main_reload(tui_view *v, tui_app *app)
{
    main_view *m = (main_view *)v;
    load_counts(m, app);
    coop_list_refresh(m->list);
}

static void main_destroy(tui_view *v)
{
    main_view *m = (main_view *)v;
    free(m->list);
    free(m);
}

/* Nothing is behind the main screen: Backspace and Esc step back within it
 * (to the districts, out of a kept search) instead of the global Back. */
static const tui_action browse_actions[] = {
    ACT_ADD, ACT_SEARCH, ACT_FILTER, ACT_EDIT, ACT_SORT,
    ACT_OPEN, ACT_SWITCH_PANEL, ACT_TO_DISTRICTS, ACT_CLEAR_SEARCH,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_action browse_globals[] = {
    ACT_HELP, ACT_CLUBS, ACT_STATS, ACT_PRINT, ACT_QUIT, ACT_IMPORT, ACT_NONE,
};
static const tui_keymap browse_keymap = {.actions = browse_actions, .globals = browse_globals};

/* While a search is typed, letters are the search; the list still moves. */
static const tui_action search_actions[] = {
    ACT_KEEP_SEARCH, ACT_STOP_SEARCH, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_NONE,
};
static const tui_keymap search_keymap = {.actions = search_actions, .typing = true};

static const tui_keymap *main_keymap(const tui_view *v)
{
    return ((const main_view *)v)->searching ? &search_keymap : &browse_keymap;
}

static const tui_view_ops main_ops = {
    .draw = main_draw,
    .handle = main_handle,
    .reload = main_reload,
    .status = main_status,
    .destroy = main_destroy,
    .popup = false,
    .keymap = &browse_keymap,
    .current_keymap = main_keymap,
};

tui_view *view_main_new(tui_app *app, const char *district_code)
{
    main_view *m = calloc(1, sizeof *m);
    coop_list *list = malloc(sizeof *list);
    if (!m || !list) {
        free(m);
        free(list);
        return NULL;
    }
    m->base.ops = &main_ops;
    m->list = list;
    coop_list_init(list, app->store);
    for (size_t i = 0; i < HTX_DISTRICT_COUNT; i++)
        m->districts[i] = &HTX_DISTRICTS[i];
    qsort(m->districts, HTX_DISTRICT_COUNT, sizeof m->districts[0], compare_names);
    load_counts(m, app);
    int start = 0;
    for (size_t i = 0; district_code && i < HTX_DISTRICT_COUNT; i++)
        if (strcmp(m->districts[i]->code, district_code) == 0)
            start = (int)i + 1;
    m->district_cursor = -1;
    select_district(m, start);
    m->focus_list = start != 0;
    return &m->base;
}
