/*
 * The help screen: the actions of the screen it was opened from, each with
 * the keys that reach it there, from that screen's keymap and the table of
 * actions (keys.h), so that it lists exactly the keys that work; then the
 * notes on searching, F-keys and the mouse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "scroll.h"
#include "ui_text.h"
#include "views.h"

#define MAX_ENTRIES (TUI_MAX_OFFERS + 8)
#define MAX_ROWS 512

typedef enum help_kind { HELP_HEADING, HELP_BINDING, HELP_TEXT, HELP_BLANK } help_kind;

typedef struct help_entry {
    help_kind kind;
    char keys[64];    /* HELP_BINDING: "F1, ?" */
    const char *text; /* static: the catalog */
    tui_style style;
} help_entry;

/* A screen row: part of one entry's text once wrapped. */
typedef struct help_row {
    int entry;
    size_t start, length;
} help_row;

typedef struct help_view {
    tui_view base;
    help_entry entries[MAX_ENTRIES];
    int entry_count;
    help_row rows[MAX_ROWS];
    int row_count;
    int laid_out_width;
    int keys_width;
    tui_scroll scroll;
} help_view;

static help_entry *add_entry(help_view *h, help_kind kind, const char *text, tui_style style)
{
    if (h->entry_count == MAX_ENTRIES)
        return NULL;
    help_entry *e = &h->entries[h->entry_count++];
    e->kind = kind;
    e->keys[0] = '\0';
    e->text = text ? text : "";
    e->style = style;
    return e;
}

/* "F1, ?": the keys that reach an action. */
static void offer_keys(const tui_offer *o, char *out, size_t size)
{
    out[0] = '\0';
    for (int i = 0; i < TUI_MAX_KEYS && o->keys[i]; i++) {
        char name[24];
        tui_key_name(o->keys[i], name, (int)sizeof name);
        size_t n = strlen(out);
        snprintf(out + n, size - n, "%s%s", n ? ", " : "", name);
    }
}

static void build(help_view *h, const tui_keymap *described, htx_lang lang)
{
    tui_offer offers[TUI_MAX_OFFERS];
    int count = tui_keymap_offers(described, offers, TUI_MAX_OFFERS);
    bool search = false, function_keys = false;
    add_entry(h, HELP_HEADING, ui_text(UI_HELP_KEYS, lang), STYLE_HEADER);
    for (int i = 0; i < count; i++) {
        help_entry *e = add_entry(h, HELP_BINDING, ui_text(tui_binding_of(offers[i].action)->help, lang), STYLE_NORMAL);
        if (e)
            offer_keys(&offers[i], e->keys, sizeof e->keys);
        search = search || offers[i].action == ACT_SEARCH;
        function_keys = function_keys || (offers[i].keys[0] >= TK_F1 && offers[i].keys[0] <= TK_F10);
    }
    add_entry(h, HELP_BLANK, NULL, STYLE_NORMAL);
    /* the notes that concern this screen */
    if (described && described->typing && search)
        add_entry(h, HELP_TEXT, ui_text(UI_HELP_TYPE_TO_FIND, lang), STYLE_NORMAL);
    if (search)
        add_entry(h, HELP_TEXT, ui_text(UI_HELP_SEARCH, lang), STYLE_NORMAL);
    if (function_keys)
        add_entry(h, HELP_TEXT, ui_text(UI_HELP_FKEYS, lang), STYLE_NORMAL);
    add_entry(h, HELP_TEXT, ui_text(UI_HELP_MOUSE, lang), STYLE_NORMAL);
    add_entry(h, HELP_BLANK, NULL, STYLE_NORMAL);
    add_entry(h, HELP_TEXT, ui_text(UI_HELP_CLOSE, lang), STYLE_DIM);
}

/* ---- layout and drawing ------------------------------------------------------- */

static int text_x(const help_view *h, const help_entry *e)
{
    return e->kind == HELP_BINDING ? h->keys_width + 3 : 1;
}

