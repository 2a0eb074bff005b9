#include "query_where.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "store_internal.h"

static void add_condition(htx_where *w, const char *condition, const char *p1, const char *p2)
{
    size_t used = strlen(w->sql);
    snprintf(w->sql + used, sizeof w->sql - used, " AND %s", condition);
    if (p1)
        w->params[w->count++] = p1;
    if (p2)
        w->params[w->count++] = p2;
}

/* "%" + the parts with LIKE's wildcards escaped (when escape), each
 * followed by "%". */
static char *like_pattern(const char *const *parts, size_t count, bool escape)
{
    size_t n = 2;
    for (size_t i = 0; i < count; i++)
        n += 2 * strlen(parts[i]) + 1;
    char *p = malloc(n);
    if (!p)
        return NULL;
    char *o = p;
    *o++ = '%';
    for (size_t i = 0; i < count; i++) {
        for (const char *s = parts[i]; *s; s++) {
            if (escape && (*s == '%' || *s == '_' || *s == '\\'))
                *o++ = '\\';
            *o++ = *s;
        }
        *o++ = '%';
    }
    *o = '\0';
    return p;
}

/* A query of digits (and dashes) can only be a registration code. */
static bool looks_like_code(const char *q)
{
    bool digit = false;
    for (; *q; q++) {
        if (*q >= '0' && *q <= '9')
            digit = true;
        else if (*q != '-' && *q != ' ')
            return false;
    }
    return digit;
}

/*
 * Whether the trigram index narrows a search well: it does when the folded
 * text occurs in few names.  When it occurs in many, reading the names in
 * sort order and testing each fills a screen sooner than collecting every
 * match from the index first.
 */
#define SELECTIVE_BELOW 1000

static bool trigram_is_selective(htx_store *s, const char *pattern)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s,
        "SELECT count(*) FROM (SELECT 1 FROM cooperative_search WHERE name_plain LIKE ? LIMIT ?)",
        NULL);
    if (!stmt)
        return false;
    sqlite3_bind_text(stmt, 1, pattern, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt, 2, SELECTIVE_BELOW);
    bool selective = sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_int(stmt, 0) < SELECTIVE_BELOW;
    htx_stmt_release(stmt);
    return selective;
}

/*
 * How the place and sector filters are written.  By default SQLite may seek
 * their indexes.  For a page in an order (htx_where_build_in_order) that is
 * the wrong choice when the filter keeps many rows: SQLite takes the
 * filter's index and sorts every row it keeps (a sector is a fifth of the
 * register) to give the first 37, where walking the order's index and
 * testing each row finds them among a few thousand.  A unary plus keeps
 * SQLite off the filter's index.  Places with indexes of their own in name
 * order, and places of few rows (the tallies tell), keep theirs.
 */
typedef enum filter_index { FILTER_INDEX_MAY, FILTER_INDEX_NOT } filter_index;

/* Below this many rows a place's rows are sorted sooner than found by
 * walking an order in which about one row in (register / place) is theirs. */
#define SMALL_PLACE 5000

/* Whether the one-value query sql, given key, counts fewer than SMALL_PLACE. */
static bool place_is_small(htx_store *s, const char *sql, const char *key)
{
    sqlite3_stmt *stmt = htx_store_statement(s, sql, NULL);
    if (!stmt)
        return true;
    sqlite3_bind_text(stmt, 1, key, -1, SQLITE_TRANSIENT);
    bool small = sqlite3_step(stmt) != SQLITE_ROW || sqlite3_column_int64(stmt, 0) < SMALL_PLACE;
    htx_stmt_release(stmt);
    return small;
}

static filter_index place_index(htx_store *s, const htx_filter *f, const char *sql, const char *key)
{
    if (!s || f->sort == HTX_SORT_NAME || place_is_small(s, sql, key))
        return FILTER_INDEX_MAY;
    return FILTER_INDEX_NOT;
}

