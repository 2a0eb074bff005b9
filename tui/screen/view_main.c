/*
 * The main screen: the district panel beside the list of cooperatives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browse.h"
#include "coop_columns.h"
#include "coop_list.h"
#include "date.h"
#include "display.h"
#include "place_panel.h"
#include "format.h"
#include "refdata.h"
#include "text.h"
#include "typed_text.h"
#include "ui_text.h"
#include "views.h"

/* Below this width the district panel folds away while the list has the
 * focus: the list needs the whole width for names and their districts. */
#define WIDE_SCREEN 100
/* Codes are ten digits; a branch's code is longer (0101234567-001). */
#define CODE_WIDTH 10

typedef struct main_view {
    tui_view base;
    coop_list *list;
    place_panel places;
    bool focus_list;
    bool searching;
    char query[256];
    int list_y;      /* screen row of the first list row, for clicks */
    int panel_end;   /* the first column right of the panel; 0 when folded */
    int find_origin; /* the place selected when typing in the panel began */
    htx_lang lang;   /* for the bar's labels */
} main_view;

static void load_counts(main_view *m, tui_app *app)
{
    htx_error err;
    if (place_panel_load(&m->places, app->store, app->lang, &err) != HTX_OK)
        app_notice_error(app, &err);
}

static void select_district(main_view *m, int index)
{
    index = place_panel_clamp(&m->places, index);
    if (index == m->places.cursor && m->list->count > 0)
        return;
    m->places.cursor = index;
    place_choice place = place_panel_choice(&m->places, index);
    coop_list_set_place(m->list, place.district, place.commune, place.without_commune);
}

/* Districts ↔ communes and wards: the list shows everything again. */
static int switch_places(main_view *m, tui_app *app)
{
    place_panel_switch(&m->places);
    load_counts(m, app);
    m->places.cursor = -1;
    select_district(m, 0);
    m->focus_list = false;
    return VIEW_HANDLED | VIEW_REDRAW;
}

static bool panel_shown(const main_view *m, int width)
{
    return !m->focus_list || width >= WIDE_SCREEN;
}

/* ---- drawing ------------------------------------------------------------ */

static void draw_cells(tui_canvas *c, int y, int x, const coop_columns *col, const char *const cells[COL_COUNT],
                       tui_style style, tui_style members_style)
{
    int at = x;
    for (int k = 0; k < COL_COUNT; k++) {
        if (col->width[k] == 0)
            continue;
        if (k == COL_MEMBERS)
            canvas_text_right(c, y, at, col->width[k], cells[k], members_style);
        else
            canvas_text(c, y, at, col->width[k], cells[k], style);
        at += col->width[k] + 1;
    }
}

static int widest_code(const coop_list *l)
{
    int width = CODE_WIDTH;
    for (int i = 0; i < l->count; i++) {
        int w = (int)htx_text_width(l->rows[i].code);
        if (w > width)
            width = w;
    }
    return width;
}

static void draw_row(main_view *m, tui_app *app, tui_canvas *c, int y, int x, int width, const coop_columns *col,
                     int i)
{
    const htx_brief *b = &m->list->rows[i];
    const htx_sector *sector = htx_sector_find(b->sector);
    const htx_district *district = htx_district_by_code(b->district);
    char founded[HTX_ISO_DATE_SIZE] = "", members[24] = "";
    htx_date d;
    if (b->founded[0] && htx_date_parse(b->founded, &d))
        htx_date_display(d, founded);
    if (b->members >= 0)
        htx_format_thousands(b->members, members, sizeof members);
    const char *cells[COL_COUNT] = {
        [COL_CODE] = b->code,
        [COL_NAME] = b->name,
        [COL_DISTRICT] = district ? district->name : b->district,
        [COL_SECTOR] = sector ? htx_sector_short_name(sector, app->lang) : b->sector,
        [COL_FOUNDED] = founded,
        [COL_MEMBERS] = members,
    };
    bool selected = i == m->list->cursor;
    tui_style style = !selected ? (b->status == HTX_ACTIVE ? STYLE_NORMAL : STYLE_DIM)
                                : m->focus_list ? STYLE_CURSOR : STYLE_CURSOR_DIM;
    if (selected)
        canvas_fill(c, y, x, 1, width, style);
    draw_cells(c, y, x, col, cells, style, selected ? style : STYLE_DIM);
}