static void lay_out(help_view *h, int width)
{
    if (h->laid_out_width == width)
        return;
    h->keys_width = 0;
    for (int i = 0; i < h->entry_count; i++) {
        int w = (int)htx_text_width(h->entries[i].keys);
        if (w > h->keys_width)
            h->keys_width = w;
    }
    if (h->keys_width > width / 3)
        h->keys_width = width / 3;
    h->row_count = 0;
    for (int i = 0; i < h->entry_count && h->row_count < MAX_ROWS; i++) {
        const help_entry *e = &h->entries[i];
        int text_width = width - text_x(h, e) - 1;
        size_t total = strlen(e->text);
        size_t start = 0;
        do {
            size_t length = text_width > 0 ? tui_wrap_length(e->text + start, text_width) : total - start;
            h->rows[h->row_count++] = (help_row){i, start, length};
            start += length;
            while (e->text[start] == ' ')
                start++;
        } while (start < total && h->row_count < MAX_ROWS);
    }
    h->laid_out_width = width;
}

static void help_draw(tui_view *v, tui_app *app, tui_canvas *c, tui_rect a)
{
    (void)app;
    help_view *h = (help_view *)v;
    lay_out(h, a.width);
    tui_scroll_fit(&h->scroll, h->row_count, a.height);
    for (int r = 0; r < a.height && h->scroll.top + r < h->row_count; r++) {
        const help_row *row = &h->rows[h->scroll.top + r];
        const help_entry *e = &h->entries[row->entry];
        int y = a.y + r;
        if (e->kind == HELP_BINDING && row->start == 0)
            canvas_text(c, y, a.x + 2, h->keys_width, e->keys, STYLE_BAR_KEY);
        char *text = strndup(e->text + row->start, row->length);
        int x = text_x(h, e);
        if (text)
            canvas_text(c, y, a.x + x, a.width - x - 1, text, e->style);
        free(text);
    }
}

/* ---- events and the rest -------------------------------------------------------- */

static int help_handle(tui_view *v, tui_app *app, const tui_event *e)
{
    (void)app;
    help_view *h = (help_view *)v;
    if (e->type == EV_MOUSE)
        return tui_scroll_wheel(&h->scroll, e) ? VIEW_HANDLED | VIEW_REDRAW : VIEW_HANDLED;
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    if (tui_scroll_action(&h->scroll, e->action))
        return VIEW_HANDLED | VIEW_REDRAW;
    if (e->action == ACT_CLOSE_HELP)
        return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    return VIEW_IGNORED;
}

static void help_status(tui_view *v, tui_app *app, char *out, size_t size)
{
    help_view *h = (help_view *)v;
    char position[64];
    tui_scroll_position(&h->scroll, position, sizeof position);
    snprintf(out, size, "%s · %s", ui_text(UI_HELP_TITLE, app->lang), position);
}

static void help_destroy(tui_view *v)
{
    free(v);
}

static const tui_action help_actions[] = {
    ACT_CLOSE_HELP,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_action help_globals[] = {ACT_CLUBS, ACT_STATS, ACT_IMPORT, ACT_NONE};
/* q closes the help rather than the program; F10 still quits */
static const tui_action help_quit[] = {ACT_QUIT, ACT_NONE};
static const tui_keymap help_keymap = {
    .actions = help_actions,
    .globals = help_globals,
    .globals_by_special_keys = help_quit,
};

static const tui_view_ops help_ops = {
    .draw = help_draw,
    .handle = help_handle,
    .reload = NULL, /* nothing here comes from the data */
    .status = help_status,
    .destroy = help_destroy,
    .title = UI_HELP_TITLE,
    .popup = false,
    .keymap = &help_keymap,
};

tui_view *view_help_new(tui_app *app, const tui_keymap *described)
{
    help_view *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->base.ops = &help_ops;
    tui_scroll_init(&h->scroll, false);
    build(h, described, app->lang);
    return &h->base;
}
