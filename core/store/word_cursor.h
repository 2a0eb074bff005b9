/*
 * Reading the word index (search_words.h) for a search (private to
 * core/store/): the words the query's rarest part can lie in, and their
 * postings merged bucket by bucket in name order, so the screen's page of
 * matches is found among a few hundred candidates wherever in the register
 * they stand.
 */
#ifndef HTX_WORD_CURSOR_H
#define HTX_WORD_CURSOR_H

#ifndef HTX_PRIVATE_CORE_STORE
#error "word_cursor.h is private to core/store/: include the folder's public headers instead"
#endif

#include <stdbool.h>
#include <stddef.h>

#include "store.h"

typedef struct htx_word_cursor htx_word_cursor;

/*
 * Opens a cursor on the candidates of query (a name search, fold.h) from the
 * bucket of the name key key (key_len bytes; NULL: from the first or, going
 * backwards, the last name).  *out stays NULL when the index cannot narrow
 * the query (every part holds digits, or its parts lie in too many words):
 * the caller then reads the names in order and tests each.
 */
htx_status htx_word_cursor_open(htx_store *s, const char *query, const void *key, int key_len, bool backwards,
                                htx_word_cursor **out, htx_error *err);

/* The next candidates, whole buckets until at least at_least of them, as a
 * JSON array of distinct ids in *ids (owned by the cursor, valid until the
 * next call); *ids is NULL when there are none left. */
htx_status htx_word_cursor_next(htx_word_cursor *c, size_t at_least, const char **ids, htx_error *err);

void htx_word_cursor_close(htx_word_cursor *c);

/* The terms a cursor on query reads, as a JSON array of strings in *terms
 * (malloc'd; NULL when the index cannot narrow the query), and how many
 * postings they hold: the candidates, for an order other than the names'. */
htx_status htx_word_terms(htx_store *s, const char *query, char **terms, int64_t *postings, htx_error *err);

#endif
