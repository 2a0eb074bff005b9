/*
 * Windowed reading of the register for the screens: a page of rows after or
 * before a row, by keyset rather than OFFSET, so the work for one key press
 * is bounded by the page, not by the table (designed for a million rows).
 *
 * A page's rows carry their position key; the screen keeps the keys of its
 * first and last rows and asks for the next or previous page from there.
 */
#ifndef HTX_BROWSE_H
#define HTX_BROWSE_H

#include <stdbool.h>
#include <stdint.h>

#include "collate.h"
#include "query.h"
#include "store.h"

/* Where a row stands in a sort order: opaque to callers.  Each part holds a
 * whole name key (collate.h's HTX_SORT_KEY_LIMIT, which coop.c enforces). */
#define HTX_ROW_KEY_PARTS 3
#define HTX_ROW_KEY_BYTES HTX_SORT_KEY_LIMIT
typedef struct htx_row_key {
    int parts;
    struct {
        int type; /* 0 null, 1 integer, 2 text, 3 blob */
        int64_t integer;
        int length;
        unsigned char bytes[HTX_ROW_KEY_BYTES];
    } part[HTX_ROW_KEY_PARTS];
} htx_row_key;

/* What a list row needs on screen; the full record is read on demand. */
typedef struct htx_brief {
    int64_t id;
    char code[16];
    char name[801];
    char district[4];
    char sector[16];
    char founded[11];
    int64_t members; /* -1 unknown */
    int status;      /* htx_coop_status */
    htx_row_key key;
} htx_brief;

typedef enum htx_browse_dir {
    HTX_BROWSE_FROM,   /* the row at anchor (inclusive) and after; no anchor: the first rows */
    HTX_BROWSE_AFTER,  /* strictly after anchor */
    HTX_BROWSE_BEFORE, /* strictly before anchor, returned nearest first */
    HTX_BROWSE_LAST,   /* the last rows, returned last first */
} htx_browse_dir;

/*
 * Reads up to limit rows of the filter's order into rows; *count receives
 * how many.  anchor is ignored for FROM (when NULL) and LAST.  The district
 * sort is not offered here (HTX_ERR_INVALID).
 */
htx_status htx_browse(htx_store *s, const htx_filter *f, htx_browse_dir dir, const htx_row_key *anchor,
                      int limit, htx_brief *rows, int *count, htx_error *err);

/* Number of rows of the filter strictly before anchor: the position shown as
 * "12/293".  Bounded by an index range scan, and by seconds (0: none):
 * *known is false when they ran out first. */
htx_status htx_browse_position(htx_store *s, const htx_filter *f, const htx_row_key *anchor, double seconds,
                               int64_t *out, bool *known, htx_error *err);

/* The number of cooperatives in each district (HTX_DISTRICTS order) and in all,
 * read from the maintained tally, not by counting rows. */
htx_status htx_district_counts(htx_store *s, int64_t counts[], int64_t *total, htx_error *err);

/* The number of cooperatives in each unit of 2025 (HTX_COMMUNES order),
 * *without those without one, *total all: from the maintained tally. */
htx_status htx_commune_counts(htx_store *s, int64_t counts[], int64_t *without, int64_t *total, htx_error *err);

/* Finds the row of cooperative id in the filter's order (for keeping the
 * cursor on a cooperative when data changes); HTX_ERR_NOT_FOUND if it no
 * longer matches the filter. */
htx_status htx_browse_key_of(htx_store *s, const htx_filter *f, int64_t id, htx_row_key *out,
                             htx_error *err);

#endif
