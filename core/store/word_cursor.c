#include "word_cursor.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "store_internal.h"

/* Beyond this many words a part is common enough for the names read in
 * order to fill a screen sooner than this many posting lists merged. */
#define MAX_WORDS 64

typedef struct stream {
    sqlite3_stmt *stmt;
    bool live;
    int64_t bucket, id;
} stream;

struct htx_word_cursor {
    htx_store *s;
    bool backwards;
    size_t count;
    stream streams[MAX_WORDS];
    int64_t *ids;
    size_t id_count, id_capacity;
    char *json;
};

typedef struct word_set {
    size_t count;
    char *words[MAX_WORDS];
    int64_t postings;
} word_set;

static void word_set_clear(word_set *w)
{
    for (size_t i = 0; i < w->count; i++)
        free(w->words[i]);
    w->count = 0;
    w->postings = 0;
}

/*
 * The terms (search_words.h) that can hold part, or, when next is given,
 * the part and the next one with a space between, and their postings;
 * *usable false when there are too many (or no memory), leaving *w empty.
 * Two parts lie in a pair of words next to each other, or, when a dash
 * stands between them in the text ("Đông-Anh", "Đông - Anh"), in a word or
 * pair holding something other than letters, digits and spaces.
 */
static htx_status terms_holding(htx_store *s, const char *part, const char *next, word_set *w, bool *usable,
                                htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s,
        next ? "SELECT word, postings FROM search_vocab WHERE instr(word, :pair) > 0"
               " OR (instr(word, :part) > 0 AND word GLOB '*[^a-z0-9 ]*')"
             : "SELECT word, postings FROM search_vocab WHERE instr(word, :part) > 0 AND instr(word, ' ') = 0",
        err);
    if (!stmt)
        return HTX_ERR_DB;
    char pair[2 * 256 + 2];
    if (next) {
        snprintf(pair, sizeof pair, "%s %s", part, next);
        sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":pair"), pair, -1, SQLITE_STATIC);
    }
    sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":part"), part, -1, SQLITE_STATIC);
    *usable = true;
    int rc;
    while (*usable && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (w->count == MAX_WORDS || !(w->words[w->count] = strdup((const char *)sqlite3_column_text(stmt, 0)))) {
            *usable = false;
            break;
        }
        w->count++;
        w->postings += sqlite3_column_int64(stmt, 1);
    }
    htx_status st = !*usable || rc == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    htx_stmt_release(stmt);
    if (!*usable || st != HTX_OK)
        word_set_clear(w);
    return st;
}

static bool has_digit(const char *text)
{
    for (; *text; text++)
        if (*text >= '0' && *text <= '9')
            return true;
    return false;
}

/* Whether part can be read in the word index: it holds no digit (digits
 * are not indexed), nor is empty. */
static bool indexed(const char *part)
{
    return part[0] && !has_digit(part);
}

/* Whether parts a and b stood apart by a space in the query, not cut from
 * one dd ("ddong" gives "d" and "ong"): a part ending in d may be such a
 * cut, and is not paired. */
static bool spaced(const char *a)
{
    return a[strlen(a) - 1] != 'd';
}

/* Keeps candidate in *best when it has fewer postings. */
static void keep_rarer(word_set *candidate, word_set *best, bool *found)
{
    if (!*found || candidate->postings < best->postings) {
        word_set_clear(best);
        *best = *candidate;
        *found = true;
    } else {
        word_set_clear(candidate);
    }
}

/* The terms of the part, or pair of parts next to each other, of query with
 * the fewest postings. */
