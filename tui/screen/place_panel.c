#include "place_panel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browse.h"
#include "collate.h"
#include "display.h"
#include "format.h"
#include "keys.h"
#include "query.h"
#include "typed_text.h"
#include "ui_text.h"

static int compare_names(const void *a, const void *b)
{
    const htx_district *const *x = a, *const *y = b;
    return htx_collate_compare((*x)->name, (*y)->name);
}

static void list_districts(place_panel *p)
{
    const htx_district *sorted[64];
    size_t n = HTX_DISTRICT_COUNT < 64 ? HTX_DISTRICT_COUNT : 64;
    for (size_t i = 0; i < n; i++)
        sorted[i] = &HTX_DISTRICTS[i];
    qsort(sorted, n, sizeof sorted[0], compare_names);
    p->count = (int)n;
    for (size_t i = 0; i < n; i++) {
        place_entry *e = &p->entries[i];
        snprintf(e->label, sizeof e->label, "%s", sorted[i]->name);
        e->choice = (place_choice){.district = sorted[i]->code};
        e->count = 0;
    }
}

static int compare_units(const void *a, const void *b)
{
    const htx_commune *const *x = a, *const *y = b;
    return htx_collate_compare((*x)->name, (*y)->name);
}

/* The units in Vietnamese order of their names, with their counts from the
 * maintained tally, then those cooperatives without a unit. */
static htx_status list_communes(place_panel *p, htx_store *store, htx_lang lang, htx_error *err)
{
    int64_t counts[HTX_COMMUNE_LIMIT] = {0}, without = 0;
    htx_status st = htx_commune_counts(store, counts, &without, &p->total, err);
    if (st != HTX_OK)
        return st;
    const htx_commune *sorted[HTX_COMMUNE_LIMIT];
    size_t n = HTX_COMMUNE_COUNT < HTX_COMMUNE_LIMIT ? HTX_COMMUNE_COUNT : HTX_COMMUNE_LIMIT;
    for (size_t i = 0; i < n; i++)
        sorted[i] = &HTX_COMMUNES[i];
    qsort(sorted, n, sizeof sorted[0], compare_units);
    p->count = 0;
    for (size_t i = 0; i < n; i++) {
        place_entry *e = &p->entries[p->count++];
        memset(e, 0, sizeof *e);
        htx_commune_label(sorted[i], true, lang, e->label, sizeof e->label);
        e->choice = (place_choice){.commune = sorted[i]->name};
        e->count = counts[sorted[i] - HTX_COMMUNES];
    }
    if (without > 0) {
        place_entry *e = &p->entries[p->count++];
        memset(e, 0, sizeof *e);
        snprintf(e->label, sizeof e->label, "%s", htx_msg_format(MSG_COMMUNE_NONE, lang));
        e->choice = (place_choice){.without_commune = true};
        e->count = without;
    }
    return HTX_OK;
}

void place_panel_init(place_panel *p)
{
    memset(p, 0, sizeof *p);
    p->kind = PLACES_DISTRICTS;
    list_districts(p);
}

void place_panel_switch(place_panel *p)
{
    place_kind next = (place_kind)((p->kind + 1) % PLACE_KINDS);
    place_panel_init(p);
    p->kind = next;
    if (next != PLACES_DISTRICTS)
        p->count = 0; /* listed by the next load, with their counts */
}

static htx_status load_districts(place_panel *p, htx_store *store, htx_error *err)
{
    int64_t by_table[64] = {0};
    htx_status st = htx_district_counts(store, by_table, &p->total, err);
    for (int i = 0; st == HTX_OK && i < p->count; i++) {
        const htx_district *d = htx_district_by_code(p->entries[i].choice.district);
        p->entries[i].count = d ? by_table[d - HTX_DISTRICTS] : 0;
    }
    return st;
}

/* The unit an entry chooses: its name is the table's own string (list_communes). */
static const htx_commune *unit_of(const place_entry *e)
{
    for (size_t i = 0; e->choice.commune && i < HTX_COMMUNE_COUNT; i++)
        if (HTX_COMMUNES[i].name == e->choice.commune)
            return &HTX_COMMUNES[i];
    return NULL;
}

/*
 * The tree: each district (counted by the tally) and under it its units,
 * indented, from the alphabetical list just read; the entry of those
 * without a unit last.
 */
static void group_by_district(place_panel *p, const place_panel *units, const int64_t by_table[64])
{
    place_panel districts;
    place_panel_init(&districts);
    p->count = 0;
    for (int d = 0; d < districts.count && p->count < PLACE_PANEL_MAX; d++) {
        const htx_district *district = htx_district_by_code(districts.entries[d].choice.district);
        place_entry *e = &p->entries[p->count++];
        *e = districts.entries[d];
        e->count = district ? by_table[district - HTX_DISTRICTS] : 0;
        for (int u = 0; u < units->count && p->count < PLACE_PANEL_MAX; u++) {
            const htx_commune *unit = unit_of(&units->entries[u]);
            if (!unit || !htx_commune_in_district(unit, districts.entries[d].choice.district))
                continue;
            place_entry *under = &p->entries[p->count++];
            *under = units->entries[u];
            under->under = true;
        }
    }
    for (int u = 0; u < units->count && p->count < PLACE_PANEL_MAX; u++)
        if (units->entries[u].choice.without_commune)
            p->entries[p->count++] = units->entries[u];
}

