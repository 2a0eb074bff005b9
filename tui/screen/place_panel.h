/*
 * The side panel of the main screen: the places the list can be narrowed
 * to, with their counts, in one of three ways (Ctrl-X goes to the next):
 *  - "Quận/huyện cũ": "Tất cả" and the 30 former districts, by which the
 *    Alliance files its work;
 *  - "Xã/phường": "Tất cả", the 126 units of 1 July 2025, then those
 *    cooperatives whose unit is not known yet (staff work through them);
 *  - "Xã/phường theo quận/huyện cũ": each former district followed by the
 *    units formed from it, indented (a unit formed across districts under
 *    each of them), then those without a unit.
 * In Vietnamese order.  Typing finds an entry by its name (marks
 * optional: "thanh tri" → Thanh Trì, "bat trang" → Xã Bát Tràng); the
 * panel draws what was typed in its heading.  Its width follows what it
 * shows (the longest name, the largest count), so the list keeps the room.
 */
#ifndef HTX_TUI_PLACE_PANEL_H
#define HTX_TUI_PLACE_PANEL_H

#include <stdbool.h>
#include <stdint.h>

#include "commune.h"
#include "refdata.h"
#include "typed_text.h"
#include "view.h"

/* Every district and every unit (some under two districts), and the entry
 * of those without one. */
#define PLACE_PANEL_MAX (HTX_COMMUNE_LIMIT + 64)

typedef enum place_kind { PLACES_DISTRICTS, PLACES_COMMUNES, PLACES_COMMUNES_BY_DISTRICT, PLACE_KINDS } place_kind;

/* What an entry narrows the list to; all NULL/false: everything. */
typedef struct place_choice {
    const char *district; /* GSO code */
    const char *commune;  /* a unit's name */
    bool without_commune;
} place_choice;

typedef struct place_entry {
    char label[96];      /* "Thanh Trì", "Xã Bát Tràng", "Chưa ghi xã/phường" */
    place_choice choice;
    int64_t count;
    bool under; /* a unit under its district: drawn indented */
} place_entry;

typedef struct place_panel {
    place_kind kind;
    place_entry entries[PLACE_PANEL_MAX]; /* the places, without "Tất cả" */
    int count;
    int64_t total;
    int cursor; /* 0: all; i: entries[i - 1] */
    int top;
    typed_find find; /* what was typed to find a place */
} place_panel;

/* The districts; nothing is counted yet. */
void place_panel_init(place_panel *p);
/* Shows the next kind of place, cursor on "Tất cả"; then load. */
void place_panel_switch(place_panel *p);
/* Reads the counts: the districts' from the maintained tally, the units'
 * by one grouped count. */
htx_status place_panel_load(place_panel *p, htx_store *store, htx_lang lang, htx_error *err);

/* The entry of a district code (0 for NULL or unknown), in district mode. */
int place_panel_index_of(const place_panel *p, const char *code);
/* The entry of a unit's name (0 when not listed), in commune mode. */
int place_panel_index_of_commune(const place_panel *p, const char *name);
/* What entry index narrows to (everything for 0). */
place_choice place_panel_choice(const place_panel *p, int index);
/* The name at entry index ("Tất cả" for 0). */
const char *place_panel_name(const place_panel *p, int index, htx_lang lang);
/* Clamps index to the entries. */
int place_panel_clamp(const place_panel *p, int index);

/* A key for finding (typed_find_key): returns the entry to select (the
 * cursor's own when nothing is found), or -1 when the key is not for
 * finding.  The cursor is not moved: the caller selects. */
int place_panel_type(place_panel *p, int key);
/* Stops finding (an arrow, Enter, a click). */
void place_panel_stop_finding(place_panel *p);
bool place_panel_finding(const place_panel *p);

/* The columns it needs now. */
int place_panel_width(const place_panel *p, htx_lang lang);
/* Draws it in a (its width from place_panel_width); focused: the cursor
 * is bright. */
void place_panel_draw(place_panel *p, tui_canvas *c, tui_rect a, bool focused, htx_lang lang);

#endif
