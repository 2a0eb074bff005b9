/*
 * Settings kept in the register: short texts staff change without a
 * programmer (the names and signatures on printed documents, doc_settings.h).
 *
 * A setting is a key within a scope: "" for the Alliance's own documents, a
 * club's code for that club's.  A key never set has no row; its default is
 * the business of whoever reads it, so a default can change with a new
 * version while what staff set stays.
 */
#ifndef HTX_SETTINGS_H
#define HTX_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"

/* Copies the value of (scope, key) into out; *found says whether it was set
 * (out is "" when not). */
htx_status htx_setting_read(htx_store *s, const char *scope, const char *key, char *out, size_t size,
                            bool *found, htx_error *err);

/* Sets (scope, key) to value, or forgets it when value is NULL, in one
 * transaction. */
htx_status htx_setting_write(htx_store *s, const char *scope, const char *key, const char *value,
                             htx_error *err);

#endif
