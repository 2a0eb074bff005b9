#include "query_where.h"

#include <stdbool.h>
#include <stdint.h>
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
 * Which filter SQLite finds the rows by.  Left to itself (the register has
 * no ANALYZE figures, and they would go stale) it takes the first index that
 * avoids a sort: a district of 33,000 rows read in name order, each row's
 * table page fetched to test a sector that holds none of them, where the
 * sector's own index answered at once.  So the tallies tell how many rows
 * each filter keeps, and only the one chosen to lead is written so SQLite
 * may seek its index; a unary plus keeps the others tests of each row.
 *
 * The filter keeping fewest rows leads when it keeps few: its rows are
 * sorted sooner than found among the order's.  When every filter keeps many,
 * a page in an order walks the order's own index and tests each row (a
 * sector is a fifth of the register: about one row in five passes), except
 * in name order, where a place or a status has an index in name order of its
 * own and the fewest of them leads.  A count has no order: the fewest leads.
 */
typedef enum filter_kind { BY_DISTRICT, BY_COMMUNE, BY_SECTOR, BY_STATUS, BY_CLUB, FILTER_KINDS } filter_kind;

/* Below this many rows a filter's rows are sorted sooner than found by
 * walking an order in which about one row in (register / rows) is theirs. */
#define SMALL_FILTER 5000
#define NO_LEADER (-1)

/* How many rows of the register a filter keeps, from a tally (or the club's
 * members); INT64_MAX when none tells. */
static int64_t rows_kept(htx_store *s, filter_kind kind, const char *value)
{
    static const char *const tally_sql[FILTER_KINDS] = {
        [BY_DISTRICT] = "SELECT cooperatives FROM district_tally WHERE district_code = ?",
        [BY_COMMUNE] = "SELECT cooperatives FROM commune_tally WHERE commune = ?",
        [BY_SECTOR] = "SELECT total(cooperatives) FROM figures_tally WHERE sector_code = ?",
        [BY_STATUS] = "SELECT total(cooperatives) FROM figures_tally WHERE status = ?",
        [BY_CLUB] = "SELECT count(*) FROM membership WHERE club_code = ? AND left_on IS NULL",
    };
    sqlite3_stmt *stmt = htx_store_statement(s, tally_sql[kind], NULL);
    if (!stmt)
        return INT64_MAX;
    sqlite3_bind_text(stmt, 1, value, -1, SQLITE_TRANSIENT);
    /* A place without a tally row keeps no rows. */
    int64_t rows = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    htx_stmt_release(stmt);
    return rows;
}

/* The filters' values by kind, NULL where the filter is not set. */
static void filter_values(const htx_filter *f, const char *values[FILTER_KINDS])
{
    values[BY_DISTRICT] = f->district && f->district[0] ? f->district : NULL;
    values[BY_COMMUNE] = f->commune && f->commune[0] ? f->commune : NULL;
    values[BY_SECTOR] = f->sector && f->sector[0] ? f->sector : NULL;
    values[BY_STATUS] = f->status >= 0 ? htx_status_code((htx_coop_status)f->status) : NULL;
    values[BY_CLUB] = f->club && f->club[0] ? f->club : NULL;
}

/* Whether the kind's index holds its rows in name order. */
static bool indexed_in_name_order(filter_kind kind)
{
    return kind == BY_DISTRICT || kind == BY_COMMUNE || kind == BY_STATUS || kind == BY_CLUB;
}

static int choose_leader(htx_store *s, const htx_filter *f, const char *const values[FILTER_KINDS], bool in_order)
{
    int fewest = NO_LEADER, fewest_in_name_order = NO_LEADER;
    int64_t rows[FILTER_KINDS];
    for (int k = 0; k < FILTER_KINDS; k++) {
        if (!values[k])
            continue;
        rows[k] = rows_kept(s, (filter_kind)k, values[k]);
        if (fewest == NO_LEADER || rows[k] < rows[fewest])
            fewest = k;
        if (indexed_in_name_order((filter_kind)k) &&
            (fewest_in_name_order == NO_LEADER || rows[k] < rows[fewest_in_name_order]))
            fewest_in_name_order = k;
    }
    if (fewest == NO_LEADER || !in_order || rows[fewest] < SMALL_FILTER)
        return fewest;
    return f->sort == HTX_SORT_NAME ? fewest_in_name_order : NO_LEADER;
}

/* Every condition but the search; s is given to choose the leading filter
 * (NULL: SQLite chooses, for rows that are already candidates). */
static void add_filters(htx_where *w, const htx_filter *f, htx_store *s, bool in_order)
{
    memset(w, 0, sizeof *w);
    strcpy(w->sql, "WHERE 1");
    const char *values[FILTER_KINDS];
    filter_values(f, values);
    int leader = s ? choose_leader(s, f, values, in_order) : NO_LEADER;
    /* Each kind's condition, as leader and as a test of each row. */
    static const char *const condition[FILTER_KINDS][2] = {
        [BY_DISTRICT] = {"+c.district_code = ?", "c.district_code = ?"},
        [BY_COMMUNE] = {"+c.commune = ?", "c.commune = ?"},
        [BY_SECTOR] = {"+c.sector_code = ?", "c.sector_code = ?"},
        [BY_STATUS] = {"+c.status = ?", "c.status = ?"},
        /* IN, not EXISTS: leading, SQLite reads the club's members (dozens,
         * a few hundred) and sorts them. */
        [BY_CLUB] = {"+c.id IN (SELECT m.coop_id FROM membership m WHERE m.club_code = ? AND m.left_on IS NULL)",
                     "c.id IN (SELECT m.coop_id FROM membership m WHERE m.club_code = ? AND m.left_on IS NULL)"},
    };
    for (int k = 0; k < FILTER_KINDS; k++)
        if (values[k])
            add_condition(w, condition[k][!s || k == leader], values[k], NULL);
    if (f->without_commune)
        add_condition(w, "c.commune IS NULL", NULL, NULL);
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
}

bool htx_where_name_search(const htx_filter *f)
{
    return f->search && f->search[0] && !looks_like_code(f->search);
}

void htx_where_build_matching(htx_where *w, const htx_filter *f)
{
    add_filters(w, f, NULL, false);
    if (htx_where_name_search(f))
        add_condition(w, "htx_match(c.name, ?)", f->search, NULL);
}

static htx_status build(htx_store *s, htx_where *w, const htx_filter *f, bool in_order, htx_error *err)
{
    add_filters(w, f, s, in_order);
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