htx_status place_panel_load(place_panel *p, htx_store *store, htx_lang lang, htx_error *err)
{
    if (p->kind == PLACES_DISTRICTS)
        return load_districts(p, store, err);
    htx_status st = list_communes(p, store, lang, err);
    if (st == HTX_OK && p->kind == PLACES_COMMUNES_BY_DISTRICT) {
        place_panel *units = malloc(sizeof *units);
        int64_t by_table[64] = {0}, total = 0;
        if (!units)
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        *units = *p;
        st = htx_district_counts(store, by_table, &total, err);
        if (st == HTX_OK)
            group_by_district(p, units, by_table);
        free(units);
    }
    p->cursor = place_panel_clamp(p, p->cursor);
    return st;
}

int place_panel_index_of(const place_panel *p, const char *code)
{
    for (int i = 0; code && i < p->count; i++)
        if (p->entries[i].choice.district && strcmp(p->entries[i].choice.district, code) == 0)
            return i + 1;
    return 0;
}

int place_panel_index_of_commune(const place_panel *p, const char *name)
{
    for (int i = 0; name && i < p->count; i++)
        if (p->entries[i].choice.commune && strcmp(p->entries[i].choice.commune, name) == 0)
            return i + 1;
    return 0;
}

place_choice place_panel_choice(const place_panel *p, int index)
{
    return index <= 0 || index > p->count ? (place_choice){0} : p->entries[index - 1].choice;
}

const char *place_panel_name(const place_panel *p, int index, htx_lang lang)
{
    return index <= 0 || index > p->count ? ui_text(UI_ALL, lang) : p->entries[index - 1].label;
}

int place_panel_clamp(const place_panel *p, int index)
{
    return index < 0 ? 0 : index > p->count ? p->count : index;
}

/* ---- finding by typing -------------------------------------------------------- */

/* A unit is found by its name, with or without its kind ("bat trang" and
 * "xa bat trang" both find Xã Bát Tràng). */
static const char *label_of(int i, void *ctx)
{
    const place_panel *p = ctx;
    return p->entries[i].choice.commune ? p->entries[i].choice.commune : p->entries[i].label;
}

int place_panel_type(place_panel *p, int key)
{
    int found;
    if (!typed_find_key(&p->find, key, p->count, label_of, p, &found))
        return -1;
    if (found < 0 && p->kind != PLACES_DISTRICTS) {
        const htx_commune *c = htx_commune_find(p->find.text);
        for (int i = 0; c && i < p->count; i++)
            if (p->entries[i].choice.commune && strcmp(p->entries[i].choice.commune, c->name) == 0)
                found = i;
        if (found >= 0)
            p->find.not_found = false;
    }
    return found < 0 ? p->cursor : found + 1;
}

void place_panel_stop_finding(place_panel *p)
{
    typed_find_stop(&p->find);
}

bool place_panel_finding(const place_panel *p)
{
    return typed_find_active(&p->find);
}

/* ---- drawing ----------------------------------------------------------------------- */

static void count_text(const place_panel *p, int index, char *out, size_t size)
{
    htx_format_thousands(index == 0 ? p->total : p->entries[index - 1].count, out, size);
}

static const char *heading(const place_panel *p, htx_lang lang)
{
    static const ui_id headings[PLACE_KINDS] = {UI_DISTRICTS, UI_COMMUNES, UI_COMMUNES_BY_DISTRICT};
    return ui_text(headings[p->kind], lang);
}

int place_panel_width(const place_panel *p, htx_lang lang)
{
    int names = (int)htx_text_width(heading(p, lang));
    for (int i = 0; i <= p->count; i++) {
        int w = (int)htx_text_width(place_panel_name(p, i, lang)) + (i > 0 && p->entries[i - 1].under ? 2 : 0);
        if (w > names)
            names = w;
    }
    /* "Tất cả" holds the largest count */
    char total[32];
    count_text(p, 0, total, sizeof total);
    return 1 + names + 1 + (int)strlen(total) + 1;
}

static void draw_heading(const place_panel *p, tui_canvas *c, tui_rect a, htx_lang lang)
{
    if (!typed_find_active(&p->find)) {
        canvas_text_fill(c, a.y, a.x, a.width, heading(p, lang), STYLE_HEADER);
        return;
    }
    tui_style style = p->find.not_found ? STYLE_ERROR : STYLE_INPUT;
    canvas_fill(c, a.y, a.x, 1, a.width, style);
    int w = canvas_text(c, a.y, a.x, a.width, ui_text(UI_SEARCH_PROMPT, lang), style);
    int used = canvas_text(c, a.y, a.x + w, a.width - w - 1, p->find.text, style);
    canvas_text(c, a.y, a.x + w + used, 1, "▏", style);
}

void place_panel_draw(place_panel *p, tui_canvas *c, tui_rect a, bool focused, htx_lang lang)
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
        int indent = i > 0 && p->entries[i - 1].under ? 2 : 0;
        canvas_text(c, y, a.x + 1 + indent, a.width - count_width - 2 - indent, place_panel_name(p, i, lang), style);
        canvas_text_right(c, y, a.x + a.width - count_width - 1, count_width, count,
                          style == STYLE_NORMAL ? STYLE_DIM : style);
    }
}
