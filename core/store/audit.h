/*
 * The audit log: who changed what, when, with old and new values.
 *
 * Each entry records one change event (a save, a membership change) with
 * the fields that changed as a JSON object {"field": [old, new], …}, readable
 * in the sqlite3 shell.
 */
#ifndef HTX_AUDIT_H
#define HTX_AUDIT_H

#include <stdint.h>

#include "store.h"

typedef struct htx_audit_entry {
    int64_t id;
    char at[20]; /* UTC "yyyy-mm-dd hh:mm:ss" */
    char user[64];
    char action[16]; /* create, update, join, leave, … */
    char entity_key[32]; /* the cooperative's code */
    const char *changes; /* JSON; valid during the visitor call */
} htx_audit_entry;

typedef int (*htx_audit_visitor)(const htx_audit_entry *e, void *ctx);

/* The newest entries about a cooperative, newest first. */
htx_status htx_audit_recent(htx_store *s, const char *coop_code, int limit,
                            htx_audit_visitor visit, void *ctx, htx_error *err);

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

/* Appends an entry (inside the caller's transaction). */
htx_status htx_audit_record(htx_store *s, const char *user, const char *action,
                            const char *entity_key, const char *changes_json, htx_error *err);

/* The user name to record: override when given, else $USER, else the login name. */
const char *htx_audit_user(const char *override);

#endif
