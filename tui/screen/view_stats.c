/*
 * Statistics: bar charts of the register by sector, district and founding
 * year, and the Alliance's targets as progress bars.  The figures are read
 * when the view opens and when the data changes; drawing scales the bars to
 * the window.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "format.h"
#include "query.h"
#include "scroll.h"
#include "ui_text.h"
#include "views.h"

#define MIN_BAR_COLUMNS 20

typedef enum stat_line_kind {
    STAT_HEADING,
    STAT_BAR,        /* label, count, bar scaled to the section's largest count */
    STAT_TARGET,     /* the target's name */
    STAT_TARGET_BAR, /* the share as a progress bar with the target marked, then "87,5% (mục tiêu 100%)" */
    STAT_NOTE,
    STAT_BLANK,
} stat_line_kind;

typedef struct stat_line {
    stat_line_kind kind;
    char label[256];
    int64_t count;
    int64_t scale;      /* BAR: the section's largest count; TARGET_BAR: the base */
    int target_percent; /* TARGET_BAR */
} stat_line;

typedef struct stats_view {
    tui_view base;
    stat_line *lines;
    int count, capacity;
    bool out_of_memory;
    tui_scroll scroll;
} stats_view;

/* The eighths of a cell, for bars finer than whole cells. */
static const char *const partial_blocks[8] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

/* ---- reading ---------------------------------------------------------------- */

static stat_line *add_line(stats_view *v, stat_line_kind kind, const char *label)
{
    if (v->count == v->capacity) {
        int capacity = v->capacity ? v->capacity * 2 : 128;
        stat_line *grown = realloc(v->lines, (size_t)capacity * sizeof *grown);
        if (!grown) {
            v->out_of_memory = true;
            return NULL;
        }
        v->lines = grown;
        v->capacity = capacity;
    }
    stat_line *line = &v->lines[v->count++];
    memset(line, 0, sizeof *line);
    line->kind = kind;
    snprintf(line->label, sizeof line->label, "%s", label ? label : "");
    return line;
}

static int add_bar(const htx_stat_row *row, void *data)
{
    stats_view *v = data;
    stat_line *line = add_line(v, STAT_BAR, row->name);
    if (!line)
        return 1;
    line->count = row->count;
    return 0;
}

/* Gives the section's bars (from first on) their common scale and puts the total in its heading. */
static void finish_section(stats_view *v, int heading, int first, htx_lang lang)
{
    int64_t largest = 0, total = 0;
    for (int i = first; i < v->count; i++) {
        total += v->lines[i].count;
        if (v->lines[i].count > largest)
            largest = v->lines[i].count;
    }
    for (int i = first; i < v->count; i++)
        v->lines[i].scale = largest;
    char sum[32];
    htx_format_thousands(total, sum, sizeof sum);
    stat_line *h = &v->lines[heading];
    size_t n = strlen(h->label);
    snprintf(h->label + n, sizeof h->label - n, " · %s: %s", ui_text(UI_TOTAL, lang), sum);
}

static htx_status add_section(stats_view *v, tui_app *app, ui_id title, htx_stats_by by, htx_error *err)
{
    if (v->count > 0)
        add_line(v, STAT_BLANK, NULL);
    if (!add_line(v, STAT_HEADING, ui_text(title, app->lang)))
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    int heading = v->count - 1;
    htx_filter everything;
    htx_filter_init(&everything);
    htx_status st = htx_query_stats(app->store, &everything, by, app->lang, add_bar, v, err);
    if (st != HTX_OK)
        return st;
    if (v->count == heading + 1)
        add_line(v, STAT_NOTE, ui_text(UI_YEARS_NONE, app->lang));
    finish_section(v, heading, heading + 1, app->lang);
    return HTX_OK;
}

/* A target's share is of the cooperatives whose answer is known; how many
 * are not known is said beside it, so a register with gaps reads as such. */
static void add_target(stats_view *v, htx_lang lang, ui_id label, htx_target_figure figure, int64_t base,
                       int target)
{
    char share[32], text[256], unknown[32];
    htx_format_percent(figure.yes, figure.known, share, sizeof share);
    int n = snprintf(text, sizeof text, "%s (%s %d%%)", share, ui_text(UI_TARGET, lang), target);
    if (base > figure.known && n >= 0 && (size_t)n < sizeof text) {
        htx_format_thousands(base - figure.known, unknown, sizeof unknown);
        snprintf(text + n, sizeof text - (size_t)n, " · %s: %s", ui_text(UI_TARGET_UNKNOWN, lang), unknown);
    }
    add_line(v, STAT_TARGET, ui_text(label, lang));
    stat_line *bar = add_line(v, STAT_TARGET_BAR, text);
    if (bar) {
        bar->count = figure.yes;
        bar->scale = figure.known;
        bar->target_percent = target;
    }
}

