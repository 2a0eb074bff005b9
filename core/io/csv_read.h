/*
 * Reading delimited text (RFC 4180): comma, semicolon or tab separated
 * fields, double-quoted fields holding separators, quotes ("") and line
 * breaks; records end with CRLF or LF.  Works on decoded UTF-8 text in
 * memory (encoding.h) and reports each record with the line it starts on,
 * so errors can name the line a person sees in an editor.
 */
#ifndef HTX_CSV_READ_H
#define HTX_CSV_READ_H

#include <stddef.h>

#include "error.h"

/* The separator of the first line (outside quotes): whichever of ',', ';'
 * and '\t' occurs most, ',' when none does. */
char htx_csv_detect_separator(const char *text, size_t len);

typedef struct htx_csv_reader {
    const char *text;
    size_t len, pos;
    long line; /* the physical line pos is on, from 1 */
    char separator;
} htx_csv_reader;

/* One record: fields[i] point into the row's own storage, valid until the
 * next htx_csv_next() on the same row or htx_csv_row_free(). */
typedef struct htx_csv_row {
    char **fields;
    size_t count;
    long line; /* the line the record starts on */
    /* storage */
    size_t *offsets;
    size_t field_cap;
    char *chars;
    size_t chars_len, chars_cap;
} htx_csv_row;

void htx_csv_reader_init(htx_csv_reader *r, const char *text, size_t len, char separator);

/*
 * Reads the next record into row, skipping blank lines and records whose
 * every field is empty or blank.  Lines end with LF, CRLF or a lone CR.  Returns HTX_OK,
 * HTX_ERR_NOT_FOUND at the end of the text, or HTX_ERR_INVALID for a quote
 * that is never closed (MSG_CSV_OPEN_QUOTE naming the line it opened on;
 * nothing after it can be read).
 */
htx_status htx_csv_next(htx_csv_reader *r, htx_csv_row *row, htx_error *err);

void htx_csv_row_free(htx_csv_row *row);

#endif
