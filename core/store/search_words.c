#include "search_words.h"

#include <stdio.h>
#include <string.h>

#include "store_internal.h"

/* (The rows' words and buckets are read in a subquery that LIMIT -1 keeps
 * from being flattened: flattened, they were made again for every term.) */

/* SQL of the words of a plain fold: its digits made spaces, quoted as one
 * JSON string whose spaces are then the separators of a JSON array (a
 * quoted string holds no raw space but those of the text), read back by
 * json_each; runs of spaces give empty words, which are skipped. */
#define DIGITS_AS_SPACES(x)                                                                                  \
    "replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(" x                     \
    ", '0', ' '), '1', ' '), '2', ' '), '3', ' '), '4', ' '), '5', ' '), '6', ' '), '7', ' '), '8', ' '), '9', ' ')"
#define WORDS_ARRAY(x) "('[' || replace(json_quote(" DIGITS_AS_SPACES(x) "), ' ', '\",\"') || ']')"
/* The terms of an array of words: each word, and each pair of words next to
 * each other ("tong hop"), so that a query of two words reads the names
 * where they follow each other, not every name holding the first.
 * Selected as TERM(array) from TERMS_OF(array) where IS_TERM(array); the
 * word after a word is taken by its index, the array read once. */
#define TERMS_OF(arr) " json_each(" arr ") AS a, json_each('[0,1]') AS k "
#define NEXT_WORD(arr) "json_extract(" arr ", '$[' || (a.key + 1) || ']')"
#define TERM(arr) " CASE k.value WHEN 0 THEN a.value ELSE a.value || ' ' || " NEXT_WORD(arr) " END "
#define IS_TERM(arr) " a.value <> '' AND (k.value = 0 OR " NEXT_WORD(arr) " <> '') "
#define BUCKET_OF(key) "(SELECT bucket FROM name_bucket WHERE lower_key <= " key " ORDER BY lower_key DESC LIMIT 1)"

#define INDEX_ROW(prefix)                                                                                    \
    "  INSERT OR IGNORE INTO search_word(word, bucket, id)"                                                  \
    "   SELECT" TERM(WORDS_ARRAY(prefix ".name_plain")) ", " BUCKET_OF(prefix ".name_key") ", " prefix ".id FROM" TERMS_OF(WORDS_ARRAY(prefix ".name_plain")) \
    "   WHERE" IS_TERM(WORDS_ARRAY(prefix ".name_plain")) ";"                                                                                   \
    "  INSERT INTO search_vocab(word, postings)"                                                             \
    "   SELECT DISTINCT" TERM(WORDS_ARRAY(prefix ".name_plain")) ", 1 FROM" TERMS_OF(WORDS_ARRAY(prefix ".name_plain")) " WHERE" IS_TERM(WORDS_ARRAY(prefix ".name_plain"))                     \
    "   ON CONFLICT(word) DO UPDATE SET postings = postings + 1;"

#define UNINDEX_ROW(prefix)                                                                                  \
    "  DELETE FROM search_word WHERE bucket = " BUCKET_OF(prefix ".name_key") " AND id = " prefix ".id"      \
    "   AND word IN (SELECT" TERM(WORDS_ARRAY(prefix ".name_plain")) "FROM" TERMS_OF(WORDS_ARRAY(prefix ".name_plain")) "WHERE" IS_TERM(WORDS_ARRAY(prefix ".name_plain")) ");"                 \
    "  UPDATE search_vocab SET postings = postings - 1"                                                      \
    "   WHERE word IN (SELECT" TERM(WORDS_ARRAY(prefix ".name_plain")) "FROM" TERMS_OF(WORDS_ARRAY(prefix ".name_plain")) "WHERE" IS_TERM(WORDS_ARRAY(prefix ".name_plain")) ");"               \
    "  DELETE FROM search_vocab WHERE postings <= 0;"

const char HTX_WORDS_INSERT_TRIGGER[] =
    "CREATE TRIGGER words_insert AFTER INSERT ON cooperative BEGIN" INDEX_ROW("NEW") "END;";

