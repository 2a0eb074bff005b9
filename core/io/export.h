/*
 * Exporting the register: every field of the cooperatives a filter selects,
 * as CSV, tab-separated (HTX_RECORD_SHEET_TSV: quoted as CSV is, so that
 * the importer and spreadsheets read every value back) or JSON (coop_out.h), in any encoding encoding.h writes,
 * optionally with a BOM; and their club memberships as a second CSV (code,
 * club, role, joined, left) that the importer reads back, so that export
 * then import into an empty database gives the same register.
 */
#ifndef HTX_EXPORT_H
#define HTX_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "coop_out.h"
#include "encoding.h"
#include "query.h"
#include "store.h"

typedef struct htx_export_options {
    htx_record_format format;
    htx_encoding encoding; /* AUTO: UTF-8 */
    bool bom;
} htx_export_options;

/* CSV in UTF-8 with a BOM, which Excel needs to read Vietnamese. */
void htx_export_options_init(htx_export_options *o);

/* Writes the matching cooperatives to out; *count receives how many. */
htx_status htx_export_coops(htx_store *s, const htx_filter *f, const htx_export_options *opt,
                            FILE *out, long *count, htx_error *err);

/* Writes the memberships (current and ended) of the matching cooperatives
 * as CSV or tab-separated, quoted as CSV is (JSON gives CSV). */
htx_status htx_export_memberships(htx_store *s, const htx_filter *f, const htx_export_options *opt,
                                  FILE *out, long *count, htx_error *err);

#endif