static htx_status add_targets(stats_view *v, tui_app *app, htx_error *err)
{
    htx_targets t;
    htx_status st = htx_query_targets(app->store, &t, err);
    if (st != HTX_OK)
        return st;
    htx_lang lang = app->lang;
    add_line(v, STAT_BLANK, NULL);
    add_line(v, STAT_HEADING, ui_text(UI_TARGETS, lang));
    add_target(v, lang, UI_TARGET_COMPLIANT, t.compliant, t.base, 100);
    add_target(v, lang, UI_TARGET_PROFITABLE, t.profitable, t.base, 80);
    char count[32], note[256];
    htx_format_thousands(t.base, count, sizeof count);
    snprintf(note, sizeof note, "(%s: %s)", ui_text(UI_TARGET_BASE, lang), count);
    add_line(v, STAT_NOTE, note);
    return HTX_OK;
}

/* Sectors first, then the targets (short, and what the Alliance reports on),
 * then the long lists. */
static bool load(stats_view *v, tui_app *app)
{
    v->count = 0;
    v->out_of_memory = false;
    htx_error err;
    htx_status st = add_section(v, app, UI_STATS_BY_SECTOR, HTX_STATS_SECTOR, &err);
    if (st == HTX_OK)
        st = add_targets(v, app, &err);
    if (st == HTX_OK)
        st = add_section(v, app, UI_STATS_BY_DISTRICT, HTX_STATS_DISTRICT, &err);
    if (st == HTX_OK)
        st = add_section(v, app, UI_STATS_BY_YEAR, HTX_STATS_YEAR, &err);
    if (st == HTX_OK && v->out_of_memory)
        st = htx_fail(&err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (st != HTX_OK) {
        app_notice_error(app, &err);
        return false;
    }
    return true;
}

/* ---- drawing ------------------------------------------------------------------ */

typedef struct bar_layout {
    int label, count, bar; /* column widths */
    int figures;           /* the widest "87,5% (mục tiêu 100%)", so the target bars align */
} bar_layout;

static bar_layout lay_out(const stats_view *v, int width)
{
    bar_layout l = {0, 1, 0, 0};
    for (int i = 0; i < v->count; i++) {
        if (v->lines[i].kind == STAT_TARGET_BAR) {
            int w = (int)htx_text_width(v->lines[i].label);
            if (w > l.figures)
                l.figures = w;
        }
        if (v->lines[i].kind != STAT_BAR)
            continue;
        int w = (int)htx_text_width(v->lines[i].label);
        if (w > l.label)
            l.label = w;
        char count[32];
        htx_format_thousands(v->lines[i].count, count, sizeof count);
        w = (int)strlen(count);
        if (w > l.count)
            l.count = w;
    }
    /* a long sector name crops rather than leaving the bar too short */
    int cap = width - l.count - 6 - MIN_BAR_COLUMNS;
    if (cap < width / 3)
        cap = width / 3;
    if (l.label > cap)
        l.label = cap;
    l.bar = width - l.label - l.count - 6;
    if (l.bar < 1)
        l.bar = 1;
    return l;
}

/* A bar of value/scale of width cells, in eighths of a cell; a non-zero value shows at least a sliver. */
static void draw_bar(tui_canvas *c, int y, int x, int width, int64_t value, int64_t scale)
{
    if (value <= 0 || scale <= 0 || width <= 0)
        return;
    int64_t eighths = (value * width * 8 + scale / 2) / scale;
    if (eighths < 1)
        eighths = 1;
    if (eighths > (int64_t)width * 8)
        eighths = (int64_t)width * 8;
    int full = (int)(eighths / 8);
    for (int i = 0; i < full; i++)
        canvas_text(c, y, x + i, 1, "█", STYLE_CHART);
    if (eighths % 8)
        canvas_text(c, y, x + full, 1, partial_blocks[eighths % 8], STYLE_CHART);
}

/* The bar, then the figures after it: the figures stay whole however narrow the window. */
static void draw_target_bar(tui_canvas *c, int y, int x, int width, int figures, const stat_line *line)
{
    if (figures > width - 2)
        figures = width - 2;
    width -= figures + 1;
    canvas_text(c, y, x + width + 1, figures, line->label, STYLE_NORMAL);
    for (int i = 0; i < width; i++)
        canvas_text(c, y, x + i, 1, "░", STYLE_DIM);
    draw_bar(c, y, x, width, line->count, line->scale);
    /* the target's place, unless it is the end of the bar */
    int mark = width * line->target_percent / 100;
    if (mark < width)
        canvas_text(c, y, x + mark, 1, "│", STYLE_NORMAL);
}

static void draw_line(tui_canvas *c, int y, tui_rect a, const bar_layout *l, const stat_line *line)
{
    int x = a.x + 1, width = a.width - 2;
    switch (line->kind) {
    case STAT_HEADING: canvas_text(c, y, x, width, line->label, STYLE_HEADER); break;
    case STAT_BAR: {
        char count[32];
        htx_format_thousands(line->count, count, sizeof count);
        canvas_text(c, y, x + 1, l->label, line->label, STYLE_NORMAL);
        canvas_text_right(c, y, x + l->label + 2, l->count, count, STYLE_NORMAL);
        draw_bar(c, y, x + l->label + l->count + 3, l->bar, line->count, line->scale);
        break;
    }
    case STAT_TARGET: canvas_text(c, y, x + 1, width - 1, line->label, STYLE_NORMAL); break;
    case STAT_TARGET_BAR: draw_target_bar(c, y, x + 1, width - 2, l->figures, line); break;
    case STAT_NOTE: canvas_text(c, y, x + 1, width - 1, line->label, STYLE_DIM); break;
    case STAT_BLANK: break;
    }
}

static void stats_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    (void)app;
    stats_view *v = (stats_view *)view;
    tui_scroll_fit(&v->scroll, v->count, a.height);
    bar_layout l = lay_out(v, a.width);
    for (int r = 0; r < a.height && v->scroll.top + r < v->count; r++)
        draw_line(c, a.y + r, a, &l, &v->lines[v->scroll.top + r]);
}