static const char words_schema[] =
    "CREATE TABLE name_bucket ("
    "  lower_key BLOB PRIMARY KEY,"
    "  bucket INTEGER NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TABLE search_word ("
    "  word TEXT NOT NULL,"
    "  bucket INTEGER NOT NULL,"
    "  id INTEGER NOT NULL,"
    "  PRIMARY KEY (word, bucket, id)"
    ") WITHOUT ROWID;"
    "CREATE TABLE search_vocab ("
    "  word TEXT PRIMARY KEY,"
    "  postings INTEGER NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TRIGGER words_delete AFTER DELETE ON cooperative BEGIN" UNINDEX_ROW("OLD") "END;"
    "CREATE TRIGGER words_update AFTER UPDATE OF name_plain, name_key ON cooperative"
    "  WHEN OLD.name_plain IS NOT NEW.name_plain OR OLD.name_key IS NOT NEW.name_key BEGIN"
    UNINDEX_ROW("OLD") INDEX_ROW("NEW") "END;";

htx_status htx_search_words_create(htx_store *s, htx_error *err)
{
    htx_status st = htx_store_exec(s, words_schema, err);
    if (st == HTX_OK)
        st = htx_store_exec(s, HTX_WORDS_INSERT_TRIGGER, err);
    if (st == HTX_OK)
        st = htx_search_words_rebuild(s, err);
    return st;
}

/*
 * The terms of a plain fold as a JSON array, each once: the rule of
 * WORDS_ARRAY, TERM and IS_TERM above, for indexing many rows at once (a
 * bulk load's catch-up, the rebuild).  In SQL every name's words were made
 * again for each of its terms (json_extract of the next word), and after a
 * load all of them twice (the postings, then the vocabulary): most of the
 * time the write lock was held after a load of 100,000 rows.  The triggers
 * keep the SQL: a row written by another program needs no function of
 * htx's.  test_search_words checks that both give the same terms.
 */
typedef struct term_list {
    char *json;
    size_t len, size;
    bool failed;
} term_list;

static void put_bytes(term_list *t, const char *bytes, size_t n)
{
    if (t->failed)
        return;
    if (t->len + n + 1 > t->size) {
        size_t size = (t->size ? t->size * 2 : 256) + n;
        char *grown = sqlite3_realloc64(t->json, size);
        if (!grown) {
            t->failed = true;
            return;
        }
        t->json = grown;
        t->size = size;
    }
    memcpy(t->json + t->len, bytes, n);
    t->len += n;
}

/* text[0..n) as a JSON string (RFC 8259: quote, backslash and controls
 * escaped). */
static void put_json_string(term_list *t, const char *text, size_t n)
{
    put_bytes(t, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        char escaped[8];
        if (c == '"' || c == '\\') {
            escaped[0] = '\\';
            escaped[1] = (char)c;
            put_bytes(t, escaped, 2);
        } else if (c < 0x20) {
            snprintf(escaped, sizeof escaped, "\\u%04x", c);
            put_bytes(t, escaped, 6);
        } else {
            put_bytes(t, (const char *)&c, 1);
        }
    }
    put_bytes(t, "\"", 1);
}

static bool is_cut(char c)
{
    return c == ' ' || (c >= '0' && c <= '9');
}

/* Whether term is among the count terms written one after the other, each
 * with its NUL, from terms. */
static bool seen_term(const char *terms, int count, const char *term)
{
    for (int i = 0; i < count; i++, terms += strlen(terms) + 1)
        if (strcmp(terms, term) == 0)
            return true;
    return false;
}

/* A name's words are cut at each space and digit; a term is a word, or a
 * word and the next one when one cut alone stands between them, written
 * with a space between. */