static htx_status rarest_words(htx_store *s, const char *query, word_set *best, bool *found, htx_error *err)
{
    *found = false;
    htx_query_pattern *p = htx_query_compile(query);
    if (!p)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    size_t count = 0;
    const char *const *parts = htx_query_plain_parts(p, &count);
    htx_status st = HTX_OK;
    for (size_t i = 0; i < count && st == HTX_OK; i++) {
        for (int paired = 0; paired < 2 && st == HTX_OK; paired++) {
            const char *next = paired && i + 1 < count ? parts[i + 1] : NULL;
            if (!indexed(parts[i]) || (paired && (!next || !indexed(next) || !spaced(parts[i]))))
                continue;
            word_set candidate = {0};
            bool usable = false;
            st = terms_holding(s, parts[i], next, &candidate, &usable, err);
            if (st == HTX_OK && usable)
                keep_rarer(&candidate, best, found);
        }
    }
    htx_query_free(p);
    if (st != HTX_OK)
        word_set_clear(best);
    return st;
}

/* words as a JSON array of strings (malloc'd), NULL when out of memory. */
static char *words_as_json(const word_set *w)
{
    size_t size = 3;
    for (size_t i = 0; i < w->count; i++)
        size += 6 * strlen(w->words[i]) + 3; /* every byte escaped at worst, quotes, comma */
    char *json = malloc(size);
    if (!json)
        return NULL;
    size_t n = 0;
    json[n++] = '[';
    for (size_t i = 0; i < w->count; i++) {
        n += (size_t)sprintf(json + n, "%s\"", i ? "," : "");
        for (const unsigned char *c = (const unsigned char *)w->words[i]; *c; c++) {
            if (*c == '"' || *c == '\\')
                n += (size_t)sprintf(json + n, "\\%c", *c);
            else if (*c < 0x20)
                n += (size_t)sprintf(json + n, "\\u%04x", *c);
            else
                json[n++] = (char)*c;
        }
        json[n++] = '"';
    }
    json[n++] = ']';
    json[n] = '\0';
    return json;
}