/* What the list says when it is empty: with a search in one district, how
 * many match in the others and the key that finds them. */
static void draw_empty(main_view *m, tui_app *app, tui_canvas *c, tui_rect a)
{
    const coop_list *l = m->list;
    if (!l->filter.search || l->elsewhere == 0) {
        canvas_text(c, a.y, a.x + 1, a.width - 1, ui_text(UI_EMPTY_LIST, app->lang), STYLE_DIM);
        return;
    }
    char count[32], line[600];
    htx_format_thousands(l->elsewhere, count, sizeof count);
    snprintf(line, sizeof line, ui_text(UI_NONE_HERE, app->lang),
             place_panel_name(&m->places, m->places.cursor, app->lang), l->filter.search);
    canvas_text(c, a.y, a.x + 1, a.width - 1, line, STYLE_NORMAL);
    snprintf(line, sizeof line, ui_text(m->searching ? UI_FOUND_ELSEWHERE_TAB : UI_FOUND_ELSEWHERE_F3, app->lang),
             count, l->elsewhere_capped ? "+" : "");
    canvas_text(c, a.y + 1, a.x + 1, a.width - 1, line, STYLE_HEADER);
}

/* The line a search is typed on: its scope first ("Tìm trong Thanh Trì:"),
 * and on the right what the district hides. */
static void draw_search_line(main_view *m, tui_app *app, tui_canvas *c, int y, int x, int width)
{
    htx_lang lang = app->lang;
    char prompt[200], hint[200] = "";
    if (m->places.cursor > 0)
        snprintf(prompt, sizeof prompt, ui_text(UI_SEARCH_IN, lang),
                 place_panel_name(&m->places, m->places.cursor, lang));
    else
        snprintf(prompt, sizeof prompt, "%s", ui_text(UI_SEARCH_PROMPT, lang));
    if (m->list->elsewhere > 0) {
        char count[32];
        htx_format_thousands(m->list->elsewhere, count, sizeof count);
        snprintf(hint, sizeof hint, ui_text(UI_SEARCH_ELSEWHERE, lang), count, m->list->elsewhere_capped ? "+" : "");
    }
    int hint_width = (int)htx_text_width(hint);
    canvas_fill(c, y, x, 1, width, STYLE_INPUT);
    int w = canvas_text(c, y, x, width, prompt, STYLE_INPUT);
    int room = width - w - 1 - (hint_width ? hint_width + 2 : 0);
    int used = canvas_text(c, y, x + w, room, m->query, STYLE_INPUT);
    canvas_text(c, y, x + w + used, 1, "▏", STYLE_INPUT);
    if (hint_width && hint_width < width - w - used - 2)
        canvas_text(c, y, x + width - hint_width, hint_width, hint, STYLE_HEADER);
}

static void draw_list(main_view *m, tui_app *app, tui_canvas *c, tui_rect a)
{
    /* rows of several districts say which one each is in */
    coop_columns col = coop_columns_fit(a.width, widest_code(m->list), m->places.cursor == 0);
    const char *const headers[COL_COUNT] = {
        ui_text(UI_COL_CODE, app->lang),     ui_text(UI_COL_NAME, app->lang),
        ui_text(UI_COL_DISTRICT, app->lang), ui_text(UI_COL_SECTOR, app->lang),
        ui_text(UI_COL_FOUNDED, app->lang),  ui_text(UI_COL_MEMBERS, app->lang),
    };
    canvas_fill(c, a.y, a.x, 1, a.width, STYLE_HEADER);
    draw_cells(c, a.y, a.x, &col, headers, STYLE_HEADER, STYLE_HEADER);

    int rows = a.height - 1 - (m->searching ? 1 : 0);
    coop_list_settle(m->list, true);
    coop_list_set_page(m->list, rows);
    m->list_y = a.y + 1;
    if (m->list->failed) {
        app_notice_error(app, &m->list->error);
        return;
    }
    if (m->list->count == 0)
        draw_empty(m, app, c, (tui_rect){a.y + 1, a.x, rows, a.width});
    for (int i = 0; i < m->list->count && i < rows; i++)
        draw_row(m, app, c, a.y + 1 + i, a.x, a.width, &col, i);
    if (m->searching)
        draw_search_line(m, app, c, a.y + a.height - 1, a.x, a.width);
}

