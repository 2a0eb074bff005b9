/*
 * The columns of an import file mapped by hand, remembered in the register
 * for the next file with the same headers: offices send the same sheet
 * every quarter, and the mapping is chosen once.
 *
 * A file's headers are known by their plain folds (marks and case
 * ignored), joined by tabs; the fields are the field keys of the columns in
 * order, "-" for a column not imported, joined by tabs.
 */
#ifndef HTX_IMPORT_MAPS_H
#define HTX_IMPORT_MAPS_H

#include "error.h"
#include "store.h"

/* The fields remembered for headers into *fields (to free), or
 * HTX_ERR_NOT_FOUND. */
htx_status htx_import_maps_load(htx_store *s, const char *headers, char **fields, htx_error *err);
/* Remembers fields for headers (replacing what was), by user. */
htx_status htx_import_maps_save(htx_store *s, const char *headers, const char *fields, const char *user,
                                htx_error *err);

#endif
