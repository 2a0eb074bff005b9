#include "browse.h"

#include "commune.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query_where.h"
#include "store_internal.h"
#include "word_cursor.h"

/*
 * Each order is a tuple of columns ending in a unique one, so the order is
 * total and "after this row" is well defined.  Columns, not expressions:
 * SQLite seeks an index by a row value only when its parts are columns, so
 * unknown founding dates and member counts sort last through the generated
 * columns of schema v13 rather than through coalesce in the query.
 */
typedef struct sort_keys {
    int parts;
    const char *expr[HTX_ROW_KEY_PARTS];
} sort_keys;

static const sort_keys *keys_for(htx_sort sort)
{
    static const sort_keys by_name = {2, {"c.name_key", "c.id"}};
    static const sort_keys by_code = {1, {"c.code"}};
    static const sort_keys by_founded = {3, {"c.founded_order", "c.name_key", "c.id"}};
    static const sort_keys by_members = {3, {"c.members_order", "c.name_key", "c.id"}};
    static const sort_keys by_distinctive = {2, {"c.distinctive_key", "c.id"}};
    switch (sort) {
    case HTX_SORT_NAME: return &by_name;
    case HTX_SORT_CODE: return &by_code;
    case HTX_SORT_FOUNDED: return &by_founded;
    case HTX_SORT_MEMBERS: return &by_members;
    case HTX_SORT_DISTINCTIVE: return &by_distinctive;
    case HTX_SORT_DISTRICT: break;
    }
    return NULL;
}

/* "(e1, e2)" */
static void tuple(const sort_keys *k, char *out, size_t size, const char *suffix)
{
    size_t n = snprintf(out, size, "(");
    for (int i = 0; i < k->parts && n < size; i++)
        n += snprintf(out + n, size - n, "%s%s%s", i ? ", " : "", k->expr[i], suffix);
    if (n < size)
        snprintf(out + n, size - n, ")");
}

static void order_list(const sort_keys *k, bool descending, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < k->parts && n < size; i++)
        n += snprintf(out + n, size - n, "%s%s%s", i ? ", " : "", k->expr[i], descending ? " DESC" : "");
}

static void placeholders(int parts, char *out, size_t size)
{
    size_t n = snprintf(out, size, "(");
    for (int i = 0; i < parts && n < size; i++)
        n += snprintf(out + n, size - n, "%s?", i ? ", " : "");
    if (n < size)
        snprintf(out + n, size - n, ")");
}

/* Binds parts [0, parts) of key from index first, SQLITE_STATIC: the key
 * must outlive the statement's step. */
static void bind_parts(sqlite3_stmt *stmt, int first, const htx_row_key *key, int parts)
{
    for (int i = 0; i < parts; i++) {
        int index = first + i;
        switch (key->part[i].type) {
        case 1: sqlite3_bind_int64(stmt, index, key->part[i].integer); break;
        case 2:
            sqlite3_bind_text(stmt, index, (const char *)key->part[i].bytes, key->part[i].length,
                              SQLITE_STATIC);
            break;
        case 3:
            sqlite3_bind_blob(stmt, index, key->part[i].bytes, key->part[i].length, SQLITE_STATIC);
            break;
        default: sqlite3_bind_null(stmt, index); break;
        }
    }
}

static void read_key(sqlite3_stmt *stmt, int first, int parts, htx_row_key *key)
{
    key->parts = parts;
    for (int i = 0; i < parts; i++) {
        int col = first + i;
        int type = sqlite3_column_type(stmt, col);
        key->part[i].length = 0;
        if (type == SQLITE_INTEGER) {
            key->part[i].type = 1;
            key->part[i].integer = sqlite3_column_int64(stmt, col);
        } else if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
            const void *data = type == SQLITE_TEXT ? (const void *)sqlite3_column_text(stmt, col)
                                                   : sqlite3_column_blob(stmt, col);
            int n = sqlite3_column_bytes(stmt, col);
            /* Never longer for stored names (see browse.h); the cut only
             * guards against a file written by other means. */
            if (n > (int)sizeof key->part[i].bytes)
                n = (int)sizeof key->part[i].bytes;
            key->part[i].type = type == SQLITE_TEXT ? 2 : 3;
            memcpy(key->part[i].bytes, data, (size_t)n);
            key->part[i].length = n;
        } else {
            key->part[i].type = 0;
        }
    }
}