static void main_draw(tui_view *v, tui_app *app, tui_canvas *c, tui_rect a)
{
    main_view *m = (main_view *)v;
    m->panel_end = 0;
    if (panel_shown(m, a.width)) {
        int width = place_panel_width(&m->places, app->lang);
        place_panel_draw(&m->places, c, (tui_rect){a.y, a.x, a.height, width}, !m->focus_list, app->lang);
        for (int y = a.y; y < a.y + a.height; y++)
            canvas_text(c, y, a.x + width, 1, "│", STYLE_BORDER);
        m->panel_end = a.x + width + 1;
    }
    int x = m->panel_end ? m->panel_end + 1 : a.x;
    draw_list(m, app, c, (tui_rect){a.y, x, a.height, a.x + a.width - x});
}

static void main_subtitle(tui_view *v, tui_app *app, char *out, size_t size)
{
    main_view *m = (main_view *)v;
    snprintf(out, size, "%s", place_panel_name(&m->places, m->places.cursor, app->lang));
}

/* ---- status line ----------------------------------------------------------- */

static void append(char *out, size_t size, const char *text)
{
    size_t n = strlen(out);
    snprintf(out + n, size - n, "%s%s", n ? " · " : "", text);
}

/* The orders the list offers (F6), in the order of the menu. */
static const struct {
    htx_sort sort;
    ui_id label;
} sort_orders[] = {
    {HTX_SORT_NAME, UI_SORT_NAME},       {HTX_SORT_DISTINCTIVE, UI_SORT_DISTINCTIVE}, {HTX_SORT_CODE, UI_SORT_CODE},
    {HTX_SORT_FOUNDED, UI_SORT_FOUNDED}, {HTX_SORT_MEMBERS, UI_SORT_MEMBERS},
};
enum { SORT_ORDERS = sizeof sort_orders / sizeof sort_orders[0] };

static const char *sort_label(htx_sort sort, htx_lang lang)
{
    for (int i = 0; i < SORT_ORDERS; i++)
        if (sort_orders[i].sort == sort)
            return ui_text(sort_orders[i].label, lang);
    return ui_text(UI_SORT_NAME, lang);
}

static void main_status(tui_view *v, tui_app *app, char *out, size_t size)
{
    main_view *m = (main_view *)v;
    const coop_list *l = m->list;
    char part[300], a[32], b[32];
    out[0] = '\0';
    if (l->top_unknown)
        snprintf(a, sizeof a, "\u2026");
    else
        htx_format_thousands(l->count ? l->top + l->cursor + 1 : 0, a, sizeof a);
    htx_format_thousands(l->total, b, sizeof b);
    htx_lang lang = app->lang;
    snprintf(part, sizeof part, "%s/%s%s", a, b, l->total_capped ? "+" : "");
    append(out, size, part);
    append(out, size, place_panel_name(&m->places, m->places.cursor, lang));
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
        if (l->elsewhere > 0) {
            char count[32];
            htx_format_thousands(l->elsewhere, count, sizeof count);
            snprintf(part, sizeof part, ui_text(UI_KEPT_ELSEWHERE, lang), count, l->elsewhere_capped ? "+" : "");
            append(out, size, part);
        }
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
    main_view *m = ctx;
    coop_list_set_sort(m->list, sort_orders[index].sort);
}

static void open_sort(main_view *m, tui_app *app)
{
    const char *items[SORT_ORDERS];
    int current = 0;
    for (int i = 0; i < SORT_ORDERS; i++) {
        items[i] = ui_text(sort_orders[i].label, app->lang);
        if (sort_orders[i].sort == m->list->filter.sort)
            current = i;
    }
    app_push(app, view_choice_new(app, ui_text(UI_SORT_TITLE, app->lang), items, SORT_ORDERS, current,
                                  sort_chosen, m));
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

static void start_search(main_view *m, const char *text)
{
    m->searching = true;
    m->focus_list = true;
    place_panel_stop_finding(&m->places);
    snprintf(m->query, sizeof m->query, "%s", text);
    coop_list_set_search(m->list, m->query);
}

/* Tab while searching one district: the same search in all of them. */
static void widen_search(main_view *m)
{
    if (m->places.cursor == 0)
        return;
    m->places.cursor = 0;
    coop_list_set_district(m->list, NULL);
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
    case ACT_WIDEN_SEARCH: widen_search(m); break;
    case ACT_UP: coop_list_move(m->list, -1); break;
    case ACT_DOWN: coop_list_move(m->list, 1); break;
    case ACT_PAGE_UP: coop_list_move(m->list, -m->list->page); break;
    case ACT_PAGE_DOWN: coop_list_move(m->list, m->list->page); break;
    default:
        if (typed_text_key(m->query, sizeof m->query, e->key))
            coop_list_set_search(m->list, m->query);
        break;
    }
    return VIEW_HANDLED | VIEW_REDRAW;
}

