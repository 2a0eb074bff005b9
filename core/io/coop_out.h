/*
 * Cooperatives as machine-readable records: TSV, CSV or JSON with English
 * keys.  The columns follow the fields' export positions (coop_fields.def):
 * code, name, district, sector, founded, members, capital, representative,
 * phone, status, then the other fields (sector as its code, district as its
 * name, founded as YYYY-MM-DD).
 * The command line's list and the exporter write through this.
 */
#ifndef HTX_COOP_OUT_H
#define HTX_COOP_OUT_H

#include <stdio.h>

#include "coop.h"

/* TSV and JSON end each record with the record's version (bumped by every
 * save), for scripts that save with compare-and-set. */
#define HTX_RECORD_VERSION_KEY "version"

typedef enum htx_record_format {
    HTX_RECORD_TSV,       /* one line per record, \t \n \\ escaped: for scripts */
    HTX_RECORD_CSV,       /* RFC 4180, CRLF */
    HTX_RECORD_JSON,
    HTX_RECORD_SHEET_TSV, /* tab-separated with CSV's quoting, CRLF: what spreadsheets
                             write and read, and what the importer reads back exactly */
} htx_record_format;

/* The fields in output order (made from their export positions). */
extern const htx_field_id htx_record_fields[HTX_FIELD_COUNT];

typedef struct htx_record_writer {
    FILE *out;
    htx_record_format format;
    long written;
} htx_record_writer;

void htx_records_begin(htx_record_writer *w, FILE *out, htx_record_format format);
void htx_records_write(htx_record_writer *w, const htx_coop *c);
void htx_records_end(htx_record_writer *w);

/* The value of one field as written in records. */
void htx_record_value(const htx_coop *c, htx_field_id id, char *out, size_t size);

#endif
