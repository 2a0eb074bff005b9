/*
 * Reading delimited text (RFC 4180): comma, semicolon or tab separated
 * fields, double-quoted fields holding separators, quotes ("") and line
 * breaks; records end with CRLF or LF.  Works on decoded UTF-8 text
 * (encoding.h), in memory or pulled piece by piece from a source (a file
 * decoded a block at a time), and reports each record with the line it starts
 * on, so errors can name the line a person sees in an editor.
 */
#ifndef HTX_CSV_READ_H
#define HTX_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* The separator of the first line (outside quotes): whichever of ',', ';'
 * and '\t' occurs most, ',' when none does. */
char htx_csv_detect_separator(const char *text, size_t len);

/* Where a streaming reader gets more text: the next piece in *text and *len
 * (valid until the next call), len 0 at the end; or an error, with err set,
 * which the reader returns where the text stops. */
typedef htx_status (*htx_csv_source)(void *ctx, const char **text, size_t *len, htx_error *err);

typedef struct htx_csv_reader {
    const char *text;
    size_t len, pos;
    long line; /* the physical line pos is on, from 1 */
    char separator;
    /* Streaming (htx_csv_reader_stream): the text is a window onto what the
     * source gave, kept from pos on; NULL source for text in memory. */
    htx_csv_source source;
    void *source_ctx;
    char *window;
    size_t window_cap;
    bool at_end;
    htx_status failed; /* the source's error, returned where the text stops */
    htx_error failure;
    size_t max_record; /* bytes of one record's fields; 0: no limit */
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

/* A reader of the text source gives, holding no more of it than the record
 * being read needs.  A record whose fields hold more than max_record bytes
 * (0: no limit) fails with MSG_CSV_RECORD_TOO_LONG naming the line it
 * starts on.  htx_csv_reader_free() releases it. */
void htx_csv_reader_stream(htx_csv_reader *r, htx_csv_source source, void *ctx, char separator,
                           size_t max_record);
/* The text the reader has from pos on, at least the source's first piece
 * when any is left (e.g. for htx_csv_detect_separator); an error of the
 * source is returned here too. */
htx_status htx_csv_peek(htx_csv_reader *r, const char **text, size_t *len, htx_error *err);
void htx_csv_reader_free(htx_csv_reader *r);

/*
 * Reads the next record into row, skipping blank lines and records whose
 * every field is empty or blank.  Lines end with LF, CRLF or a lone CR.  Returns HTX_OK,
 * HTX_ERR_NOT_FOUND at the end of the text, or HTX_ERR_INVALID for a quote
 * that is never closed (MSG_CSV_OPEN_QUOTE naming the line it opened on;
 * nothing after it can be read), a record too long, or the source's error
 * where the source's text stops.
 */
htx_status htx_csv_next(htx_csv_reader *r, htx_csv_row *row, htx_error *err);

void htx_csv_row_free(htx_csv_row *row);

/* A row built cell by cell (a workbook's rows, workbook_read.h): emptied
 * and given its line, then each field added in turn (false when out of
 * memory), then htx_csv_row_finish() points fields[] at them. */
void htx_csv_row_start(htx_csv_row *row, long line);
bool htx_csv_row_add(htx_csv_row *row, const char *text, size_t len);
void htx_csv_row_finish(htx_csv_row *row);

#endif