/* A typed character on the main screen finds: in the district panel the
 * district whose name begins with what was typed (or, when none does, the
 * cooperatives so called), in the list a search that starts with it ('/'
 * opens the search with what it held, as in less and vi). */
static int handle_typed(main_view *m, int key)
{
    if (key == '/' && !place_panel_finding(&m->places)) {
        start_search(m, m->list->filter.search ? m->list->filter.search : "");
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    if (m->focus_list) {
        if (key == ' ')
            return VIEW_HANDLED;
        char first[8] = "";
        typed_text_key(first, sizeof first, key);
        start_search(m, first);
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    if (!place_panel_finding(&m->places))
        m->find_origin = m->places.cursor;
    int found = place_panel_type(&m->places, key);
    if (found < 0)
        return VIEW_IGNORED;
    if (m->places.find.not_found) {
        /* No district is called so: what was typed is the name of a
         * cooperative ("quy" for Quỹ tín dụng …), searched where the worker
         * was before typing. */
        char typed[sizeof m->places.find.text];
        snprintf(typed, sizeof typed, "%s", m->places.find.text);
        select_district(m, m->find_origin);
        start_search(m, typed);
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    select_district(m, found);
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int handle_mouse(main_view *m, tui_app *app, const tui_event *e)
{
    tui_rect a = m->base.area;
    if (e->y < a.y || e->y >= a.y + a.height || e->x < a.x || e->x >= a.x + a.width)
        return VIEW_IGNORED;
    bool in_panel = m->panel_end && e->x < m->panel_end;
    int step = e->button == MOUSE_WHEEL_UP ? -3 : e->button == MOUSE_WHEEL_DOWN ? 3 : 0;
    place_panel_stop_finding(&m->places);
    if (in_panel) {
        if (step)
            select_district(m, m->places.cursor + step);
        else if (e->y > a.y)
            select_district(m, m->places.top + e->y - a.y - 1);
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
        select_district(m, m->places.cursor + (int)(delta > 30 ? 30 : delta < -30 ? -30 : delta));
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

static int open_current(main_view *m, tui_app *app)
{
    if (!m->focus_list) {
        m->focus_list = true;
        return VIEW_HANDLED | VIEW_REDRAW;
    }
    const htx_brief *b = coop_list_current(m->list);
    if (b)
        app_push(app, view_detail_new(app, b->id));
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int edit_current(main_view *m, tui_app *app)
{
    const htx_brief *b = coop_list_current(m->list);
    if (b)
        app_push(app, view_form_new(app, b->id));
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int handle_action(main_view *m, tui_app *app, tui_action action)
{
    int page = m->list->page;
    switch (action) {
    case ACT_SEARCH:
        start_search(m, m->list->filter.search ? m->list->filter.search : "");
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_FILTER: open_filter(m, app); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_ADD: app_push(app, view_form_new(app, 0)); return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_EDIT: return edit_current(m, app);
    case ACT_SORT: open_sort(m, app); return VIEW_HANDLED | VIEW_REDRAW;
    /* what the list shows: its district, filters, search and order */
    case ACT_PRINT: app_push(app, view_print_list_new(app, &m->list->filter)); return VIEW_HANDLED | VIEW_REDRAW;
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
            select_district(m, m->places.count);
        return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_SWITCH_PANEL: m->focus_list = !m->focus_list; return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_SWITCH_PLACES: return switch_places(m, app);
    case ACT_OPEN: return open_current(m, app);
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

static int main_handle(tui_view *v, tui_app *app, const tui_event *e)
{
    main_view *m = (main_view *)v;
    if (e->type == EV_MOUSE)
        return handle_mouse(m, app, e);
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    if (m->searching)
        return handle_search(m, e);
    if (e->action == ACT_NONE) {
        /* typed text, or Backspace/Esc while a district is being found */
        return handle_typed(m, e->key);
    }
    place_panel_stop_finding(&m->places);
    /* A key that acts on the rows acts on those of what was last asked for. */
    coop_list_settle(m->list, false);
    return handle_action(m, app, e->action);
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
 * (to the districts, out of a kept search) instead of the global Back.
 * Typed characters find (handle_typed): no letter runs a command here. */
static const tui_action browse_actions[] = {
    ACT_ADD, ACT_SEARCH, ACT_FILTER, ACT_EDIT, ACT_SORT, ACT_PRINT,
    ACT_OPEN, ACT_SWITCH_PANEL, ACT_TO_DISTRICTS, ACT_CLEAR_SEARCH,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_action browse_globals[] = {
    ACT_HELP, ACT_CLUBS, ACT_STATS, ACT_QUIT, ACT_IMPORT, ACT_NONE,
};
static const tui_keymap browse_keymap = {.actions = browse_actions, .globals = browse_globals, .typing = true};
/* With the panel in focus, Ctrl-X switches what it lists. */
static const tui_action panel_actions[] = {
    ACT_ADD, ACT_SEARCH, ACT_FILTER, ACT_EDIT, ACT_SORT, ACT_PRINT,
    ACT_OPEN, ACT_SWITCH_PANEL, ACT_TO_DISTRICTS, ACT_CLEAR_SEARCH, ACT_SWITCH_PLACES,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_keymap panel_keymap = {.actions = panel_actions, .globals = browse_globals, .typing = true};

/* While a district's name is typed, Backspace and Esc edit what was typed. */
static const tui_action finding_actions[] = {
    ACT_ADD, ACT_SEARCH, ACT_FILTER, ACT_EDIT, ACT_SORT, ACT_PRINT, ACT_SWITCH_PLACES, ACT_OPEN, ACT_SWITCH_PANEL,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_keymap finding_keymap = {.actions = finding_actions, .globals = browse_globals, .typing = true};

/* While a search is typed, letters are the search; the list still moves. */
static const tui_action search_actions[] = {
    ACT_KEEP_SEARCH, ACT_STOP_SEARCH, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_NONE,
};
static const tui_keymap search_keymap = {.actions = search_actions, .typing = true};
/* … and in one district, Tab searches them all. */
static const tui_action scoped_search_actions[] = {
    ACT_KEEP_SEARCH, ACT_STOP_SEARCH, ACT_WIDEN_SEARCH, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_NONE,
};
static const tui_keymap scoped_search_keymap = {.actions = scoped_search_actions, .typing = true};

static const tui_keymap *main_keymap(const tui_view *v)
{
    const main_view *m = (const main_view *)v;
    if (m->searching)
        return m->places.cursor > 0 ? &scoped_search_keymap : &search_keymap;
    if (place_panel_finding(&m->places))
        return &finding_keymap;
    return m->focus_list ? &browse_keymap : &panel_keymap;
}

/* Ctrl-X names the places it shows next. */
static const char *main_bar_label(const tui_view *v, tui_action action, bool brief)
{
    const main_view *m = (const main_view *)v;
    if (action != ACT_SWITCH_PLACES)
        return NULL;
    /* the bar names where Ctrl-X goes next */
    static const ui_id next_kind[PLACE_KINDS] = {UI_BAR_TO_COMMUNES, UI_BAR_TO_GROUPED_COMMUNES, UI_BAR_TO_DISTRICTS};
    ui_id label = next_kind[m->places.kind];
    return brief ? ui_text_short(label, m->lang) : ui_text(label, m->lang);
}

static const tui_view_ops main_ops = {
    .draw = main_draw,
    .handle = main_handle,
    .reload = main_reload,
    .status = main_status,
    .destroy = main_destroy,
    .title = UI_LIST_TITLE,
    .subtitle = main_subtitle,
    .popup = false,
    .keymap = &browse_keymap,
    .current_keymap = main_keymap,
    .bar_label = main_bar_label,
};

tui_view *view_main_new(tui_app *app, const char *district_code, const char *commune)
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
    m->lang = app->lang;
    place_panel_init(&m->places);
    if (commune)
        place_panel_switch(&m->places);
    load_counts(m, app);
    int start = commune ? place_panel_index_of_commune(&m->places, commune)
                        : place_panel_index_of(&m->places, district_code);
    m->places.cursor = -1;
    select_district(m, start);
    m->focus_list = start != 0;
    return &m->base;
}