#define BRIEF_COLUMNS \
    "c.id, c.code, c.name, c.district_code, c.sector_code, c.founded, c.members, c.status"
#define BRIEF_COUNT 8

static void read_brief(sqlite3_stmt *stmt, int parts, htx_brief *b)
{
    b->id = sqlite3_column_int64(stmt, 0);
    htx_column_copy(stmt, 1, b->code, sizeof b->code);
    htx_column_copy(stmt, 2, b->name, sizeof b->name);
    htx_column_copy(stmt, 3, b->district, sizeof b->district);
    htx_column_copy(stmt, 4, b->sector, sizeof b->sector);
    htx_column_copy(stmt, 5, b->founded, sizeof b->founded);
    b->members = sqlite3_column_type(stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(stmt, 6);
    const char *status = (const char *)sqlite3_column_text(stmt, 7);
    b->status = HTX_ACTIVE;
    for (int i = 0; status && i < HTX_STATUS_COUNT; i++)
        if (strcmp(status, htx_status_code((htx_coop_status)i)) == 0)
            b->status = i;
    read_key(stmt, BRIEF_COUNT, parts, &b->key);
}

/* Binds the key's parts from index first; returns the next index. */
static int bind_range(sqlite3_stmt *stmt, int first, const htx_row_key *key)
{
    bind_parts(stmt, first, key, key->parts);
    return first + key->parts;
}

/* A name search in another order than the names' (browse_search_in_order):
 * terms with fewer postings sort their candidates at once, and a walk of
 * the order's index gives up after this long. */
#define FEW_CANDIDATES 4096
/* The walk is given about a quarter of what sorting the candidates would
 * cost (a few microseconds each), at least this long. */
#define WALK_SECONDS_PER_CANDIDATE 1e-6
#define WALK_SECONDS 0.010
/* Beyond this many the sort would cost more than the walk ever does: a
 * term so common fills a page within the first rows of any order. */
#define MANY_CANDIDATES 100000

/* What one page's query is made of, whichever way its rows are found. */
typedef struct page_sql {
    char range[600];  /* " AND (keys) > (?, ?)" or "" */
    char order[256];  /* the order list, descending going backwards */
    char columns[256]; /* the key columns, selected after BRIEF_COLUMNS */
} page_sql;

static void page_sql_make(const sort_keys *k, htx_browse_dir dir, bool use_anchor, page_sql *p)
{
    bool backwards = dir == HTX_BROWSE_BEFORE || dir == HTX_BROWSE_LAST;
    char keys[256], marks[32];
    tuple(k, keys, sizeof keys, "");
    order_list(k, backwards, p->order, sizeof p->order);
    placeholders(k->parts, marks, sizeof marks);
    p->range[0] = '\0';
    if (use_anchor) {
        const char *op = dir == HTX_BROWSE_FROM ? ">=" : dir == HTX_BROWSE_AFTER ? ">" : "<";
        snprintf(p->range, sizeof p->range, " AND %s %s %s", keys, op, marks);
    }
    order_list(k, false, p->columns, sizeof p->columns);
}

/*
 * Prepares the page among candidates: source is a subquery of ids whose
 * one parameter (bound by the caller, first) is a JSON array.  CROSS JOIN
 * keeps the candidates the outer loop: the rows are looked up by id, never
 * found by walking an index in order.  The filters' parameters follow.
 */
static htx_status prepare_candidate_page(htx_store *s, const htx_filter *f, const sort_keys *k, htx_browse_dir dir,
                                         bool use_anchor, const char *source, htx_where *w, sqlite3_stmt **stmt,
                                         htx_error *err)
{
    htx_where_build_matching(w, f);
    page_sql p;
    page_sql_make(k, dir, use_anchor, &p);
    char sql[2400];
    snprintf(sql, sizeof sql,
             "SELECT " BRIEF_COLUMNS ", %s FROM %s AS candidate CROSS JOIN cooperative c ON c.id = candidate.id"
             " %s%s ORDER BY %s LIMIT ?",
             p.columns, source, w->sql, p.range, p.order);
    return htx_where_prepare(s, sql, w, 2, stmt, err);
}

/*
 * The page of a name search in name order, from the word index: candidates
 * come bucket by bucket in name order (word_cursor.h), each batch is tested
 * and sorted by SQLite, and batches grow until the page is full, so the
 * work follows the page, not the rows before the first match.
 */
static htx_status browse_candidates(htx_store *s, const htx_filter *f, htx_word_cursor *cursor,
                                    const sort_keys *k, htx_browse_dir dir, const htx_row_key *anchor,
                                    bool use_anchor, int limit, htx_brief *rows, int *count, htx_error *err)
{
    htx_where w;
    sqlite3_stmt *stmt = NULL;
    htx_status st = prepare_candidate_page(s, f, k, dir, use_anchor, "(SELECT value AS id FROM json_each(?))", &w,
                                           &stmt, err);
    size_t want = (size_t)limit;
    while (st == HTX_OK && *count < limit) {
        const char *ids = NULL;
        st = htx_word_cursor_next(cursor, want, &ids, err);
        if (st != HTX_OK || !ids)
            break;
        int next = w.count + 2;
        sqlite3_bind_text(stmt, 1, ids, -1, SQLITE_STATIC);
        if (use_anchor)
            next = bind_range(stmt, next, anchor);
        sqlite3_bind_int(stmt, next, limit - *count);
        int rc;
        while (*count < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
            read_brief(stmt, k->parts, &rows[(*count)++]);
        if (*count < limit && rc != SQLITE_DONE)
            st = htx_store_fail(s, err);
        sqlite3_reset(stmt);
        if (want < 65536)
            want *= 2; /* the filters passed few: read further at once */
    }
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

/*
 * The page read in the order's own index, each row tested as it comes:
 * for at most seconds when seconds > 0 (*late then tells that time ran out,
 * and no rows are given).
 */
static htx_status browse_walk(htx_store *s, const htx_filter *f, const sort_keys *k, htx_browse_dir dir,
                              const htx_row_key *anchor, bool use_anchor, int limit, double seconds,
                              htx_brief *rows, int *count, bool *late, htx_error *err)
{
    *late = false;
    htx_where w;
    htx_status st = htx_where_build_in_order(s, &w, f, err);
    if (st != HTX_OK) {
        htx_where_free(&w);
        return st;
    }
    page_sql p;
    page_sql_make(k, dir, use_anchor, &p);
    char sql[2400];
    snprintf(sql, sizeof sql, "SELECT " BRIEF_COLUMNS ", %s FROM cooperative c %s%s ORDER BY %s LIMIT ?",
             p.columns, w.sql, p.range, p.order);

    sqlite3_stmt *stmt = NULL;
    st = htx_where_prepare(s, sql, &w, 1, &stmt, err);
    if (st == HTX_OK) {
        int next = w.count + 1;
        if (use_anchor)
            next = bind_range(stmt, next, anchor);
        sqlite3_bind_int(stmt, next, limit);
        htx_store_deadline(s, seconds);
        int rc = SQLITE_DONE;
        while (*count < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
            read_brief(stmt, k->parts, &rows[(*count)++]);
        htx_store_deadline(s, 0);
        if (*count < limit && rc == SQLITE_INTERRUPT && seconds > 0 && !htx_store_cancelled(s)) {
            *late = true;
            *count = 0;
        } else if (*count < limit && rc != SQLITE_DONE) {
            st = htx_store_fail(s, err);
        }
    }
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

/* The page among every candidate of the word index (terms: a JSON array,
 * word_cursor.h), tested and sorted by SQLite: work in proportion to the
 * candidates, wherever in the order the matches stand. */
static htx_status browse_sorted_candidates(htx_store *s, const htx_filter *f, const char *terms, const sort_keys *k,
                                           htx_browse_dir dir, const htx_row_key *anchor, bool use_anchor, int limit,
                                           htx_brief *rows, int *count, htx_error *err)
{
    htx_where w;
    sqlite3_stmt *stmt = NULL;
    htx_status st = prepare_candidate_page(
        s, f, k, dir, use_anchor,
        "(SELECT DISTINCT id FROM search_word WHERE word IN (SELECT value FROM json_each(?)))", &w, &stmt, err);
    if (st == HTX_OK) {
        sqlite3_bind_text(stmt, 1, terms, -1, SQLITE_STATIC);
        int next = w.count + 2;
        if (use_anchor)
            next = bind_range(stmt, next, anchor);
        sqlite3_bind_int(stmt, next, limit);
        int rc = SQLITE_DONE;
        while (*count < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
            read_brief(stmt, k->parts, &rows[(*count)++]);
        if (*count < limit && rc != SQLITE_DONE)
            st = htx_store_fail(s, err);
    }
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

/*
 * A name search in another order than the names': the word index's
 * buckets follow name order, so it cannot give the page by itself.  When
 * the query's terms are rare their candidates are sorted at once; when they
 * are common the order's index is walked, which finds a page among the
 * first rows unless the order gathers the matches far from its start (the
 * order after the legal form puts "thương mại …" at t); past a short time
 * the candidates are sorted after all.
 */
static double walk_budget(int64_t postings)
{
    double seconds = (double)postings * WALK_SECONDS_PER_CANDIDATE;
    return seconds > WALK_SECONDS ? seconds : WALK_SECONDS;
}

static htx_status browse_search_in_order(htx_store *s, const htx_filter *f, const sort_keys *k,
                                         htx_browse_dir dir, const htx_row_key *anchor, bool use_anchor,
                                         int limit, htx_brief *rows, int *count, htx_error *err)
{
    char *terms = NULL;
    int64_t postings = 0;
    htx_status st = htx_word_terms(s, f->search, &terms, &postings, err);
    if (st != HTX_OK)
        return st;
    if (terms && postings > MANY_CANDIDATES) {
        free(terms);
        terms = NULL;
    }
    bool late = terms && postings < FEW_CANDIDATES;
    if (!late)
        st = browse_walk(s, f, k, dir, anchor, use_anchor, limit, terms ? walk_budget(postings) : 0, rows, count,
                         &late, err);
    if (st == HTX_OK && terms && late)
        st = browse_sorted_candidates(s, f, terms, k, dir, anchor, use_anchor, limit, rows, count, err);
    free(terms);
    return st;
}

htx_status htx_browse(htx_store *s, const htx_filter *f, htx_browse_dir dir, const htx_row_key *anchor,
                      int limit, htx_brief *rows, int *count, htx_error *err)
{
    *count = 0;
    const sort_keys *k = keys_for(f->sort);
    if (!k)
        return htx_fail(err, HTX_ERR_INVALID, MSG_DB_ERROR, NULL, "sort", NULL);
    bool use_anchor = anchor && anchor->parts == k->parts && dir != HTX_BROWSE_LAST;
    bool backwards = dir == HTX_BROWSE_BEFORE || dir == HTX_BROWSE_LAST;

    if (f->sort == HTX_SORT_NAME && htx_where_name_search(f)) {
        htx_word_cursor *cursor = NULL;
        htx_status st = htx_word_cursor_open(s, f->search, use_anchor ? anchor->part[0].bytes : NULL,
                                             use_anchor ? anchor->part[0].length : 0, backwards, &cursor, err);
        if (st == HTX_OK && cursor)
            st = browse_candidates(s, f, cursor, k, dir, anchor, use_anchor, limit, rows, count, err);
        htx_word_cursor_close(cursor);
        if (st != HTX_OK || cursor)
            return st;
    }

    if (f->sort != HTX_SORT_NAME && htx_where_name_search(f))
        return browse_search_in_order(s, f, k, dir, anchor, use_anchor, limit, rows, count, err);
    bool late = false;
    return browse_walk(s, f, k, dir, anchor, use_anchor, limit, 0, rows, count, &late, err);
}

htx_status htx_browse_position(htx_store *s, const htx_filter *f, const htx_row_key *anchor, double seconds,
                               int64_t *out, bool *known, htx_error *err)
{
    *known = true;
    const sort_keys *k = keys_for(f->sort);
    if (!k || anchor->parts != k->parts)
        return htx_fail(err, HTX_ERR_INVALID, MSG_DB_ERROR, NULL, "sort", NULL);
    htx_where w;
    htx_status st = htx_where_build_in_order(s, &w, f, err);
    if (st != HTX_OK) {
        htx_where_free(&w);
        return st;
    }
    char keys[256], marks[32], sql[2000];
    tuple(k, keys, sizeof keys, "");
    placeholders(k->parts, marks, sizeof marks);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM cooperative c %s AND %s < %s", w.sql, keys, marks);
    sqlite3_stmt *stmt = NULL;
    st = htx_where_prepare(s, sql, &w, 1, &stmt, err);
    if (st == HTX_OK) {
        bind_range(stmt, w.count + 1, anchor);
        htx_store_deadline(s, seconds);
        int rc = sqlite3_step(stmt);
        htx_store_deadline(s, 0);
        if (rc == SQLITE_ROW)
            *out = sqlite3_column_int64(stmt, 0);
        else if (rc == SQLITE_INTERRUPT && !htx_store_cancelled(s))
            *known = false;
        else
            st = htx_store_fail(s, err);
    }
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

htx_status htx_browse_key_of(htx_store *s, const htx_filter *f, int64_t id, htx_row_key *out,
                             htx_error *err)
{
    const sort_keys *k = keys_for(f->sort);
    if (!k)
        return htx_fail(err, HTX_ERR_INVALID, MSG_DB_ERROR, NULL, "sort", NULL);
    htx_where w;
    htx_status st = htx_where_build(s, &w, f, err);
    if (st != HTX_OK) {
        htx_where_free(&w);
        return st;
    }
    char select_keys[256], sql[2000];
    order_list(k, false, select_keys, sizeof select_keys);
    snprintf(sql, sizeof sql, "SELECT %s FROM cooperative c %s AND c.id = ?", select_keys, w.sql);
    sqlite3_stmt *stmt = NULL;
    st = htx_where_prepare(s, sql, &w, 1, &stmt, err);
    if (st == HTX_OK) {
        sqlite3_bind_int64(stmt, w.count + 1, id);
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            read_key(stmt, 0, k->parts, out);
        else if (rc == SQLITE_DONE)
            st = HTX_ERR_NOT_FOUND;
        else
            st = htx_store_fail(s, err);
    }
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

htx_status htx_district_counts(htx_store *s, int64_t counts[], int64_t *total, htx_error *err)
{
    sqlite3_stmt *stmt =
        htx_store_statement(s, "SELECT district_code, cooperatives FROM district_tally", err);
    if (!stmt)
        return HTX_ERR_DB;
    *total = 0;
    for (size_t i = 0; i < HTX_DISTRICT_COUNT; i++)
        counts[i] = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(stmt, 0);
        int64_t n = sqlite3_column_int64(stmt, 1);
        for (size_t i = 0; code && i < HTX_DISTRICT_COUNT; i++)
            if (strcmp(HTX_DISTRICTS[i].code, code) == 0)
                counts[i] = n;
        *total += n;
    }
    htx_status st = rc == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}

htx_status htx_commune_counts(htx_store *s, int64_t counts[], int64_t *without, int64_t *total, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(s, "SELECT commune, cooperatives FROM commune_tally", err);
    if (!stmt)
        return HTX_ERR_DB;
    *total = *without = 0;
    for (size_t i = 0; i < HTX_COMMUNE_COUNT; i++)
        counts[i] = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(stmt, 0);
        int64_t n = sqlite3_column_int64(stmt, 1);
        *total += n;
        if (!name || !name[0]) {
            *without += n;
            continue;
        }
        for (size_t i = 0; i < HTX_COMMUNE_COUNT; i++)
            if (strcmp(HTX_COMMUNES[i].name, name) == 0)
                counts[i] = n;
    }
    htx_status st = rc == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}
