/*
 * The list of cooperatives on the main screen as a window over the
 * register: only the visible rows are in memory, read by keyset through
 * core's browse API, so every key costs work bounded by the screen height,
 * whatever the size of the table.  Positions ("12/293") are tracked by
 * arithmetic as the cursor moves; the total is counted once per filter.
 */
#ifndef HTX_TUI_COOP_LIST_H
#define HTX_TUI_COOP_LIST_H

#include <stdbool.h>
#include <stdint.h>

#include "browse.h"

#define COOP_LIST_MAX_ROWS 200

typedef struct coop_list {
    htx_store *store;
    htx_filter filter;
    char search[256];  /* filter.search points here */
    char district[4];  /* filter.district points here when set */
    char commune[64];  /* filter.commune likewise */
    char sector[16];
    char club[16];
    htx_brief rows[COOP_LIST_MAX_ROWS];
    int count;      /* rows loaded (at most the page height) */
    int page;       /* the page height */
    int cursor;     /* index into rows */
    int64_t top;    /* position of rows[0] in the whole list */
    int64_t total;
    bool total_capped; /* a search matching much: total is a lower bound */
    bool top_unknown;  /* top could not be counted in time: the position is not shown */
    /* A search within a district: how many match in the other districts
     * (a lower bound when elsewhere_capped); 0 otherwise. */
    int64_t elsewhere;
    bool elsewhere_capped;
    htx_error error;
    bool failed;
    /* The last reading was given up for a newer key (store.h): rows are
     * the previous ones until coop_list_settle reads again. */
    bool stale;
    htx_brief scratch[COOP_LIST_MAX_ROWS]; /* rows walked over while scrolling */
} coop_list;

/* A coop_list is large (it holds its pages): allocate it on the heap. */
void coop_list_init(coop_list *l, htx_store *store);

/* Setting a filter part re-reads from the top.  NULL or "" clears. */
void coop_list_set_district(coop_list *l, const char *code);
/* A district, a commune-level unit or those without one (each may be
 * NULL/false): the side panel's choice. */
void coop_list_set_place(coop_list *l, const char *district, const char *commune, bool without_commune);
void coop_list_set_sector(coop_list *l, const char *code);
void coop_list_set_club(coop_list *l, const char *code);
void coop_list_set_status(coop_list *l, int status);
void coop_list_set_search(coop_list *l, const char *text);
void coop_list_set_sort(coop_list *l, htx_sort sort);

/* Setting a filter part (above) is reading for a key, given up when a newer
 * key is waiting; every other call reads what was given up first.  Settling
 * reads it now: for the screen (cancellable: a key still waiting wins) or
 * before acting on the rows. */
void coop_list_settle(coop_list *l, bool cancellable);

/* The page height changed (resize): keeps the cursor's cooperative. */
void coop_list_set_page(coop_list *l, int rows);

void coop_list_move(coop_list *l, int64_t delta); /* ±1, ±page */
void coop_list_home(coop_list *l);
void coop_list_end(coop_list *l);
/* Puts the cursor on row index i of the visible rows (a click). */
void coop_list_point(coop_list *l, int i);

/* Re-reads after a change elsewhere, keeping the cursor on the same
 * cooperative when it still matches the filter. */
void coop_list_refresh(coop_list *l);

const htx_brief *coop_list_current(const coop_list *l);

#endif
