/*
 * The audit log: who changed what, when, with old and new values.
 *
 * Each entry records one change event (a save, a membership change) with
 * the fields that changed as a JSON object {"field": [old, new], …}, readable
 * in the sqlite3 shell; audit_changes.h writes that text and reads it back.
 */
#ifndef HTX_AUDIT_H
#define HTX_AUDIT_H

#include <stdint.h>

#include "audit_changes.h"
#include "store.h"

typedef struct htx_audit_entry {
    int64_t id;
    char at[20]; /* UTC "yyyy-mm-dd hh:mm:ss" */
    char user[64];
    char action[16]; /* create, update, join, leave, … */
    char entity_key[32]; /* the cooperative's code */
    const char *changes; /* JSON (audit_changes.h); valid during the visitor call */
} htx_audit_entry;

typedef int (*htx_audit_visitor)(const htx_audit_entry *e, void *ctx);

/* The newest entries about a cooperative, newest first. */
htx_status htx_audit_recent(htx_store *s, const char *coop_code, int limit,
                            htx_audit_visitor visit, void *ctx, htx_error *err);

/* Appends an entry (inside the caller's transaction). */
htx_status htx_audit_record(htx_store *s, const char *user, const char *action,
                            const char *entity_key, const char *changes_json, htx_error *err);

/* The user name to record: override when given, else $USER, else the login name. */
const char *htx_audit_user(const char *override);

#endif