static void name_terms(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *plain = (const char *)sqlite3_value_text(argv[0]);
    if (!plain)
        plain = "";
    /* Every word once and every pair once: at most three times the text. */
    size_t len = strlen(plain);
    char *terms = sqlite3_malloc64(3 * len + 3);
    term_list out = {0};
    out.failed = !terms;
    put_bytes(&out, "[", 1);
    size_t used = 0;
    int count = 0;
    const char *previous = NULL; /* the word just before the last cut */
    size_t previous_len = 0;
    for (const char *p = plain; terms;) {
        const char *end = p;
        while (*end && !is_cut(*end))
            end++;
        size_t word_len = (size_t)(end - p);
        for (int pair = 0; word_len && pair <= (previous_len > 0); pair++) {
            char *term = terms + used;
            if (pair)
                used += (size_t)sprintf(term, "%.*s %.*s", (int)previous_len, previous, (int)word_len, p) + 1;
            else
                used += (size_t)sprintf(term, "%.*s", (int)word_len, p) + 1;
            if (seen_term(terms, count, term)) {
                used = (size_t)(term - terms);
                continue;
            }
            put_bytes(&out, count ? "," : "", count ? 1 : 0);
            put_json_string(&out, term, strlen(term));
            count++;
        }
        previous = p;
        previous_len = word_len;
        if (!*end)
            break;
        p = end + 1;
    }
    sqlite3_free(terms);
    put_bytes(&out, "]", 1);
    if (out.failed) {
        sqlite3_free(out.json);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text64(ctx, out.json, out.len, sqlite3_free, SQLITE_UTF8);
}

/* The rows after last_id with their bucket and the array of their terms. */
#define NEW_ROWS_TERMS                                                                                       \
    "(SELECT c.id, htx_name_terms(c.name_plain) AS terms, " BUCKET_OF("c.name_key") " AS bucket"            \
    " FROM cooperative c WHERE c.id > ?1 LIMIT -1) AS r, json_each(r.terms) AS t"

/* The terms' function, on the connection that indexes. */
static htx_status register_name_terms(htx_store *s, htx_error *err)
{
    if (sqlite3_create_function(htx_store_db(s), "htx_name_terms", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                name_terms, NULL, NULL) != SQLITE_OK)
        return htx_store_fail(s, err);
    return HTX_OK;
}

/* Sorted before insertion: the postings' B-tree is then written in order,
 * not page by random page. */
static const char index_new_rows[] =
    "INSERT OR IGNORE INTO search_word(word, bucket, id)"
    " SELECT t.value, r.bucket, r.id FROM " NEW_ROWS_TERMS " ORDER BY 1, 2, 3";

htx_status htx_search_words_catch_up(htx_store *s, int64_t last_id, htx_error *err)
{
    static const char *const catch_up[] = {
        index_new_rows,
        /* Read back in word order, the postings need no sort. */
        "INSERT INTO search_vocab(word, postings)"
        " SELECT word, count(*) FROM search_word WHERE id > ?1 GROUP BY word"
        " ON CONFLICT(word) DO UPDATE SET postings = postings + excluded.postings",
    };
    htx_status st = register_name_terms(s, err);
    if (st == HTX_OK)
        st = htx_store_run_each(s, catch_up, sizeof catch_up / sizeof catch_up[0], last_id, err);
    return st;
}

htx_status htx_search_words_rebuild(htx_store *s, htx_error *err)
{
    static const char buckets[] =
        "DELETE FROM name_bucket; DELETE FROM search_word; DELETE FROM search_vocab;"
        "INSERT OR IGNORE INTO name_bucket(lower_key, bucket)"
        "  SELECT x'', 0 UNION ALL"
        "  SELECT name_key, n FROM (SELECT name_key, row_number() OVER (ORDER BY name_key, id) AS n"
        "                           FROM cooperative)"
        "  WHERE n % 256 = 0;";
    static const char *const postings[] = {
        index_new_rows,
        "INSERT INTO search_vocab(word, postings) SELECT word, count(*) FROM search_word GROUP BY word",
    };
    _Static_assert(HTX_BUCKET_ROWS == 256, "the rebuild's SQL cuts buckets every 256 rows");
    htx_status st = register_name_terms(s, err);
    if (st == HTX_OK)
        st = htx_store_exec(s, buckets, err);
    /* Every row is a new one. */
    if (st == HTX_OK)
        st = htx_store_run_each(s, postings, sizeof postings / sizeof postings[0], INT64_MIN, err);
    return st;
}

htx_status htx_search_words_outgrown(htx_store *s, bool *outgrown, htx_error *err)
{
    int64_t rows = 0, buckets = 0;
    *outgrown = false;
    htx_status st = htx_store_int64(s, "SELECT coalesce(sum(cooperatives), 0) FROM district_tally", &rows, err);
    if (st == HTX_OK)
        st = htx_store_int64(s, "SELECT count(*) FROM name_bucket", &buckets, err);
    /* A few buckets' worth of rows is read at once whatever the buckets. */
    if (st == HTX_OK)
        *outgrown = rows > 8 * HTX_BUCKET_ROWS && rows > 2 * HTX_BUCKET_ROWS * buckets;
    return st;
}
