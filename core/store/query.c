#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "commune.h"
#include "coop_row.h"
#include "fold.h"
#include "query_where.h"
#include "store_internal.h"
#include "word_cursor.h"

void htx_filter_init(htx_filter *f)
{
    memset(f, 0, sizeof *f);
    f->status = -1;
    f->sort = HTX_SORT_NAME;
}

int htx_sort_parse(const char *text)
{
    static const char *const names[] = {"name", "code", "district", "founded", "members", "distinctive"};
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
        if (text && strcmp(text, names[i]) == 0)
            return i;
    return -1;
}

int htx_stats_by_parse(const char *text)
{
    static const char *const names[] = {"sector", "district", "club", "year", "commune"};
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
        if (text && strcmp(text, names[i]) == 0)
            return i;
    return -1;
}

static const char *order_by(htx_sort sort)
{
    switch (sort) {
    case HTX_SORT_CODE: return "c.code";
    case HTX_SORT_DISTRICT: return "d.sort_key, c.name_key, c.id";
    /* Unknown founding dates and member counts go last; the expressions
     * are those of browse.c, which schema v3 indexes. */
    case HTX_SORT_FOUNDED: return "c.founded_order, c.name_key, c.id"; /* schema v13 */
    case HTX_SORT_MEMBERS: return "c.members_order, c.name_key, c.id";
    case HTX_SORT_DISTINCTIVE: return "c.distinctive_key, c.id";
    case HTX_SORT_NAME: break;
    }
    return "c.name_key, c.id";
}

/* Visits the matches among the candidates of the word index, batch by
 * batch in name order (word_cursor.h): the first row comes after a few
 * hundred candidates, wherever in the register the matches stand. */
static htx_status each_candidate(htx_store *s, const htx_filter *f, htx_word_cursor *cursor, htx_coop_visitor visit,
                                 void *ctx, htx_error *err)
{
    htx_where w;
    htx_where_build_matching(&w, f);
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT " HTX_COOP_COLUMNS " FROM json_each(?) AS batch CROSS JOIN cooperative c ON c.id = batch.value"
             " JOIN district d ON d.code = c.district_code %s ORDER BY c.name_key, c.id",
             w.sql);
    sqlite3_stmt *stmt = NULL;
    htx_status st = htx_where_prepare(s, sql, &w, 2, &stmt, err);
    htx_coop *c = st == HTX_OK ? malloc(sizeof *c) : NULL;
    if (st == HTX_OK && !c)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    bool stopped = false;
    for (size_t want = 64; st == HTX_OK && !stopped; want = want < 4096 ? 2 * want : want) {
        const char *ids = NULL;
        st = htx_word_cursor_next(cursor, want, &ids, err);
        if (st != HTX_OK || !ids)
            break;
        sqlite3_bind_text(stmt, 1, ids, -1, SQLITE_STATIC);
        int rc;
        while (!stopped && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            htx_coop_from_row(stmt, c);
            stopped = visit(c, ctx) != 0;
        }
        if (!stopped && rc != SQLITE_DONE)
            st = htx_store_fail(s, err);
        sqlite3_reset(stmt);
    }
    free(c);
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

htx_status htx_query_each(htx_store *s, const htx_filter *f, htx_coop_visitor visit, void *ctx,
                          htx_error *err)
{
    if (f->sort == HTX_SORT_NAME && htx_where_name_search(f)) {
        htx_word_cursor *cursor = NULL;
        htx_status st = htx_word_cursor_open(s, f->search, NULL, 0, false, &cursor, err);
        if (st == HTX_OK && cursor)
            st = each_candidate(s, f, cursor, visit, ctx, err);
        htx_word_cursor_close(cursor);
        if (st != HTX_OK || cursor)
            return st;
    }
    htx_where w;
    htx_status st = htx_where_build_in_order(s, &w, f, err);
    if (st != HTX_OK) {
        htx_where_free(&w);
        return st;
    }
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT " HTX_COOP_COLUMNS " FROM cooperative c JOIN district d ON d.code = c.district_code"
             " %s ORDER BY %s",
             w.sql, order_by(f->sort));
    sqlite3_stmt *stmt = NULL;
    st = htx_where_prepare(s, sql, &w, 1, &stmt, err);
    if (st == HTX_OK) {
        htx_coop *c = malloc(sizeof *c);
        if (!c)
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        int rc = SQLITE_DONE;
        while (c && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            htx_coop_from_row(stmt, c);
            if (visit(c, ctx))
                break;
        }
        if (c && rc != SQLITE_ROW && rc != SQLITE_DONE)
            st = htx_store_fail(s, err);
        free(c);
    }
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

