/*
 * The word index of the names (private to core/store/): for each term of a
 * name's plain fold — a word, or two words next to each other — the name's
 * bucket and id, so a search reads the names holding its rarest term in
 * name order without walking the whole register.
 *
 * Words are the runs of a plain fold (fold.h) between spaces and digits: a
 * query part without digits lies inside one of them (a part holds no space),
 * so "the words containing the part" are an exact superset of its matches.
 * A bucket is a run of about HTX_BUCKET_ROWS consecutive names in name order
 * (name_bucket holds the lowest key of each), so a word's postings in
 * (bucket, id) order come bucket by bucket in name order; within a bucket the
 * rows are sorted by key when read.  Triggers keep the index right; buckets
 * are made again when rows grew past twice their size on average.
 */
#ifndef HTX_SEARCH_WORDS_H
#define HTX_SEARCH_WORDS_H

#ifndef HTX_PRIVATE_CORE_STORE
#error "search_words.h is private to core/store/: include the folder's public headers instead"
#endif

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

#define HTX_BUCKET_ROWS 256

/* The tables, their triggers, and the index made for the rows already there:
 * one migration (schema.c). */
htx_status htx_search_words_create(htx_store *s, htx_error *err);

/* The trigger a bulk load drops (schema.c): its text, and the catch-up that
 * indexes the rows with ids above last_id once the load is done. */
extern const char HTX_WORDS_INSERT_TRIGGER[];
htx_status htx_search_words_catch_up(htx_store *s, int64_t last_id, htx_error *err);

/* Whether the rows outgrew their buckets (a register filled row by row),
 * and making buckets and postings again, inside the caller's write
 * transaction. */
htx_status htx_search_words_outgrown(htx_store *s, bool *outgrown, htx_error *err);
htx_status htx_search_words_rebuild(htx_store *s, htx_error *err);

#endif
