/*
 * The changes of one audit entry: the JSON text that holds them, written by
 * core's writers and read back by whoever shows the change log.
 *
 * The text is one JSON object with a member per changed field, readable in
 * the sqlite3 shell:
 *
 *     {"phone": [null, "02438253640"], "notes": ["a\nb", null]}
 *
 * The key is a field's key (htx_fields in coop.h) or, for membership
 * events, "club", "role", "joined" or "left".  The pair holds the old and
 * the new value, each a string in stored form (ISO dates, codes, plain
 * digits) or null for "no value".  Strings are written by htx_json_string
 * (textout.h): UTF-8 as it is, \" \\ \b \f \n \r \t, and \uXXXX for the
 * other control characters and for U+FFFD.
 *
 * Reading accepts every JSON spelling of that shape (any whitespace between
 * tokens, \/, \uXXXX for any character, surrogate pairs) and nothing else: a
 * text of another shape, which only a hand-edited database can hold, is an
 * error value for the caller to handle (show the text as it is, or skip it),
 * never a crash or a read past its end.
 */
#ifndef HTX_AUDIT_CHANGES_H
#define HTX_AUDIT_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* ---- writing ----------------------------------------------------------------- */

/*
 * Building the JSON of one change event: open, add each changed field (NULL
 * for "no value"), finish.  Used by core's writers.
 */
typedef struct htx_changes {
    char *json;
    size_t size;
    void *stream; /* FILE *, hidden to keep stdio out of this header */
    int count;
} htx_changes;

htx_status htx_changes_open(htx_changes *ch, htx_error *err);
void htx_changes_add(htx_changes *ch, const char *field, const char *old_value, const char *new_value);
/* Closes the object; ch->json is then a malloc'd string the caller frees. */
htx_status htx_changes_finish(htx_changes *ch, htx_error *err);

/* ---- reading ----------------------------------------------------------------- */

/* One changed field.  The strings belong to the iterator and stay valid
 * until its next call to htx_change_iter_next or htx_change_iter_end. */
typedef struct htx_change {
    const char *key;
    const char *old_value; /* NULL: no value (JSON null) */
    const char *new_value; /* NULL: no value */
} htx_change;

/*
 * The changes of one entry, in the order they were written:
 *
 *     htx_change_iter it;
 *     htx_change change;
 *     htx_change_iter_init(&it, entry->changes);
 *     while (htx_change_iter_next(&it, &change))
 *         show(change.key, change.old_value, change.new_value);
 *     if (htx_change_iter_end(&it) != HTX_OK)
 *         show the text as it is;
 *
 * Values are decoded to UTF-8 (\u0000 and unpaired surrogates become
 * U+FFFD, so a value is always a whole C string) but otherwise passed on as
 * the text holds them: they may contain control characters (an escaped ESC
 * is still an ESC) or, in an old or hand-edited entry, invalid UTF-8, so
 * sanitise before showing (htx_text_sanitize in display.h).
 *
 * The fields are the iterator's own; read only error_at.
 */
typedef struct htx_change_iter {
    const char *json;
    const char *next; /* where the next member (or the closing brace) starts */
    char *buffer;     /* the decoded strings of the current change */
    size_t buffer_size;
    int count; /* changes read */
    bool started, finished;
    htx_status status;
    size_t error_at; /* with HTX_ERR_INVALID: the byte of json where reading stopped */
} htx_change_iter;

/* Starts reading json (NULL reads as no changes).  Never fails: every
 * problem is found, and reported, by the calls below. */
void htx_change_iter_init(htx_change_iter *it, const char *json);

/* The next change into *change: true, or false at the end of the object or
 * at the first problem (the changes before it were read correctly). */
bool htx_change_iter_next(htx_change_iter *it, htx_change *change);

/* Releases the iterator (call it also when stopping early) and says how
 * reading went: HTX_OK when every change so far was read and, if next
 * returned false, the object ended properly; HTX_ERR_INVALID when the text
 * is not of the shape above (error_at says where); HTX_ERR_NOMEM. */
htx_status htx_change_iter_end(htx_change_iter *it);

/* ---- showing ------------------------------------------------------------------- */

/*
 * A logged value (not NULL) as the staff read it, into out (size bytes,
 * always NUL-terminated): a field's value as the record shows it (dates
 * dd/mm/yyyy, names of district, sector and status in lang, 1.500.000 đ …),
 * a club's name, a role's name, a membership date dd/mm/yyyy.  A value the
 * field's rules refuse, or of a key it does not know, is copied as stored.
 * Not sanitised.
 */
void htx_change_value_display(const char *key, const char *value, htx_lang lang, char *out,
                              size_t size);

#endif