/* ---- events and the rest ----------------------------------------------------------- */

static int stats_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    (void)app;
    stats_view *v = (stats_view *)view;
    if (e->type == EV_MOUSE)
        return tui_scroll_wheel(&v->scroll, e) ? VIEW_HANDLED | VIEW_REDRAW : VIEW_HANDLED;
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    if (tui_scroll_action(&v->scroll, e->action))
        return VIEW_HANDLED | VIEW_REDRAW;
    /* the key that opened the statistics closes them */
    if (e->action == ACT_STATS)
        return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    return VIEW_IGNORED;
}

static void stats_reload(tui_view *view, tui_app *app)
{
    load((stats_view *)view, app);
}

static void stats_status(tui_view *view, tui_app *app, char *out, size_t size)
{
    stats_view *v = (stats_view *)view;
    char position[64];
    tui_scroll_position(&v->scroll, position, sizeof position);
    snprintf(out, size, "%s · %s", ui_text(UI_STATS_TITLE, app->lang), position);
}

static void stats_destroy(tui_view *view)
{
    stats_view *v = (stats_view *)view;
    free(v->lines);
    free(v);
}

/* F8 closes what F8 opened: the statistics' own meaning of the global action. */
static const tui_action stats_actions[] = {
    ACT_STATS,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_action stats_globals[] = {ACT_HELP, ACT_CLUBS, ACT_QUIT, ACT_IMPORT, ACT_BACK, ACT_NONE};
static const tui_keymap stats_keymap = {.actions = stats_actions, .globals = stats_globals};

static const tui_view_ops stats_ops = {
    .draw = stats_draw,
    .handle = stats_handle,
    .reload = stats_reload,
    .status = stats_status,
    .destroy = stats_destroy,
    .title = UI_STATS_TITLE,
    .popup = false,
    .keymap = &stats_keymap,
};

tui_view *view_stats_new(tui_app *app)
{
    stats_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &stats_ops;
    tui_scroll_init(&v->scroll, false);
    if (!load(v, app)) {
        stats_destroy(&v->base);
        return NULL;
    }
    return &v->base;
}