/* Only a district (or nothing) is asked for: the tally kept by schema v2's
 * triggers answers without counting rows. */
static bool tally_can_answer(const htx_filter *f)
{
    return !(f->sector && f->sector[0]) && !(f->club && f->club[0]) && f->status < 0 &&
           !(f->search && f->search[0]) && !f->founded_from[0] && !f->founded_to[0] &&
           !(f->commune && f->commune[0]) && !f->without_commune;
}

static htx_status count_from_tally(htx_store *s, const char *district, int64_t *out, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s,
        "SELECT coalesce(sum(cooperatives), 0) FROM district_tally"
        " WHERE ?1 IS NULL OR district_code = ?1",
        err);
    if (!stmt)
        return HTX_ERR_DB;
    htx_bind_text_or_null(stmt, 1, district);
    htx_status st = HTX_OK;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        *out = sqlite3_column_int64(stmt, 0);
    else
        st = htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}

/* limit < 0: no limit. */
static htx_status count_rows(htx_store *s, const htx_filter *f, int64_t limit, int64_t *out, htx_error *err)
{
    if (tally_can_answer(f)) {
        htx_status st = count_from_tally(s, f->district, out, err);
        if (st == HTX_OK && limit >= 0 && *out > limit)
            *out = limit;
        return st;
    }
    htx_where w;
    htx_status st = htx_where_build(s, &w, f, err);
    if (st != HTX_OK) {
        htx_where_free(&w);
        return st;
    }
    char sql[1300];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM cooperative c %s LIMIT ?)", w.sql);
    sqlite3_stmt *stmt = NULL;
    st = htx_where_prepare(s, sql, &w, 1, &stmt, err);
    if (st == HTX_OK) {
        sqlite3_bind_int64(stmt, w.count + 1, limit);
        if (sqlite3_step(stmt) == SQLITE_ROW)
            *out = sqlite3_column_int64(stmt, 0);
        else
            st = htx_store_fail(s, err);
    }
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

htx_status htx_query_count(htx_store *s, const htx_filter *f, int64_t *out, htx_error *err)
{
    return count_rows(s, f, -1, out, err);
}

htx_status htx_query_count_upto(htx_store *s, const htx_filter *f, int64_t limit, int64_t *out,
                                htx_error *err)
{
    return count_rows(s, f, limit, out, err);
}

/* Counts the matches among the candidates of the word index, batch by
 * batch, until limit or the deadline (set by the caller). */
