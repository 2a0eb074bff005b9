/*
 * Reading the register: filtered listings, counts and statistics.
 *
 * Views and commands read through this API, never through SQL.  Searching
 * follows fold.h (marks the user did not type are ignored).
 */
#ifndef HTX_QUERY_H
#define HTX_QUERY_H

#include <stdbool.h>
#include <stdint.h>

#include "coop.h"
#include "store.h"

typedef enum htx_sort {
    HTX_SORT_NAME,
    HTX_SORT_CODE,
    HTX_SORT_DISTRICT, /* district in Vietnamese order, then name */
    HTX_SORT_FOUNDED,
    HTX_SORT_MEMBERS,
    /* the name after its legal form (legal_form.h): "Hợp tác xã bánh cuốn …"
     * beside "HTX bánh cuốn …" */
    HTX_SORT_DISTINCTIVE,
} htx_sort;

typedef struct htx_filter {
    const char *district; /* GSO code, NULL for all */
    const char *sector;   /* sector code */
    const char *club;     /* club code: current members */
    const char *commune;  /* a commune-level unit's name (commune.h), NULL for all */
    bool without_commune; /* only those whose unit is not known yet */
    int status;           /* htx_coop_status, -1 for any */
    const char *search;   /* fold.h query, NULL or "" for none */
    char founded_from[HTX_ISO_DATE_SIZE]; /* ISO, "" for open */
    char founded_to[HTX_ISO_DATE_SIZE];
    htx_sort sort;
} htx_filter;

void htx_filter_init(htx_filter *f); /* everything, sorted by name */

/* Parses "name", "code", "district", "founded", "members"; -1 if unknown. */
int htx_sort_parse(const char *text);

typedef int (*htx_coop_visitor)(const htx_coop *c, void *ctx);

/* Visits the matching cooperatives in sort order; the visitor returns
 * non-zero to stop.  Rows are streamed: memory does not grow with the table. */
htx_status htx_query_each(htx_store *s, const htx_filter *f, htx_coop_visitor visit, void *ctx,
                          htx_error *err);

htx_status htx_query_count(htx_store *s, const htx_filter *f, int64_t *out, htx_error *err);

/* Counts at most limit rows (*out == limit means "limit or more"): what a
 * screen needs while a search still matches much of a large register. */
htx_status htx_query_count_upto(htx_store *s, const htx_filter *f, int64_t limit, int64_t *out,
                                htx_error *err);

/* Counts at most limit rows for at most seconds: *complete is false when
 * either stopped the count, *out then being what was counted ("at least"). */
htx_status htx_query_count_within(htx_store *s, const htx_filter *f, int64_t limit, double seconds, int64_t *out,
                                  bool *complete, htx_error *err);

typedef enum htx_stats_by {
    HTX_STATS_SECTOR,
    HTX_STATS_DISTRICT,
    HTX_STATS_CLUB,
    HTX_STATS_YEAR,
    HTX_STATS_COMMUNE,
} htx_stats_by;

int htx_stats_by_parse(const char *text); /* "sector", "district", "club", "year", "commune"; -1 */

typedef struct htx_stat_row {
    char key[64];     /* sector/club code, district GSO code, year, unit name ("": none yet) */
    const char *name; /* display name in the requested language; valid during the visit */
    int64_t count;
} htx_stat_row;

typedef int (*htx_stat_visitor)(const htx_stat_row *row, void *ctx);

/*
 * Counts by group.  Sectors, districts and clubs are all listed (zero
 * included) in their natural order (sector table order, districts in
 * Vietnamese order, clubs in table order); years ascending, only those
 * present (a cooperative without founding date is not counted by year);
 * the 126 units by name in Vietnamese order, then those without a unit yet
 * (key "") when there are any.
 */
htx_status htx_query_stats(htx_store *s, const htx_filter *f, htx_stats_by by, htx_lang lang,
                           htx_stat_visitor visit, void *ctx, htx_error *err);

/*
 * The figures behind the Alliance's targets, over the cooperatives not
 * dissolved (base): how many are organised under the Law on Cooperatives
 * and how many preserved their capital and made a profit — each as the
 * number that answer yes and the number whose answer is known (an unknown
 * answer is neither yes nor no: the share is of those known).
 */
typedef struct htx_target_figure {
    int64_t yes, known;
} htx_target_figure;
typedef struct htx_targets {
    int64_t base;
    htx_target_figure compliant, profitable;
} htx_targets;
htx_status htx_query_targets(htx_store *s, htx_targets *out, htx_error *err);

#endif