/* Every condition but the search; s is given for a page in an order. */
static void add_filters(htx_where *w, const htx_filter *f, htx_store *s)
{
    memset(w, 0, sizeof *w);
    strcpy(w->sql, "WHERE 1");
    if (f->district && f->district[0]) {
        filter_index use = place_index(s, f, "SELECT cooperatives FROM district_tally WHERE district_code = ?",
                                       f->district);
        add_condition(w, use == FILTER_INDEX_MAY ? "c.district_code = ?" : "+c.district_code = ?", f->district,
                      NULL);
    }
    if (f->commune && f->commune[0]) {
        filter_index use = place_index(s, f, "SELECT cooperatives FROM commune_tally WHERE commune = ?", f->commune);
        add_condition(w, use == FILTER_INDEX_MAY ? "c.commune = ?" : "+c.commune = ?", f->commune, NULL);
    }
    if (f->without_commune)
        add_condition(w, "c.commune IS NULL", NULL, NULL);
    if (f->sector && f->sector[0]) {
        /* A sector has no tally: its index counts its first rows. */
        filter_index use =
            s && !place_is_small(s, "SELECT count(*) FROM (SELECT 1 FROM cooperative WHERE sector_code = ?1 LIMIT 5000)",
                                 f->sector)
                ? FILTER_INDEX_NOT
                : FILTER_INDEX_MAY;
        add_condition(w, use == FILTER_INDEX_MAY ? "c.sector_code = ?" : "+c.sector_code = ?", f->sector, NULL);
    }
    /* Status has an index in name order (schema v13); in other orders the
     * order's index is walked, as for a sector. */
    if (f->status >= 0)
        add_condition(w, s && f->sort != HTX_SORT_NAME ? "+c.status = ?" : "c.status = ?",
                      htx_status_code((htx_coop_status)f->status), NULL);
    /* A year alone ("2018-00-00", date.h) is founded within a range that
     * holds the whole year: from its 1 January, to its 31 December. */
    if (f->founded_from[0])
        add_condition(w,
                      "(CASE WHEN c.founded LIKE '____-00-00' THEN substr(c.founded, 1, 4) || '-01-01'"
                      " ELSE c.founded END) >= ?",
                      f->founded_from, NULL);
    if (f->founded_to[0])
        add_condition(w,
                      "(CASE WHEN c.founded LIKE '____-00-00' THEN substr(c.founded, 1, 4) || '-12-31'"
                      " ELSE c.founded END) <= ?",
                      f->founded_to, NULL);
    if (f->club && f->club[0])
        add_condition(w,
                  /* IN, not EXISTS: SQLite then reads the club's members
                   * (dozens, a few hundred) and sorts them, rather than
                   * testing every cooperative in order for membership. */
                  "c.id IN (SELECT m.coop_id FROM membership m"
                  " WHERE m.club_code = ? AND m.left_on IS NULL)",
                  f->club, NULL);
}

bool htx_where_name_search(const htx_filter *f)
{
    return f->search && f->search[0] && !looks_like_code(f->search);
}

void htx_where_build_matching(htx_where *w, const htx_filter *f)
{
    add_filters(w, f, NULL);
    if (htx_where_name_search(f))
        add_condition(w, "htx_match(c.name, ?)", f->search, NULL);
}

static htx_status build(htx_store *s, htx_where *w, const htx_filter *f, bool in_order, htx_error *err)
{
    add_filters(w, f, in_order ? s : NULL);
    if (f->search && f->search[0]) {
        if (looks_like_code(f->search)) {
            /* Spaces typed inside a code are not part of it. */
            char digits[64];
            size_t n = 0;
            for (const char *q = f->search; *q && n + 1 < sizeof digits; q++)
                if (*q != ' ')
                    digits[n++] = *q;
            digits[n] = '\0';
            const char *code_part = digits;
            w->owned[0] = like_pattern(&code_part, 1, true);
            if (!w->owned[0])
                return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
            add_condition(w, "c.code LIKE ? ESCAPE '\\'", w->owned[0], NULL);
        } else {
            htx_query_pattern *query = htx_query_compile(f->search);
            size_t count = 0;
            const char *const *parts = htx_query_plain_parts(query, &count);
            size_t letters = 0;
            for (size_t i = 0; i < count; i++)
                letters += strlen(parts[i]);
            w->owned[1] = query ? like_pattern(parts, count, true) : NULL;
            /* The LIKE on the folded name lets through every row that can
             * match, and htx_match then applies the exact rule.  For a rare
             * text of three letters or more the trigram index (schema v4)
             * finds the candidates without reading every name; it cannot use
             * an index with an ESCAPE clause, so there a typed % or _ stays a
             * wildcard: the prefilter only gets wider, htx_match decides. */
            w->owned[2] = query && letters >= 3 ? like_pattern(parts, count, false) : NULL;
            htx_query_free(query);
            if (!w->owned[1])
                return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
            if (w->owned[2] && trigram_is_selective(s, w->owned[2]))
                add_condition(w,
                              "c.id IN (SELECT rowid FROM cooperative_search WHERE name_plain LIKE ?)"
                              " AND htx_match(c.name, ?)",
                              w->owned[2], f->search);
            else
                add_condition(w, "c.name_plain LIKE ? ESCAPE '\\' AND htx_match(c.name, ?)", w->owned[1],
                              f->search);
        }
    }
    return HTX_OK;
}

htx_status htx_where_build(htx_store *s, htx_where *w, const htx_filter *f, htx_error *err)
{
    return build(s, w, f, false, err);
}

htx_status htx_where_build_in_order(htx_store *s, htx_where *w, const htx_filter *f, htx_error *err)
{
    return build(s, w, f, true, err);
}

void htx_where_free(htx_where *w)
{
    for (size_t i = 0; i < sizeof w->owned / sizeof w->owned[0]; i++)
        free(w->owned[i]);
}

htx_status htx_where_prepare(htx_store *s, const char *sql, const htx_where *w, int first_param,
                          sqlite3_stmt **out, htx_error *err)
{
    if (sqlite3_prepare_v2(htx_store_db(s), sql, -1, out, NULL) != SQLITE_OK)
        return htx_store_fail(s, err);
    for (int i = 0; i < w->count; i++)
        sqlite3_bind_text(*out, first_param + i, w->params[i], -1, SQLITE_STATIC);
    return HTX_OK;
}

