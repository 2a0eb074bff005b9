#include "district_panel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browse.h"
#include "collate.h"
#include "display.h"
#include "format.h"
#include "keys.h"
#include "typed_text.h"
#include "ui_text.h"

static int compare_names(const void *a, const void *b)
{
    const htx_district *const *x = a, *const *y = b;
    return htx_collate_compare((*x)->name, (*y)->name);
}

void district_panel_init(district_panel *p)
{
    memset(p, 0, sizeof *p);
    p->count = HTX_DISTRICT_COUNT < DISTRICT_PANEL_MAX ? (int)HTX_DISTRICT_COUNT : DISTRICT_PANEL_MAX;
    for (int i = 0; i < p->count; i++)
        p->districts[i] = &HTX_DISTRICTS[i];
    qsort(p->districts, (size_t)p->count, sizeof p->districts[0], compare_names);
}

htx_status district_panel_load(district_panel *p, htx_store *store, htx_error *err)
{
    int64_t by_table[DISTRICT_PANEL_MAX] = {0};
    htx_status st = htx_district_counts(store, by_table, &p->total, err);
    if (st != HTX_OK)
        return st;
    for (int i = 0; i < p->count; i++)
        p->counts[i] = by_table[p->districts[i] - HTX_DISTRICTS];
    return HTX_OK;
}

int district_panel_index_of(const district_panel *p, const char *code)
{
    for (int i = 0; code && i < p->count; i++)
        if (strcmp(p->districts[i]->code, code) == 0)
            return i + 1;
    return 0;
}

const char *district_panel_code(const district_panel *p, int index)
{
    return index <= 0 || index > p->count ? NULL : p->districts[index - 1]->code;
}

const char *district_panel_name(const district_panel *p, int index, htx_lang lang)
{
    return index <= 0 || index > p->count ? ui_text(UI_ALL, lang) : p->districts[index - 1]->name;
}

int district_panel_clamp(const district_panel *p, int index)
{
    return index < 0 ? 0 : index > p->count ? p->count : index;
}

/* ---- finding by typing -------------------------------------------------------- */

static const char *label_of(int i, void *ctx)
{
    const district_panel *p = ctx;
    return p->districts[i]->name;
}

int district_panel_type(district_panel *p, int key)
{
    int found;
    if (!typed_find_key(&p->find, key, p->count, label_of, p, &found))
        return -1;
    return found < 0 ? p->cursor : found + 1;
}

void district_panel_stop_finding(district_panel *p)
{
    typed_find_stop(&p->find);
}

bool district_panel_finding(const district_panel *p)
{
    return typed_find_active(&p->find);
}

/* ---- drawing ----------------------------------------------------------------------- */

static void count_text(const district_panel *p, int index, char *out, size_t size)
{
    htx_format_thousands(index == 0 ? p->total : p->counts[index - 1], out, size);
}

int district_panel_width(const district_panel *p, htx_lang lang)
{
    int names = (int)htx_text_width(ui_text(UI_DISTRICTS, lang));
    for (int i = 0; i <= p->count; i++) {
        int w = (int)htx_text_width(district_panel_name(p, i, lang));
        if (w > names)
            names = w;
    }
    /* "Tất cả" holds the largest count */
    char total[32];
    count_text(p, 0, total, sizeof total);
    return 1 + names + 1 + (int)strlen(total) + 1;
}

static void draw_heading(const district_panel *p, tui_canvas *c, tui_rect a, htx_lang lang)
{
    if (!typed_find_active(&p->find)) {
        canvas_text_fill(c, a.y, a.x, a.width, ui_text(UI_DISTRICTS, lang), STYLE_HEADER);
        return;
    }
    tui_style style = p->find.not_found ? STYLE_ERROR : STYLE_INPUT;
    canvas_fill(c, a.y, a.x, 1, a.width, style);
    int w = canvas_text(c, a.y, a.x, a.width, ui_text(UI_SEARCH_PROMPT, lang), style);
    int used = canvas_text(c, a.y, a.x + w, a.width - w - 1, p->find.text, style);
    canvas_text(c, a.y, a.x + w + used, 1, "▏", style);
}

void district_panel_draw(district_panel *p, tui_canvas *c, tui_rect a, bool focused, htx_lang lang)
{
    draw_heading(p, c, a, lang);
    int rows = a.height - 1;
    if (p->cursor < p->top)
        p->top = p->cursor;
    if (p->cursor >= p->top + rows)
        p->top = p->cursor - rows + 1;
    char count[32];
    count_text(p, 0, count, sizeof count);
    int count_width = (int)strlen(count);
    for (int r = 0; r < rows && p->top + r <= p->count; r++) {
        int i = p->top + r;
        tui_style style = i != p->cursor ? STYLE_NORMAL : focused ? STYLE_CURSOR : STYLE_CURSOR_DIM;
        int y = a.y + 1 + r;
        count_text(p, i, count, sizeof count);
        canvas_fill(c, y, a.x, 1, a.width, style);
        canvas_text(c, y, a.x + 1, a.width - count_width - 2, district_panel_name(p, i, lang), style);
        canvas_text_right(c, y, a.x + a.width - count_width - 1, count_width, count,
                          style == STYLE_NORMAL ? STYLE_DIM : style);
    }
}
