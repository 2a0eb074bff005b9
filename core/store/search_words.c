#include "search_words.h"

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

htx_status htx_search_words_rebuild(htx_store *s, htx_error *err)
{
    /* Sorted before insertion: the postings' B-tree is then written in
     * order, not page by random page. */
    static const char rebuild[] =
        "DELETE FROM name_bucket; DELETE FROM search_word; DELETE FROM search_vocab;"
        "INSERT OR IGNORE INTO name_bucket(lower_key, bucket)"
        "  SELECT x'', 0 UNION ALL"
        "  SELECT name_key, n FROM (SELECT name_key, row_number() OVER (ORDER BY name_key, id) AS n"
        "                           FROM cooperative)"
        "  WHERE n % 256 = 0;"
        "INSERT OR IGNORE INTO search_word(word, bucket, id)"
        "  SELECT" TERM("r.words") ", r.bucket, r.id"
        "  FROM (SELECT c.id, " WORDS_ARRAY("c.name_plain") " AS words, " BUCKET_OF("c.name_key") " AS bucket"
        "        FROM cooperative c LIMIT -1) AS r,"
        TERMS_OF("r.words") " WHERE" IS_TERM("r.words") " ORDER BY 1, 2, 3;"
        "INSERT INTO search_vocab(word, postings) SELECT word, count(*) FROM search_word GROUP BY word;";
    _Static_assert(HTX_BUCKET_ROWS == 256, "the rebuild's SQL cuts buckets every 256 rows");
    return htx_store_exec(s, rebuild, err);
}

htx_status htx_search_words_create(htx_store *s, htx_error *err)
{
    htx_status st = htx_store_exec(s, words_schema, err);
    if (st == HTX_OK)
        st = htx_store_exec(s, HTX_WORDS_INSERT_TRIGGER, err);
    if (st == HTX_OK)
        st = htx_search_words_rebuild(s, err);
    return st;
}

htx_status htx_search_words_catch_up(htx_store *s, int64_t last_id, htx_error *err)
{
    static const char *const catch_up[] = {
        "INSERT OR IGNORE INTO search_word(word, bucket, id)"
        " SELECT" TERM("r.words") ", r.bucket, r.id"
        " FROM (SELECT c.id, " WORDS_ARRAY("c.name_plain") " AS words, " BUCKET_OF("c.name_key") " AS bucket"
        "       FROM cooperative c WHERE c.id > ?1 LIMIT -1) AS r,"
        TERMS_OF("r.words") " WHERE" IS_TERM("r.words") " ORDER BY 1, 2, 3",
        "INSERT INTO search_vocab(word, postings)"
        " SELECT word, count(*) FROM (SELECT DISTINCT" TERM("r.words") "AS word, r.id"
        "                             FROM (SELECT c.id, " WORDS_ARRAY("c.name_plain") " AS words"
        "                                   FROM cooperative c WHERE c.id > ?1 LIMIT -1) AS r,"
        TERMS_OF("r.words") " WHERE" IS_TERM("r.words") ")"
        " GROUP BY word"
        " ON CONFLICT(word) DO UPDATE SET postings = postings + excluded.postings",
    };
    return htx_store_run_each(s, catch_up, sizeof catch_up / sizeof catch_up[0], last_id, err);
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
