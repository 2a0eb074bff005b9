/*
 * The district panel of the main screen: "Tất cả" and the districts in
 * Vietnamese order with their counts.  Typing finds a district by its
 * name (marks optional: "thanh tri" → Thanh Trì); the panel draws what was
 * typed in its heading.  Its width follows what it shows (the longest
 * name, the largest count), so the list beside it keeps the room.
 */
#ifndef HTX_TUI_DISTRICT_PANEL_H
#define HTX_TUI_DISTRICT_PANEL_H

#include <stdbool.h>
#include <stdint.h>

#include "refdata.h"
#include "typed_text.h"
#include "view.h"

#define DISTRICT_PANEL_MAX 32

typedef struct district_panel {
    const htx_district *districts[DISTRICT_PANEL_MAX]; /* in Vietnamese order */
    int count;
    int64_t counts[DISTRICT_PANEL_MAX]; /* same order */
    int64_t total;
    int cursor; /* 0: all; i: districts[i - 1] */
    int top;
    typed_find find; /* what was typed to find a district */
} district_panel;

void district_panel_init(district_panel *p);
/* Reads the counts (the maintained tally: no rows are counted). */
htx_status district_panel_load(district_panel *p, htx_store *store, htx_error *err);

/* The entry of a district code (0 for NULL or unknown). */
int district_panel_index_of(const district_panel *p, const char *code);
/* The district code at entry index, NULL for "Tất cả". */
const char *district_panel_code(const district_panel *p, int index);
/* The name at entry index ("Tất cả" for 0). */
const char *district_panel_name(const district_panel *p, int index, htx_lang lang);
/* Clamps index to the entries. */
int district_panel_clamp(const district_panel *p, int index);

/* A key for finding (typed_find_key): returns the entry to select (the
 * cursor's own when nothing is found), or -1 when the key is not for
 * finding.  The cursor is not moved: the caller selects. */
int district_panel_type(district_panel *p, int key);
/* Stops finding (an arrow, Enter, a click). */
void district_panel_stop_finding(district_panel *p);
bool district_panel_finding(const district_panel *p);

/* The columns it needs now. */
int district_panel_width(const district_panel *p, htx_lang lang);
/* Draws it in a (its width from district_panel_width); focused: the
 * cursor is bright. */
void district_panel_draw(district_panel *p, tui_canvas *c, tui_rect a, bool focused, htx_lang lang);

#endif