htx_status htx_word_terms(htx_store *s, const char *query, char **terms, int64_t *postings, htx_error *err)
{
    *terms = NULL;
    *postings = 0;
    word_set words = {0};
    bool found = false;
    htx_status st = rarest_words(s, query, &words, &found, err);
    if (st == HTX_OK && found) {
        *terms = words_as_json(&words);
        *postings = words.postings;
        if (!*terms)
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    word_set_clear(&words);
    return st;
}

static htx_status step(htx_store *s, stream *x, htx_error *err)
{
    int rc = sqlite3_step(x->stmt);
    x->live = rc == SQLITE_ROW;
    if (x->live) {
        x->bucket = sqlite3_column_int64(x->stmt, 0);
        x->id = sqlite3_column_int64(x->stmt, 1);
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
}

static htx_status bucket_of(htx_store *s, const void *key, int key_len, int64_t *bucket, htx_error *err)
{
    sqlite3_stmt *stmt = htx_store_statement(
        s, "SELECT bucket FROM name_bucket WHERE lower_key <= :key ORDER BY lower_key DESC LIMIT 1", err);
    if (!stmt)
        return HTX_ERR_DB;
    sqlite3_bind_blob(stmt, sqlite3_bind_parameter_index(stmt, ":key"), key, key_len, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    *bucket = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    htx_status st = rc == SQLITE_ROW || rc == SQLITE_DONE ? HTX_OK : htx_store_fail(s, err);
    htx_stmt_release(stmt);
    return st;
}

static htx_status open_streams(htx_store *s, htx_word_cursor *c, const word_set *words, int64_t from,
                               htx_error *err)
{
    const char *sql = c->backwards ? "SELECT bucket, id FROM search_word WHERE word = :word AND bucket <= :bucket"
                                     " ORDER BY bucket DESC, id DESC"
                                   : "SELECT bucket, id FROM search_word WHERE word = :word AND bucket >= :bucket"
                                     " ORDER BY bucket, id";
    htx_status st = HTX_OK;
    for (size_t i = 0; i < words->count && st == HTX_OK; i++) {
        stream *x = &c->streams[c->count];
        if (sqlite3_prepare_v2(htx_store_db(s), sql, -1, &x->stmt, NULL) != SQLITE_OK) {
            sqlite3_finalize(x->stmt);
            return htx_store_fail(s, err);
        }
        c->count++;
        sqlite3_bind_text(x->stmt, 1, words->words[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(x->stmt, 2, from);
        st = step(s, x, err);
    }
    return st;
}

htx_status htx_word_cursor_open(htx_store *s, const char *query, const void *key, int key_len, bool backwards,
                                htx_word_cursor **out, htx_error *err)
{
    *out = NULL;
    word_set words = {0};
    bool found = false;
    htx_status st = rarest_words(s, query, &words, &found, err);
    if (st != HTX_OK || !found)
        return st;
    int64_t from = backwards ? INT64_MAX : INT64_MIN;
    if (key)
        st = bucket_of(s, key, key_len, &from, err);
    htx_word_cursor *c = st == HTX_OK ? calloc(1, sizeof *c) : NULL;
    if (st == HTX_OK && !c)
        st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    if (c) {
        c->s = s;
        c->backwards = backwards;
        st = open_streams(s, c, &words, from, err);
    }
    word_set_clear(&words);
    if (st != HTX_OK) {
        htx_word_cursor_close(c);
        return st;
    }
    *out = c;
    return HTX_OK;
}

static int compare_ids(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static bool push_id(htx_word_cursor *c, int64_t id)
{
    if (c->id_count == c->id_capacity) {
        size_t capacity = c->id_capacity ? 2 * c->id_capacity : 256;
        int64_t *ids = realloc(c->ids, capacity * sizeof *ids);
        if (!ids)
            return false;
        c->ids = ids;
        c->id_capacity = capacity;
    }
    c->ids[c->id_count++] = id;
    return true;
}

/* The ids gathered, sorted, once each, as a JSON array. */
static bool ids_as_json(htx_word_cursor *c)
{
    qsort(c->ids, c->id_count, sizeof *c->ids, compare_ids);
    free(c->json);
    c->json = malloc(c->id_count * 21 + 3);
    if (!c->json)
        return false;
    size_t n = 0;
    c->json[n++] = '[';
    for (size_t i = 0; i < c->id_count; i++)
        if (i == 0 || c->ids[i] != c->ids[i - 1])
            n += (size_t)sprintf(c->json + n, "%s%lld", n > 1 ? "," : "", (long long)c->ids[i]);
    c->json[n++] = ']';
    c->json[n] = '\0';
    return true;
}

/* The bucket read next: the lowest (highest going backwards) of the live
 * streams'; false when every stream is done. */
static bool next_bucket(const htx_word_cursor *c, int64_t *bucket)
{
    bool any = false;
    for (size_t i = 0; i < c->count; i++) {
        const stream *x = &c->streams[i];
        if (x->live && (!any || (c->backwards ? x->bucket > *bucket : x->bucket < *bucket))) {
            *bucket = x->bucket;
            any = true;
        }
    }
    return any;
}

htx_status htx_word_cursor_next(htx_word_cursor *c, size_t at_least, const char **ids, htx_error *err)
{
    *ids = NULL;
    c->id_count = 0;
    int64_t bucket = 0;
    htx_status st = HTX_OK;
    while (st == HTX_OK && c->id_count < at_least && next_bucket(c, &bucket)) {
        for (size_t i = 0; i < c->count && st == HTX_OK; i++) {
            stream *x = &c->streams[i];
            while (st == HTX_OK && x->live && x->bucket == bucket) {
                if (!push_id(c, x->id))
                    return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
                st = step(c->s, x, err);
            }
        }
    }
    if (st != HTX_OK || c->id_count == 0)
        return st;
    if (!ids_as_json(c))
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    *ids = c->json;
    return HTX_OK;
}

void htx_word_cursor_close(htx_word_cursor *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++)
        sqlite3_finalize(c->streams[i].stmt);
    free(c->ids);
    free(c->json);
    free(c);
}
