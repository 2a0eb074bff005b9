/*
 * The register of cooperatives: create, read, update, with the audit log.
 *
 * Every save writes the record and one audit-log entry in one transaction.
 * Saves are guarded by the record's version (optimistic locking): a save
 * based on an old version fails with HTX_ERR_CONFLICT and changes nothing.
 */
#ifndef HTX_REGISTRY_H
#define HTX_REGISTRY_H

#include "coop.h"
#include "store.h"

/* Stores a new cooperative (c->id, version, created/updated times are set).
 * A code already present fails with HTX_ERR_DUPLICATE. */
htx_status htx_coop_insert(htx_store *s, htx_coop *c, const char *user, htx_error *err);

/* Loads by registration code; HTX_ERR_NOT_FOUND when absent. */
htx_status htx_coop_load(htx_store *s, const char *code, htx_coop *out, htx_error *err);
htx_status htx_coop_load_id(htx_store *s, int64_t id, htx_coop *out, htx_error *err);

/*
 * Saves c, which was loaded as version c->version.  On success c->version
 * and updated_at advance.  The audit entry lists the fields that differ from
 * the stored record with old and new values; saving an unchanged record
 * writes nothing.
 */
htx_status htx_coop_update(htx_store *s, htx_coop *c, const char *user, htx_error *err);

/*
 * Deletes the cooperative (and its memberships) if it is still at version
 * c->version; the audit entry keeps every old value.  Staff normally change
 * the status (suspended, dissolved) instead; deletion is for mistakes.
 */
htx_status htx_coop_delete(htx_store *s, const htx_coop *c, const char *user, htx_error *err);

/*
 * The cooperatives in district, other than exclude_id, whose name is the
 * same once case, marks, tone placement, invisible characters and the legal
 * form ("Hợp tác xã", "HTX", "HTX DV" …, legal_form.h) are set aside: the
 * likely duplicates of a cooperative named name.  Fills up to max of them
 * into found (oldest first) and sets *count to how many there are in all
 * (0 when none).
 */
#define HTX_SIMILAR_MAX 5
htx_status htx_coop_find_similar(htx_store *s, const char *name, const char *district, int64_t exclude_id,
                                 htx_coop found[], int max, int *count, htx_error *err);

/* Variant of insert used by bulk loaders that already hold a transaction:
 * does not begin or commit. */
htx_status htx_coop_insert_in_tx(htx_store *s, htx_coop *c, const char *user, htx_error *err);
/*
 * For a loader that checks every record before it takes the write lock
 * (the importer): what inserting c writes besides its fields — the name's
 * sort keys and plain forms, and the change-log entry — computed ahead by
 * htx_coop_prepare_insert(), then written by htx_coop_insert_prepared_in_tx()
 * in the caller's transaction, which does no more than the inserts.  A code
 * registered meanwhile fails with HTX_ERR_DUPLICATE (the code's unique
 * index tells, without a look-up of its own).
 */
typedef struct htx_coop_prepared {
    unsigned char *name_key;
    size_t name_key_len;
    char *name_plain;
    unsigned char *distinctive_key;
    size_t distinctive_key_len;
    char *distinctive_plain;
    char *changes; /* the change log's JSON */
} htx_coop_prepared;

htx_status htx_coop_prepare_insert(const htx_coop *c, htx_coop_prepared *p, htx_error *err);
void htx_coop_prepared_free(htx_coop_prepared *p);
htx_status htx_coop_insert_prepared_in_tx(htx_store *s, htx_coop *c, const htx_coop_prepared *p,
                                          const char *user, htx_error *err);

/* Likewise for update: the caller holds the transaction; on failure the
 * caller rolls back (c->version may be left bumped only on success). */
htx_status htx_coop_update_in_tx(htx_store *s, htx_coop *c, const char *user, htx_error *err);

#endif
