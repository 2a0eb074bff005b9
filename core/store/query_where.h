/*
 * The WHERE clause of a filter, shared by query.c and browse.c (private to
 * core/).  The SQL text varies only with which filters are present; every
 * value is a bound parameter.
 */
#ifndef HTX_QUERY_WHERE_H
#define HTX_QUERY_WHERE_H

#ifndef HTX_PRIVATE_CORE_STORE
#error "query_where.h is private to core/store/: include the folder's public headers instead"
#endif

#include <sqlite3.h>
#include <stdbool.h>

#include "query.h"
#include "store.h"

#define HTX_WHERE_MAX_PARAMS 12

typedef struct htx_where {
    char sql[1024]; /* "WHERE 1 AND …", conditions on "cooperative c" */
    const char *params[HTX_WHERE_MAX_PARAMS];
    int count;
    char *owned[3]; /* parameters made here, freed by htx_where_free */
} htx_where;

/* s is consulted to choose how to search (see query_where.c). */
htx_status htx_where_build(htx_store *s, htx_where *w, const htx_filter *f, htx_error *err);
/* The same for reading a page in the filter's order (browse.c): SQLite is
 * led to walk the order's index rather than sort what a large filter keeps. */
htx_status htx_where_build_in_order(htx_store *s, htx_where *w, const htx_filter *f, htx_error *err);
void htx_where_free(htx_where *w);

/* Whether the filter searches names (not registration codes). */
bool htx_where_name_search(const htx_filter *f);
/* The clause with the search reduced to its exact rule (htx_match), for rows
 * that are already candidates of the search (word_cursor.h). */
void htx_where_build_matching(htx_where *w, const htx_filter *f);

/* Prepares sql and binds the clause's parameters from index first_param on. */
htx_status htx_where_prepare(htx_store *s, const char *sql, const htx_where *w, int first_param,
                             sqlite3_stmt **out, htx_error *err);

#endif
