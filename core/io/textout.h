/*
 * Writing values into machine-readable text: CSV (RFC 4180), TSV and JSON.
 */
#ifndef HTX_TEXTOUT_H
#define HTX_TEXTOUT_H

#include <stdio.h>

/* A CSV field: quoted when it holds a comma, quote, CR or LF (quotes doubled). */
void htx_csv_field(FILE *out, const char *value);
/* The same quoting with another separator: quoted when the value holds the
 * separator, a quote, CR or LF.  With '\t', the tab-separated text that
 * spreadsheets write and read (not htx_tsv_field's escapes). */
void htx_delimited_field(FILE *out, const char *value, char separator);
/* A TSV field: tab, newline, CR and backslash written as \t \n \r \\. */
void htx_tsv_field(FILE *out, const char *value);
/* A JSON string literal with its quotes; control characters escaped. */
void htx_json_string(FILE *out, const char *value);

#endif