static htx_status count_candidates(htx_store *s, const htx_filter *f, htx_word_cursor *cursor, int64_t limit,
                                   int64_t *out, bool *complete, htx_error *err)
{
    htx_where w;
    htx_where_build_matching(&w, f);
    char sql[1400];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM json_each(?) AS batch CROSS JOIN cooperative c ON c.id = batch.value %s", w.sql);
    sqlite3_stmt *stmt = NULL;
    htx_status st = htx_where_prepare(s, sql, &w, 2, &stmt, err);
    while (st == HTX_OK && *complete && *out < limit) {
        const char *ids = NULL;
        st = htx_word_cursor_next(cursor, 256, &ids, err);
        if (st != HTX_OK || !ids)
            break;
        sqlite3_bind_text(stmt, 1, ids, -1, SQLITE_STATIC);
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            *out += sqlite3_column_int64(stmt, 0);
        else if (rc == SQLITE_INTERRUPT && !htx_store_cancelled(s))
            *complete = false;
        else
            st = htx_store_fail(s, err);
        sqlite3_reset(stmt);
    }
    if (*out >= limit) {
        *out = limit; /* a batch may have passed it */
        *complete = false;
    }
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

htx_status htx_query_count_within(htx_store *s, const htx_filter *f, int64_t limit, double seconds, int64_t *out,
                                  bool *complete, htx_error *err)
{
    *complete = true;
    if (tally_can_answer(f))
        return count_rows(s, f, limit, out, err);
    *out = 0;
    if (htx_where_name_search(f)) {
        htx_word_cursor *cursor = NULL;
        htx_store_deadline(s, seconds);
        htx_status st = htx_word_cursor_open(s, f->search, NULL, 0, false, &cursor, err);
        if (st == HTX_OK && cursor)
            st = count_candidates(s, f, cursor, limit, out, complete, err);
        bool late = htx_store_deadline_passed(s);
        htx_store_deadline(s, 0);
        htx_word_cursor_close(cursor);
        if (st != HTX_OK && late && !htx_store_cancelled(s)) {
            *complete = false; /* time ran out while reading the index */
            return HTX_OK;
        }
        if (st != HTX_OK || cursor)
            return st;
    }
    htx_where w;
    htx_status st = htx_where_build(s, &w, f, err);
    if (st != HTX_OK) {
        htx_where_free(&w);
        return st;
    }
    char sql[1300];
    snprintf(sql, sizeof sql, "SELECT 1 FROM cooperative c %s LIMIT ?", w.sql);
    sqlite3_stmt *stmt = NULL;
    st = htx_where_prepare(s, sql, &w, 1, &stmt, err);
    *out = 0;
    if (st == HTX_OK) {
        sqlite3_bind_int64(stmt, w.count + 1, limit);
        /* Counted row by row, so that what was counted when time ran out
         * is known. */
        htx_store_deadline(s, seconds);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            (*out)++;
        htx_store_deadline(s, 0);
        if (rc == SQLITE_INTERRUPT && !htx_store_cancelled(s))
            *complete = false;
        else if (rc != SQLITE_DONE)
            st = htx_store_fail(s, err);
        if (*out >= limit)
            *complete = false;
    }
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

/* Group counts keyed by text, read from a "SELECT key, count" statement. */
typedef struct group_count {
    char key[64];
    int64_t count;
} group_count;

static htx_status read_groups(htx_store *s, sqlite3_stmt *stmt, group_count *groups, int max,
                              int *n, htx_error *err)
{
    int rc;
    *n = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (*n == max)
            continue;
        htx_column_copy(stmt, 0, groups[*n].key, sizeof groups[*n].key);
        groups[*n].count = sqlite3_column_int64(stmt, 1);
        (*n)++;
    }
    return rc == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
}

static int64_t group_lookup(const group_count *groups, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (strcmp(groups[i].key, key) == 0)
            return groups[i].count;
    return 0;
}

static int compare_districts(const void *a, const void *b)
{
    const htx_district *const *x = a, *const *y = b;
    return htx_collate_compare((*x)->name, (*y)->name);
}

static int compare_communes(const void *a, const void *b)
{
    const htx_commune *const *x = a, *const *y = b;
    return htx_collate_compare((*x)->name, (*y)->name);
}

/* Every unit, zero counts included, then those without one. */
static htx_status emit_communes(htx_lang lang, const group_count *groups, int n, htx_stat_visitor visit, void *ctx)
{
    const htx_commune *order[HTX_COMMUNE_LIMIT];
    size_t count = HTX_COMMUNE_COUNT < HTX_COMMUNE_LIMIT ? HTX_COMMUNE_COUNT : HTX_COMMUNE_LIMIT;
    for (size_t i = 0; i < count; i++)
        order[i] = &HTX_COMMUNES[i];
    qsort(order, count, sizeof order[0], compare_communes);
    htx_stat_row row;
    char label[128];
    for (size_t i = 0; i < count; i++) {
        snprintf(row.key, sizeof row.key, "%s", order[i]->name);
        htx_commune_label(order[i], true, lang, label, sizeof label);
        row.name = label;
        row.count = group_lookup(groups, n, order[i]->name);
        if (visit(&row, ctx))
            return HTX_OK;
    }
    row.key[0] = '\0';
    row.name = htx_msg_format(MSG_COMMUNE_NONE, lang);
    row.count = group_lookup(groups, n, "");
    if (row.count > 0)
        visit(&row, ctx);
    return HTX_OK;
}

/* Emits every sector/district/club, zero counts included, in natural order. */
static htx_status emit_fixed_groups(htx_stats_by by, htx_lang lang, const group_count *groups, int n,
                                    htx_stat_visitor visit, void *ctx)
{
    htx_stat_row row;
    if (by == HTX_STATS_COMMUNE)
        return emit_communes(lang, groups, n, visit, ctx);
    if (by == HTX_STATS_DISTRICT) {
        const htx_district *order[64];
        for (size_t i = 0; i < HTX_DISTRICT_COUNT; i++)
            order[i] = &HTX_DISTRICTS[i];
        qsort(order, HTX_DISTRICT_COUNT, sizeof order[0], compare_districts);
        for (size_t i = 0; i < HTX_DISTRICT_COUNT; i++) {
            snprintf(row.key, sizeof row.key, "%s", order[i]->code);
            row.name = order[i]->name;
            row.count = group_lookup(groups, n, order[i]->code);
            if (visit(&row, ctx))
                break;
        }
        return HTX_OK;
    }
    size_t count = by == HTX_STATS_SECTOR ? HTX_SECTOR_COUNT : HTX_CLUB_COUNT;
    for (size_t i = 0; i < count; i++) {
        const char *code = by == HTX_STATS_SECTOR ? HTX_SECTORS[i].code : HTX_CLUBS[i].code;
        snprintf(row.key, sizeof row.key, "%s", code);
        row.name = by == HTX_STATS_SECTOR ? htx_sector_name(&HTX_SECTORS[i], lang)
                                          : htx_club_name(&HTX_CLUBS[i], lang);
        row.count = group_lookup(groups, n, code);
        if (visit(&row, ctx))
            break;
    }
    return HTX_OK;
}

static htx_status emit_groups(htx_store *s, sqlite3_stmt *stmt, htx_stats_by by, htx_lang lang,
                              htx_stat_visitor visit, void *ctx, htx_error *err);

/*
 * The counts of the whole register, from the tallies the triggers keep
 * (schema v2, v9, v13) instead of from a million rows.  The clubs count their
 * members, a few hundred rows, as they are.
 */
static const char *tally_sql(htx_stats_by by)
{
    switch (by) {
    case HTX_STATS_SECTOR: return "SELECT sector_code, sum(cooperatives) FROM figures_tally GROUP BY 1";
    case HTX_STATS_DISTRICT: return "SELECT district_code, cooperatives FROM district_tally";
    case HTX_STATS_YEAR:
        return "SELECT founded_year, sum(cooperatives) FROM figures_tally WHERE founded_year <> ''"
               " GROUP BY 1 HAVING sum(cooperatives) > 0 ORDER BY 1";
    case HTX_STATS_COMMUNE: return "SELECT commune, cooperatives FROM commune_tally";
    case HTX_STATS_CLUB: break;
    }
    return NULL;
}

htx_status htx_query_stats(htx_store *s, const htx_filter *f, htx_stats_by by, htx_lang lang,
                           htx_stat_visitor visit, void *ctx, htx_error *err)
{
    if (tally_can_answer(f) && tally_sql(by)) {
        sqlite3_stmt *tally = htx_store_statement(s, tally_sql(by), err);
        if (!tally)
            return HTX_ERR_DB;
        htx_status st = emit_groups(s, tally, by, lang, visit, ctx, err);
        htx_stmt_release(tally);
        return st;
    }
    htx_where w;
    htx_status st = htx_where_build(s, &w, f, err);
    if (st != HTX_OK) {
        htx_where_free(&w);
        return st;
    }
    char sql[1400];
    switch (by) {
    case HTX_STATS_SECTOR:
        snprintf(sql, sizeof sql, "SELECT c.sector_code, count(*) FROM cooperative c %s GROUP BY 1", w.sql);
        break;
    case HTX_STATS_DISTRICT:
        snprintf(sql, sizeof sql, "SELECT c.district_code, count(*) FROM cooperative c %s GROUP BY 1",
                 w.sql);
        break;
    case HTX_STATS_CLUB:
        snprintf(sql, sizeof sql,
                 "SELECT k.club_code, count(DISTINCT c.id) FROM cooperative c"
                 " JOIN membership k ON k.coop_id = c.id AND k.left_on IS NULL %s GROUP BY 1",
                 w.sql);
        break;
    case HTX_STATS_YEAR:
        snprintf(sql, sizeof sql,
                 "SELECT substr(c.founded, 1, 4), count(*) FROM cooperative c %s"
                 " AND c.founded IS NOT NULL GROUP BY 1 ORDER BY 1",
                 w.sql);
        break;
    case HTX_STATS_COMMUNE:
        snprintf(sql, sizeof sql, "SELECT coalesce(c.commune, ''), count(*) FROM cooperative c %s GROUP BY 1",
                 w.sql);
        break;
    }
    sqlite3_stmt *stmt = NULL;
    st = htx_where_prepare(s, sql, &w, 1, &stmt, err);
    if (st == HTX_OK)
        st = emit_groups(s, stmt, by, lang, visit, ctx, err);
    sqlite3_finalize(stmt);
    htx_where_free(&w);
    return st;
}

/* Reads the "key, count" rows of stmt and gives them in the order of by. */
static htx_status emit_groups(htx_store *s, sqlite3_stmt *stmt, htx_stats_by by, htx_lang lang,
                              htx_stat_visitor visit, void *ctx, htx_error *err)
{
    /* Years since 1900 bound the groups; the fixed kinds have at most 30. */
    enum { MAX_GROUPS = 8200 };
    group_count *groups = malloc(MAX_GROUPS * sizeof *groups);
    int n = 0;
    htx_status st = groups ? HTX_OK : htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (st == HTX_OK)
        st = read_groups(s, stmt, groups, MAX_GROUPS, &n, err);
    if (st == HTX_OK && by == HTX_STATS_YEAR) {
        for (int i = 0; i < n; i++) {
            htx_stat_row row;
            memcpy(row.key, groups[i].key, sizeof row.key);
            row.name = groups[i].key;
            row.count = groups[i].count;
            if (visit(&row, ctx))
                break;
        }
    } else if (st == HTX_OK) {
        st = emit_fixed_groups(by, lang, groups, n, visit, ctx);
    }
    free(groups);
    return st;
}

htx_status htx_query_targets(htx_store *s, htx_targets *out, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s,
        "SELECT coalesce(sum(cooperatives), 0),"
        " coalesce(sum(cooperatives * (compliant = 1)), 0), coalesce(sum(cooperatives * (compliant >= 0)), 0),"
        " coalesce(sum(cooperatives * (profitable = 1)), 0), coalesce(sum(cooperatives * (profitable >= 0)), 0)"
        " FROM figures_tally WHERE status <> 'dissolved'", /* schema v13 */
        err);
    if (!stmt)
        return HTX_ERR_DB;
    htx_status st = HTX_OK;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        out->base = sqlite3_column_int64(stmt, 0);
        out->compliant = (htx_target_figure){sqlite3_column_int64(stmt, 1), sqlite3_column_int64(stmt, 2)};
        out->profitable = (htx_target_figure){sqlite3_column_int64(stmt, 3), sqlite3_column_int64(stmt, 4)};
    } else {
        st = htx_store_fail(s, err);
    }
    htx_stmt_release(stmt);
    return st;
}
